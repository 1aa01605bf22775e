"""Items of the ../shared corpora by id, and the pipeline run over them, for the stage tests."""

from __future__ import annotations

import json
import lzma
import re
from pathlib import Path

import pytest

from sukien.doc import Doc, RawRecord
from sukien.pipeline import process

LINE_ID = re.compile(r'\{"id": "([^"]+)"')  # corpus lines begin with their id


def read_items(corpus_dir: Path, name: str, wanted: set[str] | tuple[str, ...]) -> dict[str, dict]:
    """The wanted items of one corpus file, reading it only as far as the last of them."""
    path = corpus_dir / name
    if not path.exists():
        pytest.skip(f"../shared/corpus/{name} is not here")
    wanted = set(wanted)
    found: dict[str, dict] = {}
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            match = LINE_ID.match(line)
            if match and match.group(1) in wanted:
                found[match.group(1)] = json.loads(line)
                if len(found) == len(wanted):
                    break
    return found


def process_item(item: dict) -> Doc:
    fields = {k: item.get(k) for k in ("id", "url", "title", "published", "outlet", "summary")}
    return process(RawRecord(source=item["id"], kind="jsonl", text=item["text"], fields=fields))


def process_seeds(seeds_dir: Path) -> dict[str, Doc]:
    """The seed articles through the pipeline, keyed by their number ("004")."""
    return {
        path.name[:3]: process(
            RawRecord(source=path.name, kind="text", text=path.read_text(encoding="utf-8"))
        )
        for path in sorted(seeds_dir.glob("*.txt"))
    }
