"""TRADHIST import (69,893 rows) against `sqlite-utils insert ... --csv` of the same file.

Both run in this process on fresh store files in a temporary folder, several
times; the medians and their ratio are printed (the target is under 1.5x).

Ours does the whole import a user gets: read and decode the file, detect the
delimiter and header, map the columns, parse every number (scientific notation,
empty cells), build and validate a trade figure per value (138,153 of them, as
the file has an imports and an exports column per row), and insert them with
their audit rows and search index entries in one transaction. sqlite-utils inserts the 69,893 rows
as text into a plain table.

    python benchmarks/trade_import.py [--runs 3] [--file PATH]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

# The shared data folder (DOSSIER_SHARED), or `shared` beside the checkout.
DEFAULT = (
    Path(os.environ.get("DOSSIER_SHARED") or Path(__file__).resolve().parents[2] / "shared")
    / "data"
    / "trade"
    / "tradhist_tradeflow_xx.csv"
)


def run_sqlite_utils(path: Path, db: Path) -> tuple[float, float]:
    from sqlite_utils.cli import cli

    start, cpu = time.perf_counter(), time.process_time()
    cli.main(
        ["insert", str(db), "tradeflow", str(path), "--csv", "--delimiter", ";"],
        standalone_mode=False,
    )
    return time.perf_counter() - start, time.process_time() - cpu


def run_ours(path: Path, db: Path) -> tuple[float, float, int]:
    from dossier.ingest import trade_import as ti
    from dossier.ingest.tables import read_table, records_of
    from dossier.model import DOSSIER
    from dossier.store import open_store

    store = open_store(db)
    dossier = store.dossiers.add(DOSSIER.make({"code": "XX", "name": "Benchmark"}))
    start, cpu = time.perf_counter(), time.process_time()
    records = records_of(read_table(path))
    mapping = ti.guess_mapping(records.header)  # every partner pair: the whole file
    plan = ti.plan_records(records, mapping, dossier.id, ti.Options(unit="1", currency="USD"))
    # All 872 partner pairs go into one benchmark dossier; the figures go straight
    # to the bulk insert store_plan ends with (validation, audit rows, search index
    # included), as before pairs were known, so the figure stays comparable.
    added = ti.add_figures(store, plan.figures)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    store.close()
    return elapsed, cpu, added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--file", type=Path, default=DEFAULT)
    args = parser.parse_args()
    if not args.file.is_file():
        raise SystemExit(f"{args.file} not found; give the TRADHIST file with --file")
    theirs: list[tuple[float, float]] = []
    ours: list[tuple[float, float]] = []
    added = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.runs):
            theirs.append(run_sqlite_utils(args.file, Path(tmp) / f"su{n}.db"))
            wall, cpu, added = run_ours(args.file, Path(tmp) / f"dossier{n}.db")
            ours.append((wall, cpu))
    # Wall time is what a user waits; CPU time is steadier on a busy machine.
    for i, what in ((0, "wall"), (1, "CPU")):
        a = statistics.median(t[i] for t in theirs)
        b = statistics.median(t[i] for t in ours)
        print(
            f"{what:4s}  sqlite-utils insert --csv: {a:6.2f} s   dossier import: {b:6.2f} s "
            f"({added:,} figures)   ratio {b / a:.2f}x (target < 1.5x; median of "
            f"{args.runs})"
        )


if __name__ == "__main__":
    main()
