"""HTML pages: the two real VnExpress pages of ../shared/html, and pages built from corpus text."""

from __future__ import annotations

import gzip
import json
from datetime import datetime
from pathlib import Path

import pytest

from sukien.app.ingest import ingest
from sukien.clean.html import extract_page, split_byline
from sukien.pipeline import process
from sukien.read import read_file
from sukien.read.html import fragment_text
from web_helpers import BOILERPLATE, SHARED, news_page, real_articles

HTML_DIR = SHARED / "html"


@pytest.fixture(scope="module")
def expected() -> dict:
    if not (HTML_DIR / "expected.json").exists():
        pytest.skip("../shared/html is not here")
    return json.loads((HTML_DIR / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def stored_pages(expected, tmp_path_factory) -> dict:
    """Each real page ingested into a fresh store, by file name."""
    from sukien.store import open_store

    articles = {}
    for name in expected:
        with open_store(tmp_path_factory.mktemp("db") / "pages.db") as store:
            report = ingest(store, [HTML_DIR / name])
            assert report.errors == []
            (articles[name],) = store.articles()
    return articles


def same_moment(stated: str, expected: str) -> bool:
    if len(expected) == 10:
        return stated[:10] == expected
    return datetime.fromisoformat(stated) == datetime.fromisoformat(expected)


def test_each_real_page_gets_its_title_and_publication_date(expected, stored_pages):
    for name, want in expected.items():
        article = stored_pages[name]
        if "title" in want:
            assert article.title == want["title"]
        assert same_moment(article.published, want["published"]), name


def test_the_first_real_page_body_is_its_lead_and_paragraphs_and_nothing_else(expected, stored_pages):
    name = "vnexpress-2025-10-22.html.gz"
    want = expected[name]
    paragraphs = stored_pages[name].text.split("\n\n")
    assert paragraphs == want["summary"] + want["paragraphs"]


def test_the_first_real_page_names_its_author_not_the_outlet(expected, stored_pages):
    name = "vnexpress-2025-10-22.html.gz"
    assert stored_pages[name].author == ", ".join(expected[name]["authors"])


def test_the_second_real_page_keeps_its_canonical_url(expected, stored_pages):
    name = "vnexpress-2023-11-02.html"
    assert stored_pages[name].url == expected[name]["url"]
    assert stored_pages[name].source == name


def page_doc(tmp_path: Path, html: str, name: str = "page.html"):
    path = tmp_path / name
    path.write_bytes(gzip.compress(html.encode()) if name.endswith(".gz") else html.encode())
    (record,) = list(read_file(path))
    return process(record, until="clean")


@pytest.mark.parametrize("name", ["page.html", "page.htm.gz", "saved-page"])
def test_a_div_layout_page_keeps_its_lead_and_body_and_drops_the_page_around_them(tmp_path, name):
    article = real_articles(3)[1]
    doc = page_doc(tmp_path, news_page(article), name)
    assert doc.record.kind == "html"
    assert doc.text.split("\n\n") == [article["summary"], *article["paragraphs"]]
    for boilerplate in BOILERPLATE.values():
        assert boilerplate not in doc.text


def test_a_generated_page_gives_its_metadata(tmp_path):
    article = real_articles(3)[2]
    doc = page_doc(tmp_path, news_page(article, published="2017-02-03T07:05:00+07:00", author="Trần Thu Hà"))
    assert (doc.title, doc.published) == (article["title"], "2017-02-03T07:05:00+07:00")
    assert (doc.author, doc.outlet, doc.url) == (
        "Trần Thu Hà",
        "Báo Ví Dụ",
        "https://vidu.example/bai-viet.html",
    )
    assert doc.summary == article["summary"]


def test_a_page_without_date_metadata_is_dated_by_htmldate():
    article = real_articles(1)[0]
    html = news_page(article).replace('<meta property="article:published_time"', '<meta name="x"')
    html = html.replace(
        "<article", '<time class="date" datetime="2017-03-14T08:30:00+07:00">14/3/2017</time><article'
    )
    assert extract_page(html).published == "2017-03-14"


def test_a_lead_the_page_only_states_in_metadata_is_not_invented():
    article = real_articles(1)[0]
    html = news_page(article).replace('<p class="description">', '<p class="other">')
    html = html.replace(f'<p class="other">{article["summary"]}</p>', "")
    assert article["summary"] not in extract_page(html).text


@pytest.mark.parametrize(
    ("last", "names"),
    [
        ("Lê Phương", ["Lê Phương"]),
        ("Anh Minh - Thu Hà", ["Anh Minh", "Thu Hà"]),
        ("Bài và ảnh: Đức Anh", ["Đức Anh"]),
        ("Hai bên ký kết thỏa thuận.", []),
        ("Theo TTXVN", []),
    ],
)
def test_a_last_paragraph_of_names_is_the_byline(last, names):
    body, found = split_byline(["Đoạn đầu của bài viết.", last])
    assert found == names
    assert body == (["Đoạn đầu của bài viết."] if names else ["Đoạn đầu của bài viết.", last])


def test_a_markup_fragment_becomes_paragraphs():
    markup = "<p>Đoạn <b>một</b>.</p><div>Đoạn hai<br>dòng ba</div><script>x()</script><img src=a.jpg>"
    assert fragment_text(markup) == "Đoạn một.\n\nĐoạn hai\n\ndòng ba"
