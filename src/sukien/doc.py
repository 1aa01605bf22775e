"""The one object that flows through the pipeline: a `Doc` is an article plus what each stage adds.

Like spaCy's Doc, stages never copy it: each reads the attributes it declares and fills the ones
it adds (see `pipeline.py`). Offsets everywhere are character offsets into `Doc.text`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sukien.errors import InputError
from sukien.models import Article, Event


@dataclass
class RawRecord:
    """One article as a reader found it, before cleaning.

    `text` is the decoded input (the whole text file, a JSON item's `text`, a page's HTML);
    `fields` holds metadata the input itself states (url, title, published, outlet, summary, id,
    author). `raw` keeps the undecoded bytes when they differ from `text`, so that `reprocess`
    can start again from exactly what was given.
    """

    source: str
    kind: str  # "text" | "jsonl" | "html" | "warc" | "feed"
    text: str
    fields: dict[str, Any] = field(default_factory=dict)
    line: int | None = None
    encoding: str | None = None
    raw: bytes | None = None


@dataclass(frozen=True)
class Mention:
    """A span of `Doc.text` that names something: a person, a place, an organisation, a meeting."""

    start: int
    end: int
    label: str  # PERSON | COUNTRY | CITY | ORG | MEETING
    text: str
    key: str | None = None  # the gazetteer key: ISO code, city id, series code, canonical name
    data: tuple[tuple[str, Any], ...] = ()  # extra attributes, hashable: roles, country, number...

    def get(self, name: str, default: Any = None) -> Any:
        for key, value in self.data:
            if key == name:
                return value
        return default


@dataclass(frozen=True)
class DateMention:
    """A date or date range stated in the text, resolved to calendar dates.

    `precision` is "day", "month" or "year"; `first`/`last` bound the range (a single day has
    first == last; "tháng 11/2017" has 2017-11-01 and 2017-11-30). `reference_time` is True for a
    date given only as the equivalent in another time zone ("(ngày 23-9-2024, giờ Việt Nam)"),
    which the extractor ignores in favour of the local date beside it.
    """

    start: int
    end: int
    text: str
    first: date | None
    last: date | None
    precision: str = "day"
    year_stated: bool = True
    part_of_day: str | None = None  # sáng, chiều, tối, trưa, rạng sáng, đêm
    reference_time: bool = False
    # The month and day as written, ((11, 14), (11, 17)), day None at month precision: what
    # `sukien.understand.dates.resolve` needs to date a mention whose year the text leaves open.
    month_days: tuple[tuple[int, int | None], tuple[int, int | None]] | None = None

    def iso(self, which: str = "first") -> str | None:
        """ISO text at this mention's precision: 2024-09-22, 2017-11 or 2017."""
        value = self.first if which == "first" else self.last
        if value is None:
            return None
        if self.precision == "month":
            return value.strftime("%Y-%m")
        if self.precision == "year":
            return str(value.year)
        return value.isoformat()


@dataclass
class Doc:
    record: RawRecord
    # Given by the caller with the record: only the events are wanted (ingest, batch keep nothing
    # else of the analysis), so `understand` stops at an article that names no one.
    events_only: bool = False
    # Added by `clean`.
    text: str = ""
    title: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    summary: str | None = None
    # Added by `normalise`: same length as `text`, one tone-mark placement, for matching.
    norm: str = ""
    # Added by `understand`.
    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    # Added by `extract`.
    events: list[Event] = field(default_factory=list)
    # Set by the store: the id of the first copy when this article is a near-duplicate.
    duplicate_of: str | None = None
    errors: list[InputError] = field(default_factory=list)
    _id: str = field(default="", repr=False, compare=False)
    _id_of: str | None = field(default=None, repr=False, compare=False)

    @property
    def source(self) -> str:
        return self.record.source

    @property
    def id(self) -> str:
        """Identity by content: the same body twice is the same article, whatever the file name.

        Hashed once per body (the store, the linker and the near-duplicate check all ask)."""
        if self._id_of != self.text:
            self._id, self._id_of = content_id(self.text), self.text
        return self._id

    @property
    def published_date(self) -> date | None:
        if not self.published:
            return None
        try:
            return date.fromisoformat(self.published[:10])
        except ValueError:
            return None

    def number_events(self) -> None:
        """Give each event its id, ARTICLE-N in the order kept: the one place event ids are made."""
        for position, event in enumerate(self.events):
            event.id = f"{self.id}-{position + 1}"

    def to_article(self) -> Article:
        return Article(
            id=self.id,
            source=self.source,
            url=self.url,
            title=self.title,
            published=self.published,
            author=self.author,
            outlet=self.outlet,
            text=self.text,
            duplicate_of=self.duplicate_of,
            summary=self.summary,
            encoding=self.record.encoding,
        )


def content_id(text: str) -> str:
    normalised = " ".join(text.split())
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


def input_hash(record: RawRecord) -> str:
    """Identity of an input as the reader gave it (kind, text, metadata, bytes), not of where it was
    found: the same item in another file is the same input, whose article is already stored."""
    digest = hashlib.sha1()
    fields = json.dumps(record.fields, sort_keys=True, ensure_ascii=False, default=str)
    for part in (record.kind, record.text, fields):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    digest.update(record.raw or b"")
    return digest.hexdigest()[:32]
