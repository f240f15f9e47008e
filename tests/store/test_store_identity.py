"""A store marks itself as Dossier's (PRAGMA application_id); other programs' SQLite
files are refused with a clear message and left as they were (issue 22, item 8)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.paths import migrations_dir
from dossier.store import Store, StoreError, open_store
from dossier.store.connection import APPLICATION_ID
from dossier.store.crypto import convert
from dossier.store.migrations import latest_version, migrate


def app_id(path: Path, passphrase: str | None = None) -> int:
    from dossier.store.connection import raw_connection

    conn = raw_connection(path, passphrase)
    try:
        return conn.execute("PRAGMA application_id").fetchone()[0]
    finally:
        conn.close()


def test_a_new_store_is_marked_as_dossiers(tmp_path: Path) -> None:
    store = open_store(tmp_path / "new.db")
    store.close()
    assert app_id(tmp_path / "new.db") == APPLICATION_ID == 0x444F5353


def test_a_store_from_before_the_mark_gets_it_and_keeps_its_data(tmp_path: Path) -> None:
    old_migrations = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), old_migrations)
    for path in old_migrations.glob("*.sql"):
        if int(path.name[:4]) > 2:
            path.unlink()
    path = tmp_path / "old.db"
    from dossier.store.connection import connect

    db = connect(path)
    migrate(db, old_migrations)
    db.execute("INSERT INTO dossiers(code, name) VALUES ('AZ', 'Азербайджан')")
    db.close()
    assert app_id(path) == 0
    store = open_store(path)
    assert store.schema_version == latest_version()
    assert [d.code for d in store.dossiers.list()] == ["AZ"]
    store.close()
    assert app_id(path) == APPLICATION_ID


def _snapshot(path: Path) -> bytes:
    return path.read_bytes()


@pytest.mark.parametrize("other_id", [0, 0x47504B47])  # none, and GeoPackage's
def test_another_programs_database_is_refused_untouched(
    tmp_path: Path, other_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {other_id}")
    conn.execute("CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO places(name) VALUES ('Baku')")
    conn.commit()
    conn.close()
    before = _snapshot(path)
    with pytest.raises(StoreError, match=r"is not a Dossier store \(.+\)\. Nothing was written"):
        open_store(path)
    assert _snapshot(path) == before
    assert not Path(f"{path}-wal").exists()
    # The command line says it in one line, without a traceback.
    assert main(["--store", str(path), "list"]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "is not a Dossier store" in err
    assert "Traceback" not in err
    assert _snapshot(path) == before


def test_an_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    open_store(path).close()
    assert app_id(path) == APPLICATION_ID


def test_encrypting_and_decrypting_keep_the_mark(store_file: Path, tmp_path: Path) -> None:
    convert(store_file, tmp_path / "enc.db", old=None, new="correct horse battery")
    assert app_id(tmp_path / "enc.db", "correct horse battery") == APPLICATION_ID
    convert(tmp_path / "enc.db", tmp_path / "plain.db", old="correct horse battery", new=None)
    assert app_id(tmp_path / "plain.db") == APPLICATION_ID
    open_store(tmp_path / "plain.db").close()


def test_events_are_found_by_source_through_an_index(store: Store) -> None:
    plan = " ".join(
        str(row[-1])
        for row in store.db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM events WHERE source_id = ?", [1]
        ).fetchall()
    )
    assert "INDEX events_source" in plan
