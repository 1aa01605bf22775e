"""Stages `normalise` (one spelling for matching) and `understand`: sentences, people, places,
organisations, meetings and dates of one article."""

from __future__ import annotations

import re

from sukien.doc import Doc, Mention
from sukien.lexicon import gazetteer as gz
from sukien.settings import COUNTRY_REFERENCE_REACH
from sukien.stages import stage
from sukien.text.normalise import tone_normalise
from sukien.text.segment import split_sentences
from sukien.understand.dates import find_dates
from sukien.understand.days_again import with_days_told_again
from sukien.understand.meetings import find_meetings
from sukien.understand.originals import with_original_names
from sukien.understand.peers import find_peers
from sukien.understand.people import find_people
from sukien.understand.pronouns import home_office_holders, pronoun_subjects, titles_named_after
from sukien.understand.years import settle_years


@stage("normalise", requires=("text",), adds=("norm",))
def normalise(doc: Doc) -> Doc:
    doc.norm = tone_normalise(doc.text)
    return doc


PROVINCE_BEFORE = re.compile(r"(?<![\w])(?:tỉnh|phủ)\s+$")
# "tại Nhà Trắng", "ở Điện Kremlin": a venue as a place (in its country), not a body that speaks.
AT_VENUE = re.compile(r"(?:tại|ở|đến|tới)\s+$")
AT_SEAT = re.compile(r"(?:tại|ở|đến|tới)\s+[Tt]rụ sở (?:chính )?(?:của )?$")
PLACE_NEXT = re.compile(r"\s*(?:\([^()]{1,12}\)\s*)?(?:tại|ở)\s")  # "trụ sở LHQ ở New York", "tại Geneva"


def find_places(doc: Doc) -> list[Mention]:
    g = gz.load()
    mentions = []
    for start, end, label, key in g.find_places(doc.norm, normalised=True):
        data: tuple = ()
        org = g.orgs.get(key) if label == "ORG" else None
        if (
            org is not None
            and org.venue
            and org.country
            and AT_VENUE.search(doc.norm, max(0, start - 6), start)
        ):
            label, key = "COUNTRY", org.country  # the city is what the text writes, and it writes none
        elif (
            org is not None
            and org.seat
            and AT_SEAT.search(doc.norm, max(0, start - 16), start)
            and not PLACE_NEXT.match(doc.norm, end)
        ):
            label, key = "COUNTRY", org.seat  # "tại trụ sở Liên Hợp Quốc": where it sits, no city written
        if (
            label == "CITY"
            and (city := g.city(key)) is not None
            and city.country != "VN"
            and PROVINCE_BEFORE.search(doc.norm, max(0, start - 8), start)
        ):
            # "rời tỉnh Nagasaki về nước": the prefecture, named as its chief city is; a place in its
            # country, no city (Viet Nam's provinces are left to their cities' names).
            label, key = "COUNTRY", city.country
        if label == "CITY":
            city = g.city(key)
            if city is not None:
                data = (
                    ("country", city.country),
                    ("same_as_country", city.same_as_country),
                    ("lat", city.lat),
                    ("lon", city.lon),
                    ("geonames_id", city.geonames_id),
                )
        mentions.append(Mention(start, end, label, doc.text[start:end], key, data))
    return mentions


# A city no list holds, told as one with its country after it: "thành phố Ngọc Khê, tỉnh Vân Nam, Trung
# Quốc", "thành phố Kazan (Nga)". The words "thành phố" and the country say what the name is.
CITY_BEFORE_COUNTRY = re.compile(
    r"(?<![\w])(?:[Tt]hành phố|TP\.)\s+(?P<name>[A-ZĐ][\w'’-]*(?:\s+[A-ZĐ][\w'’-]*){0,3})"
    r"(?:\s*,\s*(?:tỉnh|bang|vùng|khu tự trị)\s+[A-ZĐ][\w'’-]*(?:\s+[A-ZĐ][\w'’-]*){0,3})?"
    r"\s*(?:,|\()\s*(?:nước\s+)?$"
)


# "đã tới Biarritz của Pháp": a foreign name (Latin letters only) reached, owned by a country.
CITY_OF_COUNTRY = re.compile(
    r"(?<![\w])(?:tới|đến|sang|tại|ở)\s+(?P<name>[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+){0,2})"
    r"\s+của\s+(?:nước\s+)?$"
)


# "tại Langkawi, Malaysia": a foreign name (Latin letters only, each word capitalised) where something
# happens, its country after a comma. Not a venue's or a compass point's name ("Marina Bay Sands",
# "Nam Carolina"), which news also writes so.
CITY_AT_COUNTRY = re.compile(
    r"(?<![\w])(?:tại|ở)\s+(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2})\s*,\s*$"
)
NOT_A_TOWN = re.compile(
    r"(?<![\w])(?:Nam|Bắc|Bang|Tây|Đông|Hub|Center|Centre|Forum|Hotel|Resort|Sands|Stadium|Arena|Hall|"
    r"Palace|Park|Plaza|Tower|Club|Field|Base|Airport|Island|Islands|Bay|Beach|Valley|Mountain|Province|"
    r"State|County|Region|World|Cup|Summit|Group|House)(?![\w])"
)


def city_at_country(doc: Doc, country: Mention) -> re.Match[str] | None:
    told = CITY_AT_COUNTRY.search(doc.norm, max(0, country.start - 50), country.start)
    if told is None or NOT_A_TOWN.search(told.group("name")) or gz.load().country(told.group("name")):
        return None
    return told


def unlisted_cities(doc: Doc, places: list[Mention]) -> list[Mention]:
    """Cities no gazetteer holds, named with "thành phố" before and their country after them,
    reached and owned by their country ("tới Biarritz của Pháp"), or the place of what happens with
    their country after a comma ("tại Langkawi, Malaysia")."""
    found = []
    for country in (m for m in places if m.label == "COUNTRY"):
        told = (
            CITY_BEFORE_COUNTRY.search(doc.norm, max(0, country.start - 90), country.start)
            or CITY_OF_COUNTRY.search(doc.norm, max(0, country.start - 60), country.start)
            or city_at_country(doc, country)
        )
        if told is None or any(m.start < told.end("name") and told.start("name") < m.end for m in places):
            continue
        start, end = told.span("name")
        data = (("country", country.key), ("same_as_country", False), ("lat", None), ("lon", None))
        found.append(Mention(start, end, "CITY", doc.text[start:end], doc.text[start:end], data))
    return found


# "chuyến công du nước ngoài đầu tiên tới quốc gia này": the country named before, reached again.
# (The verb is matched, not looked behind for: a pattern opening with look-behinds is tried at every
# character; the country said again is group 1.)
COUNTRY_REFERRED = re.compile(
    r"(?:tới|đến|sang|thăm) ((?:quốc gia|đất nước|nước|xứ sở) (?:này|đó|nói trên))(?![\w])"
)


def referred_countries(doc: Doc, places: list[Mention]) -> list[Mention]:
    """A country said again as "quốc gia này" after a verb of travel: the nearest country named before
    it, within `COUNTRY_REFERENCE_REACH` characters (a coreference no gazetteer makes)."""
    countries = [m for m in places if m.label == "COUNTRY"]
    referred = []
    for found in COUNTRY_REFERRED.finditer(doc.norm):
        start, end = found.span(1)
        before = [m for m in countries if m.end <= start and start - m.end <= COUNTRY_REFERENCE_REACH]
        if before:
            named = before[-1]
            referred.append(
                Mention(start, end, "COUNTRY", doc.text[start:end], named.key, (("referred", True),))
            )
    return referred


# "Papua New Guinea (PNG)": an acronym the article gives a country, then uses alone ("tới PNG").
ACRONYM_GIVEN = re.compile(r"\s*\(([A-Z]{2,6})\)")


def acronym_countries(doc: Doc, places: list[Mention]) -> list[Mention]:
    """COUNTRY mentions of an acronym the article defines for a country in brackets after its name,
    wherever it is used alone after that (an article's own abbreviation no gazetteer lists)."""
    given: dict[str, tuple[int, str | None]] = {}
    for place in places:
        found = ACRONYM_GIVEN.match(doc.norm, place.end) if place.label == "COUNTRY" else None
        if found is not None and found.group(1) not in given:
            given[found.group(1)] = (found.end(), place.key)
    taken = [(m.start, m.end) for m in places]
    used: list[Mention] = []
    for acronym, (after, key) in given.items():
        for found in re.finditer(rf"(?<![\w-]){acronym}(?![\w-])", doc.norm[after:]):
            start, end = after + found.start(), after + found.end()
            if not any(s <= start < e for s, e in taken):
                used.append(Mention(start, end, "COUNTRY", doc.text[start:end], key))
    return used


@stage(
    "understand",
    requires=("text", "norm", "published", "events_only"),
    adds=("sentences", "mentions", "dates"),
)
def understand(doc: Doc) -> Doc:
    published = doc.published_date
    people = find_people(doc.norm, published)
    people = titles_named_after(sorted(people + find_peers(doc.norm, people), key=lambda m: m.start))
    people = with_original_names(doc.norm, home_office_holders(doc.norm, people, published))
    if doc.events_only and not any(is_actor(mention) for mention in people):
        # Every event's actor is a person the article names (`extract.Context.people`): an article
        # that names no one holds no event. Most news names no one with a title, and places, meetings,
        # dates and sentences are most of the cost of understanding it.
        return doc
    doc.sentences = split_sentences(doc.text)
    people = people + pronoun_subjects(doc.norm, doc.sentences, people)
    places = find_places(doc)
    places = sorted(places + unlisted_cities(doc, places), key=lambda m: m.start)
    places = sorted(places + acronym_countries(doc, places), key=lambda m: m.start)
    doc.mentions = sorted(
        people + places + referred_countries(doc, places) + find_meetings(doc.norm),
        key=lambda m: (m.start, -m.end),
    )
    doc.dates = with_days_told_again(doc.text, find_dates(doc.text, published))
    settle_years(doc)
    return doc


def is_actor(mention: Mention) -> bool:
    """May this mention be an event's actor: a person, or a title the article resolved to one."""
    return mention.label in ("PERSON", "TITLE") and bool(mention.key)
