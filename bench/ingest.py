"""Articles per second of `sukien ingest` on the whole corpus, and of a named baseline, same run.

sukien: the command a user runs, `python -m sukien ingest --db TMP/bench.db FILE...`, on the two
big corpus files as they are (xz, read by sukien itself): read, clean, normalise, understand,
extract, near-duplicate check, store, and the final linking of all events into trips.
Baseline: underthesea `word_tokenize` + `ner` (`bench/baseline.py`) on a sample of the same
articles (the first ones of each file), one process, so one core.

Figures: wall time, articles/s, articles/s per core (÷ the cores the run may use), articles per
CPU-second (user + system time of the whole process tree: the fair figure on a busy machine), and
peak memory: the process tree's summed PSS sampled twice a second, and the largest single process's
peak RSS (getrusage), as bench/measure.py measures a command. Nothing is written into the repository:
inputs and database live in a temporary folder.

    .venv/bin/python bench/ingest.py                  # the whole corpus, ~80,000 articles
    .venv/bin/python bench/ingest.py --limit 4000     # a quick run on the first articles
    .venv/bin/python bench/ingest.py --again --no-baseline   # and a second ingest of the same files
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# bench/html.py would hide the standard library's html module: take this folder off the path.
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != HERE]

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
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
_spec.loader.exec_module(measure)  # runs a command, measures its process tree

CORPUS, CORPUS_FILES = measure.CORPUS, measure.CORPUS_FILES
BASELINE_SAMPLE = 2000
TARGET_SECONDS = 150  # the whole corpus in under 2.5 minutes on 2 cores (issue 12)
AGAIN_SECONDS = 30  # a second ingest of the same files in under 30 seconds
TARGET_RATIO = 10  # at least 10x the baseline's per-core speed
SUMMARY = re.compile(r"(\d+) read, (\d+) stored, (\d+) already stored, (\d+) rejected")


# -- inputs -----------------------------------------------------------------------------------------


def head_lines(path: Path, count: int) -> list[str]:
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        return list(islice(lines, count))


def write_heads(files: list[Path], count: int, target: Path) -> int:
    """The first `count` articles, shared evenly between the files, into one JSON Lines file."""
    each = -(-count // len(files))
    lines = [line for path in files for line in head_lines(path, each)]
    target.write_text("".join(lines), encoding="utf-8")
    return len(lines)


# -- the two runs -----------------------------------------------------------------------------------


@dataclass
class Figures:
    name: str
    articles: int
    cores: int
    run: measure.Measured

    @property
    def per_second(self) -> float:
        return self.articles / self.run.wall

    @property
    def per_core(self) -> float:
        return self.per_second / self.cores

    @property
    def per_cpu_second(self) -> float:
        return self.articles / self.run.cpu

    def lines(self) -> list[str]:
        return [
            f"  wall {self.run.wall:,.1f} s for {self.articles:,} articles: "
            f"{self.per_second:,.1f} articles/s, {self.per_core:,.1f} articles/s per core "
            f"({self.cores} core{'s' * (self.cores > 1)})",
            f"  CPU {self.run.cpu:,.1f} s (user + system, whole process tree): "
            f"{self.per_cpu_second:,.1f} articles per CPU-second",
            f"  peak memory: {self.run.peak_tree_pss_mib:,.0f} MiB PSS summed over the process tree, "
            f"{self.run.peak_single_rss_mib:,.0f} MiB RSS of the largest process",
        ]


def run_sukien(inputs: list[Path], db: Path, workers: int | None) -> tuple[measure.Measured, dict[str, int]]:
    command = measure.sukien_command("ingest", "--db", str(db), *map(str, inputs))
    if workers:
        command += ["--workers", str(workers)]
    run = measure.measured(command)
    counts: dict[str, int] = {}
    if match := SUMMARY.search(run.stderr):
        names = ("read", "stored", "duplicates", "rejected")
        counts = dict(zip(names, map(int, match.groups()), strict=True))
    if db.exists():
        from sukien.store import open_store

        with open_store(db, create=False) as store:
            stats = store.stats()
        counts.update(articles=stats.articles, events=stats.events, trips=stats.trips)
        counts["db_mib"] = sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) // 2**20
    return run, counts


def run_baseline(sample: Path) -> tuple[measure.Measured, dict]:
    run = measure.measured([sys.executable, str(HERE / "baseline.py"), str(sample)])
    result = json.loads(run.stdout.strip().splitlines()[-1]) if run.returncode == 0 else {}
    return run, result


# -- report -----------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N articles (shared between the files)")
    parser.add_argument("--workers", type=int, help="passed to `sukien ingest --workers` (default: its own)")
    parser.add_argument("--sample", type=int, default=BASELINE_SAMPLE, help="baseline articles (2000)")
    parser.add_argument("--no-baseline", action="store_true", help="time sukien only")
    parser.add_argument(
        "--again", action="store_true", help="then ingest the same files into the same database a second time"
    )
    parser.add_argument("--keep-db", type=Path, help="copy the database here afterwards (e.g. to profile it)")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # the "..." lines say what runs now, also in a log

    files = [CORPUS / name for name in CORPUS_FILES]
    missing = [str(path) for path in files if not path.exists()]
    if missing:
        print(f"skipped: the corpus is not here ({', '.join(missing)}); it lives in ../shared/corpus")
        return 0
    cpus = os.cpu_count() or 1
    cores = min(cpus, args.workers or cpus)
    print(
        f"machine: {cpus} CPUs, load average {os.getloadavg()[0]:.1f} at start (a shared machine: "
        "figures are noisy; articles per CPU-second are the steadier figure)"
    )

    with tempfile.TemporaryDirectory(prefix="sukien-bench-") as folder:
        tmp = Path(folder)
        inputs = files
        if args.limit:
            inputs = [tmp / "head.jsonl"]
            write_heads(files, args.limit, inputs[0])
        names = ", ".join(path.name for path in files)
        first = f" (first {args.limit:,} articles)" if args.limit else ""
        print(f"sukien ingest on {names}{first}, workers: {args.workers or 'default'} ...")
        run, counts = run_sukien(inputs, tmp / "bench.db", args.workers)
        if "read" not in counts:
            print(f"sukien ingest failed (exit {run.returncode}):\n{run.stderr[-3000:]}")
            return 1
        sukien = Figures("sukien", counts["read"], cores, run)
        print("sukien ingest (read, pipeline, near-duplicates, store, final linking):")
        print("\n".join(sukien.lines()))
        print(
            f"  {counts['read']:,} read, {counts['articles']:,} articles stored "
            f"({counts['duplicates']:,} already stored), {counts['rejected']:,} rejected; "
            f"{counts['events']:,} events, {counts['trips']:,} trips; database {counts['db_mib']:,} MiB; "
            f"exit {run.returncode}"
        )
        for line in [line for line in run.stderr.splitlines() if not SUMMARY.search(line)][:10]:
            print(f"  | {line}")
        if args.again:
            print("sukien ingest of the same files again, into the same database ...")
            again, again_counts = run_sukien(inputs, tmp / "bench.db", args.workers)
            print("second ingest (every input already stored: read, hashed, skipped; final linking):")
            print("\n".join(Figures("again", again_counts.get("read", 0), cores, again).lines()))
            read, skipped = again_counts.get("read", 0), again_counts.get("duplicates", 0)
            print(f"  {read:,} read, {skipped:,} already stored; exit {again.returncode}")
            if not args.limit:
                verdict = "yes" if again.wall < AGAIN_SECONDS else "NO"
                print(f"  second ingest of the whole corpus in under {AGAIN_SECONDS} s: {verdict}")
        if args.keep_db:
            shutil.copyfile(tmp / "bench.db", args.keep_db)  # the CLI checkpoints the WAL when it closes
        whole = not args.limit
        if whole:
            verdict = "yes" if run.wall < TARGET_SECONDS else "NO"
            minutes = f"{run.wall / 60:.2f} min, {cores} core{'s' * (cores > 1)}"
            target = f"{TARGET_SECONDS / 60:g} minutes on 2 cores"
            print(f"  whole corpus in under {target}: {verdict} ({minutes})")

        if args.no_baseline:
            return 0 if run.returncode == 0 else 1
        sample = tmp / "sample.jsonl"
        size = write_heads(files, min(args.sample, args.limit or args.sample), sample)
        print(f"baseline on {size:,} of the same articles (the first of each file), one process ...")
        base_run, result = run_baseline(sample)
        if not result:
            print(f"baseline failed (exit {base_run.returncode}):\n{base_run.stderr[-3000:]}")
            return 1
        # The baseline times itself after loading its models; its memory comes from the sampler.
        base_run.wall, base_run.cpu = result["wall_seconds"], result["cpu_seconds"]
        base_run.peak_single_rss_mib = result["peak_rss_mib"]
        baseline = Figures(result["name"], result["articles"], 1, base_run)
        print(f"baseline: {baseline.name} ({result['tokens']:,} words):")
        print("\n".join(baseline.lines()))

        by_core = sukien.per_core / baseline.per_core
        by_cpu = sukien.per_cpu_second / baseline.per_cpu_second
        verdict = "yes" if min(by_core, by_cpu) >= TARGET_RATIO else "NO"
        print(
            f"ratio sukien / baseline: {by_core:,.1f}x per core (wall), {by_cpu:,.1f}x per CPU-second; "
            f"at least {TARGET_RATIO}x: {verdict}"
        )
    return 0 if run.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
