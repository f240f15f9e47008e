"""Undo of a large import against the import itself, in one run (issue 15, Speed).

    .venv/bin/python benchmarks/undo_import.py [--rows 100000]

Prints the time to import the rows (one operation, bulk insert through the store),
to undo that operation and to redo it, and the ratio undo / import (target <= 1).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from dossier.model import TRADE
from dossier.store import open_store
from dossier.store.sample import load_sample


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    rows_wanted = parser.parse_args().rows
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        dossier = load_sample(store)
        template = TRADE.validate(
            {
                "period_start": "2000",
                "period_end": "2000",
                "flow": "export",
                "amount": "1",
                "reporter": "AZ",
                "partner": "DE",
            }
        )
        rows = [
            dict(
                template,
                dossier_id=dossier.id,
                period_start=str(1900 + i % 100),
                period_end=str(1900 + i % 100),
                amount=float(i),
            )
            for i in range(rows_wanted)
        ]
        figures = {}
        start = time.perf_counter()
        with store.transaction(f"import of {rows_wanted:,} trade figures"):
            store.trade.insert_many(rows)
        figures["import"] = time.perf_counter() - start
        for verb in ("undo", "redo"):
            start = time.perf_counter()
            getattr(store, verb)()
            figures[verb] = time.perf_counter() - start
        store.close()
    print(
        f"{rows_wanted:,} trade figures: import {figures['import']:.2f} s, "
        f"undo {figures['undo']:.2f} s, redo {figures['redo']:.2f} s; "
        f"undo / import = {figures['undo'] / figures['import']:.2f}x (target <= 1.0x)"
    )


if __name__ == "__main__":
    main()
