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


@stage("understand", requires=("text", "norm", "published"), adds=("sentences", "mentions", "dates"))
def understand(doc: Doc) -> Doc:
    doc.sentences = split_sentences(doc.text)
    published = doc.published_date
    doc.mentions = sorted(
        find_people(doc.norm, published) + find_places(doc) + find_meetings(doc.norm),
        key=lambda m: (m.start, -m.end),
    )
    doc.dates = find_dates(doc.text, published)
    settle_years(doc)
    return doc
