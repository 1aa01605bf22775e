"""The reader registry: files and folders in, `RawRecord`s out, one per article.

Each file's kind is detected from its content (first bytes), not only its name; `.gz` and `.xz`
are opened transparently. Readers are registered in `READERS` so that other input kinds (HTML,
WARC, feeds) plug in without touching the dispatcher. A reader yields `RawRecord`s, and
`InputError`s for items it must reject, so one bad item never stops the rest.
"""

from __future__ import annotations

import gzip
import json
import lzma
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sukien.doc import RawRecord
from sukien.errors import Code, InputError
from sukien.settings import MAX_FILE_BYTES, MAX_ITEM_BYTES, READ_CHUNK_BYTES
from sukien.text.codecs import decode_bytes, utf16_without_bom

Item = RawRecord | InputError
HEAD_BYTES = 8192  # the first decompressed bytes a reader is chosen by


@dataclass(frozen=True)
class Reader:
    kind: str
    detect: Callable[[str, bytes], bool]  # (file name, first decompressed bytes) -> is it mine?
    read: Callable[[str, bytes], Iterator[Item]]  # (source name, whole decompressed bytes)
    # Items read one by one from the decompressed pieces of a file of any size (JSON Lines).
    read_stream: Callable[[str, Iterable[bytes]], Iterator[Item]] | None = None


@dataclass(frozen=True)
class StreamReader:
    """A reader of files too large or too fragile to load whole (WARC): it opens the path itself."""

    kind: str
    detect: Callable[[Path], bool]
    read: Callable[[Path, str], Iterator[Item]]  # (path, source name)


def open_stream(path: Path) -> IO[bytes]:
    """The file as a stream of its bytes, decompressed when it is gzip or xz (by magic number, not
    by name): read in pieces, so what it decompresses to is never held whole unless asked for."""
    raw = path.open("rb")
    magic = raw.read(6)
    raw.seek(0)
    if magic[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    if magic == b"\xfd7zXZ\x00":
        return lzma.LZMAFile(raw)  # type: ignore[return-value]
    return raw


def read_at_most(stream: IO[bytes], limit: int) -> bytes:
    """Up to `limit + 1` bytes of the stream, so that the caller can tell it was longer than `limit`."""
    pieces, size = [], 0
    while size <= limit:
        piece = stream.read(min(READ_CHUNK_BYTES, limit + 1 - size))
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    return b"".join(pieces)


def chunks_of(stream: IO[bytes], first: bytes = b"") -> Iterator[bytes]:
    if first:
        yield first
    while piece := stream.read(READ_CHUNK_BYTES):
        yield piece


def too_large(what: str) -> str:
    return f"{what} is larger than {MAX_ITEM_BYTES / 2**20:g} MiB once read; refused"


def strip_compression_suffix(name: str) -> str:
    for suffix in (".gz", ".xz"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def looks_binary(head: bytes) -> bool:
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM is text
        return False
    if utf16_without_bom(head):
        return False
    if b"\x00" in head[:4096]:
        return True
    controls = sum(1 for b in head[:4096] if b < 9 or 13 < b < 32)
    return controls > len(head[:4096]) * 0.05


def is_jsonl(name: str, head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"{") or name.endswith((".jsonl", ".ndjson"))


def read_jsonl(source: str, data: bytes) -> Iterator[Item]:
    """JSON Lines already in memory (the API's body)."""
    return jsonl_items(source, enumerate(data.splitlines(), start=1))


def read_jsonl_stream(source: str, chunks: Iterable[bytes]) -> Iterator[Item]:
    """JSON Lines read line by line: a file of any size costs one line of memory, and a line
    longer than `MAX_ITEM_BYTES` is refused without being held."""
    return jsonl_items(source, numbered_lines(chunks, MAX_ITEM_BYTES))


def numbered_lines(chunks: Iterable[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, line) of the bytes, numbered as `bytes.splitlines` numbers them; None for a line
    longer than `limit`, whose bytes are dropped as they come."""
    number = 0
    for line in bounded_lines(chunks, limit):
        if line is None:
            number += 1
            yield number, None
            continue
        for piece in line.splitlines() or [b""]:  # a lone "\r" ends a line for `splitlines` too
            number += 1
            yield number, piece


def bounded_lines(chunks: Iterable[bytes], limit: int) -> Iterator[bytes | None]:
    """The lines of a stream split at "\n"; None in place of a line longer than `limit`.

    Pieces of the line being read are kept in a list and joined once, so a long line costs linear
    time, and at most `limit` bytes of it are kept."""
    pending: list[bytes] = []
    size = 0
    too_long = False
    for chunk in chunks:
        *ended, rest = chunk.split(b"\n")
        for part in ended:
            pending.append(part)
            yield None if too_long or size + len(part) > limit else b"".join(pending)
            pending, size, too_long = [], 0, False
        if too_long:
            continue
        pending.append(rest)
        size += len(rest)
        if size > limit:
            pending, size, too_long = [], 0, True
    if too_long:
        yield None
    elif size:
        yield b"".join(pending)


def jsonl_items(source: str, lines: Iterable[tuple[int, bytes | None]]) -> Iterator[Item]:
    for number, raw_line in lines:
        if raw_line is None:
            yield InputError(Code.TOO_LARGE, too_large("a line"), source, number)
            continue
        if not raw_line.strip():
            continue
        try:
            line = raw_line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as err:
            yield InputError(Code.ENCODING, f"invalid UTF-8 at byte {err.start}", source, number)
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError(Code.BAD_JSON, f"not valid JSON: {err.msg} (column {err.colno})", source, number)
            continue
        if not isinstance(item, dict):
            yield InputError(Code.NOT_ARTICLE, "a JSON line that is not an object", source, number)
            continue
        # A headline alone is still news: feeds carry items with a title and no body, and the
        # title is then all the text there is to cite.
        text = item.get("text") or item.get("summary") or item.get("title")
        if not isinstance(text, str) or not text.strip():
            yield InputError(
                Code.NOT_ARTICLE, "no `text`, `summary` or `title` string in this item", source, number
            )
            continue
        item_source = str(item.get("url") or item.get("id") or f"{source}:{number}")
        fields = {k: item.get(k) for k in ("id", "url", "title", "published", "outlet", "summary", "author")}
        yield RawRecord(
            source=item_source, kind="jsonl", text=text, fields=fields, line=number, encoding="utf-8"
        )


def read_decoded(
    source: str, data: bytes, kind: str, decode: Callable[[bytes], tuple[str, str]] = decode_bytes
) -> Iterator[Item]:
    """One record of the whole file, decoded by `decode`; an error naming the file when it cannot be."""
    try:
        text, encoding = decode(data)
    except InputError as err:
        err.source = source
        yield err
        return
    if not text.strip():
        yield InputError(Code.EMPTY, "is empty", source)
        return
    yield RawRecord(source=source, kind=kind, text=text, encoding=encoding, raw=data)


def read_text(source: str, data: bytes) -> Iterator[Item]:
    return read_decoded(source, data, "text")


# Order matters: the first reader whose `detect` accepts the file reads it; plain text is last.
READERS: list[Reader] = [
    Reader("jsonl", is_jsonl, read_jsonl, read_jsonl_stream),
    Reader("text", lambda name, head: True, read_text),
]


STREAM_READERS: list[StreamReader] = []


def register(reader: Reader | StreamReader, before: str = "text") -> None:
    """Add a reader ahead of `before` (plain text accepts everything, so it stays last)."""
    if isinstance(reader, StreamReader):
        if all(existing.kind != reader.kind for existing in STREAM_READERS):
            STREAM_READERS.append(reader)
        return
    if any(existing.kind == reader.kind for existing in READERS):
        return
    index = next((i for i, r in enumerate(READERS) if r.kind == before), len(READERS))
    READERS.insert(index, reader)


def read_file(path: Path, source: str | None = None) -> Iterator[Item]:
    """Every record of one file; errors are yielded, never raised."""
    name = source or path.name
    for streamed in STREAM_READERS:  # record by record: a damaged archive keeps what came before
        if streamed.detect(path):
            yield from streamed.read(path, name)
            return
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            yield InputError(Code.UNREADABLE, f"is larger than {MAX_FILE_BYTES // 2**20} MiB", name)
            return
        with open_stream(path) as stream:
            yield from _read_opened(path, name, stream)
    except (gzip.BadGzipFile, EOFError, lzma.LZMAError, zlib.error) as err:
        yield InputError(Code.UNREADABLE, f"is compressed but cannot be decompressed: {err}", name)
    except OSError as err:
        yield InputError(Code.UNREADABLE, f"cannot be read: {err.strerror or err}", name)


def _read_opened(path: Path, name: str, stream: IO[bytes]) -> Iterator[Item]:
    head = read_at_most(stream, HEAD_BYTES - 1)
    plain_name = strip_compression_suffix(path.name.lower())
    if head.strip():  # not all whitespace: the head decides, before the rest is read
        if looks_binary(head):
            yield InputError(Code.BINARY, "is a binary file, not text", name)
            return
        reader = next(reader for reader in READERS if reader.detect(plain_name, head))
        if reader.read_stream is not None:
            yield from reader.read_stream(name, chunks_of(stream, head))
            return
    data = head + read_at_most(stream, MAX_ITEM_BYTES - len(head))
    if len(data) > MAX_ITEM_BYTES:
        yield InputError(Code.TOO_LARGE, too_large("the file"), name)
        return
    if not data.strip():
        yield InputError(Code.EMPTY, "is empty", name)
        return
    head = data[:HEAD_BYTES]
    if looks_binary(head):
        yield InputError(Code.BINARY, "is a binary file, not text", name)
        return
    for reader in READERS:
        if reader.detect(plain_name, head):
            yield from reader.read(name, data)
            return
    yield InputError(Code.UNKNOWN_KIND, "no reader knows this kind of file", name)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files under the given paths, folders walked in name order; hidden files and gold.json skipped.

    A folder that cannot be listed is an error naming it, not a silent gap in the batch."""
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield path
            continue
        unlisted: list[OSError] = []
        found: list[Path] = []
        for folder, _, names in os.walk(path, onerror=unlisted.append):
            found.extend(Path(folder, name) for name in names)
        yield from (_unlisted(err) for err in unlisted)
        for child in sorted(found):
            if child.is_file() and not child.name.startswith(".") and child.name != "gold.json":
                yield child


def _unlisted(err: OSError) -> InputError:
    return InputError(
        Code.UNREADABLE, f"is a folder that cannot be listed: {err.strerror or err}", err.filename
    )
