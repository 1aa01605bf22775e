"""Trigger words: what states an event, by type, as named data (`data/triggers.json`)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import cast

from sukien import event_types
from sukien.models import EventType

# A period ends a clause, except after an initial or a short abbreviation ("V. Putin", "St. Petersburg").
CLAUSE_BREAK = re.compile(r";|(?<!\b[A-ZĐ])(?<!\b[A-Z][a-z])\. |\n")


@dataclass(frozen=True)
class Trigger:
    type: EventType
    start: int
    end: int
    strong: bool = True


@cache
def rules() -> dict:
    return json.loads(resources.files("sukien").joinpath("data/triggers.json").read_text("utf-8"))


def word_list(name: str) -> list[str]:
    """A plain word list of `data/triggers.json` (not patterns)."""
    return list(rules()[name])


def alternation(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


@cache
def trigger_patterns() -> list[tuple[EventType, bool, re.Pattern[str]]]:
    """Every type's trigger words, strong ones first, in the order of the table of event types."""
    types = event_types.table()
    table = [(t.code, True, t.triggers) for t in types if t.triggers]
    table += [(t.code, False, t.weak_triggers) for t in types if t.weak_triggers]
    return [
        (cast(EventType, kind), strong, re.compile(rf"(?<![\w])(?:{alternation(list(words))})(?![\w])"))
        for kind, strong, words in table
    ]


@cache
def word_list_pattern(name: str, flags: int = 0) -> re.Pattern[str]:
    """A word list of `data/triggers.json` as a plain alternation, matching inside words too."""
    return re.compile(alternation(rules()[name]), flags)


@cache
def word_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?:{alternation(rules()[name])})(?![\w])")


# What may open a sentence before its first word: punctuation and a credit ("(Chinhphu.vn) – ").
SENTENCE_OPENING = re.compile(r"(?:\W*\([^()]{1,30}\)\s*[-–—])?\W*")


def find_triggers(sentence: str, offset: int) -> list[Trigger]:
    """Trigger words of the sentence, longest first where they overlap ("chủ trì lễ đón" is a
    welcome, not "chủ trì"; "hội đàm trực tuyến" a call, not talks); strong before weak. The
    sentence's first word counts in lower case ("Tham dự Hội nghị ..., Thủ tướng X ...")."""
    first = SENTENCE_OPENING.match(sentence)
    at = first.end() if first else 0
    sentence = sentence[:at] + sentence[at : at + 1].lower() + sentence[at + 1 :]
    candidates = [
        (match.end() - match.start(), strong, kind, match.start(), match.end())
        for kind, strong, pattern in trigger_patterns()
        for match in pattern.finditer(sentence)
    ]
    candidates.sort(key=lambda c: (-c[0], not c[1], c[3]))
    found: list[Trigger] = []
    for _length, strong, kind, start, end in candidates:
        if any(t.start < offset + end and offset + start < t.end for t in found):
            continue
        found.append(Trigger(kind, offset + start, offset + end, strong))
    found.sort(key=lambda t: t.start)
    return found


def clause_end(text: str, start: int, limit: int) -> int:
    found = CLAUSE_BREAK.search(text, start, limit)
    return found.start() if found else limit
