"""`dossier check` finds a schema that drifted from what the migrations make.

SQLite's own integrity check passes a store whose search trigger or index was
dropped; records added afterwards would silently be missing from search.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.model import OFFICIAL
from dossier.paths import migrations_dir
from dossier.store import open_store
from dossier.store.connection import connect
from dossier.store.db import Db
from dossier.store.migrations import migrate


def check(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, list[str]]:
    code = main(["--store", str(path), "check"])
    out = capsys.readouterr().out
    return code, [line for line in out.splitlines() if line.startswith("problem:")]


def alter(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()


def test_a_dropped_search_trigger_is_named(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    alter(store_file, "DROP TRIGGER officials_ai")
    # Why it matters: an official added now is not found by search.
    store = open_store(store_file)
    dossier = store.dossiers.list()[0]
    store.repo(OFFICIAL).add(OFFICIAL.record(dossier_id=dossier.id, name="Зюльфугар Ахмедзаде"))
    assert store.search("Ахмедзаде") == []
    store.close()

    code, problems = check(capsys, store_file)
    assert code == 1
    assert problems == [
        "problem: trigger officials_ai on officials is missing: search would miss "
        "changes made to that table from now on"
    ]


def test_a_dropped_or_changed_index_is_named(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    alter(
        store_file,
        "DROP INDEX trade_pair",
        "DROP INDEX officials_source",
        "CREATE INDEX officials_source ON officials(notes)",
    )
    code, problems = check(capsys, store_file)
    assert code == 1
    assert sorted(problems) == [
        "problem: index officials_source on officials is not the one Dossier makes",
        "problem: index trade_pair on trade_figures is missing: lists, searches and "
        "charts of that table read every row",
    ]


def test_a_trigger_dossier_does_not_make_is_named(
    capsys: pytest.CaptureFixture[str], store_file: Path
) -> None:
    alter(
        store_file,
        "CREATE TABLE spy (name TEXT)",
        "CREATE TRIGGER copy_out AFTER INSERT ON officials BEGIN "
        "INSERT INTO spy VALUES (new.name); END",
    )
    code, problems = check(capsys, store_file)
    assert code == 1
    # The extra table changes no record of the dossier; the trigger runs on every write.
    assert problems == [
        "problem: trigger copy_out on officials is not made by Dossier: it runs on "
        "every change of that table"
    ]


def test_a_changed_trigger_is_named(capsys: pytest.CaptureFixture[str], store_file: Path) -> None:
    alter(
        store_file,
        "DROP TRIGGER sources_ai",
        "CREATE TRIGGER sources_ai AFTER INSERT ON sources BEGIN SELECT 1; END",
    )
    code, problems = check(capsys, store_file)
    assert code == 1
    assert problems == ["problem: trigger sources_ai on sources is not the one Dossier makes"]


def test_a_store_made_at_the_first_schema_and_migrated_has_no_drift(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(sorted(migrations_dir().glob("0001_*.sql"))[0], first)
    path = tmp_path / "old.db"
    db = Db(connect(path))
    assert migrate(db, first) == [1]
    db.close()

    open_store(path).close()  # migrates to the latest schema
    code, problems = check(capsys, path)
    assert (code, problems) == (0, [])
