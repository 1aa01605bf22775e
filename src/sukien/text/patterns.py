"""One regular expression for a long list of literal phrases, shaped as a trie.

`re` tries the alternatives of "a|b|c" one by one at every position of the text; with hundreds of
titles or country names that is most of the time spent on an article. The same phrases merged by
common prefix ("Phó (?:Thủ tướng|Chủ tịch (?:nước|Quốc hội))") are tried once per shared prefix.
Hand-written because the standard library has no such builder and it is twenty lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_END = ""  # marks "a phrase ends here" in the trie


def trie_alternation(phrases: Iterable[str]) -> str:
    """A non-capturing regex matching any of `phrases`, the longest at a given position first."""
    trie: dict = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[_END] = {}
    return "(?:" + _render(trie) + ")" if trie else "(?!)"


def _render(node: dict) -> str:
    ends_here = _END in node
    branches = [re.escape(char) + _render(child) for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy: the longer phrase is tried first, the shorter one on backtracking.
    if ends_here:
        return "(?:" + body + ")?" if len(branches) > 1 or len(branches[0]) > 1 else body + "?"
    return body


# -- what a pattern's matches start with -------------------------------------------------------------

_NO_PREFIX = frozenset({""})


def literal_prefixes(pattern: str) -> frozenset[str] | None:
    """Literal texts one of which every match of `pattern` (compiled without flags) starts with
    ("(?<!x)tới(?! khi)" -> {"tới"}, "(?:cuộc )?họp" -> {"cuộc họp", "họp"}), or None when some match
    may start otherwise (a character class, a repeat): a cheap scan for these finds every place the
    pattern may match.

    Read from `re`'s own parse of the pattern (its private `_parser`, the one reading every `re`
    pattern has), so what it understands is exactly what `re` matches; anything it does not know
    gives None, and the caller then runs the pattern itself."""
    try:
        import re._constants as sre  # type: ignore[import-not-found]
        import re._parser as parser  # type: ignore[import-not-found]

        parsed = parser.parse(pattern)
        # Letters of either case would not be literal prefixes: leave such patterns to `re`.
        found = None if parsed.state.flags & re.IGNORECASE else _prefixes(list(parsed.data), sre)
    except Exception:  # noqa: BLE001 - another Python's parser: no shortcut, never a wrong one
        return None
    return None if found is None or "" in found else frozenset(found)


def _prefixes(ops: list, sre) -> set[str] | None:  # noqa: ANN001 - re._constants
    """The literal prefixes of a parsed sequence; None when one cannot be told."""
    text = ""
    for at, (op, arg) in enumerate(ops):
        if op is sre.LITERAL:
            text += chr(arg)
            continue
        if text:  # a literal run read: every match starts with it
            return {text}
        rest = ops[at + 1 :]
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):  # zero-width: the match starts after them
            continue
        if op is sre.SUBPATTERN and not arg[1]:  # a group that sets no flags ("(?i:...)" would)
            return _prefixes(list(arg[-1].data) + rest, sre)
        if op is sre.BRANCH:
            return _union([_prefixes(list(branch.data) + rest, sre) for branch in arg[1]])
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] == 0 and arg[1] == 1:  # an optional part
            return _union([_prefixes(list(arg[2].data) + rest, sre), _prefixes(rest, sre)])
        return None
    return {text}


def _union(parts: list[set[str] | None]) -> set[str] | None:
    found: set[str] = set()
    for part in parts:
        if part is None:
            return None
        found |= part
    return found


# -- matches that start a word -------------------------------------------------------------------------


def word_character(char: str, joiners: str = "") -> bool:
    """What `re`'s \\w matches in a text (a letter, a digit, "_"), or one of `joiners`."""
    return char.isalnum() or char == "_" or char in joiners


def word_start_matches(pattern: re.Pattern[str], text: str, joiners: str = "") -> Iterator[re.Match[str]]:
    """The matches `finditer` gives of the pattern preceded by the look-behind (?<![\\w`joiners`]),
    for a pattern that never matches empty. Without the look-behind at its head, `re` finds where a
    match may start by the pattern's first letters, at C speed; with it, it tries the whole pattern
    at every character. A match whose start fails the look-behind is tried again one further on, as
    `re` would have gone on."""
    pos = 0
    while match := pattern.search(text, pos):
        start = match.start()
        if start and word_character(text[start - 1], joiners):
            pos = start + 1
            continue
        yield match
        pos = match.end()


def word_spans(text: str, word: str, joiners: str = "") -> Iterator[tuple[int, int]]:
    """Where `word` stands as a whole word: the spans `finditer` of (?<![\\w`joiners`])WORD(?![\\w`joiners`])
    gives, found with `str.find`, with no pattern compiled for each name an article introduces."""
    pos = 0
    while word and (start := text.find(word, pos)) >= 0:
        end = start + len(word)
        if (start and word_character(text[start - 1], joiners)) or (
            end < len(text) and word_character(text[end], joiners)
        ):
            pos = start + 1
            continue
        yield start, end
        pos = end
