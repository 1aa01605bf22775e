"""Stages `normalise` (one spelling for matching) and `understand`: sentences, people, places,
organisations, meetings and dates of one article."""

from __future__ import annotations

from sukien.doc import Doc, Mention
from sukien.lexicon import gazetteer as gz
from sukien.stages import stage
from sukien.text.normalise import tone_normalise
from sukien.text.segment import split_sentences
from sukien.understand.dates import find_dates
from sukien.understand.meetings import find_meetings
from sukien.understand.people import find_people
from sukien.understand.years import settle_years


@stage("normalise", requires=("text",), adds=("norm",))
def normalise(doc: Doc) -> Doc:
    doc.norm = tone_normalise(doc.text)
    return doc


def find_places(doc: Doc) -> list[Mention]:
    g = gz.load()
    mentions = []
    for start, end, label, key in g.find_places(doc.norm, normalised=True):
        data: tuple = ()
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


@stage(
    "understand",
    requires=("text", "norm", "published", "events_only"),
    adds=("sentences", "mentions", "dates"),
)
def understand(doc: Doc) -> Doc:
    published = doc.published_date
    people = find_people(doc.norm, published)
    if doc.events_only and not any(is_actor(mention) for mention in people):
        # Every event's actor is a person the article names (`extract.Context.people`): an article
        # that names no one holds no event. Most news names no one with a title, and places, meetings,
        # dates and sentences are most of the cost of understanding it.
        return doc
    doc.sentences = split_sentences(doc.text)
    doc.mentions = sorted(
        people + find_places(doc) + find_meetings(doc.norm),
        key=lambda m: (m.start, -m.end),
    )
    doc.dates = find_dates(doc.text, published)
    settle_years(doc)
    return doc


def is_actor(mention: Mention) -> bool:
    """May this mention be an event's actor: a person, or a title the article resolved to one."""
    return mention.label in ("PERSON", "TITLE") and bool(mention.key)
