"""The Spark engine of `sukien batch`: the same stages as the local engine, spread over executors.

- read: the inputs are Spark inputs (`binaryFiles`: local paths, `hdfs://`, `s3a://`...), each
  file read by sukien's own readers in an executor (any kind, compressed or not), one task per file
  where Spark allows, its records then dealt evenly (round robin, a shuffle) over `partitions`: by
  default `SPARK_PARTITIONS_PER_CORE` per core, or more for a large input, as its files' sizes say
  (`SPARK_INPUT_BYTES_PER_PARTITION`: read once, never counted first), in whole rounds over the
  cores, so one large file does not stay on one executor and no core waits on a last partition;
- process: the per-article pipeline and the near-duplicate sketch in the executors. The stages and
  their gazetteers are loaded once per Python worker (`pipeline.stages` is cached and Spark reuses
  its Python workers); nothing else is global. Each partition's article rows go to the driver as one
  Arrow stream, a few partitions a Spark job;
- dedup: on the driver, in input order, over the sketches the executors made; only the articles that
  share an LSH band with another are asked of the index (`dedup.first_copies`);
- link: keyed by canonical actor, each actor's events linked in a task of its own.

A failure the stages do not catch is named with its partition and input, never stopping the batch;
a task that fails as a whole (an exception outside one input's processing, its Python worker or
executor lost) stops it after Spark's retries, with `E403` naming the stage and the partition. Each
job's progress (tasks done) is logged every `BATCH_PROGRESS_SECONDS`.
Inputs keep the order `ingest` reads them in (folders walked in name order, records in file order),
so the first copy of a story is the same one and the result the same, ids included.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlparse

from sukien.app.batch_files import arrow_rows, rows_to_arrow, schema, with_duplicate_of
from sukien.app.batch_stages import Processed, actor_groups, compact, outcome_of, set_trip_ids, store_order
from sukien.app.ingest import Located, process_and_sketch
from sukien.doc import RawRecord
from sukien.errors import Code, InputError, SukienError
from sukien.link import link_actor
from sukien.models import Event, Trip
from sukien.read import iter_files, read_file
from sukien.read.registry import strip_compression_suffix
from sukien.settings import (
    BATCH_PROGRESS_SECONDS,
    COMPRESSED_INPUT_RATIO,
    SPARK_INPUT_BYTES_PER_PARTITION,
    SPARK_PARTITIONS_FETCHED,
    SPARK_PARTITIONS_PER_CORE,
)

REMOTE = "://"  # a path with a scheme is read as Spark reads it, not listed here
UNLISTED = 1 << 62  # the rank of a file not listed on the driver (remote): after the local ones, by name
ROWS = -1  # the rank keying a partition's article rows (an Arrow stream), not an input
Key = tuple[int, str, int]  # (file rank, file URI, item number): the order `ingest` reads in
# How a failed Spark job says where: our exception's line, or Spark's task (its number is the partition's).
SPARK_FAILURES = {"Py4JJavaError", "PythonException"}
NAMED = re.compile(r"PartitionFailed: (partition \d+: .*)")
FAILED_TASK = re.compile(r"Task (\d+) in stage (\S+) failed")
LOST = re.compile(
    r"(Python worker exited unexpectedly[^.]*|ExecutorLostFailure[^\n]*|OutOfMemoryError[^\n]*)"
)
log = logging.getLogger(__name__)


def unavailable() -> str | None:
    """Why the Spark engine cannot run here, or None."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "the Spark engine needs pyspark: pip install 'sukien[spark]'"
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (java_home and Path(java_home, "bin", "java").exists()):
        return "the Spark engine needs Java 17 or later (Debian: apt-get install openjdk-17-jre-headless)"
    return None


class SparkEngine:
    def __init__(self, partitions: int | None = None, master: str | None = None):
        if why := unavailable():
            raise SukienError(Code.ENGINE, why)
        from pyspark import StorageLevel
        from pyspark.sql import SparkSession

        self.disk_only = StorageLevel.DISK_ONLY  # where a stage's rows wait: on the executors' disks

        builder = SparkSession.builder.appName("sukien batch")
        master = master or os.environ.get("SUKIEN_SPARK_MASTER")
        # Under spark-submit the driver is given a gateway and the cluster's settings; run directly,
        # Spark is local, and its Python workers must be this interpreter, which has sukien.
        if master or "PYSPARK_GATEWAY_PORT" not in os.environ:
            builder = builder.master(master or "local[*]").config("spark.pyspark.python", sys.executable)
            # A local master starts its Python workers from this variable, not from the setting above.
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            builder = builder.config("spark.ui.enabled", "false")
        # Spark's progress bar would garble sukien's log lines on standard error.
        builder = builder.config("spark.ui.showConsoleProgress", "false")
        self.session = builder.getOrCreate()
        self.context = self.session.sparkContext
        self.context.setLogLevel("WARN")
        self.master = self.context.master
        self.given = partitions
        self.row_tables: dict[int, bytes] = {}  # each partition's article rows, from `process`
        self.partitions = partitions or SPARK_PARTITIONS_PER_CORE * self.context.defaultParallelism

    def process(self, paths: list[str]) -> list[Processed]:
        """Stage 1 over every input, in the order `ingest` reads them."""
        ranks, uris, errors = listed(paths)
        local = {Path(path).as_uri() for path in ranks}
        results: list[tuple[Key, Any]] = []  # Processed, InputError, or a partition's rows
        if uris:
            # A task per file (Spark still packs files under its open cost, 4 MiB): by default it
            # would pack files up to a size per core, read one after the other in one task.
            files = self.context.binaryFiles(",".join(uris), minPartitions=len(uris))
            ranked = self.context.broadcast(ranks)
            size = sum(map(held_bytes, ranks)) + sum(
                self.remote_bytes(uri) for uri in uris if uri not in local
            )
            # Partitions of a bounded size: a larger input is more of them, not larger ones, so an
            # executor's memory and the last partition's wait do not grow with the input.
            partitions = self.given or self.in_rounds(
                max(self.partitions, -(-size // SPARK_INPUT_BYTES_PER_PARTITION))
            )
            log.info(
                "stage process: %s files (%.1f MB as read) in %s task(s), processed in %s partitions",
                len(uris), size / 1e6, files.getNumPartitions(), partitions,
            )  # fmt: skip
            # Each file read where its task runs, its records dealt out to the partitions (a shuffle).
            items = files.flatMap(lambda pair: read_items(pair, ranked.value))
            processed = items.repartition(partitions).mapPartitionsWithIndex(
                partition_named(process_partition)
            )
            results = self.collected(processed, "process")
        ordered: list[Processed] = [Processed(-1, None, None, "", error=error) for error in errors]
        self.row_tables = {key[2]: rows for key, rows in results if key[0] == ROWS}
        position = 0
        inputs = [pair for pair in results if pair[0][0] != ROWS]
        for _key, result in sorted(inputs, key=lambda pair: pair[0]):
            if isinstance(result, InputError):
                ordered.append(Processed(-1, None, None, "", error=result))
                continue
            position += 1
            result.position = position
            ordered.append(result)
        return ordered

    def in_rounds(self, partitions: int) -> int:
        """`partitions` made a whole number of rounds over the cores: one partition more than that
        would be computed alone at the end, the other cores waiting."""
        cores = self.context.defaultParallelism
        return -(-partitions // cores) * cores

    def remote_bytes(self, uri: str) -> int:
        """What a path not listed here holds (a folder, a file or a pattern), asked of the file system
        Spark reads it from (Hadoop's: HDFS, S3...); 0 when it cannot tell."""
        jvm: Any = self.context._jvm  # pyspark's gateway to the driver's JVM
        pattern = jvm.org.apache.hadoop.fs.Path(uri)
        try:
            system = pattern.getFileSystem(self.context._jsc.hadoopConfiguration())
            found = system.globStatus(pattern) or []
            size = sum(system.getContentSummary(status.getPath()).getLength() for status in found)
        except Exception as err:  # noqa: BLE001 - a path Spark will name when it reads it, if it cannot
            log.warning("stage process: the size of %s is unknown (%s): partitions by cores only", uri, err)
            return 0
        return as_read(int(size), uri)

    def articles_table(self, kept: list[Processed]) -> Any:
        """The articles' table (Arrow): the tables the executors made, joined, with each row's position
        and first copy set and the rows of no kept article left out. The rows stay in the order they
        came (the writer sorts them by id): the driver converts no row one by one, nor moves them but
        once."""
        import pyarrow as pa
        import pyarrow.compute as pc

        partitions = sorted(self.row_tables)
        tables = [arrow_rows(self.row_tables.pop(number)) for number in partitions]
        offsets = dict(zip(partitions, itertools.accumulate([0, *(len(t) for t in tables)]), strict=False))
        table = pa.concat_tables(tables) if tables else schema("articles").empty_table()
        # Each kept article's row in the joined table; the others (an article given again) are
        # filtered out. Taking the rows in input order instead would move every row once more.
        at = {offsets[p.row_at[0]] + p.row_at[1]: p for p in kept if p.row_at is not None}
        in_order = [at.get(row) for row in range(len(table))]

        def replaced(name: str, values: Any) -> None:
            nonlocal table
            table = table.set_column(table.schema.get_field_index(name), name, values)

        replaced("position", pa.array([p.position if p else None for p in in_order], pa.int64()))
        replaced("duplicate_of", pa.array([p.duplicate_of if p else None for p in in_order], pa.string()))
        copies = [(row, p.duplicate_of) for row, p in enumerate(in_order) if p and p.duplicate_of is not None]
        if copies:  # their JSON says which article they copy: a few rows, patched one by one
            texts = table.column("json").take(pa.array([row for row, _ in copies], pa.int64())).to_pylist()
            patched = [with_duplicate_of(text, first) for text, (_, first) in zip(texts, copies, strict=True)]
            mask = pa.array([p is not None and p.duplicate_of is not None for p in in_order])
            replaced("json", pc.replace_with_mask(table.column("json"), mask, pa.array(patched, pa.string())))
        if len(at) < len(table):  # inputs that gave an article already given
            table = table.filter(pa.array([p is not None for p in in_order]))
        return table.combine_chunks()  # one copy: the writer's sort is then quick

    def link_by_actor(self, events: list[Event]) -> list[Trip]:
        """Trips, each canonical actor's events linked in its own task (`link.link_actor`)."""
        groups = actor_groups(events)  # canonical names need every actor's name: a small, driver-side step
        keyed = [(number, event) for number, own in enumerate(groups) for event in own]
        partitions = max(1, min(self.partitions, len(groups)))
        rdd = self.context.parallelize(keyed, partitions) if keyed else self.context.emptyRDD()
        trips: list[Trip] = self.collected(
            rdd.groupByKey(partitions).mapPartitionsWithIndex(partition_named(link_partition)), "link"
        )
        set_trip_ids(events, trips)  # the executors linked copies; the driver's events get the trip ids
        return sorted(trips, key=lambda t: (t.start or "9999", t.id))

    def collected(self, rdd: Any, stage: str) -> list[Any]:
        """The rows of `rdd` on the driver. Every partition is computed at once and kept on its
        executor's disk, then brought over `SPARK_PARTITIONS_FETCHED` at a time: `collect` would
        gather the whole batch (about 9 KB an article, its raw input with it) in the driver's JVM
        before handing it to Python, beyond its memory, and one at a time is a Spark job each (tens
        of milliseconds apiece, on the driver's clock)."""
        kept = rdd.persist(self.disk_only)
        try:
            with self.job(stage):
                started = time.perf_counter()
                kept._jrdd.count()  # computed and kept; counted in the JVM, not read back into Python
                computed = time.perf_counter()
                # Partitions grouped without a shuffle: read back as kept, not through Python again.
                groups = -(-kept.getNumPartitions() // SPARK_PARTITIONS_FETCHED)
                rows = list(kept.coalesce(groups).toLocalIterator(prefetchPartitions=True))
            log.info(
                "stage %s: computed in %.1f s, brought to the driver in %.1f s",
                stage, computed - started, time.perf_counter() - computed,
            )  # fmt: skip
            return rows
        finally:
            kept.unpersist()

    @contextmanager
    def job(self, stage: str) -> Iterator[None]:
        """Spark jobs of one stage: their tasks' progress logged meanwhile; a task failed as a whole
        (after Spark's retries) is a coded error naming its partition."""
        watcher = TaskProgress(self.context, stage)
        watcher.start()
        try:
            yield
        except Exception as err:
            if type(err).__name__ not in SPARK_FAILURES:  # not the job failing: a bug on the driver
                raise
            raise SukienError(Code.PARTITION, failure(stage, str(err))) from err
        finally:
            watcher.stop()

    def stop(self) -> None:
        self.session.stop()


def failure(stage: str, text: str) -> str:
    """What failed, from the text of Spark's exception: the partition and why."""
    if named := NAMED.findall(text):  # a Python exception out of `partition_named`: its last line
        return f"stage {stage}: {named[-1].strip()}"
    task = FAILED_TASK.search(text)  # the Python worker or the executor lost: Spark names the task
    where = f"partition {task.group(1)} (Spark stage {task.group(2)})" if task else "the Spark job"
    cause = LOST.search(text)
    return f"stage {stage}: {where} failed: {cause.group(0) if cause else text.strip().splitlines()[0][:300]}"


class TaskProgress(threading.Thread):
    """Logs the tasks done of the running Spark job every `BATCH_PROGRESS_SECONDS`, from the
    driver's status tracker: a stage of hours says it is alive."""

    def __init__(self, context: Any, stage: str, every: float = BATCH_PROGRESS_SECONDS):
        super().__init__(daemon=True)
        self.tracker, self.stage, self.every = context.statusTracker(), stage, every
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.every):
            infos = [self.tracker.getStageInfo(number) for number in self.tracker.getActiveStageIds()]
            for info in filter(None, infos):
                log.info(
                    "stage %s: %s of %s tasks done, %s running, %s failed (Spark stage %s)",
                    self.stage, info.numCompletedTasks, info.numTasks, info.numActiveTasks,
                    info.numFailedTasks, info.stageId,
                )  # fmt: skip

    def stop(self) -> None:
        self.stopped.set()
        self.join()


def listed(paths: list[str]) -> tuple[dict[str, int], list[str], list[InputError]]:
    """(rank of each local file by its absolute path, the URIs to read, errors of local paths): local
    folders walked as `ingest` walks them; a remote path is given to Spark as it is."""
    ranks: dict[str, int] = {}
    uris: list[str] = []
    errors: list[InputError] = []
    local = [path for path in paths if REMOTE not in path]
    for found in iter_files(local):
        if isinstance(found, InputError):
            errors.append(found)
        elif not found.exists():
            errors.append(InputError(Code.UNREADABLE, "does not exist", str(found)))
        else:
            absolute = str(found.resolve())
            ranks[absolute] = len(ranks)
            uris.append(found.resolve().as_uri())
    uris.extend(path for path in paths if REMOTE in path)
    return ranks, uris, errors


def as_read(size: int, name: str) -> int:
    """About what `size` bytes stored under `name` hold when read: more when compressed."""
    compressed = strip_compression_suffix(name.lower()) != name.lower()
    return size * (COMPRESSED_INPUT_RATIO if compressed else 1)


def held_bytes(path: str) -> int:
    """About what a local file holds when read."""
    return as_read(Path(path).stat().st_size, path)


def read_items(pair: tuple[str, bytes], ranks: dict[str, int]) -> Iterator[tuple[Key, Any]]:
    """The records (or errors) of one file, each keyed by its place in the inputs; runs in an executor.
    Read one at a time, as `ingest` reads, so a large file is not held twice (bytes and records)."""
    uri, data = pair
    where = urlparse(uri)
    name = PurePosixPath(unquote(where.path)).name
    rank = ranks.get(unquote(where.path), UNLISTED) if where.scheme == "file" else UNLISTED
    number = 0
    # The readers take a file, named as given: its name says its kind (.jsonl, .xz...).
    with tempfile.TemporaryDirectory(prefix="sukien-") as folder:
        path = Path(folder, name)
        path.write_bytes(data)
        try:
            for item in read_file(path):
                yield (rank, uri, number), (name, item)
                number += 1
        except Exception as err:  # noqa: BLE001 - one unreadable file must not stop the batch
            error = InputError(Code.PROCESS, f"cannot be read: {type(err).__name__}: {err}", name)
            yield (rank, uri, number), (name, error)


class PartitionFailed(Exception):
    """Raised in an executor: what made a whole partition fail, with its number, for the driver's
    message (Spark names the task only when the Python worker itself is lost)."""


def partition_named(
    work: Callable[[int, Iterable[Any]], Iterator[Any]],
) -> Callable[[int, Iterable[Any]], Iterator[Any]]:
    """`work` over one partition, an exception it lets out raised again naming the partition."""

    def run(index: int, items: Iterable[Any]) -> Iterator[Any]:
        try:
            yield from work(index, items)
        except Exception as err:
            raise PartitionFailed(f"partition {index}: {type(err).__name__}: {err}") from err

    return run


def process_partition(index: int, items: Iterable[tuple[Key, Any]]) -> Iterator[tuple[Key, Any]]:
    """Stage 1 on one partition; runs in an executor. `process_one` turns a stage's exception into
    this record's error already; anything else is named with the partition and the input. The
    articles' rows go last, as one Arrow stream keyed (`ROWS`, "", partition)."""
    rows: list[dict[str, Any]] = []
    for key, (name, item) in items:
        if isinstance(item, InputError):
            yield key, item
            continue
        record: RawRecord = item
        try:
            located = Located(record, name, record.line)
            outcome, found = process_and_sketch(record)
            result = compact(outcome_of(0, located, outcome, found))
        except Exception as err:  # noqa: BLE001
            message = f"failed in partition {index} (item {record.source}): {type(err).__name__}: {err}"
            yield key, InputError(Code.PROCESS, message, name, record.line)
            continue
        if result.row is not None:
            rows.append(result.row)
            result.row_at, result.row = (index, len(rows) - 1), None
        yield key, result
    if rows:
        yield (ROWS, "", index), rows_to_arrow(rows)


def link_partition(_index: int, groups: Iterable[tuple[int, Iterable[Event]]]) -> Iterator[Trip]:
    """The trips of each actor's events in one partition; runs in an executor."""
    for _actor, events in groups:
        yield from link_actor(store_order(list(events)))
