"""A move of code changes no output: the articles, events and trips the CLI prints for the seeds
and every ../shared/dev set equal the snapshot in tests/data/outputs (texts kept as digests).

A change of extraction rules that is meant to change outputs rewrites the snapshot in the same
commit: `python scripts/snapshot_outputs.py write`.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("snapshot_outputs", REPO / "scripts" / "snapshot_outputs.py")
assert spec and spec.loader
snapshot = importlib.util.module_from_spec(spec)
spec.loader.exec_module(snapshot)

SETS = sorted(path.stem for path in (REPO / "tests" / "data" / "outputs").glob("*.json"))


@pytest.mark.parametrize("name", SETS)
@pytest.mark.parametrize("kind", snapshot.KINDS)
def test_outputs_match_the_snapshot(name: str, kind: str, snapshot_outputs: dict) -> None:
    if name not in snapshot_outputs:
        pytest.skip(f"the reference set of {name} is not in ../shared")
    before = json.loads((REPO / "tests" / "data" / "outputs" / f"{name}.json").read_text(encoding="utf-8"))
    assert snapshot_outputs[name][kind] == before[kind]


@pytest.fixture(scope="module")
def snapshot_outputs() -> dict:
    return {name: snapshot.outputs(folder) for name, folder in snapshot.reference_sets().items()}
