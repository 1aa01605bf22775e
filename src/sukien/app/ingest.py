"""The ingest driver: read inputs, run the pipeline on each record, store, then re-link trips.

One broken input never stops a batch: a reader's rejection and a stage's exception both become an
`InputError` in the report and the rest goes on. Processing runs in worker processes when there
are many records (the writer stays in this process, so SQLite sees a single writer); articles are
committed in batches, so an interrupted run keeps every batch it committed and nothing partial.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import multiprocessing.synchronize
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice
from pathlib import Path

from sukien.app.dedup import NearDuplicateIndex, Sketch, StoreIndex, prepare, sketch
from sukien.doc import Doc, RawRecord, input_hash
from sukien.errors import Code, InputError
from sukien.link import link, people_of
from sukien.pipeline import process, stages
from sukien.read import iter_files, read_file
from sukien.read.registry import open_stream, strip_compression_suffix
from sukien.settings import CHUNK, COMMIT_EVERY, IN_FLIGHT_PER_WORKER, PARALLEL_FROM
from sukien.store import Filters, Store

PARENT_CHECK_SECONDS = 0.5
STOP_GRACE_SECONDS = 10  # a worker asked to stop still busy after this (one record) is terminated
KNOWN_PAGE = 500  # inputs whose hashes are asked of the store at once

Progress = Callable[[int], None]  # called with the number of records just handled
Rejected = Callable[[InputError], None]  # called with each rejected input once its group is written
COUNT_CHUNK = 1 << 20


@dataclass
class IngestReport:
    read: int = 0  # records the readers gave (rejected inputs not counted)
    stored: int = 0  # new (or, for reprocess, re-processed) articles
    duplicates: int = 0  # articles already stored (same content)
    events: int = 0  # events of the stored articles
    trips: int = 0  # trips after re-linking
    errors: list[InputError] = field(default_factory=list)
    warnings: list[InputError] = field(default_factory=list)
    interrupted: bool = False
    article_ids: list[str] = field(default_factory=list)  # of every record written, in input order

    @property
    def rejected(self) -> int:
        return len(self.errors)

    def add(self, other: IngestReport) -> None:
        self.read += other.read
        self.stored += other.stored
        self.duplicates += other.duplicates
        self.events += other.events
        self.errors.extend(other.errors)
        self.warnings.extend(other.warnings)
        self.article_ids.extend(other.article_ids)


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during ingest: every committed batch is kept, `report` says how many."""

    def __init__(self, report: IngestReport):
        super().__init__("interrupted")
        self.report = report


@dataclass
class Located:
    """A record and the file (and line) it came from, to name it in an error."""

    record: RawRecord
    file: str
    line: int | None
    article_id: str | None = None  # the stored article it was made from, when reprocessing
    input_hash: str = ""  # `doc.input_hash` of the record, when the store is asked about it
    stored_as: str | None = None  # the article this very input already gave: it is not processed again
    sketch: Sketch | None = None  # the article's MinHash sketch, made beside the pipeline
    sketched: bool = False  # whether `sketch` was made (None is also a sketch: too short to compare)


@dataclass(frozen=True)
class Stored:
    """The outcome of an input skipped before processing: its article is stored already."""

    article_id: str


# What a worker sends back for one record: a slim Doc, or (code, message) of the error; `Stored`
# is made in this process and never reaches a worker.
Outcome = Doc | tuple[str, str] | Stored


def read_located(paths: Iterable[str | Path]) -> Iterator[Located | InputError]:
    for path in iter_files(paths):
        if isinstance(path, InputError):
            yield path
            continue
        if not path.exists():
            yield InputError(Code.UNREADABLE, "does not exist", str(path))
            continue
        for item in read_file(path):
            if isinstance(item, InputError):
                yield item
            else:
                yield Located(item, path.name, item.line)


def process_one(record: RawRecord) -> Outcome:
    """The pipeline on one record; any exception becomes an error for this record only."""
    try:
        doc = process(record, events_only=True)  # the store keeps nothing else of the analysis
    except Exception as err:  # noqa: BLE001 - a bug in one stage must not stop the batch
        return (Code.PROCESS.value, f"cannot be processed: {type(err).__name__}: {err}")
    refusals = [error for error in doc.errors if not error.is_warning]
    if refusals:  # a stage refused this input with a coded problem
        return (refusals[0].code.value, refusals[0].message)
    if not doc.text.strip():
        return (Code.EMPTY.value, "has no article text once cleaned")
    doc.id  # noqa: B018 - hashed here, in a worker, not in the one process that writes
    # Only what the store needs travels back from a worker: not the record, not the analysis.
    return replace(doc, record=EMPTY_RECORD, norm="", sentences=[], mentions=[], dates=[])


EMPTY_RECORD = RawRecord(source="", kind="", text="")


def process_and_sketch(record: RawRecord) -> tuple[Outcome, Sketch | None]:
    """`process_one` and the near-duplicate sketch of its text: the sketch costs about a third of
    the pipeline, and made here it runs in the workers instead of the one writing process."""
    outcome = process_one(record)
    return outcome, sketch(outcome.text) if isinstance(outcome, Doc) else None


# Set in a worker process by `init_worker`: the main process asks its workers to stop through it.
_stop_asked: multiprocessing.synchronize.Event | None = None


def process_chunk(records: list[RawRecord]) -> list[tuple[Outcome, Sketch | None]]:
    done = []
    for record in records:
        if _stop_asked is not None and _stop_asked.is_set():
            return []  # the main process has stopped reading: nobody wants the rest
        done.append(process_and_sketch(record))
    return done


def skip_known(store: Store, items: Iterator[Located | InputError]) -> Iterator[Located | InputError]:
    """The items, each input whose article is already stored marked `stored_as`, asked of the store
    a page at a time: such an input is then never extracted again."""
    for page in _chunks(items, KNOWN_PAGE):
        located = [item for item in page if isinstance(item, Located)]
        for item in located:
            item.input_hash = input_hash(item.record)
        known = store.known_inputs(sorted({item.input_hash for item in located}))
        for item in located:
            item.stored_as = known.get(item.input_hash)
        yield from page


def _with_outcome(item: Located, done: tuple[Outcome, Sketch | None]) -> tuple[Located, Outcome]:
    item.sketch, item.sketched = done[1], True
    return item, done[0]


def init_worker(stop_asked: multiprocessing.synchronize.Event) -> None:
    global _stop_asked  # noqa: PLW0603 - one per worker process, set once as it starts
    _stop_asked = stop_asked
    # Ctrl-C reaches the whole process group; only the main process decides what to do with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=exit_with_parent, args=(os.getppid(),), daemon=True).start()


def exit_with_parent(parent: int) -> None:
    """A worker whose main process was killed (SIGKILL leaves no time to stop it) ends itself."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def processed(
    items: Iterator[Located | InputError], workers: int | None = None
) -> Iterator[tuple[Located, Outcome] | InputError]:
    """Each located record with its outcome, in input order; reader errors pass through."""
    head = list(islice(items, PARALLEL_FROM))
    workers = workers or (default_workers() if len(head) == PARALLEL_FROM else 1)
    stream = _chain(head, items)
    if workers <= 1:
        for item in stream:
            if isinstance(item, InputError):
                yield item
            elif item.stored_as:
                yield item, Stored(item.stored_as)
            else:
                yield _with_outcome(item, process_and_sketch(item.record))
        return
    stages()  # load the stages (and what they load) once here: forked workers inherit them
    prepare()
    stop_asked = multiprocessing.get_context().Event()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=init_worker, initargs=(stop_asked,))
    pending: deque[tuple[list[Located | InputError], Future[list[tuple[Outcome, Sketch | None]]] | None]]
    pending = deque()
    try:
        for chunk in _chunks(stream, CHUNK):
            records = [item.record for item in chunk if isinstance(item, Located) and not item.stored_as]
            pending.append((chunk, pool.submit(process_chunk, records) if records else None))
            while len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from _results(*pending.popleft())
        while pending:
            yield from _results(*pending.popleft())
    except BaseException:  # Ctrl-C, or the writer stopped: nothing more will be read
        stop_now(pool, stop_asked)
        raise
    pool.shutdown()


def stop_now(pool: ProcessPoolExecutor, stop_asked: multiprocessing.synchronize.Event) -> None:
    """Drop the queued chunks and have the workers end after the record each is on.

    The workers are asked, not terminated: one terminated while sending its results leaves half a
    message in the result pipe, and the pool's thread reading it then waits for the rest for ever,
    holding the interpreter's exit (CI hung past two minutes). Only a worker still busy after
    `STOP_GRACE_SECONDS`, stuck in one record, is terminated.
    """
    workers = list((pool._processes or {}).values())  # the executor has no public list of them
    stop_asked.set()
    pool.shutdown(wait=False, cancel_futures=True)
    # Waiting on the sentinels, not `join`: the pool's own thread reaps the workers.
    running = {worker.sentinel: worker for worker in workers}
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    while running and (left := deadline - time.monotonic()) > 0:
        for ended in multiprocessing.connection.wait(list(running), left):
            running.pop(ended)  # type: ignore[arg-type]  # sentinels are ints
    for worker in running.values():
        worker.terminate()


def _chain(head: list[Located | InputError], rest: Iterator[Located | InputError]) -> Iterator:
    yield from head
    yield from rest


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    while chunk := list(islice(items, size)):
        yield chunk


def _results(
    chunk: list[Located | InputError], future: Future[list[tuple[Outcome, Sketch | None]]] | None
) -> Iterator[tuple[Located, Outcome] | InputError]:
    outcomes = iter(future.result() if future else [])
    for item in chunk:
        if isinstance(item, InputError):
            yield item
        elif item.stored_as:
            yield item, Stored(item.stored_as)
        else:
            yield _with_outcome(item, next(outcomes))


def error_for(located: Located, code: str, message: str) -> InputError:
    if located.line is not None and located.record.source != located.file:
        message = f"{message} (item {located.record.source})"
    return InputError(Code(code), message, located.file, located.line)


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    progress: Progress | None = None,
    workers: int | None = None,
    rejected: Rejected | None = None,
) -> IngestReport:
    """Read, process and store everything under `paths`, then re-link all stored events into trips.

    Raises `Interrupted` (a KeyboardInterrupt) carrying the report when stopped by Ctrl-C: the
    batch being written is rolled back, every batch before it stays.
    """
    return ingest_located(store, read_located(paths), progress, workers, rejected)


def expected_records(paths: Iterable[str | Path]) -> int:
    """About how many records `paths` hold, for a progress total: the lines of each JSON Lines file
    (compressed or not), one for any other file (a WARC archive holding many counts one). Cheap next
    to processing them: decompressing and counting newlines only."""
    total = 0
    for path in iter_files(paths):
        if isinstance(path, InputError):
            continue
        if not strip_compression_suffix(path.name).endswith((".jsonl", ".ndjson")):
            total += 1
            continue
        try:
            with open_stream(path) as stream:
                last = b"\n"
                while chunk := stream.read(COUNT_CHUNK):
                    total += chunk.count(b"\n")
                    last = chunk[-1:]
                total += last != b"\n"  # a last line without its newline
        except (OSError, EOFError, ValueError):  # a damaged file: ingest reports it, the count goes on
            total += 1
    return total


def ingest_records(
    store: Store, records: Iterable[RawRecord], progress: Progress | None = None, workers: int | None = None
) -> IngestReport:
    """`ingest` for records already read (the API's POST): the same pipeline, near-duplicate check,
    batches and re-linking as files get."""
    located = (Located(record, record.source, record.line) for record in records)
    return ingest_located(store, located, progress, workers)


def ingest_located(
    store: Store,
    items: Iterable[Located | InputError],
    progress: Progress | None = None,
    workers: int | None = None,
    rejected: Rejected | None = None,
) -> IngestReport:
    with store.ingest_lock():  # the near-duplicate index must see every article stored before ours
        # Near-duplicates point at the first copy. The index of the store is built when the first
        # new article needs it: a re-ingest of stored inputs never does.
        write = partial(add_new, duplicates=StoreIndex(store))
        return _run(store, processed(skip_known(store, iter(items)), workers), write, progress, rejected)


def reprocess(
    store: Store,
    progress: Progress | None = None,
    workers: int | None = None,
    rejected: Rejected | None = None,
) -> IngestReport:
    """Run the current rules again on every stored raw input, then re-link.

    An article whose cleaned text changed gets its new id (merging into an article that has it);
    one that now fails keeps its stored version and is reported.
    """
    located = (
        Located(record, record.source, record.line, article_id) for article_id, record in store.raw_records()
    )
    with store.ingest_lock():
        return _run(store, processed(located, workers), replace_old, progress, rejected)


Writer = Callable[[Store, Doc, Located, IngestReport], None]


def add_new(
    store: Store,
    doc: Doc,
    located: Located,
    report: IngestReport,
    duplicates: NearDuplicateIndex | StoreIndex | None = None,
) -> None:
    if duplicates is not None:
        if located.sketched:
            doc.duplicate_of = duplicates.add_sketch(doc.id, located.sketch)
        else:
            doc.duplicate_of = duplicates.add(doc.id, doc.text)
    store_counted(store, doc, located.input_hash or input_hash(located.record), report)


def store_counted(store: Store, doc: Doc, input_key: str, report: IngestReport) -> None:
    """Store one article, remember the input it came from (a later run skips it unread) and count it
    as stored or as a copy of one stored."""
    result = store.add(doc)
    store.record_inputs([(input_key, result.article_id)])
    report.article_ids.append(result.article_id)
    if result.new:
        report.stored += 1
        report.events += result.events
    else:
        report.duplicates += 1


def replace_old(store: Store, doc: Doc, located: Located, report: IngestReport) -> None:
    assert located.article_id is not None
    result = store.replace_article(located.article_id, doc)
    # A changed id removed the old article with its input hashes: this input now gives the new one.
    store.record_inputs([(input_hash(located.record), result.article_id)])
    report.stored += 1
    report.events += result.events
    if result.article_id != located.article_id and not result.new:
        report.duplicates += 1


def _run(
    store: Store,
    outcomes: Iterator[tuple[Located, Outcome] | InputError],
    write: Writer,
    progress: Progress | None,
    rejected: Rejected | None = None,
) -> IngestReport:
    report = IngestReport()
    try:
        # Records are processed while a group is gathered; the group is then written in one short
        # transaction, so a stop keeps every group before it and nothing of this one.
        for group in _chunks(outcomes, COMMIT_EVERY):
            written = IngestReport()
            with store.batch():
                for item in group:
                    _write_one(store, item, write, written)
            report.add(written)
            if rejected:  # as it happens, not only in the summary at the end
                for error in written.errors:
                    rejected(error)
            if progress:
                progress(len(group))
    except KeyboardInterrupt as stop:
        report.interrupted = True
        raise Interrupted(report) from stop
    finally:
        # Stopped while writing, the workers must end now, not when the chunks queued for them are
        # done: closing `processed` stops them (its GeneratorExit). Left to the garbage collector, the
        # pool's own exit handler would wait for every queued chunk first (over two minutes seen).
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()
    report.trips = relink(store)
    return report


def _write_one(
    store: Store, item: tuple[Located, Outcome] | InputError, write: Writer, report: IngestReport
) -> None:
    if isinstance(item, InputError):
        # A notice such as a WARC's count of skipped records is a warning, not a rejected input.
        (report.warnings if item.is_warning else report.errors).append(item)
        return
    located, outcome = item
    report.read += 1
    if isinstance(outcome, Stored):
        report.duplicates += 1
        report.article_ids.append(outcome.article_id)
        return
    if isinstance(outcome, tuple):
        report.errors.append(error_for(located, *outcome))
        return
    outcome.record = located.record
    report.warnings.extend(outcome.errors)
    write(store, outcome, located, report)


def relink(store: Store) -> int:
    """Group every stored event into trips, and every name written for one person under that person,
    replacing the old trips and names in one transaction."""
    with store.batch():
        events = store.events(Filters())
        trips = link(events)
        store.replace_trips(trips)
        store.replace_people(people_of(events))
    return len(trips)
