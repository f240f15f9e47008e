"""Exchange files are authenticated and foreign files opened defensively (issue 20, item 6)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from security_helpers import PASSPHRASE, snapshot

from dossier.exports.exchange_writer import export_dossier
from dossier.ingest.exchange import ExchangeError, read_exchange
from dossier.store import StoreError, open_store
from dossier.store import foreign as foreign_mod
from dossier.store.backup import restore
from dossier.store.crypto import convert
from dossier.store.sample import load_sample

# Every column of the real table, endlessly repeated: it passes a column check.
RECURSIVE_VIEW = (
    "CREATE VIEW officials AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
    "SELECT officials_real.* FROM officials_real, c"
)


def plain_exchange(folder: Path) -> Path:
    """What `export-dossier` writes, but unencrypted: anyone could have made it."""
    path = folder / "plain.dossier"
    store = open_store(path)
    load_sample(store)
    store.db.execute("PRAGMA journal_mode = DELETE")
    store.close()
    return path


def crafted(folder: Path, *statements: str) -> Path:
    path = plain_exchange(folder)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return path


def dossier_cli(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run(
        [sys.executable, "-m", "dossier", *argv],
        capture_output=True,
        text=True,
        timeout=120,  # a hang (the old behaviour) fails the test instead of the machine
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_a_plain_dossier_file_is_refused_unless_allowed_then_warned(
    store_file: Path, tmp_path: Path
) -> None:
    plain = plain_exchange(tmp_path)
    before = snapshot(store_file)
    done = dossier_cli("--store", str(store_file), "import-dossier", str(plain))
    assert done.returncode == 1
    assert "plain.dossier is not encrypted" in done.stderr
    assert "--allow-unencrypted" in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert snapshot(store_file) == before

    done = dossier_cli(
        "--store", str(store_file), "import-dossier", str(plain), "--allow-unencrypted"
    )
    assert done.returncode == 0, done.stderr
    assert "warning: plain.dossier is not encrypted" in done.stderr
    assert "could have read it, or written or changed it" in done.stderr


def test_an_encrypted_file_needs_its_own_passphrase(sample_store, tmp_path: Path) -> None:
    out = tmp_path / "az.dossier"
    export_dossier(sample_store, sample_store.dossiers.list()[0], out, PASSPHRASE)
    with pytest.raises(ExchangeError, match="Wrong passphrase"):
        read_exchange(out, "somebody else's passphrase")
    with pytest.raises(ExchangeError, match="passphrase is needed"):
        read_exchange(out, None)
    assert read_exchange(out, PASSPHRASE).dossier.code == "AZ"


def test_a_recursive_view_ends_in_a_clear_message(store_file: Path, tmp_path: Path) -> None:
    path = crafted(
        tmp_path,
        *[f"DROP TRIGGER officials_{t}" for t in ("ai", "au", "ad")],
        "ALTER TABLE officials RENAME TO officials_real",
        RECURSIVE_VIEW,
    )
    done = dossier_cli(
        "--store",
        str(store_file),
        "import-dossier",
        str(path),
        "--dry-run",
        "--allow-unencrypted",
    )
    assert done.returncode == 1
    assert "holds a view (officials)" in done.stderr
    assert "Traceback" not in done.stderr
    # The same file encrypted, as a forger who knows the passphrase would send it.
    locked = tmp_path / "locked.dossier"
    convert(path, locked, old=None, new=PASSPHRASE)
    with pytest.raises(ExchangeError, match=r"holds a view \(officials\)"):
        read_exchange(locked, PASSPHRASE)


def test_computed_columns_and_foreign_triggers_are_refused(tmp_path: Path) -> None:
    path = crafted(
        tmp_path,
        "ALTER TABLE officials ADD COLUMN evil TEXT "
        "GENERATED ALWAYS AS (printf('%.*c', 500000000, 'x')) VIRTUAL",
        "CREATE TRIGGER sneaky AFTER INSERT ON sources BEGIN DELETE FROM dossiers; END",
    )
    with pytest.raises(ExchangeError) as caught:
        read_exchange(path, None, allow_unencrypted=True)
    message = str(caught.value)
    assert "computed column (evil)" in message or "trigger Dossier does not make" in message
    assert "Nothing was changed" in message


def test_a_work_budget_interrupts_any_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = plain_exchange(tmp_path)
    monkeypatch.setattr(foreign_mod, "STEP_BUDGET", 3)  # as if the file were crafted
    monkeypatch.setattr(foreign_mod, "STEP_CHUNK", 100)
    with pytest.raises(ExchangeError, match="takes too much work to read"):
        read_exchange(path, None, allow_unencrypted=True)


def test_a_huge_file_is_refused_before_it_is_opened(store_file: Path, tmp_path: Path) -> None:
    huge = tmp_path / "huge.dossier"
    with huge.open("wb") as fh:  # sparse: costs no disk
        fh.write(b"SQLite format 3\x00")
        fh.truncate(foreign_mod.MAX_FOREIGN_BYTES + 4096)
    with pytest.raises(ExchangeError, match="larger than any dossier"):
        read_exchange(huge, None, allow_unencrypted=True)
    with pytest.raises(StoreError, match="larger than any dossier"):
        restore(store_file, huge)


def test_restore_refuses_a_crafted_backup(store_file: Path, tmp_path: Path) -> None:
    path = crafted(
        tmp_path,
        "CREATE TRIGGER sneaky AFTER INSERT ON sources BEGIN DELETE FROM dossiers; END",
    )
    before = snapshot(store_file)
    with pytest.raises(StoreError, match="trigger Dossier does not make"):
        restore(store_file, path)
    assert snapshot(store_file) == before


def test_the_work_budget_stops_a_recursive_view_even_past_the_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defence in depth: were the schema checks to miss the view, the progress handler
    still ends the endless query with the same clear message."""
    path = crafted(
        tmp_path,
        *[f"DROP TRIGGER officials_{t}" for t in ("ai", "au", "ad")],
        "ALTER TABLE officials RENAME TO officials_real",
        RECURSIVE_VIEW,
    )
    monkeypatch.setattr(foreign_mod, "foreign_problems", lambda db: [])
    monkeypatch.setattr(foreign_mod, "STEP_BUDGET", 200)  # 2 million steps: little memory
    with pytest.raises(ExchangeError, match="takes too much work to read"):
        read_exchange(path, None, allow_unencrypted=True)
