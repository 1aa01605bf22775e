"""Bytes to text for plain-text inputs: UTF-8 (with or without BOM), UTF-16, else a detected codec.

charset-normalizer does the guessing; a decode that would need replacement characters is an
error, never silent.
"""

from __future__ import annotations

import unicodedata

from sukien.errors import Code, InputError


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding name). Raises InputError when no encoding explains the bytes."""
    if data.startswith(b"\xef\xbb\xbf"):
        return unicodedata.normalize("NFC", data[3:].decode("utf-8", errors="strict")), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return unicodedata.normalize("NFC", data.decode("utf-16")), "utf-16"
    try:
        return unicodedata.normalize("NFC", data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(Code.ENCODING, f"is not valid UTF-8 (byte {utf8_error.start}) and no encoding fits")
    text = str(best)
    if "\ufffd" in text:
        raise InputError(Code.ENCODING, f"decodes as {best.encoding} only with replacement characters")
    return unicodedata.normalize("NFC", text), best.encoding
