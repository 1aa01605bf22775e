"""Shared fixtures: where the reference material is, and a fresh database per test."""

from __future__ import annotations

import lzma
from itertools import islice
from pathlib import Path

import pytest

from seeded_store import seeded, seeded_db  # noqa: E402,F401 - fixtures of the search/API/web tests
from sukien.store import open_store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip("../shared/seeds is not here")
    return folder


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    folder = SHARED / "corpus"
    if not folder.is_dir():
        pytest.skip("../shared/corpus is not here")
    return folder


def corpus_sample(corpus_dir: Path, name: str, count: int, target: Path) -> Path:
    """The first `count` lines of a corpus file, written as plain JSON Lines to `target`."""
    source = corpus_dir / name
    if not source.exists():
        pytest.skip(f"../shared/corpus/{name} is not here")
    with lzma.open(source, "rt", encoding="utf-8") as lines:
        target.write_text("".join(islice(lines, count)), encoding="utf-8")
    return target


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def store(db_path: Path):
    with open_store(db_path) as opened:
        yield opened


def article_text(n: int) -> str:
    """A small Vietnamese article body of our own, different for each n."""
    return (
        f"Hà Nội, ngày {n % 28 + 1} tháng 9 năm 2024 - Thủ tướng Phạm Minh Chính đã tiếp Đại sứ nước bạn "
        f"lần thứ {n}. Hai bên trao đổi về hợp tác kinh tế, thương mại và đầu tư trong thời gian tới."
    )
