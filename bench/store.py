"""The two stores side by side, same inputs, one run: ingest and search on SQLite (baseline) and PostgreSQL.

Inputs: the first N items of ../shared/corpus/vietnews.jsonl.xz (`--limit`, default 2,000), copied to a
temporary folder. For each backend, into a fresh database (a file; a database made on the server of
`--pg`/SUKIEN_TEST_PG and dropped afterwards):
- ingest, end to end: `python -m sukien ingest --db TARGET FILE`, what a user runs (pipeline in worker
  processes, near-duplicates, store, final linking); wall time, articles/s, articles per CPU-second
  of the client's process tree (a server's own CPU time is not in it),
  and peak memory: the client's process tree (summed PSS) and, for PostgreSQL, its server's (when the
  server runs on this machine);
- store writes alone: the same articles, extracted once beforehand in this process, written again into a
  second fresh database in batches of COMMIT_EVERY as `ingest` writes them, then linked into trips;
- search: QUERIES (names with and without diacritics, Latin and Vietnamese spellings, places, topics),
  `--rounds` times each through `sukien.app.search.search`, p50 and p99 latency, and how often the
  two backends put the same article first.

    bash scripts/with_postgres.sh .venv/bin/python bench/store.py          # a throwaway server
    .venv/bin/python bench/store.py --pg postgresql://user@host/db --limit 500

Without the corpus it says so and exits 0; without a server it runs SQLite only.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# bench/html.py would hide the standard library's html module: take this folder off the path.
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != HERE]

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import lzma  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from itertools import islice  # noqa: E402
from urllib.parse import urlsplit, urlunsplit  # noqa: E402

REPO = HERE.parent
CORPUS_FILE = REPO.parent / "shared" / "corpus" / "vietnews.jsonl.xz"
QUERIES = [
    "to lam",
    "Tô Lâm",
    "nguyen xuan phuc",
    "Nguyễn Xuân Phúc",
    "tran dai quang",
    "Phạm Bình Minh",
    "Xi Jinping",
    "tập cận bình",
    "Vladimir Putin",
    "donald trump",
    "thu tuong nhat ban",
    "apec da nang",
    "hội nghị thượng đỉnh",
    "tham cap nha nuoc",
    "hội đàm",
    "dai hoi dong lien hop quoc",
    "hợp tác kinh tế",
    "bien dong",
    "Bắc Kinh",
    "washington",
    "ký kết thỏa thuận",
    "dien dam",
]


def load(name: str):
    """A sibling bench module by file (this folder is off sys.path)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", HERE / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


measuring = load("measure")  # measured(), TreeSampler: wall, CPU and PSS of a process tree


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# -- databases --------------------------------------------------------------------------------------


class Server:
    """Fresh databases on a PostgreSQL server, dropped at the end."""

    def __init__(self, url: str):
        import psycopg

        self.psycopg = psycopg
        self.url = url
        self.made: list[str] = []
        with psycopg.connect(url, autocommit=True) as db:
            row = db.execute("SELECT current_setting('server_version'), pg_backend_pid()").fetchone()
            assert row is not None
            self.version, backend = row
            self.postmaster = parent_pid(int(backend))  # None when the server is on another machine

    def new(self) -> str:
        name = f"sukien_bench_{uuid.uuid4().hex[:10]}"
        with self.psycopg.connect(self.url, autocommit=True) as db:
            db.execute(f'CREATE DATABASE "{name}"')  # our own name
        self.made.append(name)
        return urlunsplit(urlsplit(self.url)._replace(path=f"/{name}"))

    def drop_all(self) -> None:
        with self.psycopg.connect(self.url, autocommit=True) as db:
            for name in self.made:
                db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def parent_pid(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


# -- the runs ---------------------------------------------------------------------------------------


@dataclass
class Backend:
    name: str
    target: object  # () -> a fresh database: a file name or a URL
    server_pid: int | None = None
    ingest: object = None  # measuring.Measured
    ingest_server_pss_mib: float = 0.0
    stats: object = None
    writes_seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    firsts: list[str | None] = field(default_factory=list)


def end_to_end(backend: Backend, sample: Path, workers: int | None) -> str:
    target = backend.target()
    command = measuring.sukien_command("ingest", "--db", str(target), str(sample))
    if workers:
        command += ["--workers", str(workers)]
    server = measuring.TreeSampler(backend.server_pid) if backend.server_pid else None
    if server:
        server.start()
    backend.ingest = measuring.measured(command)
    if server:
        server.stop()
        backend.ingest_server_pss_mib = server.peak_pss_kib / 1024
    if backend.ingest.returncode not in (0, 1):  # 1: some inputs rejected, the rest stored
        sys.exit(f"{backend.name}: sukien ingest failed:\n{backend.ingest.stderr[-3000:]}")
    from sukien.store import open_store

    with open_store(target, create=False) as store:
        backend.stats = store.stats()
    return str(target)


def extracted(sample: Path, workers: int | None) -> list:
    """The sample's Docs, through the pipeline once, as `ingest` would store them."""
    from sukien.app.ingest import processed, read_located
    from sukien.doc import Doc

    docs = []
    for item in processed(read_located([sample]), workers):
        if isinstance(item, tuple) and isinstance(item[1], Doc):
            located, doc = item
            doc.record = located.record
            docs.append(doc)
    return docs


def store_writes(backend: Backend, docs: list) -> None:
    from sukien.app.ingest import relink
    from sukien.settings import COMMIT_EVERY
    from sukien.store import open_store

    with open_store(backend.target()) as store:
        started = time.perf_counter()
        for first in range(0, len(docs), COMMIT_EVERY):
            with store.batch():
                for doc in docs[first : first + COMMIT_EVERY]:
                    store.add(doc)
        relink(store)
        backend.writes_seconds = time.perf_counter() - started


def searches(backend: Backend, target: str, rounds: int) -> None:
    from sukien.app.search import search
    from sukien.store import open_store

    with open_store(target, create=False) as store:
        for query in QUERIES:  # warm caches once; the first article of each, to compare
            result = search(store, query)
            backend.firsts.append(result.articles[0].id if result.articles else None)
        for _ in range(rounds):
            for query in QUERIES:
                started = time.perf_counter()
                search(store, query)
                backend.latencies.append((time.perf_counter() - started) * 1000)


# -- report -----------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000, help="items of vietnews.jsonl.xz (default 2,000)")
    parser.add_argument("--pg", default=os.environ.get("SUKIEN_TEST_PG"), help="a server URL")
    parser.add_argument("--rounds", type=int, default=10, help="times each query is run (default: 10)")
    parser.add_argument("--workers", type=int, help="passed to `sukien ingest --workers` (default: its own)")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]

    if not CORPUS_FILE.exists():
        print(f"skipped: {CORPUS_FILE} is not here")
        return 0
    print(
        f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start (a shared machine: "
        "wall-clock figures are noisy)"
    )
    with tempfile.TemporaryDirectory(prefix="sukien-bench-") as folder:
        tmp = Path(folder)
        sample = tmp / "sample.jsonl"
        with lzma.open(CORPUS_FILE, "rt", encoding="utf-8") as lines:
            sample.write_text("".join(islice(lines, args.limit)), encoding="utf-8")
        files = iter(range(1, 100))
        backends = [Backend("sqlite", lambda: tmp / f"bench-{next(files)}.db")]
        server = None
        if args.pg:
            server = Server(args.pg)
            backends.append(Backend("postgres", server.new, server.postmaster))
            print(f"PostgreSQL {server.version} (its databases are made for this run and dropped after it)")
        else:
            print("no PostgreSQL server (--pg or SUKIEN_TEST_PG): SQLite only")
        try:
            report(backends, sample, args)
        finally:
            if server:
                server.drop_all()
    return 0


def report(backends: list[Backend], sample: Path, args: argparse.Namespace) -> None:
    base = backends[0]
    print(f"\ningest, end to end (`sukien ingest` on the first {args.limit:,} items of {CORPUS_FILE.name}):")
    targets = {}
    for backend in backends:
        targets[backend.name] = end_to_end(backend, sample, args.workers)
        run, stats = backend.ingest, backend.stats
        ratio = "" if backend is base else f" ({(base.ingest.wall / run.wall):.2f}x the baseline's speed)"
        server = (
            f" + {backend.ingest_server_pss_mib:,.0f} MiB PSS of the server's processes"
            if backend.server_pid
            else ""
        )
        print(
            f"  {label(backend, base)} {run.wall:6.1f} s, {stats.articles / run.wall:7.1f} articles/s{ratio},"
            " "
            f"{stats.articles / run.cpu:.1f} articles per client CPU-second; {stats.articles:,} articles, "
            f"{stats.events:,} events, {stats.trips:,} trips; peak {run.peak_tree_pss_mib:,.0f} MiB PSS "
            f"(client tree){server}"
        )

    print("\nstore writes alone (the same articles extracted once, then written in batches and linked):")
    started = time.perf_counter()
    docs = extracted(sample, args.workers)
    print(f"  (extraction: {len(docs):,} articles in {time.perf_counter() - started:.1f} s, not counted)")
    for backend in backends:
        store_writes(backend, docs)
        speed = base.writes_seconds / backend.writes_seconds
        ratio = "" if backend is base else f" ({speed:.2f}x the baseline's speed)"
        print(
            f"  {label(backend, base)} {backend.writes_seconds:6.2f} s, "
            f"{len(docs) / backend.writes_seconds:8.1f} articles/s{ratio}"
        )

    print(f"\nsearch ({len(QUERIES)} queries x {args.rounds} rounds, `sukien.app.search.search`, 20 hits):")
    for backend in backends:
        searches(backend, targets[backend.name], args.rounds)
        p50, p99 = statistics.median(backend.latencies), percentile(backend.latencies, 0.99)
        slower = p50 / statistics.median(base.latencies)
        ratio = "" if backend is base else f" ({slower:.2f}x the baseline's p50)"
        print(
            f"  {label(backend, base)} p50 {p50:6.1f} ms, p99 {p99:6.1f} ms,"
            f" max {max(backend.latencies):6.1f} ms{ratio}"
        )
    if len(backends) > 1:
        same = sum(a == b for a, b in zip(backends[0].firsts, backends[1].firsts, strict=True))
        print(f"  the same article first on both: {same} of {len(QUERIES)} queries")


def label(backend: Backend, base: Backend) -> str:
    return f"{backend.name + (' (baseline)' if backend is base else ''):18}"


if __name__ == "__main__":
    sys.exit(main())
