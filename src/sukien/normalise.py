"""Stage `normalise`: one spelling for matching, with offsets unchanged.

Vietnamese text mixes two tone-mark placements ("hoà"/"hòa", "thuỷ"/"thủy") and, from old
Windows-1258 sources, decomposed tone marks. `tone_normalise` gives NFC text with the traditional
placement; it never changes the length of NFC input, so an offset into `Doc.norm` is an offset into
`Doc.text`. `fold` (lower case, no diacritics) is for tolerant search, also length-preserving.
Both are `str.translate` tables or one regular expression: they run over 300 MB of corpus text.
"""

from __future__ import annotations

import re
import unicodedata

from sukien.doc import Doc
from sukien.pipeline import stage

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền, sắc, ngã, hỏi, nặng


def _split_tone(char: str) -> tuple[str, str]:
    """("a", "\u0300") for "à": the letter without its tone mark, and the mark."""
    decomposed = unicodedata.normalize("NFD", char)
    tone = "".join(c for c in decomposed if c in TONE_MARKS)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    return base, tone


def _toned(letters: str) -> list[str]:
    return [unicodedata.normalize("NFC", base + mark) for base in letters for mark in sorted(TONE_MARKS)]


# In the open syllables oa, oe, uy (no final consonant) the new style marks the second vowel
# ("hoà", "thuỷ") and the traditional style the first ("hòa", "thủy"). With a final consonant
# ("hoàng", "thuyết") both styles agree, and after "q" the u belongs to the onset ("quý").
# The scan looks for the rarer toned vowel and checks the letter before it: that is several times
# faster than a pattern starting at every "o" and "u".
TONED_AE = frozenset(_toned("aAeE"))
TONED_Y = frozenset(_toned("yY"))
TONED_AFTER_O_OR_U_RE = re.compile(f"(?<=[oOuU])[{''.join(sorted(TONED_AE | TONED_Y))}](?!\\w)")
MOVED_TONE = {
    first + second: unicodedata.normalize("NFC", first + _split_tone(second)[1]) + _split_tone(second)[0]
    for first, seconds in (("o", TONED_AE), ("O", TONED_AE), ("u", TONED_Y), ("U", TONED_Y))
    for second in seconds
}
# Look-alike letters some sources type for Vietnamese ones: Icelandic eth for đ.
LOOKALIKES = str.maketrans({"Ð": "Đ", "ð": "đ"})


def tone_normalise(text: str) -> str:
    """NFC text with one tone-mark placement ("hoà" -> "hòa", "thuỷ" -> "thủy").

    The result has the length of `unicodedata.normalize("NFC", text)`: of `text` itself when it
    is NFC already, as every `Doc.text` is.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = text.translate(LOOKALIKES)
    pieces: list[str] = []
    done = 0
    for match in TONED_AFTER_O_OR_U_RE.finditer(text):
        at = match.start() - 1
        moved = MOVED_TONE.get(text[at : at + 2])
        if moved is None or (text[at] in "uU" and at > 0 and text[at - 1] in "qQ"):
            continue
        pieces.append(text[done:at])
        pieces.append(moved)
        done = at + 2
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x41, 0x2C0):  # Basic Latin letters to Latin Extended-B and IPA
        _add_fold(table, chr(code))
    for code in range(0x1E00, 0x1F00):  # Latin Extended Additional: all precomposed Vietnamese
        _add_fold(table, chr(code))
    for letter in "đĐðÐ":
        table[ord(letter)] = "d"
    return table


def _add_fold(table: dict[int, str], char: str) -> None:
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)).lower()
    if len(base) == 1 and base != char:
        table[ord(char)] = base


FOLD_TABLE = _fold_table()


def fold(text: str) -> str:
    """Lower case without diacritics, đ -> d; the same length as `text`."""
    folded = text.translate(FOLD_TABLE)
    lowered = folded.lower()
    if len(lowered) == len(text):
        return lowered
    # A few letters ("İ") lower-case to two characters: keep those as they are.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


# Spellings of one name, each mapped to the spelling used as its key. Country names ("Mỹ",
# "Hoa Kỳ") are the gazetteer's business; these are names that have several written forms.
VARIANTS: dict[str, str] = {
    "Liên Hiệp Quốc": "Liên Hợp Quốc",
    "LHQ": "Liên Hợp Quốc",
    "LHQ.": "Liên Hợp Quốc",
    "Đại hội đồng LHQ": "Đại hội đồng Liên Hợp Quốc",
    "Đại hội đồng Liên Hiệp Quốc": "Đại hội đồng Liên Hợp Quốc",
    "Hội đồng Bảo an LHQ": "Hội đồng Bảo an Liên Hợp Quốc",
    "Hội đồng Bảo an Liên Hiệp Quốc": "Hội đồng Bảo an Liên Hợp Quốc",
    "HĐBA": "Hội đồng Bảo an Liên Hợp Quốc",
    "TP.HCM": "Thành phố Hồ Chí Minh",
    "TP HCM": "Thành phố Hồ Chí Minh",
    "TPHCM": "Thành phố Hồ Chí Minh",
    "TP. Hồ Chí Minh": "Thành phố Hồ Chí Minh",
    "Tp. Hồ Chí Minh": "Thành phố Hồ Chí Minh",
    "Tp.HCM": "Thành phố Hồ Chí Minh",
    "Sài Gòn": "Thành phố Hồ Chí Minh",
    "Đảng CSVN": "Đảng Cộng sản Việt Nam",
    "ĐCSVN": "Đảng Cộng sản Việt Nam",
    "Bộ Ngoại giao Mỹ": "Bộ Ngoại giao Hoa Kỳ",
    "Nhà Trắng": "Nhà Trắng",
    "Tòa Bạch Ốc": "Nhà Trắng",
    "Điện Kremlin": "Kremlin",
    "Tòa thánh Vatican": "Tòa thánh",
    "Tòa Thánh": "Tòa thánh",
    "Liên minh châu Âu": "Liên minh châu Âu",
    "EU": "Liên minh châu Âu",
    "Hiệp hội các quốc gia Đông Nam Á": "ASEAN",
    "Diễn đàn Hợp tác kinh tế châu Á - Thái Bình Dương": "APEC",
    "Diễn đàn Hợp tác Kinh tế châu Á-Thái Bình Dương": "APEC",
}

_SPACES_RE = re.compile(r"\s+")
_EDGE_PUNCT = " .,;:!?\"'“”‘’()[]"


def _plain_key(name: str) -> str:
    """Folded, single-spaced, dashes spaced alike ("châu Á-Thái Bình Dương" = "châu Á – Thái...")."""
    text = re.sub(r"\s*[-–—]\s*", " - ", fold(tone_normalise(name)))
    return _SPACES_RE.sub(" ", text).strip(_EDGE_PUNCT)


_VARIANT_KEYS = {_plain_key(variant): _plain_key(canonical) for variant, canonical in VARIANTS.items()}


def canonical_key(name: str) -> str:
    """A key to compare names by: folded, and variant spellings mapped to one ("LHQ" = "Liên Hợp Quốc")."""
    key = _plain_key(name)
    return _VARIANT_KEYS.get(key, key)


@stage("normalise", requires=("text",), adds=("norm",))
def normalise(doc: Doc) -> Doc:
    doc.norm = tone_normalise(doc.text)
    return doc
