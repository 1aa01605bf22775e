"""Every error sukien raises, with a stable code (spaCy keeps its errors in one module too).

The CLI prints `file[:line]: CODE message`; the JSON API answers
`{"error": {"code": ..., "message": ..., "source": ...}}`.
"""

from __future__ import annotations

from enum import StrEnum


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
    # Store and queries.
    DB = "E201"  # the database cannot be opened or migrated
    NOT_FOUND = "E202"  # no such article, event or trip
    BAD_QUERY = "E203"  # a filter or query that cannot be understood
    FORBIDDEN = "E204"  # refused: a write without the token or leave to write, a foreign Host or Origin
    INTERNAL = "E205"  # the server failed on a request (a bug); said in the one JSON error shape
    BUSY = "E206"  # the server has too many writes waiting; the client may try again
    MEDIA_TYPE = "E207"  # a write whose body is not declared `application/json` (415)
    TOO_LARGE = "E208"  # a request body beyond the server's limit (413)
    # Network (crawl).
    FETCH = "E301"  # a page could not be fetched
    ROBOTS = "E302"  # robots.txt forbids the page


class SukienError(Exception):
    """An error with a code, a message and, where known, the input it concerns."""

    def __init__(self, code: Code, message: str, source: str | None = None, line: int | None = None):
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


class InputError(SukienError):
    """One input (file, line, record) that was rejected; the rest of the batch goes on."""


class StoreError(SukienError):
    """The database refused or failed."""
