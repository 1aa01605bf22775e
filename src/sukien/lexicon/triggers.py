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
from sukien.text.patterns import literal_prefixes, trie_alternation

# A period ends a clause, except after an initial or a short abbreviation ("V. Putin", "St. Petersburg",
# "TP. HCM");
# so does the background a clause is set in ("Chuyến thăm ... tới Nga diễn ra trong bối cảnh Triều
# Tiên chuẩn bị ... với Hàn Quốc", "thăm Ấn Độ giữa lúc quan hệ Nga - Ấn - Mỹ ...": what follows is not
# the visit's).
# "... thăm Pháp, diễn ra bảy tháng sau khi ... hủy chuyến đi tới Paris": what came before the news.
EARLIER_CLAUSE = re.compile(r"(?<![\w])(?:sau khi|kể từ khi)(?![\w])")
CLAUSE_BREAK = re.compile(
    r";|(?<!\b[A-ZĐ])(?<!\b[A-Z][a-z])(?<!\bTP)\. |\n|\s(?:diễn ra\s+)?(?:trong bối cảnh|giữa lúc)\s"
    # Not "kể từ khi nhậm chức": since taking office, a time of the phrase, no clause of its own.
    rf"|\s{EARLIER_CLAUSE.pattern}\s(?!(?:nhậm chức|lên nắm quyền|đắc cử|cầm quyền)(?![\w]))"
    r"|\s(?:là\s+)?nhằm\s"  # its purpose: "chuyến thăm ... nhằm thúc đẩy ... hợp tác với EU"
)


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


def _trigger_table() -> list[tuple[EventType, bool, list[str]]]:
    types = event_types.table()
    table = [(t.code, True, t.triggers) for t in types if t.triggers]
    table += [(t.code, False, t.weak_triggers) for t in types if t.weak_triggers]
    return [(cast(EventType, kind), strong, list(words)) for kind, strong, words in table]


@cache
def trigger_patterns() -> list[tuple[EventType, bool, re.Pattern[str]]]:
    """Every type's trigger words, strong ones first, in the order of the table of event types."""
    return [
        (kind, strong, re.compile(rf"(?<![\w])(?:{alternation(words)})(?![\w])"))
        for kind, strong, words in _trigger_table()
    ]


@dataclass(frozen=True)
class TriggerScan:
    """Where trigger patterns may match, found in one scan instead of one per pattern.

    Every match of a pattern starts with one of its words' literal prefixes ("tới" of
    "(?<!liên quan )tới(?! khi)"): `prefixes` finds them all at once, the longest at each place,
    and `patterns_at` names the patterns whose prefixes the longest one starts with. Those are then
    tried there alone, which gives the very matches `finditer` gives: it is where running each
    pattern over every sentence cost most of the extraction. A pattern with a word of no literal
    prefix is in `scanned`, run over the sentence as before."""

    prefixes: re.Pattern[str]
    patterns_at: dict[str, tuple[int, ...]]
    scanned: tuple[int, ...]


@cache
def trigger_scan() -> TriggerScan:
    by_prefix: dict[str, set[int]] = {}
    scanned: list[int] = []
    for number, (_kind, _strong, words) in enumerate(_trigger_table()):
        found = [literal_prefixes(word) for word in words]
        if any(prefixes is None for prefixes in found):
            scanned.append(number)
            continue
        for prefixes in found:
            for prefix in prefixes or ():
                by_prefix.setdefault(prefix, set()).add(number)
    patterns_at = {
        prefix: tuple(sorted({n for other, ns in by_prefix.items() if prefix.startswith(other) for n in ns}))
        for prefix in by_prefix
    }
    return TriggerScan(re.compile(trie_alternation(by_prefix)), patterns_at, tuple(scanned))


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
    candidates = _candidates(sentence)
    # Ties kept in the order of the patterns: the order `finditer` pattern by pattern gave them in.
    candidates.sort(key=lambda c: (-c[0], not c[1], c[3], c[5]))
    found: list[Trigger] = []
    for _length, strong, kind, start, end, _number in candidates:
        if any(t.start < offset + end and offset + start < t.end for t in found):
            continue
        found.append(Trigger(kind, offset + start, offset + end, strong))
    found.sort(key=lambda t: t.start)
    return found


def _candidates(sentence: str) -> list[tuple[int, bool, EventType, int, int, int]]:
    """(length, strong, type, start, end, pattern number) of every match of every trigger pattern
    in the sentence, as each pattern's `finditer` finds them (non-overlapping, leftmost first)."""
    patterns = trigger_patterns()
    scan = trigger_scan()
    candidates = []
    for number in scan.scanned:
        kind, strong, pattern = patterns[number]
        for match in pattern.finditer(sentence):
            candidates.append((match.end() - match.start(), strong, kind, match.start(), match.end(), number))
    free_from = [0] * len(patterns)  # where each pattern's next match may start: after its last one
    place = scan.prefixes.search(sentence)
    while place is not None:
        at = place.start()
        for number in scan.patterns_at[place.group()]:
            if free_from[number] > at:
                continue
            kind, strong, pattern = patterns[number]
            here = pattern.match(sentence, at)
            if here is not None:
                candidates.append((here.end() - at, strong, kind, at, here.end(), number))
                free_from[number] = here.end()
        place = scan.prefixes.search(sentence, at + 1)
    return candidates


def quotation_end(text: str, opened_from: int, start: int, limit: int) -> int:
    """Where a quotation holding `start` closes, else `limit`: "Bài viết “... nhân chuyến thăm của Thủ
    tướng” đăng trên tạp chí Nhật Bản ...": what follows a quoted title is no place of its visit (a
    name quoted after the word, "Diễn đàn “Vành đai và Con đường” tại Bắc Kinh", runs on)."""
    opening = text.rfind("“", opened_from, start)
    if opening < 0 or text.find("”", opening, start) >= 0:
        return limit
    closing = text.find("”", start, limit)
    return closing if closing >= 0 else limit


def clause_end(text: str, start: int, limit: int) -> int:
    found = CLAUSE_BREAK.search(text, start, limit)
    return found.start() if found else limit
