"""Migrations: fresh stores, upgrades that keep data, newer stores refused, failures undone."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dossier.model import OFFICIAL
from dossier.paths import migrations_dir
from dossier.store import StoreError, open_store
from dossier.store.connection import connect
from dossier.store.migrations import latest_version, migrate, schema_version


@pytest.fixture
def mig_dir(tmp_path: Path) -> Path:
    """A copy of the shipped migrations, to which a test can add a newer one."""
    target = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), target)
    return target


def test_fresh_store_gets_the_latest_schema(tmp_path: Path) -> None:
    store = open_store(tmp_path / "new.db")
    assert store.schema_version == latest_version() >= 1
    assert {"dossiers", "officials", "changes", "search_index"} <= set(store.db.table_names())
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_upgrade_keeps_data(store_file: Path, mig_dir: Path) -> None:
    (mig_dir / f"{latest_version() + 1:04d}_nickname.sql").write_text(
        "ALTER TABLE officials ADD COLUMN nickname TEXT;\n"
        "UPDATE officials SET nickname = 'Батька' WHERE name = 'Александр Лукашенко';\n",
        encoding="utf-8",
    )
    db = connect(store_file)
    assert migrate(db, mig_dir) == [latest_version() + 1]
    rows = db.execute("SELECT name, nickname FROM officials ORDER BY id").fetchall()
    assert ("Александр Лукашенко", "Батька") in rows
    assert len(rows) == 3
    assert migrate(db, mig_dir) == []  # nothing left to do


def test_newer_store_is_refused_and_left_alone(store_file: Path) -> None:
    conn = sqlite3.connect(store_file)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match=r"newer version of Dossier \(schema 99"):
        open_store(store_file)
    conn = sqlite3.connect(store_file)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 99
    assert conn.execute("SELECT count(*) FROM officials").fetchone()[0] == 3


def test_failed_migration_leaves_old_schema_intact(store_file: Path, mig_dir: Path) -> None:
    (mig_dir / f"{latest_version() + 1:04d}_broken.sql").write_text(
        "CREATE TABLE half_done (x);\nDELETE FROM officials;\nTHIS IS NOT SQL;\n", encoding="utf-8"
    )
    db = connect(store_file)
    with pytest.raises(StoreError, match=f"stays at schema {latest_version()}, unchanged"):
        migrate(db, mig_dir)
    assert schema_version(db) == latest_version()
    assert "half_done" not in db.table_names()
    assert db.execute("SELECT count(*) FROM officials").fetchone()[0] == 3


def test_killed_migration_leaves_old_schema_intact(store_file: Path, mig_dir: Path) -> None:
    """A process that dies mid-migration (power cut) leaves the store as it was."""
    (mig_dir / f"{latest_version() + 1:04d}_dies.sql").write_text(
        "CREATE TABLE half_done (x);\nDELETE FROM officials;\nSELECT die();\n", encoding="utf-8"
    )
    script = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from dossier.store.connection import connect
        from dossier.store.migrations import migrate
        db = connect({str(store_file)!r})
        db.conn.create_function("die", 0, lambda: os._exit(3))
        migrate(db, Path({str(mig_dir)!r}))
    """)
    result = subprocess.run([sys.executable, "-c", script], check=False)
    assert result.returncode == 3
    store = open_store(store_file)
    assert store.schema_version == latest_version()
    assert "half_done" not in store.db.table_names()
    assert store.officials.count() == 3
    assert store.check() == []


def test_misnumbered_migrations_are_refused(mig_dir: Path, tmp_path: Path) -> None:
    (mig_dir / f"{latest_version() + 2:04d}_gap.sql").write_text("SELECT 1;", encoding="utf-8")
    with pytest.raises(StoreError, match="not numbered"):
        migrate(connect(tmp_path / "x.db"), mig_dir)


def test_not_a_store_gives_a_clear_message(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is a text file, not a database" * 100)
    with pytest.raises(StoreError, match="not a Dossier store, or the file is damaged"):
        open_store(junk)
    assert junk.read_bytes().startswith(b"this is a text file")


def test_store_file_persists_across_opens(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    store = open_store(path)
    from dossier.model import DOSSIER

    d = store.dossiers.add(DOSSIER.make({"code": "BY", "name": "Беларусь"}))
    store.officials.add(
        OFFICIAL.make({"name": "Пацкевич", "side": "home", "status": "current"}, dossier_id=d.id)
    )
    store.close()
    again = open_store(path)
    assert [o.name for o in again.officials.list(d.id)] == ["Пацкевич"]
