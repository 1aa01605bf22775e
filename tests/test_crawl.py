"""`sukien crawl` against a local server on 127.0.0.1 serving pages the tests write."""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sukien.app.crawl import CrawlConfig, Fetcher, crawl, ingest_crawl
from sukien.errors import Code
from sukien.shells.cli import main
from web_helpers import news_page, real_articles

FAST = CrawlConfig(delay=0.0, retries=2, backoff=0.01, timeout=5)


class Site:
    """A folder served over HTTP, with a log of requests and paths that fail on purpose."""

    def __init__(self, root: Path):
        self.root = root
        self.requests: list[tuple[str, str, float]] = []  # (path, user agent, time)
        self.failures: dict[str, list[int]] = {}  # path -> statuses to answer first
        site = self

        class Handler(SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(root), **kwargs)

            def do_GET(self):  # noqa: N802 - the http.server API
                site.requests.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
                planned = site.failures.get(self.path)
                if planned:
                    self.send_error(planned.pop(0))
                    return
                super().do_GET()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def fetched(self, path: str) -> int:
        return Counter(p for p, _, _ in self.requests)[path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    (root / "private").mkdir()
    served = Site(root)
    articles = real_articles(4)
    for n, article in enumerate(articles):
        (root / "news" / f"{n}.html").write_text(
            news_page(article, url=f"{served.url}/news/{n}.html"), "utf-8"
        )
    (root / "private" / "secret.html").write_text(news_page(articles[0]), "utf-8")
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", "utf-8")
    pages = [f"{served.url}/news/{n}.html" for n in range(4)] + [f"{served.url}/private/secret.html"]
    locs = "".join(f"<url><loc>{page}</loc></url>" for page in pages)
    (root / "sitemap.xml").write_text(
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>',
        "utf-8",
    )
    items = "".join(
        f"<item><title>t{n}</title><link>{served.url}/news/{n}.html</link></item>" for n in range(2)
    )
    (root / "feed.rss").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>', "utf-8"
    )
    served.articles = articles
    yield served
    served.close()


def test_a_sitemap_crawl_stores_every_allowed_page_and_never_asks_for_the_forbidden_one(
    site, tmp_path, store
):
    report = crawl([f"{site.url}/sitemap.xml"], tmp_path / "crawl", FAST)
    assert sorted(report.fetched) == [f"{site.url}/news/{n}.html" for n in range(4)]
    assert report.forbidden == [f"{site.url}/private/secret.html"]
    assert site.fetched("/private/secret.html") == 0
    ingested = ingest_crawl(store, report, tmp_path / "crawl")
    assert ingested.errors == []
    titles = {a.source: a.title for a in store.articles()}
    assert titles == {f"{site.url}/news/{n}.html": site.articles[n]["title"] for n in range(4)}


def test_every_request_names_sukien_as_user_agent(site, tmp_path):
    crawl([f"{site.url}/news/0.html"], tmp_path / "crawl", FAST)
    assert site.requests and all(agent.startswith("sukien/") for _, agent, _ in site.requests)


def test_a_stopped_crawl_resumes_without_fetching_again(site, tmp_path, store):
    folder = tmp_path / "crawl"
    first = crawl([f"{site.url}/sitemap.xml"], folder, CrawlConfig(**{**FAST.__dict__, "max_pages": 2}))
    assert first.capped and len(first.fetched) == 2
    second = crawl([f"{site.url}/sitemap.xml"], folder, FAST)
    assert sorted(first.fetched + second.fetched) == [f"{site.url}/news/{n}.html" for n in range(4)]
    assert second.already == 2
    assert all(site.fetched(f"/news/{n}.html") == 1 for n in range(4))
    ingest_crawl(store, second, folder)  # both runs' archives: the first was never ingested
    assert len(store.articles()) == 4


def test_a_failing_page_is_retried_with_backoff_then_fetched(site, tmp_path):
    site.failures["/news/1.html"] = [503, 503]
    report = crawl([f"{site.url}/news/1.html"], tmp_path / "crawl", FAST)
    assert report.fetched == [f"{site.url}/news/1.html"]
    assert site.fetched("/news/1.html") == 3


def test_a_page_that_keeps_failing_is_reported_after_the_retries(site, tmp_path):
    site.failures["/news/2.html"] = [500] * 10
    report = crawl([f"{site.url}/news/2.html"], tmp_path / "crawl", FAST)
    assert report.fetched == [] and [e.code for e in report.failed] == [Code.FETCH]
    assert site.fetched("/news/2.html") == FAST.retries + 1


def test_a_feed_url_crawls_the_pages_its_items_link(site, tmp_path):
    report = crawl([f"{site.url}/feed.rss"], tmp_path / "crawl", FAST)
    assert report.fetched == [f"{site.url}/news/0.html", f"{site.url}/news/1.html"]


def test_requests_to_one_host_are_spaced_by_the_delay(site, tmp_path):
    config = CrawlConfig(**{**FAST.__dict__, "delay": 0.15})
    waits: list[float] = []
    fetcher = Fetcher(config, sleep=lambda seconds: (waits.append(seconds), time.sleep(seconds)))
    crawl([f"{site.url}/news/{n}.html" for n in range(3)], tmp_path / "crawl", config, fetcher)
    times = [t for _, _, t in site.requests]
    assert len(times) == 4  # robots.txt and three pages
    assert len(waits) == 3 and all(0 < wait <= 0.15 for wait in waits)
    assert times[-1] - times[0] >= 3 * 0.15 * 0.9


def test_the_crawl_command_fetches_and_ingests(site, tmp_path, db_path, capsys):
    code = main(["crawl", "--db", str(db_path), "--folder", str(tmp_path / "crawl"), "--delay", "0",
                 f"{site.url}/sitemap.xml"])  # fmt: skip
    assert code == 0
    assert "4 fetched" in capsys.readouterr().err
    assert main(["articles", "--db", str(db_path), "--format", "json"]) == 0
    assert capsys.readouterr().out.count(f"{site.url}/news/") >= 4


def test_the_crawl_keeps_its_pages_beside_the_database_not_in_the_working_folder(
    site, tmp_path, monkeypatch, capsys
):
    work, data = tmp_path / "work", tmp_path / "data"
    work.mkdir()
    data.mkdir()
    monkeypatch.chdir(work)
    assert main(["crawl", "--db", str(data / "news.db"), "--delay", "0", f"{site.url}/news/0.html"]) == 0
    assert list(work.iterdir()) == []
    assert list((data / "news.db-crawl").glob("crawl-*.warc.gz"))
    assert str(data / "news.db-crawl") in capsys.readouterr().err


def test_a_postgresql_database_crawls_into_the_users_data_folder(tmp_path):
    from sukien.app.crawl import default_folder

    found = default_folder("postgresql://me@db/news", {"HOME": str(tmp_path)})
    assert found == tmp_path / ".local" / "share" / "sukien" / "crawl"
    assert default_folder("postgresql://me@db/news", {"XDG_DATA_HOME": "/x"}) == Path("/x/sukien/crawl")


def test_a_page_that_fails_makes_the_crawl_exit_1_with_a_summary(site, tmp_path, db_path, capsys):
    code = main(["crawl", "--db", str(db_path), "--folder", str(tmp_path / "crawl"), "--delay", "0",
                 f"{site.url}/news/0.html", f"{site.url}/news/missing.html"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1
    assert f"{Code.FETCH.value} HTTP 404" in err and "1 of 2 pages could not be fetched" in err


@pytest.mark.parametrize("path", ["/news/", "/links.html"])
def test_a_page_that_lists_pages_is_rejected_not_stored(site, tmp_path, db_path, capsys, path):
    """A server's directory index ("Directory listing for /news/") and a page of links alone."""
    links = "".join(f"<li><a href='/news/{n}.html'>Tin số {n} hôm nay</a></li>" for n in range(30))
    (site.root / "links.html").write_text(f"<html><body><h1>Tin mới</h1><ul>{links}</ul></body></html>")
    code = main(["crawl", "--db", str(db_path), "--folder", str(tmp_path / "crawl"), "--delay", "0",
                 f"{site.url}{path}"])  # fmt: skip
    assert code == 1
    assert f"{Code.LISTING.value} not an article" in capsys.readouterr().err
    assert main(["articles", "--db", str(db_path), "--format", "json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"


def test_one_site_is_one_outlet_whatever_its_pages_call_themselves(site, tmp_path, store):
    for n, name in enumerate(["Báo VnExpress", "VnExpress"]):
        page = news_page(site.articles[n], outlet=name, url=f"https://vnexpress.net/bai-{n}.html")
        (site.root / f"vne-{n}.html").write_text(page, "utf-8")
    report = crawl([f"{site.url}/vne-0.html", f"{site.url}/vne-1.html"], tmp_path / "crawl", FAST)
    ingest_crawl(store, report, tmp_path / "crawl")
    assert [article.outlet for article in store.articles()] == ["VnExpress", "VnExpress"]
