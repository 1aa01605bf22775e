"""The one table of event types (`data/event_types.json`): codes, CAMEO/PLOVER, trigger words, how the
linker uses each type, the brief's sections and the labels. Every layer reads types from here.

Adding a type is one entry in the table, its code in `models.EventType` (pydantic checks it) and
its extractor in `sukien/extract`; the trigger table, the linker, the brief, the exports, the API's
parameter checks and the web labels follow from the entry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

LinkRole = Literal["seeds", "joins", "none"]


@dataclass(frozen=True)
class EventTypeInfo:
    code: str
    meaning: str
    cameo: str
    plover: str | None
    link: LinkRole  # seeds: starts and joins trips; joins: joins a trip; none: never in a trip
    brief_section: str
    labels: dict[str, str]
    triggers: tuple[str, ...]
    weak_triggers: tuple[str, ...] = ()
    weak_window: int = 0


@cache
def table() -> tuple[EventTypeInfo, ...]:
    raw = json.loads(resources.files("sukien").joinpath("data/event_types.json").read_text("utf-8"))
    return tuple(
        EventTypeInfo(
            code=entry["code"],
            meaning=entry["meaning"],
            cameo=entry["cameo"],
            plover=entry["plover"],
            link=entry["link"],
            brief_section=entry["brief_section"],
            labels=dict(entry["label"]),
            triggers=tuple(entry.get("triggers", ())),
            weak_triggers=tuple(entry.get("weak_triggers", ())),
            weak_window=int(entry.get("weak_window", 0)),
        )
        for entry in raw["types"]
    )


def codes() -> tuple[str, ...]:
    return tuple(info.code for info in table())


def info(code: str) -> EventTypeInfo:
    for entry in table():
        if entry.code == code:
            return entry
    raise KeyError(code)


def with_link(*roles: LinkRole) -> tuple[str, ...]:
    """The codes whose `link` role is one of `roles` ("seeds" starts trips, "joins" joins them)."""
    return tuple(info.code for info in table() if info.link in roles)


def in_section(section: str) -> tuple[str, ...]:
    return tuple(info.code for info in table() if info.brief_section == section)


def labels(language: str) -> dict[str, str]:
    return {info.code: info.labels[language] for info in table()}
