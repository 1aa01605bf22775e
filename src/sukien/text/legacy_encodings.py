"""Pre-Unicode Vietnamese encodings still found in old archives: TCVN3 (ABC), VNI and VIQR.

Hand-written on purpose: Python's codecs know Windows-1258 but none of these; charset-normalizer
and chardet guess them as Latin-1 or Windows-1252 (the bytes are font positions, so the guess is
"valid" and the text is gibberish such as "ViÖt Nam" or "Vieät Nam"); and the PyPI converters
we looked at are unmaintained or cover one direction. The tables below are data, written from
the TCVN 5712:1993 standard (checked against glibc iconv's TCVN5712-1) and the VNI-Windows font
layout; the decoders are small functions over them.

Each decoder takes text whose characters stand for bytes (a Latin-1 or Windows-1252 view, as a
TCVN3 or VNI file looks when read as Western text) and returns Unicode NFC text.
`vietnamese_score` says how much a decoding looks like Vietnamese, so that `textcodec` can pick
the best candidate per document.
"""

from __future__ import annotations

import re
import unicodedata
from contextlib import suppress

# TCVN 5712:1993, bytes 0x80-0xFF, sixteen a row. TCVN3 (the "ABC" fonts, VN3) uses 0xA1-0xFE
# for lower case and the seven bare upper-case letters; the upper-case toned letters of VN1 fill
# the other cells (0x80-0x9F and a few in 0xA0-0xFF), which VN3 fonts leave unused, so one table
# reads both. 0xB0-0xB4 are the five combining tone marks.
TCVN3_HIGH = (
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨ"
    "ÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"
    "\xa0ĂÂÊÔƠƯĐăâêôơưđẰ"
    "\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"
    "éẹềểễếệìỉỄẾỒĩíịò"
    "Ổỏõóọồổỗốộờởỡớợù"
    "ỖủũúụừửữứựỳỷỹýỵỐ"
)

# VNI-Windows writes a letter as its base letter followed by one mark character (a Windows-1252
# position in the VNI fonts). Tone marks, lower case; upper-case marks are their upper-case forms.
VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
# After a/e/o: the circumflex alone or with a tone in one mark.
VNI_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
# After a: the breve alone or with a tone in one mark.
VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
# Letters VNI writes as a single character.
VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}

# VIQR (RFC 1456): ASCII marks after the vowel: modifiers, then the tone.
VIQR_MODIFIERS = {"(": "\u0306", "^": "\u0302", "+": "\u031b"}
VIQR_TONES = {"'": "\u0301", "`": "\u0300", "?": "\u0309", "~": "\u0303", ".": "\u0323"}
VIQR_MODIFIABLE = {"(": "aA", "^": "aAeEoO", "+": "oOuU"}

VOWELS = "aăâeêioôơuưy"
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _vietnamese_letters() -> frozenset[str]:
    letters = set("đĐ")
    for vowel in VOWELS:
        for tone in ("", *TONE_MARKS):
            letter = unicodedata.normalize("NFC", vowel + tone)
            letters.update((letter, letter.upper()))
    return frozenset(letters)


# Every letter of the Vietnamese alphabet that is not plain ASCII, in both cases.
VIETNAMESE_LETTERS = _vietnamese_letters() - set("aeiouyAEIOUY")
# Non-ASCII characters that are ordinary in Vietnamese text and say nothing either way.
NEUTRAL_CHARACTERS = frozenset("\xa0“”‘’–—…«»•°·×²³½¼€£¥©®™§¶\u200b\ufeff")


def _bytes_view_table(high: str) -> dict[int, str]:
    """A `str.translate` table from the Latin-1 and Windows-1252 views of bytes 0x80-0xFF."""
    table: dict[int, str] = {}
    for offset, char in enumerate(high):
        byte = bytes([0x80 + offset])
        table[0x80 + offset] = char
        with suppress(UnicodeDecodeError):  # five positions Windows-1252 leaves undefined
            table[ord(byte.decode("cp1252"))] = char
    return table


TCVN3_TABLE = _bytes_view_table(TCVN3_HIGH)


def decode_tcvn3(text: str) -> str:
    """TCVN3/ABC text (read as Latin-1 or Windows-1252) to Unicode."""
    return unicodedata.normalize("NFC", text.translate(TCVN3_TABLE))


def _vni_sequences() -> dict[str, str]:
    sequences: dict[str, str] = {}

    def add(base: str, mark: str, value: str) -> None:
        value = unicodedata.normalize("NFC", value)
        for base_case, mark_case, value_case in (
            (str.lower, str.lower, str.lower),
            (str.upper, str.upper, str.upper),
            (str.upper, str.lower, str.upper),
        ):
            sequences[base_case(base) + mark_case(mark)] = value_case(value)

    for base in "aeouy":
        for mark, tone in VNI_TONES.items():
            add(base, mark, base + tone)
    for base in "aeo":
        for mark, tone in VNI_CIRCUMFLEX.items():
            add(base, mark, base + "\u0302" + tone)
    for mark, tone in VNI_BREVE.items():
        add("a", mark, "a\u0306" + tone)
    for single in ("ô", "ö"):  # ơ and ư take their tone as a second mark
        for mark, tone in VNI_TONES.items():
            add(single, mark, VNI_SINGLE[single] + tone)
    for single, value in VNI_SINGLE.items():
        sequences.setdefault(single, value)
        sequences.setdefault(single.upper(), value.upper())
    return sequences


VNI_SEQUENCES = _vni_sequences()
# Longest sequence first, so "ôù" (ớ) wins over "ô" (ơ).
_VNI_PATTERN = re.compile("|".join(re.escape(key) for key in sorted(VNI_SEQUENCES, key=len, reverse=True)))


def decode_vni(text: str) -> str:
    """VNI-Windows text (read as Windows-1252) to Unicode."""
    return unicodedata.normalize("NFC", _VNI_PATTERN.sub(lambda match: VNI_SEQUENCES[match.group()], text))


# A vowel, at most two modifiers, at most one tone; a backslash escapes a mark (RFC 1456).
_VIQR_PATTERN = re.compile(r"([aeiouyAEIOUY])([(^+]{0,2})(['`?~.]?)|\\([(^+'`?~.])|([dD])([dD])")
# "." and "?" right before a space and a capital, a line end or the end are punctuation in
# practice, though RFC 1456 would read them as a tone; writers rarely escaped them.
_VIQR_PUNCTUATION_AFTER = re.compile(r"\s+[A-ZĐ\"'(\d]|\s*\n|\s*$")


def decode_viqr(text: str) -> str:
    """VIQR ("Vie^.t Nam") to Unicode."""

    def replace(match: re.Match[str]) -> str:
        if match.group(4):  # an escaped mark stays as it is
            return match.group(4)
        if match.group(5):  # dd -> đ, DD/Dd -> Đ
            return "Đ" if match.group(5) == "D" else "đ"
        vowel, modifiers, tone = match.group(1), match.group(2), match.group(3)
        marks = ""
        for modifier in modifiers:
            if vowel in VIQR_MODIFIABLE[modifier]:
                marks += VIQR_MODIFIERS[modifier]
            else:  # "+" after a, "(" after e...: not a mark here
                return match.group(0)
        if tone in ".?" and _VIQR_PUNCTUATION_AFTER.match(text, match.end()):
            return unicodedata.normalize("NFC", vowel + marks) + tone
        return unicodedata.normalize("NFC", vowel + marks + VIQR_TONES.get(tone, ""))

    return unicodedata.normalize("NFC", _VIQR_PATTERN.sub(replace, text))


# Marks that only VIQR puts right after a vowel: a circumflex, breve or horn.
_VIQR_EVIDENCE = re.compile(r"[aeoAEO]\^|[aA]\(|[ouOU]\+|[aeiouyAEIOUY][`~]|\b[dD][dD][aeiouAEIOUY]")


def viqr_evidence(text: str) -> float:
    """Share of words that carry a VIQR mark; near 0 for English or unaccented Vietnamese."""
    words = max(1, len(text.split()))
    return len(_VIQR_EVIDENCE.findall(text)) / words


_VIETNAMESE_LETTER = re.compile("[" + "".join(sorted(VIETNAMESE_LETTERS)) + "]")
_UNEXPECTED = re.compile("[^\x00-\x7f\\s" + "".join(sorted(VIETNAMESE_LETTERS | NEUTRAL_CHARACTERS)) + "]")
# A syllable (Vietnamese writes one a word) never carries two tones; in decomposed form, a
# run of non-space characters with two tone marks is a wrong decoding.
_TWO_TONES = re.compile(f"[{TONE_MARKS}][^\\s{TONE_MARKS}]*[{TONE_MARKS}]")


def vietnamese_score(text: str) -> float:
    """How much `text` reads as Vietnamese: Vietnamese letters per word, less what no Vietnamese
    text holds (stray Latin-1 symbols, two tones on one syllable). Higher is more plausible."""
    good = len(_VIETNAMESE_LETTER.findall(text))
    bad = len(_UNEXPECTED.findall(text)) + 2 * len(_TWO_TONES.findall(unicodedata.normalize("NFD", text)))
    return (good - 3 * bad) / max(1, len(text.split()))


def has_vietnamese_letters(text: str) -> bool:
    return _VIETNAMESE_LETTER.search(text) is not None
