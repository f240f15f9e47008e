"""The cycle collector paused around the core's bulk steps (dossier/bulk_gc.py): an
import's reading, planning and storing, and undo and redo, run no collection."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest

from dossier import bulk_gc
from dossier.ingest.tables import read_text, records_of
from dossier.ingest.trade_import import Options, TradeMapping, plan_records, store_plan
from dossier.store import Store


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """How many collections start while the test runs (gc's own callbacks)."""
    started: list[int] = []

    def seen(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            started.append(info["generation"])

    was = gc.isenabled()
    gc.enable()
    gc.callbacks.append(seen)
    try:
        yield started
    finally:
        gc.callbacks.remove(seen)
        if not was:
            gc.disable()


def test_paused_turns_the_collector_off_inside_and_on_after() -> None:
    was = gc.isenabled()
    gc.enable()
    try:
        with bulk_gc.paused():
            assert not gc.isenabled()
            with bulk_gc.paused():
                assert not gc.isenabled()
            assert not gc.isenabled()  # nested: the outer one turns it back on
        assert gc.isenabled()
        gc.disable()  # a caller that turned it off (the window's tasks) keeps it off
        with bulk_gc.paused():
            pass
        assert not gc.isenabled()
        gc.enable()
        with pytest.raises(ValueError, match="inside"), bulk_gc.paused():
            raise ValueError("inside")
        assert gc.isenabled()
    finally:
        if not was:
            gc.disable()


def _table(rows: int) -> str:
    lines = ["year;value"] + [f"{1000 + i % 1000}-{1 + i % 12:02d};{i}.5" for i in range(rows)]
    return "\n".join(lines) + "\n"


def test_a_large_import_and_its_undo_and_redo_run_no_collection(
    sample_store: Store, collections: list[int]
) -> None:
    did = sample_store.find_dossier("AZ").id
    text = _table(20_000)
    collections.clear()  # from here on, only the import's own steps run
    opts = Options(unit="1", currency="USD", reporter="BY", partner="AZ")
    mapping = TradeMapping(period="year", amount="value", fixed_flow="export")
    records = records_of(read_text(text))
    plan = plan_records(records, mapping, did, opts)
    result = store_plan(sample_store, plan, did, "big file")
    # 3,000 distinct months; each again later with another amount: a conflict
    assert (result.added, result.duplicates, len(result.conflicts)) == (3_000, 0, 17_000)
    sample_store.undo()
    sample_store.redo()
    assert collections == []
