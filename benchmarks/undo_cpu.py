"""The undo of the TRADHIST import against the import, wall and CPU (issue 15, Speed).

    PYTHONPATH=. .venv/bin/python benchmarks/undo_cpu.py [--runs 3]

Each run imports every figure of the file into a fresh store as `run.py --only 6`
does (read, plan, store), closes it, opens it again and undoes the import; prints
both times of each and the ratios undo / import. CPU time is what a shared machine
disturbs least: run.py's wall ratios swing by a third at a load average of 4.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from dossier.ingest.tables import read_table, records_of
from dossier.ingest.trade_import import Options, guess_mapping, plan_records, store_plan
from dossier.model import DOSSIER
from dossier.store import open_store

TRADHIST = Path("/work/shared/data/trade/tradhist_tradeflow_xx.csv")


def one_run(csv: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "undo.db"
        store = open_store(target)
        dossier = store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан"}))
        wall, cpu = time.perf_counter(), time.process_time()
        records = records_of(read_table(csv))
        opts = Options(unit="1", currency="USD")
        plan = plan_records(records, guess_mapping(records.header), dossier.id, opts)
        store_plan(store, plan, dossier.id, "TRADHIST")
        out = {"import_wall": time.perf_counter() - wall, "import_cpu": time.process_time() - cpu}
        store.close()
        store = open_store(target)  # as `dossier undo` does: the log read from the file
        wall, cpu = time.perf_counter(), time.process_time()
        store.undo()
        out |= {"undo_wall": time.perf_counter() - wall, "undo_cpu": time.process_time() - cpu}
        store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--csv", type=Path, default=TRADHIST)
    args = parser.parse_args()
    for _ in range(args.runs):
        r = one_run(args.csv)
        print(
            f"import {r['import_wall']:.2f} s (CPU {r['import_cpu']:.2f}), "
            f"undo {r['undo_wall']:.2f} s (CPU {r['undo_cpu']:.2f}): "
            f"undo / import {r['undo_wall'] / r['import_wall']:.2f}x wall, "
            f"{r['undo_cpu'] / r['import_cpu']:.2f}x CPU",
            flush=True,
        )


if __name__ == "__main__":
    main()
