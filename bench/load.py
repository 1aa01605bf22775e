"""The JSON API under load, with locust: `python bench/load.py [--db FILE] [--clients 200] [--seconds 20]`.

Serves a database with `sukien serve` on loopback (a free port of 127.0.0.1, never another
address) twice in the same run: first the **baseline**, `--workers 1`, then `--workers N` (default:
the CPUs), and drives each with locust, headless, for a bounded time: `--clients` users, each
sending its next request as soon as the last is answered, over a mix of API reads (lists of
events, trips and articles, filters, search, one trip, a brief, stats). Prints for each server
requests/s, p50 and p99 in ms, and the errors (any answer that is not 2xx, or none); then the ratio.

The database: `--db FILE` when given; otherwise the first `--limit` articles (default 1,000) of each
corpus file in ../shared/corpus are ingested into a temporary one (the seeds when there is no corpus).
locust runs in its own process (it patches the standard library with gevent) and takes a core of
its own: on a machine of two cores, client and server share them, so the figures are a floor.
Needs the `bench` extra (`pip install -e '.[bench]'`, or `pip install locust`).

This file is also the locustfile: locust imports it, and then only the user class below is defined.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

# Run as a script or imported by locust, bench/ comes first on sys.path, where bench/html.py would
# hide the standard library's `html`: take the folder off.
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != Path(__file__).resolve().parent]

if __name__ != "__main__":  # imported by locust as its locustfile
    from urllib.parse import urlsplit

    from locust import FastHttpUser, events, task

    TRIP_IDS = os.environ.get("SUKIEN_LOAD_TRIPS", "").split() or ["none"]
    QUERIES = ["to lam", "Phạm Minh Chính", "hội đàm", "thủ tướng nhật bản", "Washington", "asean", "ký kết"]
    ACTORS = ["to lam", "Phạm Minh Chính", "Nguyễn Xuân Phúc", "Xi Jinping"]

    @events.init.add_listener
    def loopback_only(environment, **kwargs) -> None:
        host = urlsplit(environment.host or "").hostname
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise SystemExit(f"bench/load.py drives loopback only, not {host!r}")

    class ApiReader(FastHttpUser):
        """One client: no think time, so 200 of them keep 200 requests in flight."""

        @task(4)
        def events_page(self) -> None:
            self.client.get("/api/events?limit=20", name="/api/events")

        @task(3)
        def trips_page(self) -> None:
            self.client.get("/api/trips?limit=20", name="/api/trips")

        @task(2)
        def articles_page(self) -> None:
            self.client.get(f"/api/articles?limit=20&offset={random.randrange(0, 200)}", name="/api/articles")

        @task(2)
        def events_of_someone(self) -> None:
            self.client.get(f"/api/events?actor={random.choice(ACTORS)}&limit=20", name="/api/events?actor")

        @task(3)
        def search(self) -> None:
            self.client.get(f"/api/search?q={random.choice(QUERIES)}", name="/api/search")

        @task(2)
        def one_trip(self) -> None:
            self.client.get(f"/api/trips/{random.choice(TRIP_IDS)}", name="/api/trips/{id}")

        @task(1)
        def brief(self) -> None:
            self.client.get(f"/api/trips/{random.choice(TRIP_IDS)}/brief", name="/api/trips/{id}/brief")

        @task(1)
        def stats(self) -> None:
            self.client.get("/api/stats", name="/api/stats")


def main() -> int:
    import argparse
    import csv
    import lzma
    import signal
    import socket
    import subprocess
    import tempfile
    import time
    from itertools import islice

    import httpx

    repo = Path(__file__).resolve().parents[1]
    shared = repo.parent / "shared"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="a filled database to serve (default: a corpus sample, made now)")
    parser.add_argument("--limit", type=int, default=1000, help="articles per corpus file (default 1000)")
    parser.add_argument("--clients", type=int, default=200, help="concurrent clients (default 200)")
    parser.add_argument("--seconds", type=int, default=20, help="seconds of load per server (default 20)")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)), help="default: CPUs")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sukien-load-"))

    def say(message: str) -> None:
        print(message, flush=True)

    db = args.db
    if db is None:
        files = sorted((shared / "corpus").glob("*.jsonl.xz"))
        inputs: list[Path] = []
        for source in files:
            target = folder / source.name.removesuffix(".xz")
            with lzma.open(source, "rt", encoding="utf-8") as lines:
                target.write_text("".join(islice(lines, args.limit)), encoding="utf-8")
            inputs.append(target)
        if not inputs:
            inputs = [shared / "seeds"]
        db = str(folder / "load.db")
        say(f"ingesting {', '.join(path.name for path in inputs)} into {db} ...")
        subprocess.run(
            [sys.executable, "-m", "sukien", "ingest", "--db", db, *map(str, inputs)],
            check=False,
            stderr=subprocess.DEVNULL,
        )

    def free_port() -> int:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            return probe.getsockname()[1]

    def run(label: str, workers: int) -> dict[str, float]:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sukien",
                "serve",
                "--db",
                db,
                "--port",
                str(port),
                "--workers",
                str(workers),
            ],
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its workers stop with it
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    trips = httpx.get(f"{base}/api/trips?limit=200", timeout=5).json()["items"]
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise SystemExit(f"{label}: the server did not start") from None
                    time.sleep(0.2)
            for _ in range(5 * workers):  # every worker has opened its store
                httpx.get(f"{base}/api/stats", headers={"Connection": "close"}, timeout=5)
            prefix = folder / f"locust-{workers}"
            say(f"{label}: {args.clients} clients for {args.seconds} s ...")
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "locust",
                    "-f",
                    __file__,
                    "--headless",
                    "--only-summary",
                    "--users",
                    str(args.clients),
                    "--spawn-rate",
                    str(args.clients),
                    "--run-time",
                    f"{args.seconds}s",
                    "--host",
                    base,
                    "--csv",
                    str(prefix),
                    "--loglevel",
                    "ERROR",
                    "--stop-timeout",
                    "10",
                ],  # fmt: skip
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env={**os.environ, "SUKIEN_LOAD_TRIPS": " ".join(trip["id"] for trip in trips)},
            )
        finally:
            os.killpg(server.pid, signal.SIGINT)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        with open(f"{prefix}_stats.csv", encoding="utf-8") as handle:
            total = next(row for row in csv.DictReader(handle) if row["Name"] == "Aggregated")
        return {
            "requests": float(total["Request Count"]),
            "rps": float(total["Requests/s"]),
            "p50": float(total["50%"]),
            "p99": float(total["99%"]),
            "errors": float(total["Failure Count"]),
        }

    say(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")
    runs = [("baseline --workers 1", 1), (f"--workers {args.workers}", args.workers)]
    results = {label: run(label, workers) for label, workers in runs}
    say(f"\n{'server':<22} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for label, found in results.items():
        say(
            f"{label:<22} {found['requests']:>9.0f} {found['rps']:>8.1f} {found['p50']:>8.0f}"
            f" {found['p99']:>8.0f} {found['errors']:>7.0f}"
        )
    base, many = results[runs[0][0]], results[runs[1][0]]
    if base["rps"]:
        say(f"\n--workers {args.workers} serves {many['rps'] / base['rps']:.2f}x the baseline's requests/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
