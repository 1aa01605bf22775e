"""Pages per second of sukien's HTML path and of trafilatura alone, on the same pages, same run.

Pages: the two real VnExpress pages of ../shared/html and pages generated from corpus text
(`bench/pages.py`). sukien's path is what `ingest` runs per page: decoding, the clean stage for
HTML (trafilatura body + lead + page metadata + byline); trafilatura alone is `extract()`.

    .venv/bin/python bench/html.py [--pages 300]
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named html.py: Python puts its folder first on the path, where it would hide the
# standard library's `html` from trafilatura and lxml. Take the folder off before importing them.
HERE = Path(__file__).resolve().parent
sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != HERE]

import argparse  # noqa: E402
import gzip  # noqa: E402
import importlib.util  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402

from sukien.clean.html import clean_record  # noqa: E402
from sukien.doc import RawRecord  # noqa: E402
from sukien.read.html import decode_html  # noqa: E402

_spec = importlib.util.spec_from_file_location("bench_pages", HERE / "pages.py")
pages_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pages_module)
CORPUS, SHARED, corpus_articles, page_of = (
    pages_module.CORPUS, pages_module.SHARED, pages_module.corpus_articles, pages_module.page_of
)  # fmt: skip


def real_pages() -> list[bytes]:
    folder = SHARED / "html"
    pages = []
    for path in sorted(folder.glob("*.htm*")):
        data = path.read_bytes()
        pages.append(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)
    return pages


def sukien_path(pages: list[bytes]) -> None:
    for data in pages:
        text, encoding = decode_html(data)
        clean_record(RawRecord(source="bench.html", kind="html", text=text, encoding=encoding, raw=data))


def trafilatura_alone(pages: list[bytes]) -> None:
    import trafilatura

    for data in pages:
        trafilatura.extract(data.decode("utf-8"))


def measure(run, pages: list[bytes], repeats: int = 3) -> tuple[float, float]:
    """(median pages per second, peak traced memory in MiB)."""
    speeds = []
    tracemalloc.start()
    tracemalloc.reset_peak()
    run(pages[:5])  # imports and caches, once, traced for memory
    for _ in range(repeats):
        tracemalloc.stop()
        start = time.perf_counter()
        run(pages)
        speeds.append(len(pages) / (time.perf_counter() - start))
        tracemalloc.start()
    run(pages[:50])
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return sorted(speeds)[len(speeds) // 2], peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300, help="generated pages (default: 300)")
    args = parser.parse_args()
    pages = real_pages() if (SHARED / "html").is_dir() else []
    if CORPUS.exists():
        pages += [page_of(a, n).encode() for n, a in enumerate(corpus_articles(args.pages))]
    if not pages:
        sys.exit("no pages: ../shared/html and ../shared/corpus are not here")
    size = sum(map(len, pages)) / len(pages) / 1024
    print(f"{len(pages)} pages ({size:.0f} KiB on average), median of 3 runs")
    for name, run in (("trafilatura.extract alone", trafilatura_alone), ("sukien HTML path", sukien_path)):
        speed, peak = measure(run, pages)
        print(f"{name:28s} {speed:8.1f} pages/s   peak traced memory {peak:6.1f} MiB")
    print(f"process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
