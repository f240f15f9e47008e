"""Many processes, one store (issue 14, item 2): writes wait or are refused in one line;
nothing acknowledged is lost; the window shows what other processes wrote."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dossier.model import Official
from dossier.store import open_store
from dossier.store.errors import BUSY_MESSAGE, StoreBusy

STRESS = Path(__file__).resolve().parents[2] / "benchmarks" / "stress.py"


def stress(tmp_path: Path, *args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(STRESS), "--dir", str(tmp_path / "stress"), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.stdout, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_two_cli_processes_importing_at_once_lose_nothing(tmp_path: Path) -> None:
    result = stress(tmp_path, "--seconds", "2", "--writers", "2", "--readers", "0", "--no-window")
    assert result["errors"] == 0, result["messages"]  # no raw "database is locked"
    assert result["per_role"]["writer 0"]["writes"] > 0
    assert result["per_role"]["writer 1"]["writes"] > 0
    assert result["lost"] == 0, result["lost_names"]
    assert result["corrupt"] == 0, result["check"]


def test_the_window_cli_writers_and_readers_together(tmp_path: Path) -> None:
    result = stress(tmp_path, "--seconds", "3", "--writers", "2", "--readers", "1")
    assert result["errors"] == 0, result["messages"]
    assert result["per_role"]["window"]["writes"] > 0
    assert result["per_role"]["reader 0"]["ops"] > 0
    assert result["lost"] == 0, result["lost_names"]
    assert result["corrupt"] == 0, result["check"]


def test_a_write_waits_then_is_refused_with_a_typed_error(store_file: Path) -> None:
    holder = sqlite3.connect(str(store_file), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    store = open_store(store_file)
    store.db.execute("PRAGMA busy_timeout = 200")
    dossier = store.dossiers.list()[0]
    try:
        with pytest.raises(StoreBusy, match="another Dossier window or command is writing"):
            store.officials.add(Official(dossier_id=dossier.id, name="Ждёт очереди"))
        holder.execute("COMMIT")
        store.officials.add(Official(dossier_id=dossier.id, name="Ждёт очереди"))
    finally:
        holder.close()
    assert [o.name for o in store.officials.list() if o.name == "Ждёт очереди"] == ["Ждёт очереди"]
    store.close()


def test_the_cli_says_the_store_is_busy_in_one_line(store_file: Path, tmp_path: Path) -> None:
    csv = tmp_path / "officials.csv"
    csv.write_text("name,position\nИван Очередной,советник\n", "utf-8")
    holder = sqlite3.connect(str(store_file), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the window (or another command) is writing
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "dossier",
                "--store",
                str(store_file),
                "import-officials",
                str(csv),
                "--country",
                "AZ",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env=dict(os.environ),
        )
    finally:
        holder.close()
    assert done.returncode == 1
    assert done.stderr == f"dossier: {BUSY_MESSAGE}\n"
    store = open_store(store_file)
    assert "Иван Очередной" not in [o.name for o in store.officials.list()]
    store.close()


def test_a_migration_another_process_applied_meanwhile_is_not_applied_twice(
    store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.store import migrations
    from dossier.store.connection import connect

    db = connect(store_file)
    real = migrations.schema_version
    reads = iter([1])  # read before the lock: another process was still at schema 1

    def stale_then_real(d: Any) -> int:
        return next(reads, None) or real(d)

    monkeypatch.setattr(migrations, "schema_version", stale_then_real)
    try:
        assert migrations.migrate(db) == []  # nothing applied twice, no error
        assert real(db) == migrations.latest_version()
    finally:
        db.close()


WRITER = """
import sys, time
from pathlib import Path
from dossier.store import connection, open_store
from dossier.model import Official
connection.KDF_ITER = 2000
store = open_store(sys.argv[1], passphrase=sys.argv[2])
dossier_id = store.dossiers.list()[0].id
print("ready", flush=True)
# Until the test says stop (a file appears), or for at most 60 s.
stop, deadline = Path(sys.argv[3]), time.monotonic() + 60
n = 0
while not stop.exists() and time.monotonic() < deadline:
    n += 1
    store.officials.add(Official(dossier_id=dossier_id, name=f"Писатель {n}", biography="б" * n))
store.close()
print(n, flush=True)
"""


def test_check_while_another_process_writes_finds_no_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.store import connection
    from dossier.store.sample import load_sample

    monkeypatch.setattr(connection, "KDF_ITER", 2000)
    path, passphrase = tmp_path / "busy.db", "a passphrase for the test"
    store = open_store(path, passphrase=passphrase)  # encrypted: SQLite 3.44+ checks FTS5 too
    load_sample(store)
    # The writer goes on until the checks are done (not for a fixed time: on a busy
    # machine a check waits for the writer's lock, and a timed writer could end
    # before a second check).
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), passphrase, str(stop)],
        stdout=subprocess.PIPE,
        text=True,
    )
    reports = []
    try:
        assert writer.stdout.readline().strip() == "ready"
        while len(reports) < 5 and writer.poll() is None:
            reports.append(store.check())  # `dossier check` while the window writes
    finally:
        stop.touch()
        writer.wait(timeout=60)
        written = int(writer.stdout.read().strip() or 0)
        writer.stdout.close()
        store.close()
    assert writer.returncode == 0
    assert len(reports) == 5
    assert written > 0
    assert [r for r in reports if r] == []
