"""Tone-mark placement, folding and name keys: the spellings that matching relies on."""

from __future__ import annotations

import unicodedata

import pytest

from sukien.doc import Doc, RawRecord
from sukien.text.fold import fold, name_key
from sukien.text.normalise import tone_normalise
from sukien.understand import normalise


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("hoà", "hòa"),
        ("thuỷ", "thủy"),
        ("loè", "lòe"),
        ("Hoà", "Hòa"),
        ("HOÀ BÌNH", "HÒA BÌNH"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("uỷ ban", "ủy ban"),
        ("Thuý", "Thúy"),
        ("hoạ sĩ", "họa sĩ"),
        ("tuỳ theo", "tùy theo"),
        ("thoả thuận.", "thỏa thuận."),
        ("(Hoà)", "(Hòa)"),
        ("Ðà Nẵng", "Đà Nẵng"),
    ],
)
def test_tone_moves_to_first_vowel_in_open_syllables(given: str, expected: str) -> None:
    assert tone_normalise(given) == expected


@pytest.mark.parametrize(
    "word",
    ["hoàng", "thuyết", "quý", "quả", "giữa", "hoài", "quỳnh", "huỳnh", "hòa", "thủy", "khuya", "ngoẹo"],
)
def test_syllables_already_in_one_spelling_are_untouched(word: str) -> None:
    assert tone_normalise(word) == word


def test_decomposed_input_comes_out_precomposed() -> None:
    decomposed = unicodedata.normalize("NFD", "Hoà bình và thuỷ lợi ở Việt Nam")
    result = tone_normalise(decomposed)
    assert result == "Hòa bình và thủy lợi ở Việt Nam"
    assert unicodedata.is_normalized("NFC", result)


def test_tone_normalise_keeps_offsets_of_nfc_text(seeds_dir) -> None:
    text = unicodedata.normalize("NFC", (seeds_dir / "003_2961b6aa5de9d877.txt").read_text("utf-8"))
    norm = tone_normalise(text)
    assert len(norm) == len(text)
    start = text.index("thủy chung")
    assert norm[start : start + 10] == "thủy chung"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Đại hội đồng Liên Hợp Quốc", "dai hoi dong lien hop quoc"),
        ("Tô Lâm", "to lam"),
        ("HOÀ BÌNH", "hoa binh"),
        ("Ðà Nẵng", "da nang"),
        ("Thủ tướng Tòa thánh Vatican", "thu tuong toa thanh vatican"),
        ("Nguyễn Xuân Phúc – APEC 2017", "nguyen xuan phuc – apec 2017"),
    ],
)
def test_fold_lowers_and_strips_diacritics(given: str, expected: str) -> None:
    assert fold(given) == expected


def test_fold_keeps_length_on_a_whole_article(seeds_dir) -> None:
    text = (seeds_dir / "004_2d1773ccbd889302.txt").read_text("utf-8")
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("one", "other"),
    [("Kim Jong-un", "Kim Jong Un"), ("Tô Lâm", "to  lam"),
     ("Jean-Baptiste Lemoyne", "Jean Baptiste Lemoyne"), ("Đặng Thị Ngọc Thịnh", "dang thi ngoc thinh"),
     ("J. Biden", "J Biden")],
)  # fmt: skip
def test_name_key_joins_spellings_of_one_name(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


def test_name_key_keeps_different_names_apart() -> None:
    assert name_key("Kim Jong-un") != name_key("Kim Jong-nam")


def test_stage_sets_norm_beside_text() -> None:
    doc = Doc(record=RawRecord(source="t", kind="text", text=""))
    doc.text = "Chủ tịch Uỷ ban Hoà bình đến Hà Nội."
    normalise(doc)
    assert doc.norm == "Chủ tịch Ủy ban Hòa bình đến Hà Nội."
    assert len(doc.norm) == len(doc.text)
    assert doc.text == "Chủ tịch Uỷ ban Hoà bình đến Hà Nội."
