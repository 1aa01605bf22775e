"""RSS and Atom feeds the tests write from corpus articles."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from sukien.app.ingest import ingest
from sukien.doc import RawRecord
from sukien.pipeline import process
from sukien.read import read_file
from web_helpers import real_articles


def rss(articles: list[dict], with_content: bool) -> str:
    items = []
    for n, article in enumerate(articles):
        content = "".join(f"<p>{escape(p)}</p>" for p in article["paragraphs"])
        encoded = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if with_content else ""
        items.append(
            f"<item><title>{escape(article['title'])}</title><link>https://tin.example/{n}.html</link>"
            f"<description><![CDATA[<a href='/x'><img src='t.jpg'></a>{escape(article['summary'])}]]>"
            "</description>"
            f"<pubDate>Tue, 14 Mar 2017 08:{n:02d}:00 +0700</pubDate>{encoded}</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Tin Ví Dụ</title>'
        f"<link>https://tin.example/</link>{''.join(items)}</channel></rss>"
    )


def atom(articles: list[dict]) -> str:
    entries = "".join(
        f"<entry><title>{escape(a['title'])}</title><link href='https://atom.example/{n}'/><id>urn:{n}</id>"
        f"<updated>2017-03-1{n}T01:00:00Z</updated><summary>{escape(a['summary'])}</summary></entry>"
        for n, a in enumerate(articles)
    )
    return f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Ví Dụ</title>{entries}</feed>'


def feed_records(tmp_path: Path, text: str, name: str = "feed.xml") -> list[RawRecord]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(read_file(path))


def test_each_rss_item_becomes_a_feed_record_named_by_its_link(tmp_path):
    articles = real_articles(3)
    records = feed_records(tmp_path, rss(articles, with_content=True))
    assert [r.source for r in records] == [f"https://tin.example/{n}.html" for n in range(3)]
    assert {r.kind for r in records} == {"feed"}
    assert [r.fields["title"] for r in records] == [a["title"] for a in articles]


def test_an_item_with_content_has_its_summary_as_lead_and_its_paragraphs_as_body(tmp_path):
    article = real_articles(1)[0]
    (record,) = feed_records(tmp_path, rss([article], with_content=True))
    doc = process(record, until="clean")
    assert doc.text.startswith(article["summary"])
    for paragraph in article["paragraphs"][:-1]:  # the last may be a byline, which `clean` takes out
        assert paragraph in doc.text
    assert "<p>" not in doc.text and "t.jpg" not in doc.text


def test_an_item_without_content_is_its_summary(tmp_path):
    article = real_articles(1)[0]
    (record,) = feed_records(tmp_path, rss([article], with_content=False))
    assert process(record, until="clean").text == article["summary"]


def test_the_item_date_keeps_its_zone_and_the_outlet_is_the_feed_title(tmp_path):
    (record, *_) = feed_records(tmp_path, rss(real_articles(2), with_content=False))
    doc = process(record, until="clean")
    assert doc.published == "2017-03-14T08:00:00+07:00"
    assert doc.outlet == "Tin Ví Dụ"


def test_an_atom_feed_is_read_too(tmp_path):
    articles = real_articles(2)
    records = feed_records(tmp_path, atom(articles), name="feed.atom")
    assert [r.source for r in records] == ["https://atom.example/0", "https://atom.example/1"]
    assert records[1].fields["published"] == "2017-03-11T01:00:00+00:00"
    assert records[0].text == articles[0]["summary"]


def test_ingesting_a_feed_stores_every_item(tmp_path, store):
    path = tmp_path / "news.rss"
    path.write_text(rss(real_articles(3), with_content=True), encoding="utf-8")
    report = ingest(store, [path])
    assert (report.errors, report.stored) == ([], 3)
    assert {a.source for a in store.articles()} == {f"https://tin.example/{n}.html" for n in range(3)}


def test_a_json_lines_item_with_only_a_headline_is_its_headline(tmp_path):
    path = tmp_path / "leads.jsonl"
    headline = "Tổng thống Phần Lan kết thúc tốt đẹp chuyến thăm cấp Nhà nước tới Việt Nam"
    line = json.dumps({"id": "h1", "title": headline, "text": None, "summary": None})
    path.write_text(line + "\n", "utf-8")
    [record] = list(read_file(path))
    assert isinstance(record, RawRecord)
    assert record.text == headline
