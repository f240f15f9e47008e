"""How many records an operation changed is kept with it (migration 0011).

Edit > Undo names the operation it would take back after every change, on the GUI
thread; counting an import's audit rows for that froze the window for 0.2-0.3 s
after 140,000 figures (the stall benchmark's "write and show")."""

from __future__ import annotations

import dataclasses

from dossier.model import OFFICIAL, TRADE
from dossier.store import Store
from dossier.store.undo import delete


def _az(store: Store) -> int:
    return store.find_dossier("AZ").id  # type: ignore[return-value]


def _import(store: Store, did: int, n: int) -> None:
    with store.transaction(f"import of {n} trade figures"):
        store.trade.add_many(
            TRADE.make(
                {
                    "period_start": str(1000 + i),
                    "period_end": str(1000 + i),
                    "flow": "export",
                    "amount": str(i + 1),
                },
                dossier_id=did,
            )
            for i in range(n)
        )


def test_naming_the_undo_does_not_read_the_import_again(sample_store: Store, vm_steps) -> None:
    did = _az(sample_store)
    _import(sample_store, did, 10)
    small = vm_steps(sample_store, sample_store.log.next_undo)
    _import(sample_store, did, 5000)
    large = vm_steps(sample_store, sample_store.log.next_undo)
    assert sample_store.log.next_undo().records == 5000
    # Before: the 5,000 audit rows were read and sorted for the count (about 900
    # hundred-steps against 3 for the small import).
    assert large <= small + 5, (small, large)


def _counted_from_rows(store: Store) -> dict[int, int]:
    rows = store.db.execute(
        "SELECT op_id, count(*) FROM (SELECT DISTINCT op_id, table_name, row_id FROM changes "
        "WHERE op_id IS NOT NULL) GROUP BY op_id"
    ).fetchall()
    return dict(rows)


def test_the_kept_count_is_the_count_of_the_records_changed(sample_store: Store) -> None:
    did = _az(sample_store)
    _import(sample_store, did, 300)
    official = sample_store.officials.list(did)[0]
    with sample_store.transaction("add and edit"):
        new_id = sample_store.officials.add(
            OFFICIAL.make(
                {"name": "Самир Шарифов", "side": "host", "status": "current"}, dossier_id=did
            )
        ).id
        added = sample_store.officials.get(new_id)
        sample_store.officials.update(dataclasses.replace(added, position="министр финансов"))
        sample_store.officials.update(dataclasses.replace(official, position="посол"))
    source = sample_store.sources.list(did)[0]
    delete(sample_store, source)  # the source, and its citing facts unlinked
    sample_store.undo()
    sample_store.redo()
    kept = dict(
        sample_store.db.execute(
            "SELECT id, records FROM operations WHERE records IS NOT NULL"
        ).fetchall()
    )
    assert kept == _counted_from_rows(sample_store)
    assert sample_store.history(limit=1)[0].records == kept[max(kept)]


def test_operations_logged_before_the_count_was_kept_are_counted(sample_store: Store) -> None:
    did = _az(sample_store)
    _import(sample_store, did, 40)
    sample_store.db.execute("UPDATE operations SET records = NULL")
    assert sample_store.log.next_undo().records == 40
