"""Search latency and API throughput on the corpus: `python bench/search.py [--limit N] [--db FILE]`.

Ingests the corpus (../shared/corpus, every file, or the first `--limit` articles of each) into a
database unless `--db` names one that is already filled, then prints:
- search latency, p50 and p99, over realistic queries (leaders' names with and without diacritics,
  transliterated and Latin names, places, topics), each run through `sukien.app.search.search`;
- API requests per second on loopback: uvicorn in this process, one keep-alive HTTP client per
  worker thread, a mix of /api/search and /api/trips requests.
Target: p99 under 50 ms.
"""

from __future__ import annotations

import argparse
import lzma
import os
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from itertools import islice
from pathlib import Path

# `python bench/search.py` puts bench/ first on sys.path, where bench/html.py would hide the standard
# library's `html` from every module: take the folder off.
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != Path(__file__).resolve().parent]

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
QUERIES = [
    "to lam",
    "Tô Lâm",
    "nguyen xuan phuc",
    "Nguyễn Xuân Phúc",
    "tran dai quang",
    "Phạm Minh Chính",
    "Xi Jinping",
    "tập cận bình",
    "Vladimir Putin",
    "Donald Trump",
    "thủ tướng nhật bản",
    "shinzo abe",
    "apec da nang",
    "hội nghị thượng đỉnh",
    "thăm cấp nhà nước",
    "hội đàm",
    "đại hội đồng liên hợp quốc",
    "ngoai giao",
    "hợp tác kinh tế",
    "biển đông",
    "Washington",
    "Bắc Kinh",
    "tokyo",
    "moscow",
    "to lam parolin",
    "Lương Cường APEC",
    "vo van thuong san francisco",
    "G20 Hamburg",
    "asean",
    "ký kết thỏa thuận",
    "điện đàm",
    "tiếp đại sứ",
]


def corpus_inputs(limit: int | None, folder: Path) -> list[Path]:
    files = sorted(folder.glob("*.jsonl.xz"))
    if not files:
        sys.exit(f"no corpus in {folder}")
    if limit is None:
        return files
    sample_dir = Path(tempfile.mkdtemp(prefix="sukien-bench-"))
    samples = []
    for source in files:
        target = sample_dir / source.name.removesuffix(".xz")
        with lzma.open(source, "rt", encoding="utf-8") as lines:
            target.write_text("".join(islice(lines, limit)), encoding="utf-8")
        samples.append(target)
    return samples


def fill(db: Path, limit: int | None, folder: Path) -> None:
    from sukien.app.ingest import ingest
    from sukien.store import open_store

    started = time.perf_counter()
    with open_store(db) as store:
        report = ingest(store, corpus_inputs(limit, folder))
    took = time.perf_counter() - started
    print(f"ingested {report.stored} articles ({report.events} events, {report.trips} trips) in {took:.0f} s")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def search_latency(db: Path, rounds: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each query (CPU time is what a busy machine cannot inflate)."""
    from sukien.app.search import search
    from sukien.store import open_store

    timings, cpu = [], []
    with open_store(db, create=False) as store:
        for query in QUERIES:  # warm the page cache once
            search(store, query)
        for _ in range(rounds):
            for query in QUERIES:
                started, started_cpu = time.perf_counter(), time.process_time()
                search(store, query)
                timings.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
    return timings, cpu


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def api_throughput(db: Path, seconds: float, workers: int) -> tuple[float, int]:
    import httpx
    import uvicorn

    from sukien.shells.api import create_app

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(str(db), ui=False), host="127.0.0.1", port=port, log_level="warning", access_log=False
        )
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    paths = [f"/api/search?q={query}&limit=10" for query in QUERIES] + ["/api/trips?limit=20", "/api/stats"]
    done, failures = [0] * workers, [0] * workers
    stop_at = time.perf_counter() + seconds

    def hammer(worker: int) -> None:
        picks = random.Random(worker)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            while time.perf_counter() < stop_at:
                try:
                    failures[worker] += client.get(picks.choice(paths)).status_code >= 500
                except httpx.HTTPError:
                    failures[worker] += 1
                done[worker] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=hammer, args=(worker,)) for worker in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.perf_counter() - started
    server.should_exit = True
    return sum(done) / took, sum(failures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a filled database (default: ingest into a temporary one)")
    parser.add_argument("--limit", type=int, help="articles taken from each corpus file (default: all)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--rounds", type=int, default=10, help="times each query is run (default: 10)")
    parser.add_argument("--seconds", type=float, default=10, help="length of the API run (default: 10)")
    parser.add_argument("--workers", type=int, default=4, help="client threads for the API run (default: 4)")
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp(prefix="sukien-bench-")) / "bench.db"
    if not db.exists():
        fill(db, args.limit, args.corpus)
    from sukien.store import open_store

    with open_store(db, create=False) as store:
        stats = store.stats()
    print(f"database {db}: {stats.articles} articles, {stats.events} events, {stats.trips} trips")
    timings, cpu = search_latency(db, args.rounds)
    print(
        f"search: {len(timings)} queries, p50 {statistics.median(timings):.1f} ms, "
        f"p99 {percentile(timings, 0.99):.1f} ms, max {max(timings):.1f} ms (target p99 < 50 ms); "
        f"CPU time p50 {statistics.median(cpu):.1f} ms, p99 {percentile(cpu, 0.99):.1f} ms; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    rate, failures = api_throughput(db, args.seconds, args.workers)
    print(f"api: {rate:.0f} requests/s on loopback ({args.workers} clients, {failures} server errors)")


if __name__ == "__main__":
    main()
