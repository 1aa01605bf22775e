"""Trie-shaped alternations (`sukien.patterns`): the same matches as a plain alternation."""

from __future__ import annotations

import re

import pytest

from sukien.text.patterns import trie_alternation

PHRASES = ["Thủ tướng", "Thủ", "Phó Thủ tướng", "Phó Chủ tịch", "Phó Chủ tịch nước", "Chủ tịch", "a.b"]


def plain(phrases: list[str]) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w])")


def trie(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])" + trie_alternation(phrases) + r"(?![\w])")


@pytest.mark.parametrize(
    "text",
    [
        "Phó Chủ tịch nước Võ Thị Ánh Xuân gặp Phó Chủ tịch Hội",
        "Thủ tướng và Phó Thủ tướng, Thủ hiến",
        "Chủ tịch nước, Chủ tịch",
        "a.b acb a.bc",
    ],
)
def test_trie_matches_what_the_plain_alternation_matches(text: str) -> None:
    assert [m.span() for m in trie(PHRASES).finditer(text)] == [
        m.span() for m in plain(PHRASES).finditer(text)
    ]


def test_no_phrases_match_nothing() -> None:
    assert re.compile(trie_alternation([])).search("anything") is None
