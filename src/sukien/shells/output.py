"""What the CLI writes on standard output: JSON, JSON Lines, CSV or a terminal table of one kind of
record (the columns are the export's, `app.export.COLUMNS`). Split from cli.py."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from pydantic import BaseModel

from sukien.app.export import COLUMNS, LIST_SEPARATOR, Column, to_csv

TABLE_CELL_MAX = 48
ID_WIDTH = 64  # ids are never clipped: `sukien brief TRIP_ID` needs them whole


def say(message: str) -> None:
    print(f"sukien: {message}", file=sys.stderr)


def write_bytes(data: bytes, out: TextIO) -> None:
    """Bytes to the data stream: its binary buffer when it has one (standard output), else as text."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(data.decode("utf-8"))
        return
    out.flush()
    buffer.write(data)
    buffer.flush()


# What the terminal table shows of each kind, in this order: the export's columns by name
# (`app.export.COLUMNS`, the one column table, which `--format csv` writes whole) and their widths.
TABLE_WIDTHS: dict[str, dict[str, int]] = {
    "articles": {"id": ID_WIDTH, "published": 25, "outlet": 20, "source": 32, "title": TABLE_CELL_MAX},
    "events": {
        "id": ID_WIDTH, "type": 10, "start": 10, "end": 10, "status": 8, "actor": 24, "counterparts": 32,
        "country": 7, "city": 16, "trip_id": ID_WIDTH,
    },
    "trips": {
        "id": ID_WIDTH, "actor": 24, "start": 10, "end": 10, "status": 8, "countries": 16, "cities": 28,
        "occasions": 28,
    },
}  # fmt: skip


def write(items: Sequence[BaseModel], fmt: str, kind: str, out: TextIO) -> None:
    if fmt == "json":
        write_json(items, out)
    elif fmt == "jsonl":
        for item in items:
            out.write(item.model_dump_json() + "\n")
    elif fmt == "csv":
        out.write(to_csv(items, COLUMNS[kind]))
    else:
        by_name = {column.name: column for column in COLUMNS[kind]}
        write_table(items, [(by_name[name], width) for name, width in TABLE_WIDTHS[kind].items()], out)


def write_json(items: Sequence[BaseModel], out: TextIO) -> None:
    """One JSON array, written item by item so that a large store is not one huge string."""
    out.write("[")
    for index, item in enumerate(items):
        out.write(",\n" if index else "\n")
        out.write(json.dumps(item.model_dump(mode="json"), ensure_ascii=False))
    out.write("\n]\n" if items else "]\n")


def cell(value: Any) -> str:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(part) for part in value)
    return "" if value is None else str(value)


def write_table(items: Sequence[BaseModel], columns: list[tuple[Column, int]], out: TextIO) -> None:
    rows = [[clip(cell(column.value(item)), width) for column, width in columns] for item in items]
    headers = [column.name for column, _ in columns]
    widths = [max([len(header)] + [len(row[i]) for row in rows]) for i, header in enumerate(headers)]
    for row in [headers, ["-" * width for width in widths], *rows]:
        out.write(
            "  ".join(text.ljust(width) for text, width in zip(row, widths, strict=True)).rstrip() + "\n"
        )
    if not items:
        say("nothing stored matches")


def clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
