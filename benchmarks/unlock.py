"""Unlocking an encrypted store: Argon2id key derivation and the open that follows.

Creates a store holding the sample dossier, encrypted with the real parameters
(dossier/store/keys.py DEFAULT), and prints one JSON line with the parameters the
file's header records and the median of the timings:

    {"header": {"passes": 1, "memory_mib": 256, "lanes": 1}, "derive_s": ...,
     "derive_cpu_s": ..., "open_s": ..., "pbkdf2_open_s": ...}

pbkdf2_open_s: the same open of a file keyed as before (SQLCipher 4's PBKDF2-HMAC-SHA512,
256,000 rounds), for comparison. Usage: python benchmarks/unlock.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dossier.store import open_store
from dossier.store.keys import cost_of, derive, key_for, read_header
from dossier.store.sample import load_sample

PASSPHRASE = "unlock benchmark passphrase"


def _median(fn, runs: int, clock=time.perf_counter) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = clock()
        fn()
        times.append(clock() - started)
    return round(statistics.median(times), 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dossier.db"
        store = open_store(path, passphrase=PASSPHRASE)
        load_sample(store)
        store.close()
        header = read_header(path)
        assert header is not None
        cost = cost_of(header)
        assert cost is not None
        derive_s = _median(lambda: derive(PASSPHRASE, header), args.runs)
        # CPU seconds: what a derivation costs on an idle machine (one lane, one
        # thread), whatever else the machine is doing while it is measured.
        derive_cpu_s = _median(lambda: derive(PASSPHRASE, header), args.runs, time.process_time)
        open_s = _median(
            lambda: open_store(path, create=False, passphrase=PASSPHRASE).close(), args.runs
        )
        legacy = Path(tmp) / "legacy.db"
        from sqlcipher3 import dbapi2

        from dossier.store.connection import sql_string

        conn = dbapi2.connect(str(path), isolation_level=None)
        conn.execute(f"PRAGMA key = {sql_string(key_for(path, PASSPHRASE))}")
        conn.execute(
            f"ATTACH DATABASE {sql_string(str(legacy))} AS old KEY {sql_string(PASSPHRASE)}"
        )
        conn.execute("SELECT sqlcipher_export('old')")
        conn.execute("DETACH DATABASE old")
        conn.close()

        def open_legacy() -> None:
            c = dbapi2.connect(str(legacy), isolation_level=None)
            c.execute(f"PRAGMA key = {sql_string(PASSPHRASE)}")
            c.execute("SELECT count(*) FROM sqlite_master").fetchone()
            c.close()

        pbkdf2_s = _median(open_legacy, args.runs)
    print(
        json.dumps(
            {
                "header": {
                    "passes": cost.passes,
                    "memory_mib": cost.memory_kib // 1024,
                    "lanes": cost.lanes,
                },
                "derive_s": derive_s,
                "derive_cpu_s": derive_cpu_s,
                "open_s": open_s,
                "pbkdf2_open_s": pbkdf2_s,
                "runs": args.runs,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
