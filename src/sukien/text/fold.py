"""The one `fold` of sukien: how a name or a query compares when case and diacritics do not matter.

- `fold` keeps the length of the text (so an offset into the folded text is an offset into the
  original): lower case, no diacritics, "đ" -> "d". Search, matching and the gazetteer use it.
- `name_key` is the key a person is stored, filtered and linked by: `fold`, with hyphens, dots and
  runs of spaces made one space, so "Kim Jong-un", "Kim Jong Un" and "kim  jong un" are one key.

A `str.translate` table, not `unicodedata` per call: it runs over 300 MB of corpus text.
"""

from __future__ import annotations

import re
import unicodedata

NAME_SEPARATORS = re.compile(r"[\s\-‐‑–.]+")


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


def name_key(name: str) -> str:
    """The key of a person's name: folded, with hyphens, dots and spaces as single spaces."""
    return NAME_SEPARATORS.sub(" ", fold(name)).strip()
