"""Reading HTML: is this a page, which encoding, and the text of an HTML fragment (a feed item's content).

The page's own `<meta charset>` is a hint to `text.codecs`, which decides. Extracting the article
from a page is the clean stage's work (`sukien.clean.html`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import Any

from sukien.doc import RawRecord
from sukien.errors import InputError
from sukien.read.registry import read_decoded
from sukien.text.codecs import decode_bytes

FRAGMENT_BLOCKS = (
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figcaption",
    "tr",
)


FRAGMENT_DROP = ("script", "style", "img", "iframe", "noscript")


_CHARSET_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


_SPACES = re.compile(r"\s+")


# Levels of escaping decoded beyond the parser's one: CMSs that escape a title before the template
# escapes it again give `Chi&amp;#7871;n`; three is more than a CMS stacks, and bounds the work.
MAX_UNESCAPES = 3


def is_html(name: str, head: bytes) -> bool:
    if name.endswith((".html", ".htm", ".xhtml", ".shtml")):
        return True
    start = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")):
        return True
    return start.startswith((b"<?xml", b"<!--")) and b"<html" in start and b"<rss" not in start


def declared_charset(data: bytes) -> str | None:
    match = _CHARSET_META.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def decode_html(data: bytes, http_charset: str | None = None) -> tuple[str, str]:
    """(text, encoding) of a page: `textcodec` decides, the page's own charset as a hint."""
    return decode_bytes(data, http_charset or declared_charset(data))


def read_html(source: str, data: bytes) -> Iterator[RawRecord | InputError]:
    return read_decoded(source, data, "html", decode_html)


def squash(text: str | None) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def unescape(text: str) -> str:
    """`text` with its character references decoded, however many times it was escaped."""
    for _ in range(MAX_UNESCAPES):
        if "&" not in text:
            break
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


def text_of(value: str | None) -> str:
    """A value of the page's markup as text: entities decoded (twice-escaped too), spaces squashed."""
    return squash(unescape(value or ""))


@cache
def fragment_parser() -> Any:
    from lxml import html as lxml_html

    return lxml_html.HTMLParser(huge_tree=True)


def fragment_text(markup: str) -> str:
    """Paragraphs of an HTML fragment (a feed item's content): blocks split, scripts and images out."""
    from lxml import html as lxml_html

    try:
        # huge_tree: libxml2 otherwise drops what is nested 255 deep or more, and its text with it.
        root = lxml_html.fragment_fromstring(markup, create_parent="div", parser=fragment_parser())
    except (ValueError, TypeError):
        return squash(markup)
    for element in list(root.iter(*FRAGMENT_DROP)):
        element.drop_tree()
    for element in root.iter(*FRAGMENT_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    paragraphs = (squash(part) for part in root.text_content().split("\n\n"))
    return "\n\n".join(part for part in paragraphs if part)
