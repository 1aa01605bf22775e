"""The output contract of SPEC.md as pydantic models: the CLI, the API and the exports share them.

Fields may be added; none of SPEC's fields may change meaning.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    computed_field,
    model_serializer,
)

from sukien import event_types
from sukien.settings import HISTORICAL_YEARS

# The codes of data/event_types.json (a test checks they agree): pydantic refuses any other.
EventType = Literal["visit", "host_visit", "attend", "meet", "call", "sign", "speak"]
Status = Literal["planned", "reported", "ongoing"]


class Article(BaseModel):
    id: str
    source: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None
    text: str
    duplicate_of: str | None = None
    summary: str | None = None
    encoding: str | None = None
    language: str | None = None


class Person(BaseModel):
    name: str
    roles: list[str] = Field(default_factory=list)
    country: str | None = None
    org: str | None = None


class Location(BaseModel):
    city: str | None = None
    country: str | None = None


class Occasion(BaseModel):
    name: str | None = None
    series: str | None = None
    year: int | None = None
    number: int | None = None


class Evidence(BaseModel):
    source: str
    text: str
    start: int
    end: int
    # "title" when the headline states it and the body does not: `start` and `end` are then offsets
    # into the article's title (SPEC's evidence points into its text otherwise).
    part: Literal["text", "title"] = "text"

    @model_serializer(mode="wrap")
    def _part_when_title(self, handler: SerializerFunctionWrapHandler):  # noqa: ANN202
        # Said only of a headline's evidence: every other evidence keeps SPEC's shape.
        data: dict[str, Any] = handler(self)
        if data.get("part") == "text":
            data.pop("part", None)
        return data

    model_config = ConfigDict(json_schema_extra=lambda schema: _optional(schema, "part"))


class Codes(BaseModel):
    cameo: str
    plover: str | None = None


class Event(BaseModel):
    id: str
    type: EventType
    actor: Person
    counterparts: list[Person] = Field(default_factory=list)
    location: Location = Field(default_factory=Location)
    start: str | None = None
    end: str | None = None
    status: Status = "reported"
    occasion: Occasion | None = None
    trip_id: str | None = None
    sources: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    codes: Codes
    article_id: str | None = None
    # The publication date of the article that states it: anchors undated events when linking.
    article_published: str | None = None
    # True when the article states no year for this date and has no publication date either:
    # the year is a guess from the article's other years, so linking may overrule it.
    year_inferred: bool = False
    # Month and day ("05-11", "05-15") of an event whose article never states the year.
    day_month: str | None = None
    day_month_end: str | None = None
    # The words that state the event ("thăm chính thức", "hội đàm"); `firm` when they state it on
    # their own, not a bare "tới", "đến" or "sang" before a place.
    trigger: str | None = None
    firm: bool = True
    # True when the event's own sentence names where it happened ("tại Thủ đô Praha, Cộng hòa Czech"):
    # a meeting placed so abroad puts its actor there, whatever verb tells it.
    location_stated: bool = False
    # Taken part in from afar ("trực tuyến", "qua cầu truyền hình"): no travel.
    remote: bool = False

    @computed_field  # type: ignore[prop-decorator]
    @property
    def historical(self) -> bool:
        """Dated more than HISTORICAL_YEARS before its article was published ("năm 1930, Chủ tịch Hồ Chí
        Minh ..."): history the article recalls, not news. Out of trips and of default listings.
        Compared as text, as the stores' SQL compares it (migration `historical`): the last day (a
        month runs to its end) moved HISTORICAL_YEARS on, against the publication day."""
        return is_historical(self.end or self.start, self.article_published)

    @model_serializer(mode="wrap")
    def _historical_when_true(self, handler: SerializerFunctionWrapHandler):  # noqa: ANN202
        # Said only of events in history: every other event's shape stays as it was. (No return
        # annotation: pydantic would take it for the schema of the whole event.)
        data: dict[str, Any] = handler(self)
        if not data.get("historical"):
            data.pop("historical", None)
        return data

    model_config = ConfigDict(json_schema_extra=lambda schema: _optional(schema, "historical"))


class Leg(BaseModel):
    country: str
    city: str | None = None
    start: str | None = None
    end: str | None = None
    kind: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None


class Trip(BaseModel):
    id: str
    actor: Person
    start: str | None = None
    end: str | None = None
    status: Status = "reported"
    legs: list[Leg] = Field(default_factory=list)
    occasions: list[Occasion] = Field(default_factory=list)
    events: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    # The journey's year: from its dates, else the one year its articles were published in; null
    # when neither tells it (an undated archive story), and then the trip says it has no year.
    year: int | None = None


def _optional(schema: dict[str, Any], name: str) -> None:
    """A computed field the serializer may leave out is not a required one."""
    required = schema.get("required")
    if isinstance(required, list) and name in required:
        required.remove(name)


def is_historical(last: str | None, published: str | None) -> bool:
    """`Event.historical` of an event whose last date is `last`, told in an article of `published`."""
    if not last or not published or not last[:4].isdigit():
        return False
    moved = f"{int(last[:4]) + HISTORICAL_YEARS:04d}{last[4:]}" + ("~" if len(last) == 7 else "")
    return moved < published[:10]


def codes_for(event_type: str) -> Codes:
    """CAMEO and PLOVER codes of a type, from the table of event types (`data/event_types.json`)."""
    found = event_types.info(event_type)
    return Codes(cameo=found.cameo, plover=found.plover)


def parse_day(value: str | None) -> date | None:
    """The day of an ISO date ("2024-09-22"), the first day of an ISO month ("2024-09"), else None."""
    if not value:
        return None
    try:
        if len(value) == 7:
            return date.fromisoformat(value + "-01")
        if len(value) == 4:
            return None
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
