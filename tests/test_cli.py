"""The command line as SPEC.md states it: formats, exit statuses, one stderr line per bad input,
and a database that stays consistent when the process is killed."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, article_text, corpus_sample
from sukien.shells import cli
from sukien.shells.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def seeds_db(tmp_path, seeds_dir, capsys) -> str:
    db = str(tmp_path / "seeds.db")
    code, out, _ = run(capsys, "ingest", "--db", db, str(seeds_dir))
    assert code == 0 and out == ""
    return db


def seed_count(seeds_dir: Path) -> int:
    return len(list(seeds_dir.glob("*.txt")))


@pytest.mark.parametrize("command", ["articles", "events", "trips"])
def test_json_output_is_one_array_and_nothing_else(capsys, seeds_db, command):
    code, out, _ = run(capsys, command, "--db", seeds_db, "--format", "json")
    assert code == 0
    assert isinstance(json.loads(out), list)


def test_articles_json_has_the_spec_fields(capsys, seeds_db, seeds_dir):
    _, out, _ = run(capsys, "articles", "--db", seeds_db, "--format", "json")
    articles = json.loads(out)
    assert len(articles) == seed_count(seeds_dir)
    spec_fields = {"id", "source", "url", "title", "published", "author", "outlet", "text", "duplicate_of"}
    assert all(spec_fields <= set(article) for article in articles)
    assert {a["source"] for a in articles} == {p.name for p in seeds_dir.glob("*.txt")}


def test_jsonl_output_is_one_object_a_line(capsys, seeds_db, seeds_dir):
    _, out, _ = run(capsys, "articles", "--db", seeds_db, "--format", "jsonl")
    lines = out.splitlines()
    assert len(lines) == seed_count(seeds_dir)
    assert all(isinstance(json.loads(line), dict) for line in lines)


def test_csv_output_has_a_header_and_a_row_per_article(capsys, seeds_db, seeds_dir):
    _, out, _ = run(capsys, "articles", "--db", seeds_db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == seed_count(seeds_dir)
    assert {row["source"] for row in rows} == {p.name for p in seeds_dir.glob("*.txt")}
    assert all(row["text"] for row in rows)


def test_table_output_is_aligned(capsys, seeds_db, seeds_dir):
    _, out, _ = run(capsys, "articles", "--db", seeds_db)
    header, rule, *rows = out.splitlines()
    assert header.split()[:2] == ["id", "published"]
    assert len(rows) == seed_count(seeds_dir)
    # Every column starts where its header does.
    starts = [header.index(name) for name in ("published", "outlet", "source", "title")]
    assert all(rule[start - 2 : start] == "  " for start in starts)
    assert all(row[starts[2] - 2 : starts[2]] == "  " and row[starts[2]] != " " for row in rows)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["events", "--since", "22/09/2024"], "E203"),
        (["trips", "--type", "visit,holiday"], "E203"),
        (["events", "--country", "USA"], "E203"),
        (["articles", "--format", "xml"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2(capsys, seeds_db, argv, message):
    code, out, err = run(capsys, *argv, "--db", seeds_db)
    assert code == 2 and out == ""
    assert message in err


def test_querying_a_missing_database_exits_2(capsys, tmp_path):
    code, out, err = run(capsys, "trips", "--db", str(tmp_path / "none.db"), "--format", "json")
    assert (code, out) == (2, "")
    assert "E201" in err and "sukien ingest" in err


def test_ingest_without_path_reads_the_seeds(capsys, tmp_path, seeds_dir):
    code, _, err = run(capsys, "ingest", "--db", str(tmp_path / "d.db"))
    assert code == 0 and "seeds" in err
    _, out, _ = run(capsys, "articles", "--db", str(tmp_path / "d.db"), "--format", "json")
    assert len(json.loads(out)) == seed_count(seeds_dir)


def test_ingest_without_path_and_without_seeds_is_a_usage_error(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "DEFAULT_INPUTS", (tmp_path / "nowhere",))
    code, _, err = run(capsys, "ingest", "--db", str(tmp_path / "d.db"))
    assert code == 2 and "PATH" in err or "give files" in err


def test_reprocess_needs_only_the_database(capsys, tmp_path, seeds_dir):
    copies = tmp_path / "copies"
    shutil.copytree(seeds_dir, copies)
    db = str(tmp_path / "r.db")
    run(capsys, "ingest", "--db", db, str(copies))
    kinds = ("articles", "events", "trips")
    before = [run(capsys, kind, "--db", db, "--format", "json")[1] for kind in kinds]
    shutil.rmtree(copies)
    code, out, err = run(capsys, "reprocess", "--db", db)
    assert code == 0 and out == "" and f"{seed_count(seeds_dir)} re-processed" in err
    after = [run(capsys, kind, "--db", db, "--format", "json")[1] for kind in kinds]
    assert after == before


def jsonl(*texts: str | bytes) -> bytes:
    lines = []
    for n, text in enumerate(texts, start=1):
        if isinstance(text, bytes):
            lines.append(text)
        else:
            lines.append(json.dumps({"id": f"i{n}", "text": text}, ensure_ascii=False).encode())
    return b"\n".join(lines) + b"\n"


CUT_SHORT = b'{"id": "i2", "text": "cut sh'
BAD_UTF8 = b'{"id": "i2", "text": "Th\xe1\xbb\xa7 t\xff\xfe"}'
NO_TEXT = b'{"id": "i3", "outlet": "Ch\xc3\xad"}'
# (file name, content, code, line, good items in that file)
BAD_INPUTS = [
    ("empty.txt", b"", "E101", None, 0),
    ("blank.txt", b" \n\n  \n", "E101", None, 0),
    ("picture.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "E102", None, 0),
    ("broken.jsonl", jsonl(article_text(11), CUT_SHORT, article_text(13)), "E104", 2, 2),
    ("latin.jsonl", jsonl(article_text(21), BAD_UTF8, article_text(23)), "E103", 2, 2),
    ("no-text.jsonl", jsonl(article_text(31), article_text(32), NO_TEXT), "E105", 3, 2),
]


@pytest.mark.parametrize(("name", "content", "code", "line", "good_items"), BAD_INPUTS)
def test_a_bad_input_is_one_stderr_line_and_the_rest_is_stored(capsys, tmp_path, name, content, code, line,
                                                               good_items):  # fmt: skip
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(article_text(99), encoding="utf-8")
    db = str(tmp_path / "d.db")
    status, out, err = run(capsys, "ingest", "--db", db, str(tmp_path / name), str(tmp_path / "good.txt"))
    assert status == 1 and out == ""
    complaints = [text for text in err.splitlines() if code in text]
    where = f"{name}:{line}" if line else name
    assert complaints == [complaints[0]] and complaints[0].startswith(f"sukien: {where}: {code} ")
    _, out, _ = run(capsys, "articles", "--db", db, "--format", "json")
    assert len(json.loads(out)) == 1 + good_items


def sukien(*argv: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.Popen([sys.executable, "-m", "sukien", *argv], env=env, cwd=kwargs.pop("cwd", None),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)  # fmt: skip


def interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_python_m_sukien_prints_json_on_stdout_only(tmp_path, seeds_dir):
    db = str(tmp_path / "m.db")
    ingest_run = sukien("ingest", "--db", db, str(seeds_dir))
    out, err = ingest_run.communicate(timeout=120)
    assert ingest_run.returncode == 0 and out == "" and "stored" in err
    query = sukien("trips", "--db", db, "--format", "json")
    out, _ = query.communicate(timeout=60)
    assert query.returncode == 0
    assert isinstance(json.loads(out), list)


def wait_for_rows(db: Path, process: subprocess.Popen, timeout: float = 120) -> int:
    """Poll the database that `process` writes until it holds some articles."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as db_conn:
                count = db_conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            if count:
                return count
        except sqlite3.OperationalError:
            pass  # not created or not migrated yet
        time.sleep(0.05)
    pytest.fail("the ingest wrote nothing in time (or ended first)")


def assert_consistent(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = conn.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM raw_inputs)"
        )
        assert orphans.fetchone()[0] == 0
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


@pytest.fixture
def big_sample(tmp_path, corpus_dir) -> Path:
    return corpus_sample(corpus_dir, "vietnews.jsonl.xz", 3000, tmp_path / "sample.jsonl")


@pytest.mark.slow
def test_a_killed_ingest_leaves_a_consistent_database(tmp_path, big_sample):
    db = tmp_path / "killed.db"
    running = sukien("ingest", "--db", str(db), str(big_sample))
    wait_for_rows(db, running)
    running.send_signal(signal.SIGKILL)
    running.communicate(timeout=60)
    stored = assert_consistent(db)
    assert stored > 0
    again = sukien("articles", "--db", str(db), "--format", "json")
    out, _ = again.communicate(timeout=60)
    assert again.returncode == 0 and len(json.loads(out)) == stored


@pytest.mark.slow
def test_ctrl_c_exits_130_and_keeps_what_was_committed(tmp_path, big_sample):
    db = tmp_path / "interrupted.db"
    # Ctrl-C as a terminal gives it: a suite started in the background (`.ci/run &`) runs with SIGINT
    # ignored, which every child inherits (and Python then keeps ignoring it), so the run would end.
    running = sukien("ingest", "--db", str(db), str(big_sample), preexec_fn=interruptible)
    wait_for_rows(db, running)
    running.send_signal(signal.SIGINT)
    _, err = running.communicate(timeout=120)
    assert running.returncode == 130, err
    stored = assert_consistent(db)
    assert f"interrupted: {stored} articles committed" in err


def test_events_as_csv_have_the_exports_header(capsys, seeds_db, tmp_path):
    """One column table: `sukien events --format csv` and `sukien export --format csv` agree."""
    _, listed, _ = run(capsys, "events", "--db", seeds_db, "--format", "csv")
    out = tmp_path / "events.csv"
    code, _, _ = run(capsys, "export", "--db", seeds_db, "--format", "csv", "--out", str(out))
    assert code == 0
    assert listed.splitlines()[0] == out.read_text(encoding="utf-8").splitlines()[0]
    assert "actor_roles" in listed.splitlines()[0].split(",")


def test_a_password_in_the_database_url_is_never_printed() -> None:
    from sukien.store import redacted

    assert redacted("postgresql://ana:s3cret@db.example/sukien") == "postgresql://ana:***@db.example/sukien"
    assert redacted("sukien.db") == "sukien.db"
