"""One regular expression for a long list of literal phrases, shaped as a trie.

`re` tries the alternatives of "a|b|c" one by one at every position of the text; with hundreds of
titles or country names that is most of the time spent on an article. The same phrases merged by
common prefix ("Phó (?:Thủ tướng|Chủ tịch (?:nước|Quốc hội))") are tried once per shared prefix.
Hand-written because the standard library has no such builder and it is twenty lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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
