"""The one table of event types (`data/event_types.json`) drives every layer that knows a type."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

from sukien import event_types
from sukien.app import brief
from sukien.lexicon.triggers import find_triggers
from sukien.link import JOINING_TYPES, TRIP_TYPES
from sukien.models import EventType, codes_for
from sukien.shells.web.pages import labels

SPEC = Path(__file__).resolve().parents[2] / "shared" / "SPEC.md"


def test_the_model_accepts_exactly_the_types_of_the_table() -> None:
    assert set(get_args(EventType)) == set(event_types.codes())


def test_the_table_has_the_codes_of_spec() -> None:
    if not SPEC.exists():
        pytest.skip("../shared/SPEC.md is not here")
    rows = re.findall(
        r"^\| `(\w+)` \| [^|]+ \| (\d{3}) \| (\w+|—) \|$", SPEC.read_text(encoding="utf-8"), re.M
    )
    assert rows, "SPEC.md's table of types was not found"
    for code, cameo, plover in rows:
        assert (codes_for(code).cameo, codes_for(code).plover) == (cameo, None if plover == "—" else plover)


def test_the_linker_takes_its_roles_from_the_table() -> None:
    assert set(TRIP_TYPES) == {"visit", "attend"}
    assert set(JOINING_TYPES) == {"visit", "attend", "meet", "sign", "speak"}


def test_every_type_is_in_one_section_of_the_brief() -> None:
    placed = [code for _, codes, _ in brief.SECTIONS for code in codes]
    assert sorted(placed) == sorted(event_types.codes())


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_web_labels_every_type(language: str) -> None:
    assert set(labels()[language]["event_types"]) == set(event_types.codes())


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [("Hai bên đã điện đàm về hợp tác.", "call"), ("Hai nhà lãnh đạo hội đàm tại Hà Nội.", "meet"),
     ("Thủ tướng thăm chính thức Nhật Bản.", "visit"), ("Hai bên ký kết hiệp định.", "sign")],
)  # fmt: skip
def test_trigger_words_come_from_the_table(sentence: str, kind: str) -> None:
    assert kind in {t.type for t in find_triggers(sentence, 0)}
