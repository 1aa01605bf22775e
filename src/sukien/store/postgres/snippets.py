"""Marked titles and snippets for the PostgreSQL store, as FTS5's highlight() and snippet() make them.

Not `ts_headline`: it drops whatever looks like an HTML tag from the text ("<b>" is markup to it,
a literal to us) and marks a phrase word by word. Here each term of the query (`store.query`) is a
regular expression over the text as stored: a folded letter matches every letter that folds to it,
in either case ("d" matches "đ" and "Đ", "a" matches "Ặ"), words of a phrase are separated by anything that is
not a letter or digit, and a match begins and ends at word boundaries, which are the index's
(letters and digits; everything else, the underscore too, separates). So a phrase is one marked
span, and only the few words around the chosen place are ever split out of a long text.

The snippet is SNIPPET_TOKENS words around the place with the most distinct terms (then the most
matches, then the first), centred on what it shows, with ELLIPSIS where the text goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import islice

from sukien.settings import SNIPPET_TOKENS
from sukien.store.results import ELLIPSIS, MARK_CLOSE, MARK_OPEN
from sukien.text.fold import FOLD_TABLE

# A word as the index has it: letters and digits; everything else (the underscore too) separates.
TOKEN_RE = re.compile(r"[^\W_]+")
# After a match's first letter: the character before that letter is no letter or digit (checked once
# the letter is found, which lets the regular expression engine skip ahead to candidate letters:
# four times faster than a look-behind first). After its last: the next is none either.
AFTER_FIRST, WORD_END = r"(?<![^\W_].)", r"(?![^\W_])"
GAP = r"[\W_]+"
# Matches looked at to place a snippet: enough for any article, bounded for a word on every line.
MAX_ANCHORS = 64


@cache
def letter_class(letter: str) -> str:
    """A pattern for every letter that folds to `letter` ("d": d, D, đ, Đ, ð...), in either case
    (spelt out: twice as fast as matching with IGNORECASE)."""
    variants = {letter, *(chr(code) for code, folded in FOLD_TABLE.items() if folded == letter)}
    variants |= {case for char in variants for case in (char.upper(), char.lower()) if len(case) == 1}
    if len(variants) == 1:
        return re.escape(letter)
    return "[" + "".join(re.escape(char) for char in sorted(variants)) + "]"


def spelling_pattern(words: list[str]) -> str:
    pattern = GAP.join("".join(letter_class(letter) for letter in word) for word in words)
    first = letter_class(words[0][0])
    return first + AFTER_FIRST + pattern[len(first) :]


def split(words: list[str]) -> list[str]:
    """A spelling's words as the index splits them ("a_b" is the phrase a, b)."""
    return [token for word in words for token in TOKEN_RE.findall(word)]


@dataclass(frozen=True)
class Found:
    start: int  # character offsets in the text
    end: int
    term: int


class Marker:
    """Finds the terms of a query (folded spellings, `store.query.query_terms`) in texts and marks them."""

    def __init__(self, terms: list[list[list[str]]]):
        self.patterns = []
        for options in terms:
            spellings = [spelling_pattern(words) for words in (split(s) for s in options) if words]
            if spellings:
                alternatives = "|".join(sorted(spellings, key=len, reverse=True))
                self.patterns.append(re.compile(f"(?:{alternatives}){WORD_END}"))

    def matches(self, text: str) -> list[Found]:
        found = [
            Found(m.start(), m.end(), term)
            for term, pattern in enumerate(self.patterns)
            for m in pattern.finditer(text)
        ]
        found.sort(key=lambda f: (f.start, -f.end))
        # Overlapping matches (a name and a word of it) are one span, as FTS5 marks them.
        merged: list[Found] = []
        for match in found:
            if merged and match.start < merged[-1].end:
                if match.end > merged[-1].end:
                    merged[-1] = Found(merged[-1].start, match.end, merged[-1].term)
                continue
            merged.append(match)
        return merged

    def highlight(self, text: str | None) -> str | None:
        """The whole text with every match marked (highlight())."""
        if text is None:
            return None
        return marked(text, self.matches(text), 0, len(text))

    def snippet(self, text: str, size: int = SNIPPET_TOKENS) -> tuple[str, int]:
        """The snippet of `text` (snippet()), and the number of distinct terms it shows."""
        matches = self.matches(text)
        if not matches:
            head = list(islice(TOKEN_RE.finditer(text), size + 1))
            if not head:
                return "", 0
            more = len(head) > size
            end = head[size - 1].end() if more else len(text)
            return text[:end] + (ELLIPSIS if more else ""), 0
        anchor = best_place(text, matches, size)
        shown = [m for m in matches if m.start >= anchor.start and m.end <= anchor.end]
        # Centre: as many words before what is shown as after it, within the text.
        inner = len(TOKEN_RE.findall(text, shown[0].start, shown[-1].end))
        before, at_start = words_before(text, shown[0].start, size)
        after = [m.span() for m in islice(TOKEN_RE.finditer(text, shown[0].start), size + 1)]
        words = before + after
        first = max(0, len(before) - (size - inner) // 2)
        first = max(0, min(first, len(words) - size))
        last = min(len(words), first + size) - 1
        begins = first == 0 and at_start
        ends = last == len(words) - 1 and len(after) <= size
        start = 0 if begins else words[first][0]
        end = len(text) if ends else words[last][1]
        inside = [m for m in matches if m.start >= start and m.end <= end]
        snippet = marked(text, inside, start, end)
        return ("" if begins else ELLIPSIS) + snippet + ("" if ends else ELLIPSIS), len(
            {m.term for m in inside}
        )


@dataclass(frozen=True)
class Place:
    start: int
    end: int


def best_place(text: str, matches: list[Found], size: int) -> Place:
    """The stretch of `size` words from one match on that holds the most distinct terms (then the most
    matches, then comes first)."""
    best: tuple[int, int] | None = None
    place = Place(matches[0].start, matches[0].end)
    for index, match in enumerate(matches[:MAX_ANCHORS]):
        words = list(islice(TOKEN_RE.finditer(text, match.start), size))
        reach = words[-1].end() if words else match.end
        terms, count = set(), 0
        for other in matches[index:]:  # in order of their starts
            if other.start >= reach:
                break
            if other.end <= reach:
                terms.add(other.term)
                count += 1
        score = (len(terms), count)
        if best is None or score > best:
            best, place = score, Place(match.start, max(reach, match.end))
    return place


def words_before(text: str, position: int, count: int) -> tuple[list[tuple[int, int]], bool]:
    """The spans of the last `count` words before `position`, and whether they reach the text's first word."""
    reach = 8 * (count + 1)  # a Vietnamese word and its space: about five characters
    while True:
        low = max(0, position - reach)
        spans = [m.span() for m in TOKEN_RE.finditer(text, low, position)]
        if low == 0:
            return spans[-count:] if count else [], len(spans) <= count
        if len(spans) > count:  # the first may be cut by `low`: it is not among those kept
            return spans[-count:], False
        reach *= 4


def marked(text: str, matches: list[Found], start: int, end: int) -> str:
    parts, position = [], start
    for match in matches:
        if match.start < start or match.end > end:
            continue
        parts += [text[position : match.start], MARK_OPEN, text[match.start : match.end], MARK_CLOSE]
        position = match.end
    parts.append(text[position:end])
    return "".join(parts)
