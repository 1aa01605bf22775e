"""WARC archives the tests write from generated pages, whole and truncated."""

from __future__ import annotations

import gzip
import io
from html import escape
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sukien.app.ingest import ingest
from sukien.doc import RawRecord
from sukien.errors import Code, InputError
from sukien.read import read_file
from web_helpers import news_page, real_articles


def write_warc(path: Path, records: list[tuple[str, str, str, bytes]], compress: bool = True) -> Path:
    """(kind, url, status and content type "200 text/html", payload) per record."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "sukien tests"}))
        for kind, url, status_type, payload in records:
            status, content_type = status_type.split(" ", 1)
            headers = StatusAndHeaders(f"{status} X", [("Content-Type", content_type)], protocol="HTTP/1.1")
            if kind == "request":
                writer.write_record(
                    writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
                )
                continue
            writer.write_record(
                writer.create_warc_record(url, kind, payload=io.BytesIO(payload), http_headers=headers)
            )
    return path


def archive_of_pages(tmp_path: Path, count: int = 4, compress: bool = True) -> tuple[Path, list[dict]]:
    articles = real_articles(count)
    records = []
    for n, article in enumerate(articles):
        url = f"https://vidu.example/{n}.html"
        records.append(("request", url, "200 text/html", b""))
        records.append(
            ("response", url, "200 text/html; charset=utf-8", news_page(article, url=url).encode())
        )
    records.append(
        ("response", "https://vidu.example/logo.png", "200 image/png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    )
    records.append(("response", "https://vidu.example/missing", "404 text/html", b"<html>Not found</html>"))
    records.append(records[1])  # the first page again: a duplicate capture
    name = "crawl.warc.gz" if compress else "crawl.warc"
    return write_warc(tmp_path / name, records, compress), articles


@pytest.mark.parametrize("compress", [True, False])
def test_every_html_response_becomes_an_html_record_named_by_its_url(tmp_path, compress):
    path, articles = archive_of_pages(tmp_path, compress=compress)
    items = list(read_file(path))
    records = [item for item in items if isinstance(item, RawRecord)]
    assert [r.source for r in records] == [f"https://vidu.example/{n}.html" for n in range(len(articles))]
    assert {r.kind for r in records} == {"html"}
    assert all(escape(a["title"]) in record.text for a, record in zip(articles, records, strict=True))


def test_skipped_records_are_counted_in_one_warning_not_an_error(tmp_path):
    path, articles = archive_of_pages(tmp_path)
    (notice,) = [item for item in read_file(path) if isinstance(item, InputError)]
    assert getattr(notice, "is_warning", False)
    assert "1 not HTML" in notice.message and "1 an error status" in notice.message
    assert "1 a duplicate" in notice.message


@pytest.mark.parametrize("compress", [True, False])
def test_a_truncated_archive_keeps_the_records_before_the_damage_and_says_so(tmp_path, compress):
    path, articles = archive_of_pages(tmp_path, count=4, compress=compress)
    whole = [item.source for item in read_file(path) if isinstance(item, RawRecord)]
    data = path.read_bytes()
    third_page = data.find(b"https://vidu.example/2.html") if not compress else None
    cut = (third_page + 2000) if third_page else _offset_inside_record(data, 5)
    truncated = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    truncated.write_bytes(data[:cut])
    items = list(read_file(truncated))
    kept = [item.source for item in items if isinstance(item, RawRecord)]
    errors = [item for item in items if isinstance(item, InputError) and item.code == Code.TRUNCATED]
    assert kept == whole[: len(kept)] and 1 <= len(kept) < len(whole)
    assert len(errors) == 1 and f"the {len(kept)} articles before it were kept" in errors[0].message


def _offset_inside_record(data: bytes, member: int) -> int:
    """A byte in the middle of the `member`-th gzip member (each WARC record is one)."""
    starts = [i for i in range(len(data)) if data.startswith(b"\x1f\x8b\x08", i)]
    return (starts[member] + starts[member + 1]) // 2


def test_ingesting_an_archive_stores_each_page_with_its_url_as_source(tmp_path, store):
    path, articles = archive_of_pages(tmp_path, count=3)
    report = ingest(store, [path])
    assert report.errors == [] and report.stored == 3
    stored = {article.source: article for article in store.articles()}
    assert set(stored) == {f"https://vidu.example/{n}.html" for n in range(3)}
    assert stored["https://vidu.example/0.html"].title == articles[0]["title"]


def test_a_page_in_a_legacy_charset_inside_an_archive_is_decoded(tmp_path):
    article = real_articles(1)[0]
    page = news_page(article, charset="windows-1258")
    payload = page.encode("utf-8")  # the test writes it as UTF-8 while the header says otherwise
    path = write_warc(
        tmp_path / "one.warc.gz", [("response", "https://x.example/", "200 text/html", payload)]
    )
    (record, *_) = list(read_file(path))
    assert record.encoding == "utf-8" and escape(article["title"]) in record.text


def test_gzip_that_is_not_a_warc_still_reads_as_its_content(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(news_page(real_articles(1)[0]).encode()))
    (record,) = list(read_file(path))
    assert record.kind == "html"
