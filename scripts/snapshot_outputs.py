#!/usr/bin/env python3
"""Record (or compare) what the CLI prints for the seeds and every `../shared/dev` set.

    python scripts/snapshot_outputs.py write    # tests/data/outputs/<set>.json
    python scripts/snapshot_outputs.py check    # exit 1 and a diff summary when they differ

A move of code must not change a single output: `tests/test_outputs_unchanged.py` runs `check`'s
comparison. The snapshot keeps no article text (the corpus stays in ../shared): titles, bodies and
evidence sentences are kept as SHA-256 digests, everything else as the CLI prints it.
"""

from __future__ import annotations

import hashlib
import json
import lzma
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
OUT = REPO / "tests" / "data" / "outputs"
KINDS = ("articles", "events", "trips")


def reference_sets() -> dict[str, Path]:
    sets = {"seeds": SHARED / "seeds"}
    dev = SHARED / "dev"
    if dev.is_dir():
        sets.update({f"dev-{p.name}": p for p in sorted(dev.iterdir()) if (p / "gold.json").exists()})
    return {name: folder for name, folder in sets.items() if (folder / "gold.json").exists()}


def inputs(folder: Path, tmp: Path) -> list[str]:
    """The files a gold.json names: files beside it, or corpus items written to a file of their own."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    paths = []
    for n, doc in enumerate(gold["documents"]):
        if isinstance(doc, str):
            paths.append(str(folder / doc))
            continue
        wanted = set(doc["ids"])
        out = tmp / f"corpus-{n}.jsonl"
        with lzma.open(folder / doc["corpus"], "rt", encoding="utf-8") as src, out.open("w") as dst:
            for line in src:
                if json.loads(line).get("id") in wanted:
                    dst.write(line)
        paths.append(str(out))
    return paths


def digest(text: str | None) -> str | None:
    return None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def without_text(kind: str, items: list[dict]) -> list[dict]:
    for item in items:
        if kind == "articles":
            for key in ("title", "text", "summary"):
                if key in item:
                    item[key] = digest(item[key])
        elif kind == "events":
            for evidence in item.get("evidence", []):
                evidence["text"] = digest(evidence.get("text"))
    return items


def outputs(folder: Path) -> dict[str, list[dict]]:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = str(tmp / "snapshot.db")
        cli = [sys.executable, "-m", "sukien"]
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        subprocess.run([*cli, "ingest", "--db", db, *inputs(folder, tmp)], check=False, env=env,
                       capture_output=True)  # fmt: skip
        result = {}
        for kind in KINDS:
            done = subprocess.run([*cli, kind, "--db", db, "--format", "json"], check=True, env=env,
                                  capture_output=True, text=True)  # fmt: skip
            result[kind] = without_text(kind, json.loads(done.stdout))
        return result


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else "check"
    OUT.mkdir(parents=True, exist_ok=True)
    failed = 0
    for name, folder in reference_sets().items():
        now = outputs(folder)
        path = OUT / f"{name}.json"
        if mode == "write":
            path.write_text(json.dumps(now, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
            print(f"{name}: " + ", ".join(f"{len(now[k])} {k}" for k in KINDS))
            continue
        before = json.loads(path.read_text(encoding="utf-8"))
        for kind in KINDS:
            if before[kind] != now[kind]:
                failed += 1
                print(f"{name}: {kind} differ ({len(before[kind])} before, {len(now[kind])} now)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
