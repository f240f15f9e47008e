"""The store's bulk insert (Repository.insert_many: many rows per prepared INSERT,
audit rows written set-wise, store/bulk.py) against sqlite-utils' `insert_all` and
a plain `executemany` of the same rows, each with the same audit rows built in
Python as the store wrote them before (one `to_json` per row).

Why the store's bulk writes are raw SQL (docs/store.md): the same trade figures
into a fresh in-memory store, each in one operation of the store's log, taking
turns in the same run.

    python benchmarks/bulk_insert.py [--rows 50000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

from dossier.model import DOSSIER, TRADE
from dossier.store import memory_store
from dossier.store.audit import write_audit
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


def _audit(store: Any, rows: list[dict[str, Any]], op_id: int | None) -> None:
    write_audit(
        store.db,
        (
            (
                "trade_figures",
                i + 1,
                row["dossier_id"],
                "insert",
                None,
                None,
                "import",
                op_id,
                None,
                to_json({k: v for k, v in row.items() if k != "dossier_id"}),
            )
            for i, row in enumerate(rows)
        ),
    )


def plain(n: int) -> float:
    """executemany and the audit rows: the least a row-at-a-time store could do."""
    store, rows = _store(n)
    columns = list(rows[0])
    insert = (
        f"INSERT INTO trade_figures ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    )
    start = time.perf_counter()
    with store.transaction("bench") as changes:
        store.db.conn.executemany(insert, [[row[c] for c in columns] for row in rows])
        _audit(store, rows, changes.op_id)
    took = time.perf_counter() - start
    store.close()
    return took


def utils(n: int) -> float:
    """sqlite-utils' insert_all a batch at a time, and the audit rows (the store's bulk
    insert before store/bulk.py)."""
    store, rows = _store(n)
    start = time.perf_counter()
    with store.transaction("bench") as changes:
        table = store.db["trade_figures"]
        for i in range(0, len(rows), 5000):
            table.insert_all(rows[i : i + 5000], batch_size=5000)
        _audit(store, rows, changes.op_id)
    took = time.perf_counter() - start
    store.close()
    return took


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs: dict[str, list[float]] = {"plain": [], "utils": [], "ours": []}
    for _ in range(args.runs):  # taking turns: the machine's load falls on all three
        for name, way in (("plain", plain), ("utils", utils), ("ours", ours)):
            runs[name].append(way(args.rows))
    base, su, mine = (statistics.median(runs[k]) for k in ("plain", "utils", "ours"))
    print(
        f"{args.rows:,} trade figures with audit rows (median of {args.runs}): "
        f"plain executemany {base:.2f} s, sqlite-utils insert_all {su:.2f} s, "
        f"Repository.insert_many {mine:.2f} s ({mine / base:.2f}x executemany, "
        f"{mine / su:.2f}x insert_all)"
    )


if __name__ == "__main__":
    main()
