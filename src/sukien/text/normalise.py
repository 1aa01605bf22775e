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
LOOKALIKE_LETTERS = {"Ð": "Đ", "ð": "đ"}
LOOKALIKES = str.maketrans(LOOKALIKE_LETTERS)
# Rare: found first, since a translate of the whole text reads it character by character.
ANY_LOOKALIKE = re.compile("[" + re.escape("".join(LOOKALIKE_LETTERS)) + "]")


def tone_normalise(text: str) -> str:
    """NFC text with one tone-mark placement ("hoà" -> "hòa", "thuỷ" -> "thủy").

    The result has the length of `unicodedata.normalize("NFC", text)`: of `text` itself when it
    is NFC already, as every `Doc.text` is.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if ANY_LOOKALIKE.search(text):
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
