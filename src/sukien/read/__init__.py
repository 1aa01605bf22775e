"""Stage `read`: files and folders in, `RawRecord`s out, one per article.

The registry (`registry.py`) detects each file's kind from its first bytes and hands it to the
first reader that accepts it; plain text and JSON Lines are built in, and the web inputs (WARC
archives, RSS/Atom feeds, HTML pages) are registered here, ahead of plain text. A new input kind is
one module with `is_X` and `read_X` plus one `register` line below.
"""

from __future__ import annotations

from sukien.read import feeds, html, warc
from sukien.read.registry import (
    READERS,
    Item,
    Reader,
    StreamReader,
    iter_files,
    read_decoded,
    read_file,
    read_jsonl,
    read_text,
    register,
)

register(StreamReader("warc", warc.is_warc_file, warc.read_warc_file))
register(Reader("warc", warc.is_warc, warc.read_warc_bytes))
register(Reader("feed", feeds.is_feed, feeds.read_feed))
register(Reader("html", html.is_html, html.read_html))

__all__ = [
    "READERS", "Item", "Reader", "StreamReader", "iter_files", "read_decoded", "read_file", "read_jsonl",
    "read_text", "register",
]  # fmt: skip
