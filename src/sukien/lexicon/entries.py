"""The entries of the gazetteer: countries, cities, organisations, titles, meeting series with their
editions, and leaders with their terms, as `gazetteer.load()` builds them from its JSON files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...]
    ambiguous_names: tuple[str, ...]  # also words or given names: need a safe context in text
    capital: str | None
    lat: float | None
    lon: float | None
    english: str | None = None
    body: bool = False  # a pseudo-country such as EU
    # clipped forms only found in pairs and lists ("quan hệ Mỹ - Trung", "Mỹ - Hàn")
    abbreviations: tuple[str, ...] = ()


@dataclass(frozen=True)
class City:
    name: str
    names: tuple[str, ...]
    country: str
    geonames_id: int | None
    lat: float | None
    lon: float | None
    population: int
    capital: bool
    same_as_country: bool
    ambiguous_names: tuple[str, ...] = ()  # also ordinary words ("Viên" for Vienna)
    source: str = "geonames"  # or "curated", "mined" (found in the corpus)
    english: str | None = None  # GeoNames' name ("Beijing" for "Bắc Kinh"), for English output


@dataclass(frozen=True)
class Org:
    key: str
    name: str
    names: tuple[str, ...]
    kind: str
    country: str | None = None
    venue: bool = False  # "tại Nhà Trắng": a building that places an event in its country
    seat: str | None = None  # "tại trụ sở Liên Hợp Quốc": the country of its headquarters


# The categories of titles that head a country: its head of state or government, its ruling party's
# leader, its monarch.
HEAD_CATEGORIES = frozenset({"head_of_state", "head_of_government", "party_leader", "royal"})


@dataclass(frozen=True)
class Title:
    text: str
    role: str
    rank: int
    category: str
    leader_level: bool
    # A title only before a country and a name ("Lãnh đạo Triều Tiên Kim Jong-un"); otherwise a common
    # word ("Lãnh đạo hai nước", "lãnh đạo Asia Society"), naming no one.
    named_only: bool = False

    @property
    def heads_a_country(self) -> bool:
        return self.category in HEAD_CATEGORIES


@dataclass(frozen=True)
class Edition:
    """One meeting of a series: its number, year, host."""

    year: int
    number: int | None = None
    city: str | None = None
    country: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Series:
    code: str
    name: str
    names: tuple[str, ...]
    # number = year - number_offset for series numbered once a year (APEC: 1993, UNGA: 1945)
    number_offset: int | None = None
    editions: tuple[Edition, ...] = ()
    source: str = "curated"  # or "mined": a recurring meeting the corpus names, coded by its acronym
    venue_country: str | None = None  # where the series always meets (Shangri-La Dialogue: SG)


@dataclass(frozen=True)
class Term:
    role: str
    start: date
    end: date | None

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Leader:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    terms: tuple[Term, ...]
    # "curated", or "mined": an office-holder the corpus names often, terms from the first and last
    # day it shows the title, `count` the items naming the person
    source: str = "curated"
    count: int | None = None
