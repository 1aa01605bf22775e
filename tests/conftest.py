"""Shared fixtures: where the reference material is, and a fresh database per test.

Databases come from `backend`: SQLite everywhere; in modules marked `both_backends` (the store's
contract tests) each test runs once per backend, PostgreSQL included when SUKIEN_TEST_PG names a
server (`scripts/with_postgres.sh` starts one for `scripts/test`), where each test gets a database
of its own, made for it and dropped after it. Without a server those runs are skipped, saying why.
"""

from __future__ import annotations

import lzma
import os
import uuid
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from seeded_store import client, seeded, seeded_db  # noqa: E402,F401 - fixtures of the search/API/web tests
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


BACKENDS = ("sqlite", "postgres")
PG_URL = os.environ.get("SUKIEN_TEST_PG", "")


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers", "both_backends: the store's contract: run on SQLite and on PostgreSQL (SUKIEN_TEST_PG)"
    )
    config.addinivalue_line("markers", "sqlite_only: about SQLite itself (its file, WAL, migration files)")


def pytest_generate_tests(metafunc) -> None:
    """Tests of a `both_backends` module that use a database run once per backend."""
    definition = metafunc.definition
    if (
        "backend" in metafunc.fixturenames
        and definition.get_closest_marker("both_backends")
        and not definition.get_closest_marker("sqlite_only")
    ):
        metafunc.parametrize("backend", BACKENDS, indirect=True, scope="module")


def postgres_missing() -> str | None:
    """Why the PostgreSQL runs cannot be made, or None when they can."""
    if not PG_URL:
        return os.environ.get(
            "SUKIEN_TEST_PG_MISSING", "SUKIEN_TEST_PG is not set (scripts/with_postgres.sh starts a server)"
        )
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[postgres]')"
    return None


@pytest.fixture(scope="module")
def backend(request) -> str:
    name = getattr(request, "param", "sqlite")
    if name == "postgres" and (why := postgres_missing()):
        pytest.skip(f"PostgreSQL: {why}")
    return name


def database_url(base: str, name: str) -> str:
    """`base` (a postgresql:// URL) naming the database `name` instead of its own."""
    return urlunsplit(urlsplit(base)._replace(path=f"/{name}"))


class Databases:
    """Fresh, empty databases of one backend: files in `folder`, or PostgreSQL databases made on the
    server of SUKIEN_TEST_PG and dropped by `drop_all`."""

    def __init__(self, backend: str, folder: Path):
        self.backend = backend
        self.folder = folder
        self.made: list[str] = []

    def new(self, name: str = "test") -> Path | str:
        if self.backend == "sqlite":
            return self.folder / f"{name}.db"
        import psycopg

        database = f"sukien_{name}_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(PG_URL, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{database}"')  # a name of our own, not an input
        self.made.append(database)
        return database_url(PG_URL, database)

    def drop_all(self) -> None:
        if not self.made:
            return
        import psycopg

        with psycopg.connect(PG_URL, autocommit=True) as admin:
            for database in self.made:
                admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        self.made.clear()


@pytest.fixture
def databases(backend: str, tmp_path: Path) -> Iterator[Databases]:
    made = Databases(backend, tmp_path)
    yield made
    made.drop_all()


@pytest.fixture(scope="module")
def module_databases(backend: str, tmp_path_factory) -> Iterator[Databases]:
    made = Databases(backend, tmp_path_factory.mktemp("databases"))
    yield made
    made.drop_all()


@pytest.fixture
def db_path(databases: Databases) -> Path | str:
    """Where a fresh database is: a file name, or a postgresql:// URL."""
    return databases.new("test")


@pytest.fixture
def store(db_path: Path | str):
    with open_store(db_path) as opened:
        yield opened


def article_text(n: int) -> str:
    """A small Vietnamese article body of our own, different for each n."""
    return (
        f"Hà Nội, ngày {n % 28 + 1} tháng 9 năm 2024 - Thủ tướng Phạm Minh Chính đã tiếp Đại sứ nước bạn "
        f"lần thứ {n}. Hai bên trao đổi về hợp tác kinh tế, thương mại và đầu tư trong thời gian tới."
    )
