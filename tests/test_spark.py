"""`sukien batch --engine spark` on Spark `local[2]` gives what `sukien ingest` stores, ids included.

Skipped, saying why, where pyspark or Java is missing (`pip install -e '.[spark]'`; Java 17 from
Debian's openjdk-17-jre-headless, which `scripts/setup_spark.sh` installs when it is missing).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sukien.app.spark import unavailable

if why := unavailable():
    pytest.skip(f"Spark tests skipped: {why}", allow_module_level=True)

from sukien.app.batch import run_batch  # noqa: E402
from sukien.app.batch_files import read_articles, read_events, read_trips  # noqa: E402
from sukien.app.spark import SparkEngine, partition_named  # noqa: E402
from sukien.errors import Code, SukienError  # noqa: E402
from test_batch import dumped, ingested, inputs  # noqa: E402,F401 - the same inputs, ingested once


@pytest.fixture(scope="module")
def engine():
    engine = SparkEngine(master="local[2]")  # the session every test of this module shares
    yield engine
    engine.stop()


@pytest.fixture(scope="module")
def spark_result(engine, inputs, tmp_path_factory):  # noqa: F811
    out = tmp_path_factory.mktemp("spark") / "out"
    report = run_batch(inputs, out, engine="spark", partitions=3, master="local[2]")
    return report, out


def test_spark_gives_what_ingest_stores(spark_result, ingested):  # noqa: F811
    report, out = spark_result
    ingest_report, articles, events, trips = ingested
    assert (report.read, report.articles, report.duplicates) == (
        ingest_report.read, ingest_report.stored, ingest_report.duplicates
    )  # fmt: skip
    [error] = report.errors  # the broken line is named with its file and line, the rest went on
    assert (error.code, error.source, error.line) == (Code.BAD_JSON, "again.jsonl", 6)
    assert [row.article.id for row in read_articles(out)] == [article.id for article in articles]
    assert dumped(row.article for row in read_articles(out)) == dumped(articles)
    assert dumped(read_events(out)) == dumped(events)
    assert dumped(read_trips(out)) == dumped(trips)


def test_spark_and_local_write_the_same_files(spark_result, inputs, tmp_path):  # noqa: F811
    _, out = spark_result
    run_batch(inputs, tmp_path / "local", workers=1)
    files = sorted(path.relative_to(out) for path in out.rglob("*.parquet"))
    assert files == sorted(
        path.relative_to(tmp_path / "local") for path in (tmp_path / "local").rglob("*.parquet")
    )
    assert all((out / name).read_bytes() == (tmp_path / "local" / name).read_bytes() for name in files)


def test_a_missing_input_is_named_and_the_batch_goes_on(spark_result, tmp_path):
    seed = next(Path(__file__).resolve().parents[2].joinpath("shared", "seeds").glob("*.txt"), None)
    if seed is None:
        pytest.skip("../shared/seeds is not here")
    report = run_batch([seed, tmp_path / "nowhere.txt"], tmp_path / "out", engine="spark", master="local[2]")
    assert report.articles == 1
    [error] = report.errors
    assert error.code == Code.UNREADABLE and "nowhere.txt" in str(error)


# The functions given to Spark are made inside the tests: Spark's Python workers cannot import this
# module by name, and cloudpickle sends a nested function whole.


def test_a_partition_that_fails_whole_is_named(engine):
    def fails_in_partition_2(index, items):
        for item in items:
            if index == 2:
                raise ValueError(f"no item {item}")
            yield item

    rdd = engine.context.parallelize(range(8), 4).mapPartitionsWithIndex(
        partition_named(fails_in_partition_2)
    )
    with pytest.raises(SukienError) as raised:
        engine.collected(rdd, "process")
    assert raised.value.code == Code.PARTITION
    assert "stage process: partition 2: ValueError: no item 4" in str(raised.value)


def test_a_lost_python_worker_is_named_by_its_partition(engine):
    def lost_in_partition_1(index, items):
        if index == 1:
            os._exit(1)  # what a Python worker killed for its memory looks like to Spark
        yield from items

    rdd = engine.context.parallelize(range(8), 4).mapPartitionsWithIndex(lost_in_partition_1)
    with pytest.raises(SukienError) as raised:
        engine.collected(rdd, "link")
    message = str(raised.value)
    assert raised.value.code == Code.PARTITION
    assert (
        "stage link: partition 1 (Spark stage" in message and "Python worker exited unexpectedly" in message
    )
