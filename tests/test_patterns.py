"""Trie-shaped alternations (`sukien.text.patterns`): the same matches as a plain alternation; the
literal prefixes of a pattern; trigger words found in one scan as each pattern finds them."""

from __future__ import annotations

import re

import pytest

from sukien.lexicon import triggers
from sukien.lexicon.triggers import trigger_patterns
from sukien.text.patterns import literal_prefixes, trie_alternation, word_spans, word_start_matches

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


@pytest.mark.parametrize(
    ("pattern", "prefixes"),
    [
        ("(?<!liên quan )tới(?! khi)", {"tới"}),
        ("(?:cuộc )?họp với", {"cuộc họp với", "họp với"}),
        ("trao (?:các )?văn kiện", {"trao "}),
        ("(?:abc|de)f", {"abcf", "def"}),
        ("ab|ac", {"a"}),
        ("đi(?= [A-Z])", {"đi"}),
    ],
)
def test_literal_prefixes_start_every_match(pattern: str, prefixes: set[str]) -> None:
    assert literal_prefixes(pattern) == prefixes


@pytest.mark.parametrize("pattern", ["a|b", "x*y", "[ab]c", "", "(?i)abc", "(?i:ab)c", "a?"])
def test_no_literal_prefixes_when_a_match_may_start_otherwise(pattern: str) -> None:
    assert literal_prefixes(pattern) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "thủ tướng Nguyễn Xuân Phúc lên đường tới Nhật Bản, thăm chính thức và dự hội nghị.",
        "Chủ tịch nước hội đàm trực tuyến với Tổng thống, rồi điện đàm với Thủ tướng Anh.",
        "liên quan tới vụ việc, ông không đến khi được mời; cuộc họp với đoàn và chứng kiến lễ ký kết.",
        "sang thămthăm tớitới đến thăm hỏi gia đình, tiếp đón, hội kiến, gặp gỡ, phát biểu tại diễn đàn",
        "",
    ],
)
def test_trigger_scan_finds_what_each_pattern_finds(sentence: str) -> None:
    each = sorted(
        (match.end() - match.start(), strong, kind, match.start(), match.end(), number)
        for number, (kind, strong, pattern) in enumerate(trigger_patterns())
        for match in pattern.finditer(sentence)
    )
    assert sorted(triggers._candidates(sentence)) == each
    assert each or not sentence  # the sentences hold trigger words: the comparison says something


WORDY = [
    "Ông Trump gặp Bông Trump; ông  Tập Cận Bình, ngài Abe và bà Merkel-Trump",
    "Donald Trump, Trump Tower, Melania Trump, Trump_ Trump2 Trump-Pence Trump",
    "TrumpTrump Trump",
    "",
]


@pytest.mark.parametrize("text", WORDY)
@pytest.mark.parametrize("joiners", ["", "-"])
def test_word_start_matches_are_the_matches_of_the_look_behind(text: str, joiners: str) -> None:
    body = r"(?:ông|bà|Ông|Bà|ngài|Trump)(?:[ \u00a0]+[A-ZĐÀ-Ỹ]\w*)*"
    behind = re.compile(rf"(?<![\w{re.escape(joiners)}]){body}")
    found = [m.span() for m in word_start_matches(re.compile(body), text, joiners)]
    assert found == [m.span() for m in behind.finditer(text)]


@pytest.mark.parametrize("text", WORDY)
@pytest.mark.parametrize(("word", "joiners"), [("Trump", ""), ("Trump", "-"), ("Tập Cận Bình", ""), ("", "")])
def test_word_spans_are_the_matches_of_the_whole_word(text: str, word: str, joiners: str) -> None:
    edge = rf"[\w{re.escape(joiners)}]"
    whole = re.compile(rf"(?<!{edge}){re.escape(word)}(?!{edge})")
    expected = [m.span() for m in whole.finditer(text)] if word else []
    assert list(word_spans(text, word, joiners)) == expected
