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
from sukien.text.fold import FOLD_TABLE, fold
from sukien.text.normalise import MOVED_TONE, tone_normalise

WORD_RE = re.compile(r"\w+", re.UNICODE)


PHRASE_RE = re.compile(r'"([^"]*)"')


@cache
def name_variants() -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Folded words of each spelling of a leader's name -> the words of all its spellings (a name of
    several words with one spelling maps to itself, so it is searched as a phrase)."""
    from sukien.lexicon import gazetteer

    g = gazetteer.load()
    table: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
    for leader in g.leaders:
        # "Tập Chủ tịch" is a way of writing about Xi, not his name: a title inside an alias would
        # make it match every chairman (and costs a phrase search over very common words).
        spellings = [n for n in (leader.name, *leader.aliases) if not holds_title(g, n)]
        names = tuple(dict.fromkeys(tuple(WORD_RE.findall(fold(n))) for n in spellings))
        # A name of one spelling is still a phrase: "to lam" typed is Tô Lâm, so the verb "làm"
        # elsewhere in the text neither matches it nor is highlighted.
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


# -- what was typed with diacritics counts first ------------------------------------------------------
#
# The index folds every mark away, so "hội đàm" matches "mại dâm" and "dám làm" as well as the talks.
# Those matches are kept (diacritics stay optional) but ranked after the items that hold the words in
# the form typed. `exact_patterns` gives regular expressions in the syntax both Python's `re` and
# PostgreSQL's `~` read (bracket classes, a one-character look-behind), so both backends score alike:
# a word typed with marks must appear with those marks (in either case, either tone placement); a
# word typed without marks matches any of its forms.

LETTERS = "0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
NOT_LETTER = "[^" + LETTERS + "]"
WORD_START = "(?<![" + LETTERS + "])"
WORD_END = "(?![" + LETTERS + "])"
# The other tone placement of an open syllable's last two letters ("òa" <-> "oà").
OTHER_PLACEMENT = {**MOVED_TONE, **{old: new for new, old in MOVED_TONE.items()}}

ExactPattern = tuple[str, int]  # (regular expression, weight)


def has_marks(word: str) -> bool:
    return fold(word) != word.lower()


@cache
def any_form(letter: str) -> str:
    """A bracket class of every letter that folds to `letter`, in either case."""
    variants = {letter, *(chr(code) for code, folded in FOLD_TABLE.items() if folded == letter)}
    variants |= {case for char in variants for case in (char.upper(), char.lower()) if len(case) == 1}
    return "[" + "".join(sorted(variants)) + "]" if len(variants) > 1 else re.escape(letter)


def this_form(letter: str) -> str:
    cases = {letter.lower(), letter.upper()} if len(letter.upper()) == 1 else {letter}
    return "[" + "".join(sorted(cases)) + "]" if len(cases) > 1 else re.escape(letter)


def word_pattern(word: str) -> str:
    if not has_marks(word):
        return "".join(any_form(letter) for letter in fold(word))
    spellings = {tone_normalise(word.lower())}
    for spelt in list(spellings):
        if spelt[-2:] in OTHER_PLACEMENT:
            spellings.add(spelt[:-2] + OTHER_PLACEMENT[spelt[-2:]])
    options = ["".join(this_form(letter) for letter in spelt) for spelt in sorted(spellings)]
    return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"


def phrase_pattern(words: list[str]) -> str:
    return WORD_START + (NOT_LETTER + "+").join(word_pattern(w) for w in words) + WORD_END


def exact_patterns(query: str) -> list[ExactPattern]:
    """What ranks an item first: each word typed with marks found in that form (weight 1), and the
    words typed together found together so (weight one more than all single words). None for one
    word typed without marks: then every match is as good as typed. (A quoted phrase is already
    matched as a phrase; its marks are weighed through the words around it.)"""
    words = WORD_RE.findall(PHRASE_RE.sub(" ", query))[:MAX_QUERY_WORDS]
    marked = [w for w in dict.fromkeys(w.lower() for w in words) if has_marks(w)]
    found = [(phrase_pattern([word]), 1) for word in marked]
    # Words typed together rank first where they stand together, typed with marks or not: "hoi dam"
    # puts the talks ("hội đàm") before "Dám nghĩ, dám làm" that has "hội" somewhere else.
    if len(words) > 1:
        found.append((phrase_pattern(words), len(marked) + 1))
    return found


@cache
def compiled(patterns: tuple[ExactPattern, ...]) -> list[tuple[re.Pattern[str], int]]:
    return [(re.compile(pattern), weight) for pattern, weight in patterns]


def exact_score(patterns: tuple[ExactPattern, ...], *texts: str | None) -> int:
    """The weights of the patterns found in any of the texts (SQLite calls it per candidate row)."""
    return sum(
        weight for pattern, weight in compiled(patterns) if any(t and pattern.search(t) for t in texts)
    )
