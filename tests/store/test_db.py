"""The store's database handle: transactions as sqlite-utils' and its API behind it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from dossier.store.db import Db


@pytest.fixture
def db() -> Db:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
    return Db(conn)


def names(db: Db) -> list[str]:
    return [row["name"] for row in db.query("SELECT name FROM t ORDER BY id")]


def write_two(db: Db, second: str | None) -> None:
    with db.atomic():
        db.execute("INSERT INTO t (name) VALUES ('Алиев')")
        db.execute("INSERT INTO t (name) VALUES (?)", [second])


def test_a_failed_block_writes_nothing(db: Db) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        write_two(db, None)
    assert names(db) == []
    assert not db.conn.in_transaction


def test_a_failed_inner_block_keeps_the_outer_writes(db: Db) -> None:
    with db.atomic():
        db.execute("INSERT INTO t (name) VALUES ('Пацкевич')")
        with pytest.raises(sqlite3.IntegrityError):
            write_two(db, None)  # nested: a savepoint
        db.execute("INSERT INTO t (name) VALUES ('Лукашенко')")
    assert names(db) == ["Пацкевич", "Лукашенко"]


def test_query_gives_rows_as_dicts(db: Db) -> None:
    db.execute("INSERT INTO t (name) VALUES (?)", ["Ильхам Алиев"])
    assert list(db.query("SELECT id, name FROM t")) == [{"id": 1, "name": "Ильхам Алиев"}]


def test_the_rest_of_sqlite_utils_works_on_the_same_connection(db: Db) -> None:
    db["t"].insert({"name": "Алиев"})
    assert db["t"].count == 1
    assert "t" in db.table_names()
    assert names(db) == ["Алиев"]


def test_opening_a_store_does_not_import_sqlite_utils(tmp_path) -> None:
    # Start-up time: sqlite-utils (and the plugin scan it runs) waits for first use.
    code = (
        "import sys\n"
        "from dossier.store import open_store\n"
        f"s = open_store({str(tmp_path / 'a.db')!r})\n"
        "s.officials.list(None)\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.strip() == "False"
