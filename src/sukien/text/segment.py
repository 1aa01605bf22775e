"""Sentence spans of an article: offsets into its text, for evidence and for the `understand` stage.

A compact regular-expression splitter rather than underthesea's `sent_tokenize`: that one returns
strings (offsets would have to be found again in the text) and breaks after titles such as "GS.TS."
and "tr.đồng"; here a break is a ".", "!", "?", "…" or "./." followed by space and a capital, a
digit or an opening quote, unless the word before it is an abbreviation (`data/abbreviations.txt`),
initials ("T.P.", "V.I.") or a list number, or the point sits inside quotes or parentheses that
close later on the line. Every line break ends a sentence (the corpus puts one paragraph, sometimes
one sentence, on each line). Numbers and dates ("21.9.2024", "2.000", "3.5%") hold no space, so they
are never candidates.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from importlib import resources

LINE_RE = re.compile(r"[^\n]+")
CANDIDATE_RE = re.compile(
    r"(?P<stop>[.…]*\./\.|[.!?…]+)(?P<close>[\"”’»)\]]*)\s+(?=(?P<open>[“\"‘«(\[]?)(?P<next>\S))"
)
OPENING_QUOTES = {"“", '"', "‘", "«"}
GLUED_CREDIT_RE = re.compile(r"Ảnh:\s*")
# Quoted speech or a parenthesis that closes on the same line: no break inside it.
# A straight quote right before a comma or a stop closes a quotation ('... tiếp theo", ông nói'):
# it opens none, whatever the straight quotes before it left unpaired.
ENCLOSED_RE = re.compile(r"“[^“”\n]{1,600}”|\"(?![,.;:!?)])[^\"\n]{1,600}\"|\([^()\n]{1,400}\)")
INITIALS_RE = re.compile(r"(?:[A-ZÀ-ỸĐ]\.)+")
LIST_NUMBER_RE = re.compile(r"\d{1,2}\.|[a-zđ]\.")
NUMBER_RE = re.compile(r"\d{1,2}\.")
TOKEN_EDGE = "([{“\"'‘«"
# The longest word an abbreviation check looks at: abbreviations are short.
WORD_WINDOW = 40


@cache
def abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """(whole abbreviations, title parts that combine like "PGS.TS.BS."), lower-cased."""
    whole: set[str] = set()
    parts: set[str] = set()
    target = whole
    text = resources.files("sukien").joinpath("data/abbreviations.txt").read_text("utf-8")
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line == "[parts]":
            target = parts
            continue
        target.add(line.lower())
    return frozenset(whole), frozenset(parts)


def is_abbreviation(token: str) -> bool:
    """True for a word ending in "." after which no sentence ends: "TS.", "PGS.TS.", "T.P.", "1."."""
    token = token.lstrip(TOKEN_EDGE)
    if not token:
        return False
    if token == "Á.":
        return False  # "khu vực châu Á.", "Đông Nam Á.": the continent ends sentences, no initial does
    whole, parts = abbreviations()
    lowered = token.lower()
    if lowered in whole or INITIALS_RE.fullmatch(token) or LIST_NUMBER_RE.fullmatch(token):
        return True
    pieces = lowered.rstrip(".").split(".")
    return all(piece in parts for piece in pieces)


def _enclosed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if not any(mark in text[start:end] for mark in '“"('):
        return []
    return [m.span() for m in ENCLOSED_RE.finditer(text, start, end)]


def _inside(enclosed: list[tuple[int, int]], lefts: list[int], cut: int) -> bool:
    """True when `cut` falls inside one of the (sorted, disjoint) enclosed spans: a binary search,
    since a long line has thousands of quotes and breaks and a scan of each pair is quadratic."""
    index = bisect_left(lefts, cut) - 1
    if index < 0:
        return False
    left, right = enclosed[index]
    return left < cut < right - 1


def _breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets inside one line where a sentence ends."""
    cuts: list[int] = []
    enclosed: list[tuple[int, int]] | None = None
    lefts: list[int] = []
    for match in CANDIDATE_RE.finditer(text, start, end):
        following = match.group("next")
        opener = match.group("open")
        if not (following.isupper() or following.isdigit() or opener in OPENING_QUOTES):
            continue
        stop = match.group("stop")
        if stop == "." and not match.group("close"):
            # Only the last few characters can hold the word: searching back to the line's start
            # for a tab that is not there made long lines quadratic.
            window = max(start, match.start() - WORD_WINDOW)
            word_start = max(text.rfind(" ", window, match.start()), text.rfind("\t", window, match.start()))
            word_start = word_start + 1 if word_start >= 0 else window
            token = text[word_start : match.end("stop")]
            if is_abbreviation(token) and not ends_a_count(text, start, word_start, token):
                continue
        cut = match.end("close")
        if enclosed is None:
            enclosed = _enclosed(text, start, end)
            lefts = [left for left, _ in enclosed]
        if _inside(enclosed, lefts, cut):
            continue
        cuts.append(cut)
    if text.find("Ảnh", start, end) >= 0:
        cuts = sorted({*cuts, *_glued_credits(text, start, end)})
    return cuts


def _glued_credits(text: str, start: int, end: int) -> list[int]:
    """Where a photo credit in capitals runs into the next sentence with no stop or space, as
    scraped captions do ("... tại Phủ Chủ tịch - Ảnh: NGUYỄN KHÁNHTriều Tiên là ..."): after the
    capitals, before the capitalised word (str methods: a regex class of Vietnamese capitals would
    need every precomposed letter)."""
    cuts = []
    for credit in GLUED_CREDIT_RE.finditer(text, start, end):
        for at in range(credit.end(), min(end - 1, credit.end() + 40)):
            if text[at].isspace() and not text[at - 1].isupper():
                break
            if text[at - 2 : at].isupper() and text[at].isupper() and text[at + 1].islower():
                cuts.append(at)
                break
    return cuts


def ends_a_count(text: str, line_start: int, word_start: int, token: str) -> bool:
    """A number that ends a sentence ("... lần thứ 26. Phát biểu ..."), not one that opens a list item
    ("1. Tuổi Thìn ..."): a list's number stands first on its line or after a stop."""
    if not NUMBER_RE.fullmatch(token):
        return False
    # Back over the spaces only, not a copy of the line up to here: long lines hold many numbers.
    at = word_start - 1
    while at >= line_start and text[at].isspace():
        at -= 1
    return at >= line_start and text[at] not in ".!?:;…"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) into `text`, whitespace trimmed, in order."""
    spans: list[tuple[int, int]] = []
    for line in LINE_RE.finditer(text):
        start, end = line.span()
        previous = start
        for cut in [*_breaks(text, start, end), end]:
            span = _trimmed(text, previous, cut)
            if span:
                spans.append(span)
            previous = cut
    return spans
