"""A batch result on disk: Parquet tables `articles`, `events` and `trips`, each partitioned by year
(`year=2017/part-0.parquet`, Hive style, as Spark, DuckDB and pandas read them), and `batch.json`,
the manifest written last: a folder without it is no finished result.

Each row keeps its SPEC model whole as JSON (`json`) beside a few flat columns to filter on, so a
result read back is exactly what was written; an article row also keeps its raw input, so a loaded
store can `reprocess` as one filled by `ingest` can. A rerun replaces the tables whole (written
beside them, then renamed into place), so the same inputs give the same files and a run stopped
half-way leaves the previous result readable.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sukien.doc import RawRecord
from sukien.errors import Code, SukienError
from sukien.models import Article, Event, Trip

TABLES = ("articles", "events", "trips")
MANIFEST = "batch.json"
NO_YEAR = "unknown"  # the partition of rows without a date


@dataclass
class ArticleRow:
    """One stored article of a batch, its raw input, its position in the inputs and the input's hash."""

    article: Article
    record: RawRecord
    position: int
    input_hash: str


def year_of(value: str | None) -> str:
    return value[:4] if value and value[:4].isdigit() else NO_YEAR


def schema(kind: str) -> Any:
    import pyarrow as pa

    text = pa.string()
    common = [("id", text), ("year", text)]
    columns = {
        "articles": [
            ("position", pa.int64()), ("source", text), ("published", text), ("outlet", text),
            ("title", text), ("duplicate_of", text), ("input_hash", text), ("json", text), ("raw_kind", text),
            ("raw_source", text), ("raw_fields", text), ("raw_text", text), ("raw_bytes", pa.binary()),
            ("raw_line", pa.int64()), ("raw_encoding", text),
        ],
        "events": [
            ("article_id", text), ("type", text), ("actor", text), ("start", text), ("end", text),
            ("trip_id", text), ("json", text),
        ],
        "trips": [("actor", text), ("start", text), ("end", text), ("status", text), ("json", text)],
    }[kind]  # fmt: skip
    return pa.schema(common + columns)


def article_rows(rows: Iterable[ArticleRow]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        article, record = row.article, row.record
        out.append({
            "id": article.id, "year": year_of(article.published), "position": row.position,
            "source": article.source, "published": article.published, "outlet": article.outlet,
            "title": article.title, "duplicate_of": article.duplicate_of, "input_hash": row.input_hash,
            "json": article.model_dump_json(), "raw_kind": record.kind, "raw_source": record.source,
            "raw_fields": json.dumps(record.fields, ensure_ascii=False, default=str),
            "raw_text": record.text, "raw_bytes": record.raw, "raw_line": record.line,
            "raw_encoding": record.encoding,
        })  # fmt: skip
    return out


def rows_to_arrow(rows: list[dict[str, Any]]) -> bytes:
    """Article rows as an Arrow stream: how an executor hands a partition's rows to the driver, which
    then neither unpickles nor converts them one by one."""
    import pyarrow as pa

    table = pa.Table.from_pylist(rows, schema=schema("articles"))
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as stream:
        stream.write_table(table)
    return bytes(sink.getvalue().to_pybytes())


def arrow_rows(data: bytes) -> Any:
    import pyarrow as pa

    return pa.ipc.open_stream(data).read_all()


def with_duplicate_of(article_json: str, duplicate_of: str) -> str:
    """An article's JSON with its first copy set, as `Doc.to_article` would have written it."""
    article = Article.model_validate_json(article_json)
    return article.model_copy(update={"duplicate_of": duplicate_of}).model_dump_json()


def event_rows(events: Iterable[Event]) -> list[dict[str, Any]]:
    return [
        {
            "id": e.id,
            "year": year_of(e.start),
            "article_id": e.article_id,
            "type": e.type,
            "actor": e.actor.name,
            "start": e.start,
            "end": e.end,
            "trip_id": e.trip_id,
            "json": e.model_dump_json(),
        }
        for e in events
    ]


def trip_rows(trips: Iterable[Trip]) -> list[dict[str, Any]]:
    return [
        {
            "id": t.id,
            "year": year_of(t.start),
            "actor": t.actor.name,
            "start": t.start,
            "end": t.end,
            "status": t.status,
            "json": t.model_dump_json(),
        }  # fmt: skip
        for t in trips
    ]


class ResultWriter:
    """A result written a table at a time beside the previous one (`stage`), then swapped into place
    with its manifest (`commit`): a table may be written while the next stage runs."""

    def __init__(self, out: Path):
        self.out = out
        self.staging = out / f".staging-{os.getpid()}"
        with self.failing():
            out.mkdir(parents=True, exist_ok=True)
            shutil.rmtree(self.staging, ignore_errors=True)

    def stage(self, kind: str, rows: list[dict[str, Any]] | Any) -> None:
        """Write one table: its rows, or an Arrow table of them (`articles_table`)."""
        import pyarrow as pa
        import pyarrow.dataset as ds

        with self.failing():
            # Sorted by id: the same inputs give the same files, whatever order the engine produced.
            if isinstance(rows, pa.Table):
                table = rows.sort_by("id").combine_chunks()
            else:
                table = pa.Table.from_pylist(sorted(rows, key=lambda r: r["id"]), schema=schema(kind))
            ds.write_dataset(
                table, self.staging / kind, format="parquet", partitioning=["year"],
                partitioning_flavor="hive", basename_template="part-{i}.parquet",
                existing_data_behavior="delete_matching",
            )  # fmt: skip

    def commit(self, manifest: dict[str, Any]) -> None:
        out, staging = self.out, self.staging
        with self.failing():
            (out / MANIFEST).unlink(missing_ok=True)  # no manifest while the tables are swapped
            for kind in TABLES:
                old = out / f".old-{kind}"
                shutil.rmtree(old, ignore_errors=True)
                if (out / kind).exists():
                    (out / kind).rename(old)
                if (staging / kind).exists():
                    (staging / kind).rename(out / kind)
                else:  # no rows at all: an empty table still says so
                    (out / kind).mkdir()
                shutil.rmtree(old, ignore_errors=True)
            shutil.rmtree(staging, ignore_errors=True)
            partial = out / f".{MANIFEST}.{os.getpid()}"
            partial.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
            partial.replace(out / MANIFEST)

    @contextmanager
    def failing(self) -> Iterator[None]:
        try:
            yield
        except OSError as err:
            message = f"cannot write the batch result: {err}"
            raise SukienError(Code.BATCH_OUTPUT, message, str(self.out)) from err


def read_table(folder: Path, kind: str) -> list[dict[str, Any]]:
    import pyarrow.dataset as ds

    where = folder / kind
    if not any(where.rglob("*.parquet")):
        return []
    table = ds.dataset(where, format="parquet", partitioning="hive").to_table()
    return table.to_pylist()


def read_manifest(folder: Path) -> dict[str, Any]:
    try:
        return dict(json.loads((folder / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, ValueError) as err:
        message = f"no finished batch result here ({MANIFEST} missing or unreadable: {err})"
        raise SukienError(Code.BATCH_OUTPUT, message, str(folder)) from err


def read_articles(folder: Path) -> list[ArticleRow]:
    rows = sorted(read_table(folder, "articles"), key=lambda r: r["position"])
    return [
        ArticleRow(
            Article.model_validate_json(r["json"]),
            RawRecord(
                source=r["raw_source"],
                kind=r["raw_kind"],
                text=r["raw_text"],
                fields=json.loads(r["raw_fields"]),
                line=r["raw_line"],
                encoding=r["raw_encoding"],
                raw=r["raw_bytes"],
            ),  # fmt: skip
            r["position"],
            r["input_hash"],
        )
        for r in rows
    ]


def read_events(folder: Path) -> list[Event]:
    return [Event.model_validate_json(r["json"]) for r in read_table(folder, "events")]


def read_trips(folder: Path) -> list[Trip]:
    trips = [Trip.model_validate_json(r["json"]) for r in read_table(folder, "trips")]
    return sorted(trips, key=lambda t: (t.start or "9999", t.id))
