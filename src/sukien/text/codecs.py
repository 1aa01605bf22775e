"""Bytes to text, one decision per document, with the encoding named.

UTF-8 (with or without BOM) and UTF-16 are read as they are. A document that is not UTF-8 is
tried as Windows-1258 and as the pre-Unicode Vietnamese encodings (TCVN3, VNI: see
`legacy_encodings`), and the candidate that reads most like Vietnamese wins; charset-normalizer
guesses the rest. Text that decoded cleanly can still be wrong: UTF-8 read twice ("Viá»‡t",
repaired with ftfy), TCVN3 or VNI pasted through a Western code page ("ViÖt", "Vieät"), VIQR
("Vie^.t"). Those are repaired too, and the name says what was found.

Two rules keep this honest: a file that is UTF-8 but for a few bad bytes is an error (it is
damaged, and a code page would only hide where), and a decoding that needs replacement
characters is an error, never silent.
"""

from __future__ import annotations

import re
import unicodedata

from sukien.errors import Code, InputError
from sukien.text import legacy_encodings as legacy

# A run of bytes that is well-formed UTF-8 beyond ASCII.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
# At least this share of the non-ASCII bytes in well-formed UTF-8 makes a file "UTF-8, damaged".
MOSTLY_UTF8 = 0.5
# A repaired reading must beat the text as decoded by this much (Vietnamese letters per word).
REPAIR_MARGIN = 0.1
# Any character past Latin-1 other than punctuation: the text is real Unicode, not a byte view.
_BEYOND_LATIN1 = re.compile("[^\x00-\xff“”‘’–—…•€™ŒœŠšŽžŸƒˆ˜‚„†‡‰‹›]")
VIQR_MIN_EVIDENCE = 0.05  # VIQR marks per word
# UTF-8 read as Windows-1252/Latin-1 leaves a lead byte's character before a continuation byte's
# ("á»", "Ã "); ftfy is slow on a whole page, so it runs only where this is seen.
_MOJIBAKE_HINT = re.compile("[\xc2-\xf4][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(NFC text, encoding name). `declared` is what the document says (HTML meta, HTTP header).

    Raises InputError (Code.ENCODING) when no encoding explains the bytes.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return repair(_strict_utf8(data, 3), "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return repair(_decode_or_fail(data, "utf-16"), "utf-16")
    utf16 = utf16_without_bom(data)
    if utf16:
        return repair(_decode_or_fail(data, utf16), utf16)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        if mostly_utf8(data):
            raise InputError(Code.ENCODING, f"invalid UTF-8 at byte {err.start}") from err
        return decode_legacy(data, declared, err.start)
    return repair(text, "utf-8")


def _strict_utf8(data: bytes, skip: int) -> str:
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(Code.ENCODING, f"invalid UTF-8 at byte {err.start + skip}") from err


def _decode_or_fail(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        raise InputError(Code.ENCODING, f"invalid {codec.upper()} at byte {err.start}") from err


def utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when the bytes look like UTF-16 text with no BOM, else None.

    ASCII-range characters (spaces, digits, markup) put a zero in every other byte.
    """
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 8 or len(data) % 2:
        return None
    odd_zeros = sample[1::2].count(0)
    even_zeros = sample[0::2].count(0)
    if odd_zeros > pairs * 0.3 and even_zeros == 0:
        return "utf-16-le"
    if even_zeros > pairs * 0.3 and odd_zeros == 0:
        return "utf-16-be"
    return None


def mostly_utf8(data: bytes) -> bool:
    high = len(_HIGH_BYTE.findall(data))
    valid = sum(len(match) for match in _UTF8_SEQUENCE.findall(data))
    return high > 0 and valid >= high * MOSTLY_UTF8


def decode_legacy(data: bytes, declared: str | None = None, utf8_error_at: int = 0) -> tuple[str, str]:
    """A document wholly in another encoding: the Vietnamese reading that fits best, else a guess."""
    candidates = [
        (name, unicodedata.normalize("NFC", text))
        for name, text in _legacy_readings(data, declared)
        if text is not None
    ]
    vietnamese = [(legacy.vietnamese_score(text), name, text) for name, text in candidates]
    vietnamese = [item for item in vietnamese if legacy.has_vietnamese_letters(item[2])]
    if vietnamese:
        _, name, text = max(vietnamese, key=lambda item: item[0])
        return unicodedata.normalize("NFC", text), name
    for name, text in candidates:  # a declared encoding that decodes cleanly is believed
        if name == _codec_name(declared):
            return unicodedata.normalize("NFC", text), name
    return _guess(data, utf8_error_at)


def _legacy_readings(data: bytes, declared: str | None) -> list[tuple[str, str | None]]:
    latin1 = data.decode("latin-1")
    readings: list[tuple[str, str | None]] = [
        ("windows-1258", _try(data, "cp1258")),
        ("tcvn3", legacy.decode_tcvn3(latin1)),
        ("vni", legacy.decode_vni(_try(data, "cp1252") or latin1)),
    ]
    codec = _codec_name(declared)
    if codec and codec not in {name for name, _ in readings} and codec not in ("utf-8", "utf-16"):
        readings.append((codec, _try(data, codec)))
    return readings


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    import codecs

    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return {"cp1258": "windows-1258", "cp1252": "windows-1252", "utf-8-sig": "utf-8"}.get(name, name)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess(data: bytes, utf8_error_at: int) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(Code.ENCODING, f"is not valid UTF-8 (byte {utf8_error_at}) and no encoding fits")
    text = str(best)
    if "\ufffd" in text:
        raise InputError(Code.ENCODING, f"decodes as {best.encoding} only with replacement characters")
    return unicodedata.normalize("NFC", text), best.encoding


def repair(text: str, name: str) -> tuple[str, str]:
    """Text that decoded cleanly, checked for a wrong reading upstream, NFC."""
    replacements = text.count("\ufffd")
    if replacements:
        raise InputError(
            Code.ENCODING,
            f"holds {replacements} replacement character(s) (U+FFFD): it was damaged before sukien read it",
        )
    text = unicodedata.normalize("NFC", text)
    candidates = _repairs(text, name)
    if not candidates:
        return text, name
    baseline = legacy.vietnamese_score(text)
    score, repaired_name, repaired = max((legacy.vietnamese_score(t), n, t) for n, t in candidates)
    if score > baseline + REPAIR_MARGIN and legacy.has_vietnamese_letters(repaired):
        return unicodedata.normalize("NFC", repaired), repaired_name
    return text, name


def _repairs(text: str, name: str) -> list[tuple[str, str]]:
    candidates: list[tuple[str, str]] = []
    if text.isascii():
        if legacy.viqr_evidence(text) >= VIQR_MIN_EVIDENCE:
            candidates.append(("viqr", legacy.decode_viqr(text)))
        return candidates
    if _MOJIBAKE_HINT.search(text):
        import ftfy

        fixed = ftfy.fix_encoding(text)
        if fixed != text:
            candidates.append((f"{name}, double-decoded (repaired)", fixed))
    if not _BEYOND_LATIN1.search(text):  # only a byte view of Latin-1 can hide TCVN3 or VNI
        candidates.append((f"tcvn3 (read as {name})", legacy.decode_tcvn3(text)))
        candidates.append((f"vni (read as {name})", legacy.decode_vni(text)))
    return candidates
