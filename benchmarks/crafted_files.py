"""Crafted .dossier files and backups: each must end in a clear one-line message, fast.

Builds each crafted file from a real one (the sample dossier), reads it as
`import-dossier --dry-run --allow-unencrypted` and `restore` would, and prints one
JSON line per file: the message and the seconds it took.

Usage: python benchmarks/crafted_files.py
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dossier.ingest.exchange import ExchangeError, read_exchange
from dossier.store import StoreError, open_store
from dossier.store.backup import restore
from dossier.store.foreign import MAX_FOREIGN_BYTES
from dossier.store.sample import load_sample

CASES = {
    "recursive-CTE view": [
        *[f"DROP TRIGGER officials_{t}" for t in ("ai", "au", "ad")],
        "ALTER TABLE officials RENAME TO officials_real",
        "CREATE VIEW officials AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
        "FROM c) SELECT officials_real.* FROM officials_real, c",
    ],
    "1 GB computed column": [
        "ALTER TABLE officials ADD COLUMN evil TEXT "
        "GENERATED ALWAYS AS (printf('%.*c', 1000000000, 'x')) VIRTUAL",
    ],
    "foreign trigger": [
        "CREATE TRIGGER sneaky AFTER INSERT ON sources BEGIN DELETE FROM dossiers; END",
    ],
}


def _base(folder: Path, name: str) -> Path:
    path = folder / f"{name}.dossier"
    store = open_store(path)
    load_sample(store)
    store.db.execute("PRAGMA journal_mode = DELETE")
    store.close()
    return path


def _timed(fn) -> tuple[str, float]:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    try:
        fn()
        message = "read (not refused)"
    except (ExchangeError, StoreError) as exc:
        message = str(exc)
    return message, round(time.perf_counter() - started, 3)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store_path = folder / "store" / "dossier.db"
        store_path.parent.mkdir()
        store = open_store(store_path)
        load_sample(store)
        store.close()
        files = {}
        for n, (case, statements) in enumerate(CASES.items()):
            path = _base(folder, f"case{n}")
            conn = sqlite3.connect(path)
            for sql in statements:
                conn.execute(sql)
            conn.commit()
            conn.close()
            files[case] = path
        huge = folder / "huge.dossier"
        with huge.open("wb") as fh:
            fh.write(b"SQLite format 3\x00")
            fh.truncate(MAX_FOREIGN_BYTES * 3)  # sparse: 3 GB that costs no disk
        files["3 GB file"] = huge
        files["plain file, not allowed"] = _base(folder, "plain")
        for case, path in files.items():
            allow = case != "plain file, not allowed"
            message, seconds = _timed(
                lambda p=path, a=allow: read_exchange(p, None, allow_unencrypted=a)
            )
            print(
                json.dumps({"file": case, "as": "import-dossier", "s": seconds, "message": message})
            )
            if allow:
                message, seconds = _timed(lambda p=path: restore(store_path, p))
                print(json.dumps({"file": case, "as": "restore", "s": seconds, "message": message}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
