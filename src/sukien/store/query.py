"""What a person types, as terms any backend can match: words and quoted phrases, folded, with a leader's
Vietnamese and Latin names (Tập Cận Bình / Xi Jinping) as alternatives wherever the gazetteer lists
both. Each backend writes the terms in its own query language (FTS5, tsquery).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from sukien.errors import Code, StoreError
from sukien.settings import MAX_QUERY_WORDS
from sukien.text.fold import fold

WORD_RE = re.compile(r"\w+", re.UNICODE)


PHRASE_RE = re.compile(r'"([^"]*)"')


@cache
def name_variants() -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Folded words of each spelling of a leader's name -> the words of all its spellings."""
    from sukien.lexicon import gazetteer

    g = gazetteer.load()
    table: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
    for leader in g.leaders:
        # "Tập Chủ tịch" is a way of writing about Xi, not his name: a title inside an alias would
        # make it match every chairman (and costs a phrase search over very common words).
        spellings = [n for n in (leader.name, *leader.aliases) if not holds_title(g, n)]
        if len(spellings) < 2:
            continue
        names = tuple(dict.fromkeys(tuple(WORD_RE.findall(fold(n))) for n in spellings))
        for name in names:
            if len(name) > 1:  # one-word aliases ("Putin") are ordinary words: match them as typed
                table.setdefault(name, names)
    return table


def holds_title(g, name: str) -> bool:
    words = name.split()
    spans = (
        " ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 3) + 1)
    )
    return any(g.title(span) is not None for span in spans)


def query_terms(query: str) -> list[list[list[str]]]:
    """The query as terms, each one or more spellings (lists of words) that may match."""
    phrases = [WORD_RE.findall(fold(p)) for p in PHRASE_RE.findall(query)]
    words = WORD_RE.findall(fold(PHRASE_RE.sub(" ", query)))[:MAX_QUERY_WORDS]
    variants = name_variants()
    longest = max((len(name) for name in variants), default=0)
    terms: list[list[list[str]]] = [[phrase] for phrase in phrases if phrase]
    position = 0
    while position < len(words):
        for size in range(min(longest, len(words) - position), 1, -1):
            found = variants.get(tuple(words[position : position + size]))
            if found:
                terms.append([list(name) for name in found])
                position += size
                break
        else:
            terms.append([[words[position]]])
            position += 1
    return terms


def compose(query: str, every: bool, phrase: Callable[[list[str]], str], either: str, both: str) -> str:
    """The query in a backend's language: each term's spellings joined by `either` (OR), the terms by
    `both` (AND), or by `either` too when not `every` term is needed; `phrase` writes one spelling."""
    terms = query_terms(query)
    if not terms:
        raise StoreError(Code.BAD_QUERY, "the query has no word to search for", query)
    parts = []
    for options in terms:
        alternatives = [phrase(words) for words in options]
        parts.append(alternatives[0] if len(alternatives) == 1 else "(" + either.join(alternatives) + ")")
    return (both if every else either).join(parts)
