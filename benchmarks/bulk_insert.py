"""The store's bulk insert (Repository.insert_many, through sqlite-utils' insert_all)
against a plain `executemany` of the same rows and the same audit rows.

What the importers' bulk writes cost over the bare driver (docs/store.md): the
same trade figures into a fresh in-memory store, both in one operation of the
store's log, taking turns in the same run.

    python benchmarks/bulk_insert.py [--rows 50000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from dossier.model import DOSSIER, TRADE
from dossier.store import memory_store
from dossier.store.audit import imported_row, write_audit
from dossier.store.oplog import to_json


def _rows(dossier_id: int, n: int) -> list[dict[str, Any]]:
    figure = TRADE.make(
        {
            "period_start": "2012",
            "period_end": "2012",
            "flow": "export",
            "reporter": "AZ",
            "partner": "DE",
            "amount": 1.0,
            "currency": "USD",
            "unit_scale": "1000000",
        },
        dossier_id=dossier_id,
    )
    base = TRADE.validate(figure.__dict__) | {"dossier_id": dossier_id}
    return [base | {"amount": float(i), "period_start": str(1900 + i % 120)} for i in range(n)]


def _store(n: int) -> tuple[Any, list[dict[str, Any]]]:
    store = memory_store()
    dossier = store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан"}))
    return store, _rows(dossier.id, n)


def ours(n: int) -> float:
    store, rows = _store(n)
    start = time.perf_counter()
    with store.transaction("bench"):
        store.trade.insert_many(rows)
    took = time.perf_counter() - start
    store.close()
    return took


def plain(n: int) -> float:
    """executemany and the same audit rows: the least the store could do."""
    store, rows = _store(n)
    columns = list(rows[0])
    insert = (
        f"INSERT INTO trade_figures ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    )
    start = time.perf_counter()
    with store.transaction("bench") as changes:
        store.db.conn.executemany(insert, [[row[c] for c in columns] for row in rows])
        write_audit(
            store.db,
            (
                imported_row("trade_figures", i + 1, row["dossier_id"], changes.op_id, to_json(row))
                for i, row in enumerate(rows)
            ),
        )
    took = time.perf_counter() - start
    store.close()
    return took


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    base_runs, our_runs = [], []
    for _ in range(args.runs):  # taking turns: the machine's load falls on both
        base_runs.append(plain(args.rows))
        our_runs.append(ours(args.rows))
    base, mine = statistics.median(base_runs), statistics.median(our_runs)
    print(
        f"{args.rows:,} trade figures with audit rows: plain executemany {base:.2f} s, "
        f"Repository.insert_many (sqlite-utils insert_all) {mine:.2f} s, "
        f"ratio {mine / base:.2f}x"
    )


if __name__ == "__main__":
    main()
