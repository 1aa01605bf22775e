"""WARC archives (`.warc`, `.warc.gz`), as Common Crawl and national libraries keep them.

warcio reads the records; every HTML response becomes an `html` record whose `source` is its URL.
Other records are skipped and counted (requests, metadata, images, error statuses, revisits and
repeated payloads), and the count is reported once per archive as a warning.

An archive is read as a stream, record by record, so a damaged one keeps what came before the
damage. warcio does not notice damage by itself: a gzip member cut short simply ends the
iteration and a cut record yields a short payload. So the stream is wrapped to turn a
decompression error into a flagged end, and each record's declared length is checked against
what was read.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sukien.doc import RawRecord
from sukien.errors import Code, InputError, InputWarning, excerpt
from sukien.read.html import decode_html, is_html
from sukien.read.registry import read_at_most, too_large
from sukien.settings import MAX_ITEM_BYTES, READ_CHUNK_BYTES

GZIP_WBITS = 16 + zlib.MAX_WBITS
HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_MAGIC = b"WARC/1."
# What a skipped record is counted as, in the warning.
SKIP_REASONS = {
    "not_html": "not HTML",
    "status": "an error status",
    "duplicate": "a duplicate",
    "empty": "empty",
}


class SkippedRecords(InputWarning):
    """Records of an archive that are not articles: reported, but not a failure of the input."""


def is_warc(name: str, head: bytes) -> bool:
    return head.startswith(WARC_MAGIC) or name.endswith(".warc")


def is_warc_file(path: Path) -> bool:
    """Is this file a WARC archive, compressed or not (by content, not name)?"""
    try:
        with path.open("rb") as stream:
            head = stream.read(64)
            if head[:2] != b"\x1f\x8b":
                return head.startswith(WARC_MAGIC)
            stream.seek(0)
            with gzip.GzipFile(fileobj=stream) as unzipped:
                return unzipped.read(len(WARC_MAGIC)) == WARC_MAGIC
    except (OSError, EOFError, zlib.error):
        return False


class GuardedStream(io.RawIOBase):
    """A file, gzip (any number of members) or not, read so that damage ends the stream with
    `damaged` set instead of raising, after every byte that decompressed before it.

    Hand-written over zlib because `gzip.GzipFile` discards the block it was decompressing when
    it meets the end of a truncated file, losing the last good records.
    """

    def __init__(self, raw: IO[bytes]):
        self.raw = raw
        head = raw.read(2)
        raw.seek(0)
        self.compressed = head == b"\x1f\x8b"
        self.decompressor = zlib.decompressobj(GZIP_WBITS)
        self.member_started = False
        self.leftover = b""  # compressed input not yet decompressed
        self.pending = b""
        self.finished = False
        self.damaged: str | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.pending and not self.finished:
            self._fill()
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size

    def _fill(self) -> None:
        """At most `READ_CHUNK_BYTES` more decompressed bytes: a member of zeros that inflates a
        thousandfold costs no more memory than any other."""
        chunk = self.leftover or self.raw.read(READ_CHUNK_BYTES)
        self.leftover = b""
        if not self.compressed:
            self.pending, self.finished = chunk, not chunk
            return
        if not chunk:
            self.finished = True
            if self.member_started:
                self.damaged = "the compressed data ends in the middle of a record"
            return
        self.member_started = True
        try:
            self.pending = self.decompressor.decompress(chunk, READ_CHUNK_BYTES)
        except zlib.error as err:
            self.finished, self.damaged = True, f"corrupt compressed data ({err})"
            return
        if self.decompressor.eof:
            self.leftover = self.decompressor.unused_data  # the next member starts here
            self.decompressor = zlib.decompressobj(GZIP_WBITS)
            self.member_started = False
        else:
            self.leftover = self.decompressor.unconsumed_tail


@dataclass
class Tally:
    records: int = 0
    articles: int = 0
    skipped: Counter[str] | None = None

    def skip(self, reason: str) -> None:
        if self.skipped is None:
            self.skipped = Counter()
        self.skipped[reason] += 1

    def warning(self, source: str) -> SkippedRecords | None:
        if not self.skipped:
            return None
        parts = ", ".join(f"{count} {SKIP_REASONS[reason]}" for reason, count in self.skipped.most_common())
        total = sum(self.skipped.values())
        return SkippedRecords(
            Code.NOT_ARTICLE, f"{total} of {self.records} WARC records skipped ({parts})", source
        )


def read_warc_file(path: Path, source: str | None = None) -> Iterator[RawRecord | InputError]:
    name = source or path.name
    try:
        with path.open("rb") as raw:
            yield from read_warc_stream(name, raw)
    except OSError as err:
        yield InputError(Code.UNREADABLE, f"cannot be read: {err.strerror or err}", name)


def read_warc_bytes(source: str, data: bytes) -> Iterator[RawRecord | InputError]:
    """The `Reader` entry point, for WARC data already in memory (decompressed)."""
    yield from read_warc_stream(source, io.BytesIO(data))


def quiet_archive_iterator(stream: IO[bytes]) -> Any:
    """warcio's iterator without its own report: it writes a "WARNING: Record not followed by
    newline" block to standard error itself; the library never prints, so the text is emptied here
    and its count (`err_count`) is reported as a coded warning instead."""
    from warcio.archiveiterator import ArchiveIterator

    class QuietArchiveIterator(ArchiveIterator):
        INC_RECORD = ""

    return QuietArchiveIterator(stream, no_record_parse=False)


class MissingTargetURI(ValueError):
    """A response or request record without the WARC-Target-URI warcio needs to parse its HTTP."""


def warc_records(records: Iterator[Any], tally: Tally) -> Iterator[Any]:
    """warcio's records, with the AttributeError it raises on a record that names no target URI
    turned into a damage the reader reports (it reads `None.startswith`)."""
    iterator = iter(records)
    while True:
        try:
            record = next(iterator)
        except StopIteration:
            return
        except AttributeError as err:
            raise MissingTargetURI(f"record {tally.records + 1} has no WARC-Target-URI") from err
        yield record


def read_warc_stream(source: str, raw: IO[bytes]) -> Iterator[RawRecord | InputError]:
    from warcio.exceptions import ArchiveLoadFailed

    stream = GuardedStream(raw)
    tally = Tally()
    seen: set[str] = set()
    damage: str | None = None
    records = quiet_archive_iterator(io.BufferedReader(stream, READ_CHUNK_BYTES))
    try:
        for record in warc_records(records, tally):
            tally.records += 1
            item, short = _article_of(record, seen, tally, source)
            if short:
                damage = f"record {tally.records} is cut short"
                break
            if item is not None:
                yield item
    except (ArchiveLoadFailed, ValueError, EOFError, zlib.error) as err:
        # warcio's message quotes the input (a page's first line): only a plain excerpt of it is said.
        damage = f"unreadable after record {tally.records}: {excerpt(str(err))}"
    if stream.damaged and not damage:
        damage = f"ends early ({stream.damaged})"
    warning = tally.warning(source)
    if warning:
        yield warning
    if records.err_count:
        yield InputWarning(
            Code.ARCHIVE_NOTICE,
            f"{records.err_count} records not followed by a blank line; their declared lengths may be wrong",
            source,
        )
    if damage:
        yield InputError(
            Code.TRUNCATED,
            f"archive is truncated or damaged: {damage}; the {tally.articles} articles before it were kept",
            source,
        )


def _article_of(
    record: Any, seen: set[str], tally: Tally, source: str
) -> tuple[RawRecord | InputError | None, bool]:
    """(the article of one WARC record or None, whether the record was cut short)."""
    kind = record.rec_type
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    if kind == "revisit":
        tally.skip("duplicate")
        return None, False
    if kind not in ("response", "resource"):  # warcinfo, request, metadata: never articles
        return None, False
    content_type = ""
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            tally.skip("status")
            _drain(record.raw_stream)
            return None, _cut_short(record)
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if content_type and not any(html_type in content_type.lower() for html_type in HTML_TYPES):
        tally.skip("not_html")
        _drain(record.raw_stream)
        return None, _cut_short(record)
    try:
        payload = read_at_most(record.content_stream(), MAX_ITEM_BYTES)
    except (OSError, EOFError, zlib.error, ValueError):
        return None, True
    if len(payload) > MAX_ITEM_BYTES:  # the rest of the record is skipped by warcio, piece by piece
        return InputError(
            Code.TOO_LARGE, too_large(f"record {tally.records} ({excerpt(url)})"), source
        ), False
    if _cut_short(record):
        return None, True
    if not payload.strip():
        tally.skip("empty")
        return None, False
    if not content_type and not is_html("", payload[:1024]):
        tally.skip("not_html")
        return None, False
    digest = record.rec_headers.get_header("WARC-Payload-Digest") or url
    if digest in seen or url in seen:
        tally.skip("duplicate")
        return None, False
    seen.update((digest, url))
    try:
        text, encoding = decode_html(payload, _charset(content_type))
    except InputError as err:
        err.source = url or err.source
        return err, False
    tally.articles += 1
    fields = {"url": url or None, "fetched": record.rec_headers.get_header("WARC-Date")}
    return RawRecord(source=url, kind="html", text=text, fields=fields, encoding=encoding, raw=payload), False


def _drain(stream: Any) -> None:
    """Read a record we skip to its end in pieces: its length is the archive's to declare."""
    while stream.read(READ_CHUNK_BYTES):
        pass


def _cut_short(record: Any) -> bool:
    """Did the archive end before this record's declared length?"""
    return getattr(record.raw_stream, "limit", 0) > 0


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
