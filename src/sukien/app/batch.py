"""`sukien batch`: the ingest pipeline over many files into a Parquet result instead of a store, in
stages an engine can spread out; `load` puts such a result into a store.

The stages, each logged (`logging`, logger `sukien.app.batch`) when it starts and when it ends, with
its counts and time (the long first one also every `BATCH_PROGRESS_SECONDS`):
1. process: read each input and run the per-article pipeline on it, with its near-duplicate
   sketch (`dedup.sketch`), in worker processes (the `local` engine) or executors (`spark`);
   a failed item is named in the report and the rest goes on;
2. dedup: the same article twice is kept once (its first input), and each new article is asked of
   one near-duplicate index in input order, with the sketches made in stage 1: the answers of
   `ingest`;
3. link: events grouped by canonical actor (`link.group_by_actor`), each group linked apart
   (`link.link_actor`): the keyed stage an engine runs in parallel. It needs only the first inputs'
   events, so it starts with the near-duplicate pass of stage 2 and runs beside it;
4. write: the tables, partitioned by year (`batch_files`).

The result equals what `ingest` stores for the same inputs in an empty store: ids, articles,
events and trips.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from sukien import __version__
from sukien.app.batch_files import (
    ArticleRow,
    ResultWriter,
    event_rows,
    read_articles,
    read_events,
    read_manifest,
    read_trips,
    trip_rows,
)
from sukien.app.batch_stages import (
    BatchReport,
    Processed,
    article_rows_of,
    first_inputs,
    link_by_actor,
    near_duplicates,
    process_local,
)
from sukien.app.dedup import StoreIndex
from sukien.app.ingest import IngestReport, default_workers, relink, store_counted
from sukien.doc import Doc
from sukien.errors import Code, SukienError
from sukien.link import people_of
from sukien.models import Event, Trip
from sukien.settings import BATCH_PROGRESS_SECONDS, COMMIT_EVERY
from sukien.store import Filters, Store

ENGINES = ("local", "spark")
log = logging.getLogger(__name__)


def run_batch(
    paths: Iterable[str | Path],
    out: str | Path,
    engine: str = "local",
    workers: int | None = None,
    partitions: int | None = None,
    master: str | None = None,
) -> BatchReport:
    """Run the batch stages over `paths` and write the result into the folder `out`."""
    inputs = [str(path) for path in paths]
    if engine == "local":
        where = f"{workers or default_workers()} worker process(es)"
        log.info("stage process: %s input path(s), %s ...", len(inputs), where)
        results, took = _timed(lambda: list(logged_progress(process_local(inputs, workers))))
        grouped: Callable[[list[Event]], list[Trip]] = link_by_actor
        articles_of: Callable[[list[Processed]], Any] = article_rows_of
    elif engine == "spark":
        from sukien.app.spark import SparkEngine  # pyspark and Java are needed only here

        spark = SparkEngine(partitions=partitions, master=master)
        where = f"Spark {spark.master}"
        log.info("stage process: %s input path(s), %s ...", len(inputs), where)
        results, took = _timed(lambda: spark.process(inputs))
        grouped, articles_of = spark.link_by_actor, spark.articles_table
    else:
        raise SukienError(Code.ENGINE, f"no engine {engine!r}; one of {', '.join(ENGINES)}")
    failed = sum(result.error is not None and not result.error.is_warning for result in results)
    log.info("stage process: %s inputs, %s rejected, in %.1f s", len(results), failed, took)
    report = BatchReport()
    kept, events = first_inputs(results, report)
    writer = ResultWriter(Path(out))
    # The link stage needs only the first inputs' events: it runs (in the executors, with Spark) while
    # this process marks near-duplicates, and the articles' table is written while it ends (pyarrow
    # and the wait on Spark let go of the interpreter's lock).
    with ThreadPoolExecutor(2, thread_name_prefix="sukien-batch") as background:
        started = time.perf_counter()
        linked = background.submit(_timed, lambda: grouped(events))
        _, took = _timed(lambda: near_duplicates(kept, report))
        log.info(
            "stage dedup: %s read, %s articles, %s near-duplicates, %s already given, in %.1f s",
            report.read, report.articles, report.near_duplicates, report.duplicates, took,
        )  # fmt: skip
        articles_written = background.submit(lambda: writer.stage("articles", articles_of(kept)))
        trips, took = linked.result()
        report.events, report.trips = len(events), len(trips)
        actors = len({trip.actor.name for trip in trips})
        log.info("stage link: %s events, %s trips of %s actors, begun with dedup, in %.1f s", len(events),
                 len(trips), actors, took)  # fmt: skip
        articles_written.result()
        log.info(
            "stage write: %s articles written meanwhile, done %.1f s after dedup and link started",
            len(kept), time.perf_counter() - started,
        )  # fmt: skip
    manifest = {
        "sukien": __version__, "engine": engine, "inputs": inputs, "read": report.read,
        "articles": report.articles, "duplicates": report.duplicates,
        "near_duplicates": report.near_duplicates, "events": report.events, "trips": report.trips,
        "errors": [error.as_dict() for error in report.errors],
    }  # fmt: skip
    tables = {"events": event_rows(events), "trips": trip_rows(trips)}
    _, took = _timed(lambda: _finish(writer, tables, manifest))
    log.info(
        "stage write: rows of %s articles, %s events, %s trips into %s, in %.1f s",
        len(kept), len(tables["events"]), len(tables["trips"]), out, took,
    )  # fmt: skip
    log.info(
        "done: %s read, %s articles (%s near-duplicates), %s already given, %s rejected; %s events, "
        "%s trips in %s",
        report.read, report.articles, report.near_duplicates, report.duplicates, len(report.errors),
        report.events, report.trips, out,
    )  # fmt: skip
    return report


def logged_progress(
    results: Iterable[Processed],
    every: float = BATCH_PROGRESS_SECONDS,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[Processed]:
    """`results` passed on, with a log line of how many inputs are done every `every` seconds: a
    stage of hours says it is alive and how fast it goes."""
    started = last = clock()
    for done, result in enumerate(results, 1):
        yield result
        if (now := clock()) - last >= every:
            last = now
            log.info("stage process: %s inputs done, %.1f a second", done, done / (now - started))


def _finish(writer: ResultWriter, tables: dict[str, list[dict[str, Any]]], manifest: dict[str, Any]) -> None:
    for kind, rows in tables.items():
        writer.stage(kind, rows)
    writer.commit(manifest)


def _timed(work: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = work()
    return result, time.perf_counter() - started


# -- load: a result into a store ---------------------------------------------------------------------


def load(store: Store, folder: str | Path, progress: Callable[[int], None] | None = None) -> IngestReport:
    """Put a batch result into `store`: articles (an article already stored is kept), their raw
    inputs and events; then the batch's trips into an empty store, or every trip re-linked into one
    that held articles before (whose near-duplicates are checked against what it holds)."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    rows, events, trips = read_articles(folder), read_events(folder), read_trips(folder)
    by_article: dict[str, list[Event]] = {}
    for event in events:
        by_article.setdefault(event.article_id or "", []).append(event)
    report = IngestReport()
    with store.ingest_lock():
        fresh = store.stats().articles == 0
        duplicates = None if fresh else StoreIndex(store)
        for first in range(0, len(rows), COMMIT_EVERY):
            with store.batch():
                for row in rows[first : first + COMMIT_EVERY]:
                    _load_one(store, row, by_article.get(row.article.id, []), duplicates, report)
            if progress:
                progress(len(rows[first : first + COMMIT_EVERY]))
        if fresh:
            with store.batch():
                store.replace_trips(trips)
                store.replace_people(people_of(store.events(Filters())))
            report.trips = len(trips)
        else:
            report.trips = relink(store)
    report.read = int(manifest.get("read", report.read))
    return report


def _load_one(
    store: Store, row: ArticleRow, events: list[Event], duplicates: StoreIndex | None, report: IngestReport
) -> None:
    article = row.article
    doc = Doc(
        record=row.record, text=article.text, title=article.title, published=article.published,
        author=article.author, outlet=article.outlet, url=article.url, summary=article.summary,
        events=sorted(events, key=lambda e: int(e.id.rsplit("-", 1)[1])), duplicate_of=article.duplicate_of,
    )  # fmt: skip
    if duplicates is not None and article.duplicate_of is None:
        doc.duplicate_of = duplicates.add(doc.id, doc.text)
    store_counted(store, doc, row.input_hash, report)
