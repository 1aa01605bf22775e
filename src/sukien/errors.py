"""Every error sukien raises, with a stable code (spaCy keeps its errors in one module too).

The CLI prints `file[:line]: CODE message`; the JSON API answers
`{"error": {"code": ..., "message": ..., "source": ...}}`.
"""

from __future__ import annotations

import re
from enum import StrEnum

# Control characters (newlines included) and anything shaped like markup: a message is one line of
# plain text, so an input can neither forge a line of the CLI's report nor put HTML in front of a user.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_MARKUP = re.compile(r"<[^<>]{0,200}>?")
EXCERPT_CHARS = 80


class Code(StrEnum):
    # Input: one bad article never stops a batch.
    EMPTY = "E101"  # the file or item has no text
    BINARY = "E102"  # the file is not text
    ENCODING = "E103"  # bytes that no encoding explains
    BAD_JSON = "E104"  # a JSON Lines line that does not parse
    NOT_ARTICLE = "E105"  # parses, but is not an article (no text field, wrong shape)
    UNREADABLE = "E106"  # the file cannot be opened or decompressed
    UNKNOWN_KIND = "E107"  # no reader for this content
    TRUNCATED = "E108"  # an archive ends early; the records before the damage were kept
    PROCESS = "E109"  # a pipeline stage failed on this item (a bug); the rest of the batch goes on
    TOO_LARGE = "E110"  # an item decompresses or reads to more than its cap (settings.MAX_ITEM_BYTES)
    CUT = "E111"  # a warning: an article's text is longer than settings.MAX_ARTICLE_CHARS and was cut
    ARCHIVE_NOTICE = "E112"  # a warning: a WARC record's declared length disagrees with its content
    LISTING = "E113"  # a page that lists other pages (a directory index, a section's front page)
    # Store and queries.
    DB = "E201"  # the database cannot be opened or migrated
    NOT_FOUND = "E202"  # no such article, event or trip
    BAD_QUERY = "E203"  # a filter or query that cannot be understood
    FORBIDDEN = "E204"  # refused: a write without the token or leave to write, a foreign Host or Origin
    INTERNAL = "E205"  # the server failed on a request (a bug); said in the one JSON error shape
    BUSY = "E206"  # the server has too many writes waiting; the client may try again
    INGEST_RUNNING = "E207"  # another ingest or reprocess is writing this database; try when it ends
    BODY_TOO_LARGE = "E208"  # a request body beyond the server's limit (413)
    MEDIA_TYPE = "E209"  # a write whose body is not declared `application/json` (415)
    # Exports.
    CANNOT_EXPORT = "E210"  # the format cannot hold what was asked (a CAMEO table of trips)
    OUTPUT = "E211"  # the output file cannot be written (no such folder, no permission)
    # Network (crawl).
    FETCH = "E301"  # a page could not be fetched
    ROBOTS = "E302"  # robots.txt forbids the page
    # Batch (`sukien batch`, `sukien load`).
    BATCH_OUTPUT = "E401"  # a batch output folder that cannot be written, or read as a batch result
    ENGINE = "E402"  # the engine asked for cannot run here (pyspark or Java missing)
    PARTITION = "E403"  # an engine's task failed as a whole (an executor lost, out of memory): named


class SukienError(Exception):
    """An error with a code, a message and, where known, the input it concerns."""

    def __init__(self, code: Code, message: str, source: str | None = None, line: int | None = None):
        message = one_line(message)
        super().__init__(message)
        self.code = code
        self.message = message
        self.source = source
        self.line = line

    @property
    def where(self) -> str:
        if self.source and self.line:
            return f"{self.source}:{self.line}"
        return self.source or ""

    def __str__(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}{self.code.value} {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code.value, "message": self.message, "source": self.source, "line": self.line}

    def __reduce__(self) -> tuple[type, tuple[Code, str, str | None, int | None]]:
        # Exceptions pickle their `args` (the message alone) by default, which this constructor
        # refuses: a worker's Doc carrying a warning (E111) could not travel back to the writer.
        return type(self), (self.code, self.message, self.source, self.line)


class InputError(SukienError):
    """One input (file, line, record) that was rejected; the rest of the batch goes on."""

    is_warning = False


class InputWarning(InputError):
    """A notice about an input that was still read (a cut text, skipped archive records)."""

    is_warning = True


def one_line(message: str) -> str:
    """The message with control characters and line breaks turned into spaces."""
    return _CONTROL.sub(" ", message).strip()


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """A piece of an input fit to quote in a message: one line, markup left out, at most `limit` chars."""
    plain = " ".join(_MARKUP.sub(" ", one_line(text)).split())
    return plain if len(plain) <= limit else plain[: limit - 1] + "…"


class StoreError(SukienError):
    """The database refused or failed."""
