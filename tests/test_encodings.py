"""Encodings: real article text written in each encoding by code here, read back by sukien."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

from sukien.errors import Code, InputError
from sukien.read import read_file
from sukien.text.codecs import decode_bytes
from web_helpers import real_articles

TONES = {"\u0301": "'", "\u0300": "`", "\u0309": "?", "\u0303": "~", "\u0323": "."}
MODIFIERS = {"\u0302": "^", "\u0306": "(", "\u031b": "+"}


def sample_text() -> str:
    article = real_articles(1)[0]
    return "\n\n".join([article["title"], article["summary"], *article["paragraphs"][:3]])


def to_windows_1258(text: str) -> bytes:
    """Windows-1258 keeps â ê ô ă ơ ư đ whole and writes tones as combining marks."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            tone = "".join(c for c in decomposed if c in TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
            out += (base + tone).encode("cp1258")
    return bytes(out)


# VNI-Windows marks as the VNI keyboard documentation lists them (lower case).
VNI_TONE = {"'": "ù", "`": "ø", "?": "û", "~": "õ", ".": "ï"}
VNI_CIRCUMFLEX = {"": "â", "'": "á", "`": "à", "?": "å", "~": "ã", ".": "ä"}
VNI_BREVE = {"": "ê", "'": "é", "`": "è", "?": "ú", "~": "ü", ".": "ë"}
VNI_I = {"'": "í", "`": "ì", "?": "æ", "~": "ó", ".": "ò"}


def to_vni(text: str) -> bytes:
    out = []
    for char in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        tone = next((TONES[m] for m in marks if m in TONES), "")
        upper = base.isupper()
        low = base.lower()
        if char in "đĐ":
            piece = "ñ"
        elif "\u0302" in marks:
            piece = low + VNI_CIRCUMFLEX[tone]
        elif "\u0306" in marks:
            piece = low + VNI_BREVE[tone]
        elif "\u031b" in marks:
            piece = {"o": "ô", "u": "ö"}[low] + VNI_TONE.get(tone, "")
        elif low == "i" and tone:
            piece = VNI_I[tone]
        elif low == "y" and tone == ".":
            piece = "î"
        elif tone:
            piece = low + VNI_TONE[tone]
        else:
            out.append(char)
            continue
        out.append(piece.upper() if upper else piece)
    return "".join(out).encode("cp1252")


def to_viqr(text: str) -> bytes:
    """RFC 1456: marks after the vowel; a literal mark character after a vowel is escaped."""
    out = []
    previous_vowel = False
    for char in unicodedata.normalize("NFC", text):
        if char in "đĐ":
            out.append("dd" if char == "đ" else "DD")
            previous_vowel = False
            continue
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        if previous_vowel and char in "'`?~.(^+":
            out.append("\\" + char)
            continue
        out.append(
            base + "".join(MODIFIERS.get(m, "") for m in marks) + "".join(TONES.get(m, "") for m in marks)
        )
        previous_vowel = base.lower() in "aeiouy"
    return "".join(out).encode("ascii")


def to_tcvn3(text: str) -> bytes:
    """TCVN3 by glibc's converter; ABC fonts have no upper-case toned letters, so those go lower."""
    if shutil.which("iconv") is None:
        pytest.skip("iconv is not installed")
    lowered = "".join(
        c.lower() if c.isupper() and c not in "ĂÂÊÔƠƯĐ" and not c.isascii() else c for c in text
    )
    done = subprocess.run(
        ["iconv", "-f", "UTF-8", "-t", "TCVN5712-1"], input=lowered.encode(), capture_output=True
    )
    if done.returncode:
        pytest.skip("iconv cannot write TCVN5712-1 here")
    return done.stdout


def tcvn3_expected(text: str) -> str:
    return "".join(c.lower() if c.isupper() and c not in "ĂÂÊÔƠƯĐ" and not c.isascii() else c for c in text)


def sloppy_windows_1252(data: bytes) -> str:
    """Bytes read as Windows-1252 the way browsers do (undefined bytes kept as C1 controls)."""
    return "".join(
        chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252") for b in data
    )


@pytest.mark.parametrize(
    ("encode", "expected_name"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: unicodedata.normalize("NFD", t).encode("utf-8"), "utf-8"),
        (to_windows_1258, "windows-1258"),
        (to_vni, "vni"),
        (to_viqr, "viqr"),
        (
            lambda t: sloppy_windows_1252(t.encode("utf-8")).encode("utf-8"),
            "utf-8, double-decoded (repaired)",
        ),
        (lambda t: to_vni(t).decode("cp1252").encode("utf-8"), "vni (read as utf-8)"),
    ],
    ids=[
        "utf-8",
        "bom",
        "utf-16",
        "utf-16-le-no-bom",
        "nfd",
        "windows-1258",
        "vni",
        "viqr",
        "mojibake",
        "vni-in-utf-8",
    ],  # fmt: skip
)
def test_each_encoding_decodes_to_the_original_text_and_is_named(encode, expected_name):
    text = sample_text()
    decoded, name = decode_bytes(encode(text))
    assert name == expected_name
    assert decoded == unicodedata.normalize("NFC", text)


def test_tcvn3_decodes_to_the_original_text():
    text = sample_text()
    decoded, name = decode_bytes(to_tcvn3(text))
    assert (decoded, name) == (tcvn3_expected(text), "tcvn3")


def test_tcvn3_pasted_through_a_western_code_page_is_repaired():
    text = sample_text()
    data = to_tcvn3(text).decode("latin-1").encode("utf-8")
    assert decode_bytes(data) == (tcvn3_expected(text), "tcvn3 (read as utf-8)")


def test_utf8_with_a_few_bad_bytes_is_an_error_naming_the_byte():
    good = sample_text().encode("utf-8")
    damaged = good[:200] + b"\xff" + good[200:]
    with pytest.raises(InputError) as raised:
        decode_bytes(damaged)
    assert raised.value.code == Code.ENCODING
    assert "invalid UTF-8 at byte 200" in raised.value.message


def test_replacement_characters_are_an_error_not_stored_silently():
    with pytest.raises(InputError) as raised:
        decode_bytes(sample_text().replace("ư", "\ufffd", 2).encode("utf-8"))
    assert raised.value.code == Code.ENCODING
    assert "replacement" in raised.value.message


def test_plain_english_and_unaccented_text_is_left_alone():
    text = "Prime Minister visits Japan (2017). Is it true? Yes. Thu tuong tham Nhat Ban."
    assert decode_bytes(text.encode()) == (text, "utf-8")


def test_a_file_in_a_legacy_encoding_becomes_a_record_that_names_it(tmp_path):
    path = tmp_path / "old-archive.txt"
    path.write_bytes(to_vni(sample_text()))
    (record,) = list(read_file(path))
    assert record.encoding == "vni"
    assert record.text == unicodedata.normalize("NFC", sample_text())


def test_a_utf16_file_without_bom_is_read_not_rejected_as_binary(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes(sample_text().encode("utf-16-le"))
    (record,) = list(read_file(path))
    assert record.encoding == "utf-16-le"
