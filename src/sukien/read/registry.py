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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sukien.doc import RawRecord
from sukien.errors import Code, InputError
from sukien.settings import MAX_FILE_BYTES
from sukien.text.codecs import decode_bytes, utf16_without_bom

Item = RawRecord | InputError


@dataclass(frozen=True)
class Reader:
    kind: str
    detect: Callable[[str, bytes], bool]  # (file name, first decompressed bytes) -> is it mine?
    read: Callable[[str, bytes], Iterator[Item]]  # (source name, whole decompressed bytes)


@dataclass(frozen=True)
class StreamReader:
    """A reader of files too large or too fragile to load whole (WARC): it opens the path itself."""

    kind: str
    detect: Callable[[Path], bool]
    read: Callable[[Path, str], Iterator[Item]]  # (path, source name)


def open_bytes(path: Path) -> bytes:
    """The file's bytes, decompressed when it is gzip or xz (by magic number, not by name)."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(Code.UNREADABLE, f"cannot be read: {err.strerror or err}", str(path)) from err
    try:
        if data[:2] == b"\x1f\x8b":
            return gzip.decompress(data)
        if data[:6] == b"\xfd7zXZ\x00":
            return lzma.decompress(data)
    except (OSError, EOFError, lzma.LZMAError) as err:
        raise InputError(
            Code.UNREADABLE, f"is compressed but cannot be decompressed: {err}", str(path)
        ) from err
    return data


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
    for number, raw_line in enumerate(data.splitlines(), start=1):
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
    Reader("jsonl", is_jsonl, read_jsonl),
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
        data = open_bytes(path)
    except InputError as err:
        err.source = name
        yield err
        return
    except OSError as err:
        yield InputError(Code.UNREADABLE, f"cannot be read: {err}", name)
        return
    if not data.strip():
        yield InputError(Code.EMPTY, "is empty", name)
        return
    head = data[:8192]
    if looks_binary(head):
        yield InputError(Code.BINARY, "is a binary file, not text", name)
        return
    plain_name = strip_compression_suffix(path.name.lower())
    for reader in READERS:
        if reader.detect(plain_name, head):
            yield from reader.read(name, data)
            return
    yield InputError(Code.UNKNOWN_KIND, "no reader knows this kind of file", name)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files under the given paths, folders walked in name order; hidden files and gold.json skipped."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith(".") and child.name != "gold.json":
                    yield child
        else:
            yield path
