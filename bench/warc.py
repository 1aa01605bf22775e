"""`sukien ingest` of a WARC of generated pages: writes the archive, times the command.

Pages come from corpus articles (`bench/pages.py`), each an HTML response record, plus the
request records a crawler writes. The archive and database go to a temporary folder.

    .venv/bin/python bench/warc.py [--pages 10000] [--workers N]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:] = [
    entry for entry in sys.path if Path(entry or ".").resolve() != HERE
]  # bench/html.py hides html

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import io  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

_spec = importlib.util.spec_from_file_location("bench_pages", HERE / "pages.py")
pages = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pages)
_spec = importlib.util.spec_from_file_location("bench_measure", HERE / "measure.py")
measure = sys.modules["bench_measure"] = importlib.util.module_from_spec(_spec)  # its dataclasses look there
_spec.loader.exec_module(measure)  # runs and times the command


HTML_TYPE = "text/html; charset=utf-8"


def write_archive(path: Path, count: int) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    written = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n, article in enumerate(pages.corpus_articles(count)):
            url = f"https://vidu.example/{n}.html"
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            payload = io.BytesIO(pages.page_of(article, n).encode())
            writer.write_record(
                writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            )
            writer.write_record(
                writer.create_warc_record(url, "response", payload=payload, http_headers=headers)
            )
            written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--workers", type=int, help="passed to `sukien ingest --workers`")
    args = parser.parse_args()
    if not pages.CORPUS.exists():
        sys.exit("../shared/corpus is not here")
    with tempfile.TemporaryDirectory() as folder:
        archive = Path(folder) / "pages.warc.gz"
        start = time.perf_counter()
        count = write_archive(archive, args.pages)
        print(f"wrote {count} pages to a WARC of {archive.stat().st_size / 2**20:.1f} MiB "
              f"in {time.perf_counter() - start:.1f} s")  # fmt: skip
        command = measure.sukien_command("ingest", "--db", str(Path(folder) / "bench.db"), str(archive))
        if args.workers:
            command += ["--workers", str(args.workers)]
        done = measure.measured(command)
        elapsed = done.wall
        print(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "(no summary)")
        speed = count / elapsed
        print(f"sukien ingest: {count} pages, {elapsed:.1f} s, {speed:.1f} pages/s (exit {done.returncode})",
              flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
