"""Bounded work per input: a long line in linear time, caps on what an item decompresses to and on
an article's text, folders that cannot be listed, warcio's own output, deep HTML (issue 10)."""

from __future__ import annotations

import gzip
import io
import json
import lzma
import os
import time
import tracemalloc
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import article_text
from sukien.app.ingest import ingest
from sukien.doc import RawRecord
from sukien.errors import Code, InputError
from sukien.pipeline import process
from sukien.read import read_file
from sukien.read.html import fragment_text
from sukien.settings import MAX_ARTICLE_CHARS
from sukien.shells.cli import main

SMALL_CAP = 1 << 20  # 1 MiB: a test's item cap, so that its bombs stay small on disk


def varied_paragraph(n: int) -> str:
    """A paragraph of our own with what the stages look for: titles and names, places, dates,
    quotes, brackets, abbreviations and numbers, different for each n."""
    return (
        f"Ngày {n % 28 + 1}/{n % 12 + 1}/2024, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng "
        f"Nhật Bản tại Tokyo (Nhật Bản) trong chuyến thăm chính thức lần thứ {n}. "
        f"TS. Nguyễn Văn An nói: “Hai nước sẽ ký {n % 9 + 2}.000 hợp đồng.” "
        f"Sau đó, Bộ trưởng Ngoại giao Bùi Thanh Sơn tiếp Đại sứ Hàn Quốc tại Hà Nội. "
    )


def single_line_article(size: int) -> str:
    parts, length, n = [], 0, 0
    while length < size:
        part = varied_paragraph(n)
        parts.append(part)
        length += len(part)
        n += 1
    return "".join(parts)[:size]


def bomb(path: Path, size: int, byte: bytes = b"0", prefix: bytes = b"") -> Path:
    """A small compressed file that decompresses to `size` bytes, written without holding them."""
    opener = lzma.open if path.suffix == ".xz" else gzip.open
    with opener(path, "wb") as out:
        out.write(prefix)
        block = byte * (1 << 20)
        for _ in range(size // len(block)):
            out.write(block)
    return path


def low_cap(monkeypatch, cap: int = SMALL_CAP) -> None:
    monkeypatch.setattr("sukien.read.registry.MAX_ITEM_BYTES", cap)
    monkeypatch.setattr("sukien.read.warc.MAX_ITEM_BYTES", cap)


# -- linear time ----------------------------------------------------------------------------------


def test_a_ten_megabyte_single_line_article_is_stored_in_seconds(store, tmp_path):
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "a_long.txt").write_text("Bài rất dài\n\n" + single_line_article(10_000_000), encoding="utf-8")
    (folder / "b_good.txt").write_text("Bài thường\n\n" + article_text(1), encoding="utf-8")
    began = time.perf_counter()
    report = ingest(store, [folder], workers=1)
    elapsed = time.perf_counter() - began
    assert elapsed < 20, f"a 10 MB line took {elapsed:.1f} s"
    assert (report.stored, report.rejected) == (2, 0)
    [cut] = report.warnings
    assert cut.code == Code.CUT and cut.source == "a_long.txt" and "10,000,000" in cut.message
    long_article = next(a for a in store.articles() if a.source == "a_long.txt")
    assert MAX_ARTICLE_CHARS * 0.8 < len(long_article.text) <= MAX_ARTICLE_CHARS
    assert long_article.text.endswith(".")  # cut at a sentence's end, not inside a word
    assert report.events > 0


def test_a_text_over_the_cap_is_cut_at_a_sentence_with_a_warning(monkeypatch):
    monkeypatch.setattr("sukien.clean.MAX_ARTICLE_CHARS", 1000)
    text = single_line_article(5000)
    doc = process(RawRecord(source="long.txt", kind="jsonl", text=text, fields={}))
    [warning] = doc.errors
    assert warning.code == Code.CUT and warning.is_warning
    assert 800 <= len(doc.text) <= 1000 and text.startswith(doc.text) and doc.text.endswith(".")
    assert doc.events  # the stages after clean ran on what was kept


# -- caps on what an item decompresses to ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "prefix", "line"),
    [
        ("zeros.txt.gz", b"", None),  # a whole file read at once
        ("zeros.html.xz", b"<html><body><p>", None),
        ("zeros.jsonl.gz", b'{"text": "', 1),  # a JSON Lines file is read line by line
    ],
)
def test_an_item_that_decompresses_past_the_cap_is_refused_and_the_next_file_stored(
    store, tmp_path, monkeypatch, name, prefix, line
):
    low_cap(monkeypatch)
    folder = tmp_path / "inputs"
    folder.mkdir()
    path = bomb(folder / f"a_{name}", 8 * SMALL_CAP, prefix=prefix)
    assert path.stat().st_size < SMALL_CAP // 8
    (folder / "b_good.txt").write_text("Bài thường\n\n" + article_text(2), encoding="utf-8")
    report = ingest(store, [folder], workers=1)
    [error] = report.errors
    assert (error.code, error.source, error.line) == (Code.TOO_LARGE, path.name, line)
    assert "1 MiB" in error.message
    assert [article.source for article in store.articles()] == ["b_good.txt"]


def test_the_lines_after_a_line_over_the_cap_are_read(tmp_path, monkeypatch):
    low_cap(monkeypatch)
    good = [json.dumps({"id": f"ok-{n}", "text": article_text(n)}, ensure_ascii=False) for n in (1, 2)]
    huge = json.dumps({"id": "huge", "text": "0" * (2 * SMALL_CAP)})
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join([good[0], huge, good[1]]) + "\n", encoding="utf-8")
    items = list(read_file(path))
    assert [(type(item).__name__, item.line) for item in items] == [
        ("RawRecord", 1), ("InputError", 2), ("RawRecord", 3)
    ]  # fmt: skip


def test_a_bomb_costs_no_more_memory_than_the_cap(tmp_path, monkeypatch):
    cap = 4 * SMALL_CAP
    low_cap(monkeypatch, cap)
    path = bomb(tmp_path / "zeros.txt.gz", 64 * SMALL_CAP)  # 64 MiB of "0" in about 64 KB
    tracemalloc.start()
    try:
        [error] = list(read_file(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error.code == Code.TOO_LARGE
    assert peak < 3 * cap, f"reading the bomb peaked at {peak / 2**20:.1f} MiB"


def write_warc(path: Path, payloads: list[tuple[str, bytes]]) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, payload in payloads:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers
            )
            writer.write_record(record)
    return path


def page(text: str) -> bytes:
    return (
        f"<html><head><title>Tin</title></head><body><article><p>{text}</p></article></body></html>".encode()
    )


def test_a_warc_record_past_the_cap_is_refused_and_the_records_after_it_read(tmp_path, monkeypatch):
    low_cap(monkeypatch)
    path = write_warc(
        tmp_path / "crawl.warc.gz",
        [
            ("https://vidu.example/huge", page("0" * (4 * SMALL_CAP))),
            ("https://vidu.example/ok", page(article_text(3))),
        ],
    )
    tracemalloc.start()
    try:
        items = list(read_file(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    [error, record] = items
    assert isinstance(error, InputError) and error.code == Code.TOO_LARGE and error.source == "crawl.warc.gz"
    assert "vidu.example/huge" in error.message
    assert isinstance(record, RawRecord) and record.source == "https://vidu.example/ok"
    assert peak < 3 * SMALL_CAP


# -- folders, warcio, messages, deep HTML ---------------------------------------------------------


def test_a_folder_that_cannot_be_listed_is_an_error_and_a_failed_exit(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "inputs"
    locked = folder / "locked"
    locked.mkdir(parents=True)
    (folder / "good.txt").write_text("Bài thường\n\n" + article_text(4), encoding="utf-8")
    (locked / "hidden.txt").write_text("Bài khác\n\n" + article_text(5), encoding="utf-8")
    real_scandir = os.scandir

    def scandir_refusing_locked(path="."):
        # Tests run as root in CI, where a mode of 000 does not stop listing: refuse as the OS would.
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir_refusing_locked)
    code = main(["ingest", "--db", str(tmp_path / "t.db"), str(folder)])
    err = capsys.readouterr().err
    assert code != 0
    assert f"{locked}: E106" in err and "cannot be listed" in err
    assert "1 read, 1 stored" in err


def test_warcio_warnings_become_a_coded_warning_not_printed_lines(tmp_path, capfd):
    body = page(article_text(6))
    record = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://vidu.example/a\r\n"
        b"WARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2024-09-01T00:00:00Z\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
    )
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    # The declared length stops 5 bytes short: warcio finds no blank line after the record.
    damaged = record + f"Content-Length: {len(http) - 5}\r\n\r\n".encode() + http + b"\r\n\r\n"
    path = tmp_path / "short.warc"
    path.write_bytes(damaged)
    items = list(read_file(path))
    printed = capfd.readouterr()
    assert "WARNING" not in printed.err + printed.out
    notices = [item for item in items if isinstance(item, InputError) and item.code == Code.ARCHIVE_NOTICE]
    assert notices and notices[0].is_warning


def test_a_damaged_archive_message_is_one_line_without_the_inputs_markup(tmp_path):
    path = write_warc(tmp_path / "crawl.warc", [])  # gzip members are written; then raw junk after them
    path.write_bytes(
        gzip.decompress(
            write_warc(
                tmp_path / "one.warc.gz", [("https://vidu.example/a", page(article_text(7)))]
            ).read_bytes()
        )
        + b"<html>\n<script>alert('x')</script>\r\n<b>junk</b>\n" * 3
    )
    [record, error] = list(read_file(path))
    assert isinstance(record, RawRecord) and isinstance(error, InputError)
    assert error.code == Code.TRUNCATED
    assert "\n" not in str(error) and "\r" not in str(error)
    assert "<" not in error.message and "script>" not in error.message


@pytest.mark.parametrize("depth", [255, 300, 1000])
def test_html_nested_deeper_than_libxml2s_default_keeps_its_text(depth):
    sentence = "Chủ tịch nước đã hội đàm với Tổng thống Hoa Kỳ tại Nhà Trắng trong chuyến thăm chính thức."
    body = "".join(f"<p>{sentence} Đoạn {n}.</p>" for n in range(3))
    nested = f"{'<div>' * depth}<article>{body}</article>{'</div>' * depth}"
    html = f"<html><head><title>Tin</title></head><body>{nested}</body></html>"
    doc = process(RawRecord(source="deep.html", kind="html", text=html), until="clean")
    assert sentence in doc.text and "Đoạn 2." in doc.text
    assert fragment_text("<div>" * depth + body + "</div>" * depth).count(sentence) == 3


def test_a_bomb_of_binary_zeros_is_refused_from_its_first_bytes(tmp_path):
    path = bomb(tmp_path / "nul.txt.gz", 64 * SMALL_CAP, byte=b"\x00")
    tracemalloc.start()
    try:
        [error] = list(read_file(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error.code == Code.BINARY
    assert peak < SMALL_CAP  # its head told: the 64 MiB behind it were never decompressed


def test_a_warning_travels_back_from_a_worker_process(store, tmp_path, monkeypatch):
    # Forked workers inherit the lowered cap; the cut article's warning must cross the process pool.
    monkeypatch.setattr("sukien.clean.MAX_ARTICLE_CHARS", 1000)
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "a_long.txt").write_text("Bài dài\n\n" + single_line_article(5000), encoding="utf-8")
    (folder / "b_good.txt").write_text("Bài thường\n\n" + article_text(1), encoding="utf-8")
    report = ingest(store, [folder], workers=2)
    assert (report.stored, report.rejected) == (2, 0)
    [cut] = report.warnings
    assert (cut.code, cut.source, cut.is_warning) == (Code.CUT, "a_long.txt", True)
