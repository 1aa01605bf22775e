"""The scale corpus at growing sizes: embedded ingest with 1 and 2 workers, Spark local[1] and
local[2], in one run. Baseline: the embedded ingest with one worker, same inputs, same run.

For each size (default 20,000, 40,000 and the whole corpus, 80,724 articles: the first N/2 of
`baomoi-2017` and of `vietnews`, or all of the shorter and the rest from the other), the articles are
dealt into JSON Lines files of `--file-size` articles each (2,500: a larger input is more files of
one size, as an archive grows) in a temporary folder (Spark reads a file per task; `ingest` reads
them one after the other), then:

- `python -m sukien ingest --db TMP/x.db --workers 1` and `--workers 2`;
- `python -m sukien batch --engine spark --master local[1]` and `local[2]` (Spark's default
  partitions: `SPARK_PARTITIONS_PER_CORE` per core).

Printed for each: wall time, articles/s, articles per CPU-second (user + system time of every
process of the run's tree, the JVM and Spark's Python workers included, read from /proc twice a
second, or the kernel's count of waited children when larger), peak memory per executor: the
largest worker process's peak RSS (ingest's worker processes, Spark's Python workers), beside the
main process's (the ingest writer, the Spark driver) and the JVM's. Then each run against the
baseline, local[2] / local[1] (target: at least 1.7x) and how the worker's peak grows with the input.

    .venv/bin/python bench/scale.py                         # 20k, 40k, 80k: most of an hour on 2 cores
    .venv/bin/python bench/scale.py --sizes 2000,4000       # a quick run
    .venv/bin/python bench/scale.py --limit 8000 --no-spark # 2k, 4k, 8k; embedded ingest only
    .venv/bin/python bench/scale.py --sizes 0 --no-ingest   # Spark alone on the whole corpus

The machine is shared with other work: wall-clock figures move with its load (printed at start);
articles per CPU-second are the steadier figure. Nothing is written into the repository.
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
import re  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from itertools import islice  # noqa: E402

_spec = importlib.util.spec_from_file_location("bench_measure", HERE / "measure.py")
assert _spec and _spec.loader
measure = sys.modules["bench_measure"] = importlib.util.module_from_spec(_spec)  # its dataclasses look there
_spec.loader.exec_module(measure)  # runs a command, measures its process tree; the corpus

CORPUS, CORPUS_FILES = measure.CORPUS, measure.CORPUS_FILES
DEFAULT_SIZES = (20_000, 40_000, 0)  # 0: the whole corpus
FILE_SIZE = 2_500  # articles per input file
TARGET_SPARK_RATIO = 1.7
INGEST_DONE = re.compile(r"(\d+) read, (\d+) stored")
PROCESS_STAGE = re.compile(r"stage process: \d+ inputs, \d+ rejected, in ([\d.]+) s")
BATCH_DONE = re.compile(r"done: (\d+) read, (\d+) articles")


# -- one run: the articles its summary line counts, and its measures ------------------------------------


@dataclass
class Run:
    name: str
    size: int
    articles: int
    measured: measure.Measured

    @property
    def per_second(self) -> float:
        return self.articles / self.measured.wall if self.measured.wall else 0.0

    @property
    def per_cpu_second(self) -> float:
        return self.articles / self.measured.cpu if self.measured.cpu else 0.0

    @property
    def process_seconds(self) -> float | None:
        """The process stage alone (read, the pipeline in the executors, rows back to the driver), from
        the batch's log: the part an engine spreads out, without start-up and the driver's stages."""
        found = PROCESS_STAGE.search(self.measured.stderr)
        return float(found.group(1)) if found else None

    @property
    def failed(self) -> bool:
        return self.measured.returncode not in (0, 1) or not self.articles  # 1: some inputs rejected

    def line(self) -> str:
        run = self.measured
        jvm_mib = run.peak_rss_mib("jvm")
        jvm = f", JVM {jvm_mib:,.0f} MiB" if jvm_mib else ""
        return (
            f"  {self.name:<18} {self.articles:>7,} articles  wall {run.wall:7,.1f} s  "
            f"{self.per_second:7,.1f} articles/s  CPU {run.cpu:7,.1f} s  "
            f"{self.per_cpu_second:6,.1f} per CPU-s  peak RSS: worker {run.peak_rss_mib('worker'):,.0f} MiB "
            f"({run.workers()} workers), main {run.peak_rss_mib('main'):,.0f} MiB{jvm}"
        )


def timed(name: str, size: int, command: list[str], done: re.Pattern[str]) -> Run:
    measured = measure.measured(command)
    found = done.search(measured.stderr)
    return Run(name, size, int(found.group(1)) if found else 0, measured)


def ingest(size: int, inputs: Path, tmp: Path, workers: int) -> Run:
    db = tmp / f"ingest-{workers}.db"
    command = measure.sukien_command("ingest", "--db", str(db), "--workers", str(workers), str(inputs))
    run = timed(f"ingest, {workers} worker{'s' * (workers > 1)}", size, command, INGEST_DONE)
    for path in tmp.glob(db.name + "*"):
        path.unlink()
    return run


def spark(size: int, inputs: Path, tmp: Path, cores: int) -> Run:
    out = tmp / f"spark-{cores}"
    command = measure.sukien_command(
        "batch", "--engine", "spark", "--master", f"local[{cores}]", "--out", str(out), str(inputs)
    )
    run = timed(f"Spark local[{cores}]", size, command, BATCH_DONE)
    shutil.rmtree(out, ignore_errors=True)
    return run


# -- inputs ---------------------------------------------------------------------------------------------


def corpus_lines() -> list[int]:
    """The articles of each corpus file."""
    counts = []
    for name in CORPUS_FILES:
        with lzma.open(CORPUS / name, "rb") as lines:
            counts.append(sum(1 for _ in lines))
    return counts


def quotas(size: int, counts: list[int]) -> list[int]:
    """How many of the first articles of each file make `size`: as even a share as the files allow
    (`baomoi-2017` holds fewer than half of the whole corpus, so the rest come from `vietnews`)."""
    taken = [0] * len(counts)
    left = min(size, sum(counts))
    while left:
        open_files = [n for n, count in enumerate(counts) if taken[n] < count]
        share = max(1, left // len(open_files))
        for n in open_files:
            more = min(share, counts[n] - taken[n], left)
            taken[n] += more
            left -= more
    return taken


def write_shards(size: int, file_size: int, folder: Path, counts: list[int]) -> int:
    """The first articles of each corpus file (`quotas`), dealt line by line into files of about
    `file_size` articles (the two corpora mixed in each, as they are in the whole)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shards = max(1, -(-size // file_size))
    outs = [(folder / f"part-{n:03d}.jsonl").open("w", encoding="utf-8") for n in range(shards)]
    written = 0
    try:
        for name, quota in zip(CORPUS_FILES, quotas(size, counts), strict=True):
            with lzma.open(CORPUS / name, "rt", encoding="utf-8") as lines:
                for line in islice(lines, quota):
                    outs[written % shards].write(line)
                    written += 1
    finally:
        for out in outs:
            out.close()
    return written


# -- report ---------------------------------------------------------------------------------------------


def spark_available() -> str | None:
    from sukien.app.spark import unavailable

    return unavailable()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", help="comma-separated article counts, 0 the whole corpus (default: 20000,40000,0)"
    )
    parser.add_argument("--limit", type=int, help="sizes limit/4, limit/2 and limit")
    parser.add_argument(
        "--file-size", type=int, default=FILE_SIZE, help=f"articles per input file (default {FILE_SIZE:,})"
    )
    parser.add_argument("--no-spark", action="store_true", help="the embedded ingest only")
    parser.add_argument("--no-ingest", action="store_true", help="Spark only (no baseline ratios)")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # the "..." lines say what runs now, also in a log

    missing = [name for name in CORPUS_FILES if not (CORPUS / name).exists()]
    if missing:
        print(f"skipped: the corpus is not here ({', '.join(missing)}); it lives in ../shared/corpus")
        return 0
    counts = corpus_lines()
    if args.sizes:
        sizes = [int(size) or sum(counts) for size in args.sizes.split(",")]  # 0: the whole corpus
    elif args.limit:
        sizes = [args.limit // 4, args.limit // 2, args.limit]
    else:
        sizes = [size or sum(counts) for size in DEFAULT_SIZES]
    why = None if args.no_spark else spark_available()
    cpus = os.cpu_count() or 1
    print(
        f"machine: {cpus} CPUs, load average {os.getloadavg()[0]:.1f} at start (a shared machine: "
        "wall-clock figures are noisy; articles per CPU-second are the steadier figure)"
    )
    if why:
        print(f"Spark runs skipped: {why}")
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="sukien-scale-") as folder:
        tmp = Path(folder)
        for size in sizes:
            inputs = tmp / "inputs"
            articles = write_shards(size, args.file_size, inputs, counts)
            files = len(list(inputs.iterdir()))
            print(f"{articles:,} articles ({', '.join(CORPUS_FILES)}) in {files} files ...")
            these = [] if args.no_ingest else [ingest(size, inputs, tmp, 1), ingest(size, inputs, tmp, 2)]
            if not args.no_spark and not why:
                these += [spark(size, inputs, tmp, 1), spark(size, inputs, tmp, 2)]
            for run in these:
                print(run.line())
                if run.failed:
                    print(f"    failed (exit {run.measured.returncode}): {run.measured.stderr[-2000:]}")
            runs += these
    return report(runs, sizes)


def report(runs: list[Run], sizes: list[int]) -> int:
    print("against the baseline (ingest, 1 worker, same size), articles/s and articles per CPU-second:")
    for size in sizes:
        these = [run for run in runs if run.size == size]
        base = these[0]
        if not base.articles or not base.name.startswith("ingest"):
            continue
        ratios = ", ".join(
            f"{run.name} {run.per_second / base.per_second:.2f}x / "
            f"{run.per_cpu_second / base.per_cpu_second:.2f}x"
            for run in these[1:]
            if run.articles
        )
        print(f"  {base.articles:>7,} articles: {ratios}")
    spark_runs = {(run.size, run.name): run for run in runs if run.name.startswith("Spark") and run.articles}
    for size in sizes:
        one, two = spark_runs.get((size, "Spark local[1]")), spark_runs.get((size, "Spark local[2]"))
        if one and two:
            ratio = two.per_second / one.per_second
            verdict = "yes" if ratio >= TARGET_SPARK_RATIO else "NO"
            stage = ""
            if one.process_seconds and two.process_seconds:
                # The whole run holds a fixed start-up (the JVM, the session) and the driver's serial
                # stages; the process stage is what the executors share.
                stage = f"; the process stage alone {one.process_seconds / two.process_seconds:.2f}x"
            print(
                f"  local[2] / local[1] at {one.articles:,} articles: {ratio:.2f}x "
                f"(at least {TARGET_SPARK_RATIO}x: {verdict}){stage}"
            )
    for name in dict.fromkeys(run.name for run in runs):
        peaks = [
            (run.articles, run.measured.peak_rss_mib("worker"))
            for run in runs
            if run.name == name and run.articles
        ]
        if len(peaks) > 1:
            growth = " -> ".join(f"{mib:,.0f} MiB at {articles:,}" for articles, mib in peaks)
            print(f"  peak worker RSS of {name}: {growth}")
    return 1 if any(run.failed for run in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
