"""Countries, cities, organisations, meetings, titles and leaders, as Vietnamese news writes them.

The data are JSON files under `data/gazetteer/`, built by `scripts/build_gazetteer.py` from CLDR,
pycountry, GeoNames, the curated lists under `data/curated/` and what `scripts/mine_lexicon.py`
found in the corpus (`data/mined/`); nothing is fetched at run time. `load()` reads them once per
process. Leaders, cities and meeting series say where they come from (`source`).

Names match tone-mark-insensitively: every key is `tone_normalise`d ("hoà" = "hòa"), and the
lookup functions (`country`, `city`, `title`, `leader`) also try a folded key (no case, no
diacritics). `find_places` scans running text case-sensitively, with a dict lookup over word
n-grams that start with a capital letter (one pass, no loop over names), so it is fast enough for
the whole corpus.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sukien.lexicon.ambiguity import (
    CAPITALISED_WORD,
    LANGUAGE_AFTER,
    TITLE_BEFORE,
    WORD,
    capitalised_word_after,
    capitalised_word_before,
    in_parentheses,
    listed_with_country,
    safe_before,
    word_after,
)
from sukien.lexicon.entries import City, Country, Edition, Leader, Org, Series, Term, Title
from sukien.text.fold import fold
from sukien.text.normalise import tone_normalise

DATA = Path(__file__).resolve().parents[1] / "data" / "gazetteer"


def syllable_spellings(name: str) -> list[str]:
    """A transliteration and its other spellings in the press: "Cu-ba" is also "Cu Ba" and "Cu-Ba"
    (the hyphens of the official spelling are often dropped or the syllables capitalised)."""
    if "-" not in name or " " in name:
        return [name]
    syllables = name.split("-")
    if not all(syllables):
        return [name]
    capitalised = [syllables[0]] + [x[:1].upper() + x[1:] for x in syllables[1:]]
    return list(dict.fromkeys([name, " ".join(capitalised), "-".join(capitalised)]))


# "G 20" and "G-7", as some papers set them (the key may keep or space the hyphen).
GROUP_SPACED = re.compile(r"(?<![\w])G ?[- ] ?(\d{1,2})(?![\w])")


def _key(name: str) -> str:
    """Exact key: NFC, one tone placement, single spaces."""
    return tone_normalise(" ".join(name.split()))


def _loose(name: str) -> str:
    """Tolerant key: no case, no diacritics."""
    return fold(" ".join(name.split()))


def _sentence_case(name: str) -> str:
    """'Liên Hợp Quốc' and 'Liên hợp quốc' as one key: first letter kept, the rest lower case."""
    return name[:1] + name[1:].lower()


@dataclass(repr=False)
class Gazetteer:
    countries: dict[str, Country]
    cities: list[City]
    orgs: dict[str, Org]
    titles: list[Title]  # longest text first, for matching
    qualifiers: tuple[str, ...]
    series: dict[str, Series]
    leaders: list[Leader]
    # First-level units (US states) -> their country: a place in that country with no city.
    regions: dict[str, str] = field(default_factory=dict)
    _country_by: dict[str, Country] = field(default_factory=dict, repr=False)
    _city_by: dict[str, list[City]] = field(default_factory=dict, repr=False)
    _title_by: dict[str, Title] = field(default_factory=dict, repr=False)
    _leader_by: dict[str, Leader] = field(default_factory=dict, repr=False)
    # last word of a foreign leader's name -> the leaders it may be ("Vance" -> JD Vance)
    _leaders_by_surname: dict[str, list[Leader]] = field(default_factory=dict, repr=False)
    _role_rank: dict[str, int] = field(default_factory=dict, repr=False)
    _military_ranks: frozenset[str] = field(default_factory=frozenset, repr=False)
    # find_places tables: exact key -> (kind, key, ambiguous); and sentence-cased multiword keys
    _places: dict[str, tuple[str, str, int]] = field(default_factory=dict, repr=False)
    # first word of a place name -> the most words a name starting with it has
    _first_words: dict[str, int] = field(default_factory=dict, repr=False)
    _series_patterns: list[tuple[re.Pattern[str], str]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._index()

    def __repr__(self) -> str:
        sizes = f"{len(self.countries)} countries, {len(self.cities)} cities, {len(self.leaders)} leaders"
        return f"<Gazetteer {sizes}>"

    # ------------------------------------------------------------ indexes

    def _index(self) -> None:
        for c in sorted(self.countries.values(), key=lambda c: c.code):
            for n in (c.name, *c.names, *c.ambiguous_names, *c.abbreviations):
                for k in (_key(n), _loose(n)):
                    self._country_by.setdefault(k, c)
        for city in self.cities:  # sorted by population, largest first
            for n in city.names:
                for k in {_key(n), _loose(n)}:
                    self._city_by.setdefault(k, []).append(city)
        for t in self.titles:
            for k in (_key(t.text), _loose(t.text)):
                self._title_by.setdefault(k, t)
            self._role_rank.setdefault(t.role, t.rank)
        self._military_ranks = frozenset(t.role for t in self.titles if t.category == "military")
        for leader in self.leaders:
            for n in (leader.name, *leader.aliases):
                for k in (_key(n), _loose(n)):
                    self._leader_by.setdefault(k, leader)
            if leader.country != "VN" and " " in leader.name:
                # A foreign leader is often named by the last word alone ("Phó Tổng thống Vance");
                # a Vietnamese one by the given name, which many share.
                surname = _key(leader.name).split()[-1]
                self._leaders_by_surname.setdefault(surname, []).append(leader)
        self._index_places()
        for s in self.series.values():
            for n in sorted(s.names, key=len, reverse=True):
                self._series_patterns.append((_phrase_pattern(n), s.code))
        self._series_patterns.sort(key=lambda p: -len(p[0].pattern))

    def _index_places(self) -> None:
        """Countries win over cities and organisations of the same name ("Singapore", "Hồng Kông")."""
        # level: 0 plain, 1 ambiguous (needs a safe context), 2 abbreviation (needs a list)
        entries: list[tuple[str, str, str, int]] = []
        for c in self.countries.values():
            spelled = [v for n in (c.name, *c.names) for v in syllable_spellings(n)]
            entries += [(n, "COUNTRY", c.code, 0) for n in spelled if n not in c.ambiguous_names]
            entries += [(n, "COUNTRY", c.code, 1) for n in c.ambiguous_names]
            entries += [(n, "COUNTRY", c.code, 2) for n in c.abbreviations]
        for org in self.orgs.values():
            entries += [(n, "ORG", org.key, 0) for n in (org.name, *org.names)]
        for city in self.cities:
            entries += [(n, "CITY", city.name, int(n in city.ambiguous_names)) for n in city.names]
        # A state is found as its country ("ở bang Alaska (Mỹ)": where, with no city); names of a
        # country or a city come first and keep theirs.
        entries += [(name, "COUNTRY", country, 0) for name, country in self.regions.items()]
        for name, kind, key, ambiguous in entries:
            k = _key(name)
            if not k or not k[0].isupper():
                continue  # text keys start with a capital: "nước bạn Lào" is matched from "Lào"
            for variant in {k, _sentence_case(k)} if " " in k else {k}:
                if variant not in self._places:
                    self._places[variant] = (kind, key, ambiguous)
                    words = WORD.findall(variant)
                    first = words[0] if words else variant
                    self._first_words[first] = max(self._first_words.get(first, 0), len(words))

    # ------------------------------------------------------------ lookups

    def country(self, name: str) -> Country | None:
        """Any variant, tone/case tolerant."""
        return self._country_by.get(_key(name)) or self._country_by.get(_loose(name))

    def city(self, name: str, country: str | None = None) -> City | None:
        """The city of that name, preferring the given country, then the largest."""
        found = self._city_by.get(_key(name)) or self._city_by.get(_loose(name)) or []
        if country:
            in_country = [c for c in found if c.country == country]
            if in_country:
                return in_country[0]
        return found[0] if found else None

    def org(self, name: str) -> Org | None:
        for org in self.orgs.values():
            if _key(name) in map(_key, (org.name, *org.names)) or _loose(name) in map(
                _loose, (org.name, *org.names)
            ):
                return org
        return None

    def title(self, text: str) -> Title | None:
        return self._title_by.get(_key(text)) or self._title_by.get(_loose(text))

    @property
    def military_ranks(self) -> frozenset[str]:
        """Roles that are ranks ("Đại tướng"): not the office of a person who also holds one."""
        return self._military_ranks  # built once: asked for every title chain

    def role_rank(self, role: str) -> int:
        """Seniority of a short role (lower is more senior); unknown roles last."""
        return self._role_rank.get(role, 1000)

    def leader(self, name: str) -> Leader | None:
        return self._leader_by.get(_key(name)) or self._leader_by.get(_loose(name))

    def leader_titled(self, surname: str, roles: list[str], on: date | None) -> Leader | None:
        """The one foreign leader whose name ends in `surname` and who held one of `roles` on that
        day (any day, when undated): "Phó Tổng thống Vance" is JD Vance. None when none or several
        fit: a surname alone is not enough to tell two namesakes apart."""
        if not roles or " " in surname.strip():
            return None
        fits = {
            leader.name: leader
            for leader in self._leaders_by_surname.get(_key(surname), [])
            if any(t.role in roles and (on is None or t.holds_on(on)) for t in leader.terms)
        }
        countries = {leader.country for leader in fits.values()}
        return next(iter(fits.values())) if len(countries) == 1 else None

    def holder(self, role: str, country: str, on: date) -> Leader | None:
        """The one leader of `country` who held `role` on that day (a curated or mined term)."""
        fits = {
            leader.name: leader
            for leader in self.leaders
            if leader.country == country and any(t.role == role and t.holds_on(on) for t in leader.terms)
        }
        return next(iter(fits.values())) if len(fits) == 1 else None

    def person(self, name: str) -> Leader | None:
        return self.leader(name)

    def roles_at(self, name: str, on: date) -> list[str]:
        """The short roles the person held on that day, most senior first."""
        leader = self.leader(name)
        if leader is None:
            return []
        # A term written with its body ("Chủ tịch Đảng Nhân dân Campuchia") is the title's short role.
        held = [t.role for t in leader.terms if t.holds_on(on)]
        roles = {short.role if (short := self.title(role)) else role for role in held}
        return sorted(roles, key=lambda r: (self.role_rank(r), r))

    # ------------------------------------------------------------ meetings

    def series_for(self, text: str) -> Series | None:
        """The recurring meeting a name belongs to: 'Hội nghị cấp cao APEC lần thứ 30' -> APEC.
        Where the text names several, the first named wins (then the longest name)."""
        norm = GROUP_SPACED.sub(r"G\1", _key(text))  # "G 20" as some papers set it is G20
        best: tuple[int, int, str] | None = None
        for pattern, code in self._series_patterns:
            m = pattern.search(norm)
            if m and (best is None or (m.start(), -len(m.group())) < best[:2]):
                best = (m.start(), -len(m.group()), code)
        return self.series[best[2]] if best else None

    def series_in(self, text: str) -> list[tuple[int, int, str]]:
        """Every series name in a text: (start, end, code), leftmost-longest, not overlapping."""
        norm = _key(text)
        hits = sorted(
            (
                (m.start(), -(m.end() - m.start()), code)
                for p, code in self._series_patterns
                for m in p.finditer(norm)
            ),
        )
        out: list[tuple[int, int, str]] = []
        for start, neg_len, code in hits:
            if out and start < out[-1][1]:
                continue
            out.append((start, start - neg_len, code))
        return out

    def number_for(self, code: str, year: int, on: date | None = None) -> int | None:
        """The number of the series' meeting in that year (APEC 2023 -> 30). Where a series met more
        than once that year (ASEAN), `on` picks the edition nearest that day; without it, None."""
        s = self.series.get(code)
        if s is None:
            return None
        editions = [e for e in s.editions if e.year == year and e.number is not None]
        numbers = sorted({e.number for e in editions if e.number is not None})
        if len(numbers) == 1:
            return numbers[0]
        if numbers:
            if on is None:
                return None
            dated = [e for e in editions if e.start]
            if not dated:
                return None
            return min(dated, key=lambda e: abs((date.fromisoformat(e.start or "") - on).days)).number
        if s.number_offset is not None and year > s.number_offset:
            return year - s.number_offset
        return None

    def numbers_for(self, code: str, year: int) -> list[int]:
        """All the numbers a series held in a year (ASEAN meets twice)."""
        s = self.series.get(code)
        if s is None:
            return []
        numbered = sorted({e.number for e in s.editions if e.year == year and e.number is not None})
        if numbered:
            return numbered
        n = self.number_for(code, year)
        return [n] if n is not None else []

    def year_for(self, code: str, number: int) -> int | None:
        s = self.series.get(code)
        if s is None:
            return None
        for e in s.editions:
            if e.number == number:
                return e.year
        if s.number_offset is not None:
            return number + s.number_offset
        return None

    def edition(self, code: str, year: int, number: int | None = None) -> Edition | None:
        s = self.series.get(code)
        if s is None:
            return None
        for e in s.editions:
            if e.year == year and (number is None or e.number == number):
                return e
        return None

    def edition_held(self, code: str, city: str | None, country: str | None) -> Edition | None:
        """The one edition of a series held in that city (else that country), or None when none or
        several were: "G20 tại Hamburg" is the G20 of 2017 whatever year the story leaves out."""
        s = self.series.get(code)
        if s is None:
            return None
        for wanted, attribute in ((city, "city"), (country, "country")):
            if not wanted:
                continue
            held = [e for e in s.editions if getattr(e, attribute) == wanted]
            if len(held) == 1:
                return held[0]
            if held:
                return None  # several editions there: the place cannot tell which
        return None

    # ------------------------------------------------------------ running text

    def find_places(self, text: str, normalised: bool = False) -> list[tuple[int, int, str, str]]:
        """(start, end, "COUNTRY"|"CITY"|"ORG", key) over the text: whole words, case-sensitive,
        leftmost-longest; ambiguous country names only in a safe context. Pass `normalised=True`
        with text that is already `tone_normalise`d (`Doc.norm`) to skip that step."""
        norm = text if normalised else tone_normalise(text)
        found: list[tuple[int, int, str, str, int]] = []
        done = 0  # end of the last match: matches do not overlap
        for m in CAPITALISED_WORD.finditer(norm):
            most = self._first_words.get(m.group())
            if not most or m.start() < done:
                continue
            spans = [m.span()]
            if most > 1:
                for nxt in WORD.finditer(norm, m.end()):
                    if len(spans) == most or "\n" in norm[spans[-1][1] : nxt.start()]:
                        break
                    spans.append(nxt.span())
            for n in range(len(spans), 0, -1):
                span = norm[m.start() : spans[n - 1][1]]
                entry = self._places.get(span) or (
                    self._places.get(" ".join(span.split())) if n > 1 else None
                )
                if entry:
                    end = spans[n - 1][1]
                    if norm[end : end + 1] == "." and f"{span}." in self._places:
                        end += 1  # "Washington D.C.": the abbreviation's own last point
                    found.append((m.start(), end, *entry))
                    done = end
                    break
        return self._resolve(norm, found)

    def _resolve(
        self, text: str, found: list[tuple[int, int, str, str, int]]
    ) -> list[tuple[int, int, str, str]]:
        """Drop one-word names glued to a longer proper name, and ambiguous names out of context."""
        out: list[tuple[int, int, str, str]] = []
        for idx, (s, e, kind, key, ambiguous) in enumerate(found):
            one_word = WORD.fullmatch(text[s:e]) is not None
            before = safe_before(text, s)
            form = STATE_FORM_BEFORE.search(text, max(0, s - 40), s) if kind == "COUNTRY" else None
            if form is not None:
                # "Cộng hòa Czech", "Vương quốc Bhutan": the state's form is part of its name.
                out.append((form.start(), e, kind, key))
                continue
            if kind != "ORG" and NEWSPAPER_AFTER.match(text, e):
                continue  # "báo New York Times", "Washington Post": a newspaper, not the city
            if one_word and kind != "ORG":
                # "WEF Davos", "APEC Đà Nẵng": an organisation's acronym before a city is no part of it.
                after_org = any(k == "ORG" and oe == s - 1 and text[oe] == " " for _, oe, k, _, _ in found)
                glued_before = capitalised_word_before(text, s) and before is None and not after_org
                # "đến sân bay Sydney Kingsford Smith": an airport is named after its city first.
                glued_after = (
                    capitalised_word_after(text, e)
                    and before not in TITLE_BEFORE
                    and not (kind == "CITY" and AIRPORT_BEFORE.search(text, max(0, s - 24), s))
                )
                if glued_before or glued_after:
                    continue  # "Lào Cai", "Thị Nga", "Mỹ Tho": part of a longer name
                if LANGUAGE_AFTER.match(text, e):
                    continue  # "Liên minh Nghị viện Pháp ngữ": the language, not France
            listed = ambiguous and listed_with_country(text, found, idx)
            if ambiguous == 2 and not listed:
                continue
            if ambiguous == 1 and not (
                listed or (before is not None or in_parentheses(text, s, e)) and not word_after(text, e)
            ):
                continue
            out.append((s, e, kind, key))
        return out


# The second word of a newspaper named after its city.
NEWSPAPER_AFTER = re.compile(
    r"[ \u00a0]+(?:Times|Post|Herald|Tribune|Journal|Daily|Chronicle|Telegraph|Globe)(?![\w])"
)


# The form of a state written before a country's short name, which no list holds for every country.
STATE_FORM_BEFORE = re.compile(
    r"(?<![\w])(?<!Đảng )(?<!đảng )"
    r"(?:Cộng h(?:òa|oà)(?: (?:Liên bang|Dân chủ Nhân dân|Dân chủ|Hồi giáo|Nhân dân|Ả Rập))?"
    r"|Vương quốc|Liên bang|Đại Công quốc|Công quốc|Hợp chúng quốc)[ \u00a0]+$"
)
AIRPORT_BEFORE = re.compile(r"(?<![\w])[Ss]ân bay (?:[Qq]uốc tế )?$")


def _phrase_pattern(name: str) -> re.Pattern[str]:
    """A series name as a case-insensitive whole-word pattern with flexible spaces; a name written
    're:...' is already a pattern ("COP28", "COP 29")."""
    if name.startswith("re:"):
        return re.compile(name[3:], re.IGNORECASE)
    # A dash with or without spaces ("châu Á - Thái Bình Dương", "châu Á-Thái Bình Dương").
    sides = [r"\s+".join(re.escape(w) for w in side.split()) for side in re.split(r"\s*[-–]\s*", _key(name))]
    return re.compile(r"(?<!\w)" + r"\s*[-–]\s*".join(sides) + r"(?!\w)", re.IGNORECASE)


# ---------------------------------------------------------------- loading


def _read(name: str) -> Any:
    path = DATA / name
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _tuple(values: Iterable[str] | None) -> tuple[str, ...]:
    return tuple(values or ())


@functools.cache
def load() -> Gazetteer:
    """The gazetteer, read once per process."""
    countries = {
        c["code"]: Country(
            code=c["code"],
            name=c["name"],
            names=_tuple(c["names"]),
            ambiguous_names=_tuple(c.get("ambiguous_names")),
            abbreviations=_tuple(c.get("abbreviations")),
            capital=c.get("capital"),
            lat=c.get("lat"),
            lon=c.get("lon"),
            english=c.get("english"),
            body=bool(c.get("body")),
        )
        for c in _read("countries.json") or []
    }
    cities = [
        City(
            name=c["name"],
            names=_tuple(c["names"]),
            country=c["country"],
            geonames_id=c.get("geonames_id"),
            lat=c.get("lat"),
            lon=c.get("lon"),
            population=c.get("population", 0),
            capital=bool(c.get("capital")),
            same_as_country=bool(c.get("same_as_country")),
            ambiguous_names=_tuple(c.get("ambiguous_names")),
            source=c.get("source", "geonames"),
            english=c.get("english"),
        )
        for c in _read("cities.json") or []
    ]
    orgs = {
        o["key"]: Org(key=o["key"], name=o["name"], names=_tuple(o.get("names")), kind=o.get("kind", "org"),
                      country=o.get("country"),
                      venue=bool(o.get("venue")) or o.get("kind") == "venue", seat=o.get("seat"))
        for o in (_read("orgs.json") or {}).get("orgs", [])
    }  # fmt: skip
    title_data = _read("titles.json") or {"titles": [], "qualifiers": []}
    titles = [
        Title(
            t["text"],
            t["role"],
            int(t["rank"]),
            t["category"],
            bool(t["leader_level"]),
            bool(t.get("named_only")),
        )
        for t in title_data["titles"]
    ]
    titles.sort(key=lambda t: (-len(t.text), t.text))
    series = {s.code: s for s in (_series(s) for s in (_read("meetings.json") or {}).get("series", []))}
    leaders = [
        Leader(
            name=p["name"],
            aliases=_tuple(p.get("aliases")),
            country=p.get("country"),
            terms=tuple(Term(role, date.fromisoformat(start), _day(end)) for role, start, end in p["terms"]),
            source=p.get("source", "curated"),
            count=p.get("count"),
        )
        for p in _read("leaders.json") or []
    ]
    return Gazetteer(
        countries=countries,
        cities=cities,
        orgs=orgs,
        titles=titles,
        qualifiers=_tuple(title_data["qualifiers"]),
        series=series,
        leaders=leaders,
        regions={r["name"]: r["country"] for r in _read("regions.json") or []},
    )


def _series(s: dict[str, Any]) -> Series:
    editions = tuple(
        Edition(
            year=int(e["year"]),
            number=e.get("number"),
            city=e.get("city"),
            country=e.get("country"),
            start=e.get("start"),
            end=e.get("end"),
        )
        for e in s.get("editions", [])
    )
    return Series(
        code=s["code"],
        name=s["name"],
        names=_tuple(s.get("names")),
        number_offset=s.get("number_offset"),
        editions=editions,
        source=s.get("source", "curated"),
        venue_country=(s.get("venue") or {}).get("country"),
    )
