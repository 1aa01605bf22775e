"""`sukien crawl`: fetch pages politely, keep them in WARC files, ingest them.

Seeds are page URLs, sitemaps or feeds (told apart by what they return). Politeness: robots.txt
(urllib.robotparser, its Crawl-delay honoured), one request at a time with a delay per host,
retries with exponential backoff on 429, 5xx and network errors, a User-Agent naming sukien, and
a cap on pages per run.

Every page fetched is written to a WARC file in the crawl folder, the standard way to keep what
a server sent, and then ingested through the WARC reader, so a crawled page's `source` is its
URL. A manifest (`crawl.jsonl`) lists the URLs done; it is written after each record is flushed,
so a crawl stopped midway resumes without fetching them again (a record cut by the stop is not
in the manifest and is fetched again). Each run writes a new WARC; a WARC whose ingest never
finished is ingested by the next run.
"""

from __future__ import annotations

import io
import json
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from sukien import __version__
from sukien.errors import Code, SukienError
from sukien.store.base import SERVER_SCHEMES

USER_AGENT = f"sukien/{__version__} (+https://github.com/sukien/sukien; news research crawler)"
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5"
MANIFEST = "crawl.jsonl"
INGESTED_SUFFIX = ".ingested"
MAX_PAGE_BYTES = 20 * 2**20
MAX_RETRY_AFTER = 60.0  # seconds: a longer Retry-After is capped, not obeyed
RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_SITEMAP_DEPTH = 3  # sitemap indexes of sitemap indexes...


@dataclass
class CrawlConfig:
    delay: float = 1.0  # seconds between two requests to one host
    retries: int = 3
    backoff: float = 1.0  # first retry waits this long, then twice as long each time
    max_pages: int = 1000
    timeout: float = 20.0
    user_agent: str = USER_AGENT


@dataclass
class Response:
    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    @property
    def content_type(self) -> str:
        return next((value for key, value in self.headers if key.lower() == "content-type"), "")


@dataclass
class CrawlReport:
    fetched: list[str] = field(default_factory=list)
    already: int = 0  # pages a previous run fetched
    forbidden: list[str] = field(default_factory=list)  # robots.txt says no
    failed: list[SukienError] = field(default_factory=list)
    capped: bool = False  # the page cap stopped the run
    archives: list[Path] = field(default_factory=list)  # WARC files to ingest


class Fetcher:
    """HTTP GET with robots.txt, a per-host delay and retries; one request at a time."""

    def __init__(self, config: CrawlConfig, sleep: Callable[[float], None] = time.sleep):
        self.config = config
        self.sleep = sleep
        self.last_request: dict[str, float] = {}
        self.robots: dict[str, urllib.robotparser.RobotFileParser] = {}

    def allowed(self, url: str) -> bool:
        return self._robots_for(url).can_fetch(self.config.user_agent, url)

    def get(self, url: str) -> Response:
        """The response (any status); raises SukienError(FETCH) when every attempt failed to connect
        or kept answering with a status worth retrying."""
        attempt = 0
        while True:
            self._wait_for_host(url)
            try:
                response = self._request(url)
            except OSError as err:  # URLError, timeouts, refused connections
                problem, retry_after = f"{getattr(err, 'reason', None) or err}", None
            else:
                if response.status not in RETRY_STATUSES:
                    return response
                problem, retry_after = f"HTTP {response.status}", _retry_after(response)
            if attempt >= self.config.retries:
                raise SukienError(Code.FETCH, f"gave up after {attempt + 1} attempts: {problem}", url)
            self.sleep(min(MAX_RETRY_AFTER, retry_after or self.config.backoff * 2**attempt))
            attempt += 1

    def _request(self, url: str) -> Response:
        request = urllib.request.Request(
            url, headers={"User-Agent": self.config.user_agent, "Accept": ACCEPT}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.config.timeout) as answer:  # noqa: S310
                return Response(
                    answer.url, answer.status, list(answer.headers.items()), answer.read(MAX_PAGE_BYTES)
                )
        except urllib.error.HTTPError as err:
            return Response(
                url, err.code, list(err.headers.items()) if err.headers else [], err.read() or b""
            )

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        delay = max(self.config.delay, self._crawl_delay(url))
        waited = time.monotonic() - self.last_request.get(host, float("-inf"))
        if waited < delay:
            self.sleep(delay - waited)
        self.last_request[host] = time.monotonic()

    def _crawl_delay(self, url: str) -> float:
        parser = self.robots.get(urlsplit(url).netloc)
        delay = parser.crawl_delay(self.config.user_agent) if parser else None
        return float(delay or 0)

    def _robots_for(self, url: str) -> urllib.robotparser.RobotFileParser:
        parts = urlsplit(url)
        parser = self.robots.get(parts.netloc)
        if parser is not None:
            return parser
        parser = urllib.robotparser.RobotFileParser(f"{parts.scheme}://{parts.netloc}/robots.txt")
        self.robots[parts.netloc] = parser
        try:
            response = self.get(f"{parts.scheme}://{parts.netloc}/robots.txt")
        except SukienError:
            parser.disallow_all = True  # type: ignore[attr-defined]  # unreachable: assume no (RFC 9309)
            return parser
        if response.status >= 500:
            parser.disallow_all = True  # type: ignore[attr-defined]  # set as RobotFileParser.read() does
        elif response.status >= 400:
            parser.allow_all = True  # type: ignore[attr-defined]  # no robots.txt: everything allowed
        else:
            parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        return parser


def _retry_after(response: Response) -> float | None:
    value = next((v for k, v in response.headers if k.lower() == "retry-after"), None)
    try:
        return float(value) if value else None
    except ValueError:
        return None


# --- seeds: pages, sitemaps, feeds ---------------------------------------------------------------


def page_urls(response: Response, fetcher: Fetcher, depth: int = 0) -> list[str] | None:
    """The page URLs a sitemap or feed lists, or None when the response is a page itself."""
    head = response.body[:2048].lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return _sitemap_urls(response, fetcher, depth)
    if any(root in head for root in (b"<rss", b"<feed", b"<rdf:rdf")) and b"<html" not in head:
        import feedparser

        parsed = feedparser.parse(response.body)
        return [urljoin(response.url, entry.link) for entry in parsed.entries if entry.get("link")]
    return None


def _sitemap_urls(response: Response, fetcher: Fetcher, depth: int) -> list[str]:
    from lxml import etree

    try:
        root = etree.fromstring(
            response.body, parser=etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except etree.XMLSyntaxError:
        return []
    locations = [loc.text.strip() for loc in root.iter("{*}loc") if loc.text and loc.text.strip()]
    if etree.QName(root).localname != "sitemapindex":
        return locations
    urls: list[str] = []
    for location in locations if depth < MAX_SITEMAP_DEPTH else []:
        try:
            urls.extend(page_urls(fetcher.get(location), fetcher, depth + 1) or [])
        except SukienError:
            continue
    return urls


# --- the crawl folder ----------------------------------------------------------------------------


def default_folder(db: str, environment: dict[str, str]) -> Path:
    """Where a crawl keeps its pages unless told: beside the SQLite database (`news.db` ->
    `news.db-crawl/`), so the working folder is left alone; for a PostgreSQL database, which has no
    folder, the user's data folder (`$XDG_DATA_HOME/sukien/crawl`, else `~/.local/share/sukien/crawl`)."""
    if db.startswith(SERVER_SCHEMES):
        data = environment.get("XDG_DATA_HOME") or str(Path(environment.get("HOME", "~"), ".local", "share"))
        return Path(data).expanduser() / "sukien" / "crawl"
    return Path(f"{db}-crawl")


class CrawlFolder:
    """WARC files of the pages fetched and the manifest of URLs done."""

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.manifest = folder / MANIFEST
        self.done = self._read_manifest()

    def _read_manifest(self) -> set[str]:
        if not self.manifest.exists():
            return set()
        done = set()
        for line in self.manifest.read_text(encoding="utf-8").splitlines():
            try:
                done.add(json.loads(line)["url"])
            except (ValueError, KeyError, TypeError):
                continue  # a line cut by a stop
        return done

    def new_archive(self) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        return self.folder / f"crawl-{stamp}.warc.gz"

    def pending_archives(self) -> list[Path]:
        """WARC files whose ingest has not finished."""
        return [p for p in sorted(self.folder.glob("crawl-*.warc.gz")) if not _marker(p).exists()]

    def mark_ingested(self, archive: Path) -> None:
        _marker(archive).touch()

    def record_done(self, url: str, status: int, archive: Path) -> None:
        entry = {"url": url, "status": status, "warc": archive.name, "fetched": datetime.now(UTC).isoformat()}
        with self.manifest.open("a", encoding="utf-8") as out:
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.done.add(url)


def _marker(archive: Path) -> Path:
    return archive.with_name(archive.name + INGESTED_SUFFIX)


class ArchiveWriter:
    """Appends one gzip member per response to a WARC file, flushed at once."""

    def __init__(self, path: Path):
        from warcio.warcwriter import WARCWriter

        self.path = path
        self.stream = path.open("ab")
        self.writer = WARCWriter(self.stream, gzip=True)

    def write(self, response: Response) -> None:
        from warcio.statusandheaders import StatusAndHeaders

        kept = [
            (k, v) for k, v in response.headers if k.lower() not in ("transfer-encoding", "content-encoding")
        ]
        headers = StatusAndHeaders(f"{response.status} -", kept, protocol="HTTP/1.1")
        record = self.writer.create_warc_record(
            response.url, "response", payload=io.BytesIO(response.body), http_headers=headers
        )
        self.writer.write_record(record)
        self.stream.flush()

    def close(self) -> None:
        self.stream.close()


# --- the crawl -----------------------------------------------------------------------------------


def crawl(
    seeds: Iterable[str], folder: Path, config: CrawlConfig | None = None, fetcher: Fetcher | None = None
) -> CrawlReport:
    """Fetch the pages the seeds give into WARC files under `folder`; see the module docstring."""
    config = config or CrawlConfig()
    fetcher = fetcher or Fetcher(config)
    state = CrawlFolder(folder)
    report = CrawlReport()
    archive = state.new_archive()
    writer: ArchiveWriter | None = None
    try:
        for url, response in _pages(seeds, fetcher, state, report):
            if response is None:
                try:
                    response = fetcher.get(url)
                except SukienError as err:
                    report.failed.append(err)
                    continue
            if response.status >= 400:
                report.failed.append(SukienError(Code.FETCH, f"HTTP {response.status}", url))
                continue
            writer = writer or ArchiveWriter(archive)
            writer.write(response)
            state.record_done(url, response.status, archive)
            report.fetched.append(url)
            if len(report.fetched) >= config.max_pages:
                report.capped = True
                break
    finally:
        if writer:
            writer.close()
    report.archives = state.pending_archives()
    return report


def _pages(
    seeds: Iterable[str], fetcher: Fetcher, state: CrawlFolder, report: CrawlReport
) -> Iterator[tuple[str, Response | None]]:
    """(page URL, its response when a seed already fetched it) for each page not yet done."""
    queued: set[str] = set()
    for seed in seeds:
        if seed in state.done:
            report.already += 1
            continue
        if not fetcher.allowed(seed):
            report.forbidden.append(seed)
            continue
        try:
            response = fetcher.get(seed)
        except SukienError as err:
            report.failed.append(err)
            continue
        listed = page_urls(response, fetcher) if response.status < 400 else None
        if listed is None:
            queued.add(seed)
            yield seed, response
            continue
        for url in listed:
            if url in queued:
                continue
            queued.add(url)
            if url in state.done:
                report.already += 1
            elif not fetcher.allowed(url):
                report.forbidden.append(url)
            else:
                yield url, None


def ingest_crawl(store, report: CrawlReport, folder: Path, progress=None):  # noqa: ANN001 - Store, Progress
    """Ingest the WARC files of this crawl (and any an earlier, stopped run left), then mark them."""
    from sukien.app.ingest import ingest

    state = CrawlFolder(folder)
    archives = report.archives or state.pending_archives()
    if not archives:
        return None
    result = ingest(store, archives, progress=progress)
    for archive in archives:
        state.mark_ingested(archive)
    return result
