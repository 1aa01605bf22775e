"""Pages that list other pages (a server's directory index, a section's front page) are no article.

Told by the page itself, for any site: a title a directory index has ("Index of /", "Directory
listing for /"), or many links and little prose outside them (`settings.LISTING_*`). Measured on the
whole page before the body is extracted, since the extractor would make a "body" of the link texts.
"""

from __future__ import annotations

import re
from typing import Any

from sukien.settings import LISTING_MAX_PROSE_CHARS, LISTING_MIN_LINKS

INDEX_TITLE = re.compile(r"^\s*(?:index of|directory listing for)\s+/", re.IGNORECASE)

# Text in these is never the page's prose: links, navigation, scripts.
NOT_PROSE = ("a", "nav", "header", "footer", "script", "style", "noscript", "template", "select", "button")


def listing_reason(tree: Any) -> str | None:
    """Why the parsed page (lxml) is a listing, or None when it may be an article."""
    titles = [text_of(element) for element in tree.iter("title", "h1")]
    if any(INDEX_TITLE.match(title) for title in titles):
        return f"a directory index ({next(t for t in titles if INDEX_TITLE.match(t))!r})"
    links = sum(1 for link in tree.iter("a") if text_of(link))
    if links < LISTING_MIN_LINKS:
        return None
    prose = prose_chars(tree)
    if prose <= LISTING_MAX_PROSE_CHARS:
        return f"a page of {links} links and {prose} characters of text besides them"
    return None


def text_of(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def prose_chars(tree: Any) -> int:
    """Characters of text outside links, navigation and scripts, in the page's body."""
    body = next(iter(tree.iter("body")), tree)
    total = 0
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag in NOT_PROSE:
            continue
        if any(ancestor.tag in NOT_PROSE for ancestor in element.iterancestors()):
            continue
        total += len(" ".join((element.text or "").split()))
        for child in element:
            total += len(" ".join((child.tail or "").split()))
    return total
