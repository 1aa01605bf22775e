"""RSS and Atom feeds: each item becomes an article (feedparser reads every dialect).

An item's body is its full content (`content:encoded`, Atom `content`) when the feed carries one,
with the item's summary as the lead; otherwise the summary alone, as news feeds mostly give.
Markup in either is turned into paragraphs here, so the records reach `clean` as plain text
with their metadata (kind "feed"). `source` is the item's link (SPEC: the URL of a feed item).
"""

from __future__ import annotations

import re
from calendar import timegm
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from sukien.doc import RawRecord
from sukien.errors import Code, InputError
from sukien.read.html import fragment_text

FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")
_MARKUP = re.compile(r"<[a-zA-Z/][^>]*>|&[a-z]+;|&#\d+;")


def is_feed(name: str, head: bytes) -> bool:
    start = head[:2048].lower()
    if name.endswith((".rss", ".atom")):
        return True
    return any(root in start for root in FEED_ROOTS) and b"<html" not in start


def read_feed(source: str, data: bytes) -> Iterator[RawRecord | InputError]:
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        reason = f": {problem}" if problem else ""
        yield InputError(Code.NOT_ARTICLE, f"a feed with no items{reason}", source)
        return
    outlet = (parsed.get("feed") or {}).get("title")
    for number, entry in enumerate(entries, start=1):
        yield item_record(source, entry, outlet, number)


def item_record(source: str, entry: Any, outlet: str | None, number: int) -> RawRecord | InputError:
    url = entry.get("link") or entry.get("id")
    summary = as_text(entry.get("summary"))
    content = next(
        (as_text(part.get("value")) for part in entry.get("content") or [] if part.get("value")), None
    )
    body = content or summary
    if not body:
        return InputError(Code.EMPTY, "a feed item with neither content nor summary", source, number)
    lead = summary if content and summary and summary not in content else None
    fields = {
        "id": entry.get("id"),
        "url": url,
        "title": as_text(entry.get("title")),
        "published": published_of(entry),
        "author": entry.get("author"),
        "outlet": outlet,
        "summary": lead,
    }
    return RawRecord(source=url or f"{source}:{number}", kind="feed", text=body, fields=fields, line=number,
                     encoding="utf-8")  # fmt: skip


def as_text(value: str | None) -> str | None:
    """Plain text of an item field, its markup turned into paragraphs."""
    if not value or not value.strip():
        return None
    return fragment_text(value) if _MARKUP.search(value) else value.strip()


def published_of(entry: Any) -> str | None:
    """The item's date as the feed states it (with its zone), ISO 8601."""
    for key in ("published", "updated", "created"):
        value = entry.get(key)
        if not value:
            continue
        try:
            return parsedate_to_datetime(value).isoformat()  # RSS: RFC 822
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).isoformat()  # Atom: RFC 3339
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")  # feedparser's reading, in UTC
        if parsed:
            return datetime.fromtimestamp(timegm(parsed), UTC).isoformat()
    return None
