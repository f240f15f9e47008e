"""Long core operations stop when their progress callback says so, leaving nothing.

Each is cancelled midway through its writes (the point a user pressing Cancel
would reach), then the store and the files are compared with before. No Qt here:
the CLI and the GUI drive these functions alike.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import Any

import pytest

from dossier.ingest import trade_import as ti
from dossier.ingest import trade_store
from dossier.ingest.tables import read_text, records_of
from dossier.progress import Cancelled, report, scaled
from dossier.store import Store, open_store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
PASS = "correct horse battery"


class StopAt:
    """A progress callback that says stop once `fraction` of the work is done."""

    def __init__(self, fraction: float = 0.5):
        self.fraction = fraction
        self.calls: list[tuple[int, int]] = []

    def __call__(self, done: int, total: int) -> bool:
        self.calls.append((done, total))
        return not (total and done >= total * self.fraction)


def counts(store: Store) -> dict[str, int]:
    tables = (
        "dossiers",
        "sources",
        "officials",
        "trade_figures",
        "projects",
        "talking_points",
        "events",
        "changes",
    )
    return {t: store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def daily_plan(dossier_id: int, days: int) -> Any:
    lines = ["date;exports;imports"] + [
        f"2001-01-01;{n}.5;{n}.25".replace("2001-01-01", _day(n)) for n in range(days)
    ]
    records = records_of(read_text("\n".join(lines)))
    return ti.plan_records(
        records,
        ti.guess_mapping(records.header),
        dossier_id,
        ti.Options(unit="1", currency="USD", reporter="BY", partner="AZ"),
    )


def _day(n: int) -> str:
    import datetime as dt

    return (dt.date(1900, 1, 1) + dt.timedelta(days=n)).isoformat()


def test_report_and_scaled() -> None:
    seen: list[tuple[int, int]] = []
    report(lambda d, t: seen.append((d, t)), 1, 2)  # None: go on
    stage = scaled(lambda d, t: seen.append((d, t)), 50, 40)
    assert stage is not None
    stage(5, 10)
    assert seen == [(1, 2), (70, 100)]
    with pytest.raises(Cancelled):
        report(lambda _d, _t: False, 1, 2)
    assert scaled(None, 0, 10) is None


def test_a_cancelled_trade_import_writes_nothing(
    sample_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(trade_store, "INSERT_CHUNK", 500)
    dossier = sample_store.dossiers.list()[0]
    plan = daily_plan(dossier.id, 3000)
    before = counts(sample_store)
    stop = StopAt(0.75)  # half the rows inserted, inside the transaction
    with pytest.raises(Cancelled):
        ti.store_plan(sample_store, plan, dossier.id, "daily.csv", progress=stop)
    assert counts(sample_store) == before
    assert any(done > len(plan.figures) for done, _ in stop.calls)  # it was inserting


def test_trade_import_progress_reaches_the_end(sample_store: Store) -> None:
    dossier = sample_store.dossiers.list()[0]
    plan = daily_plan(dossier.id, 1500)
    seen: list[tuple[int, int]] = []
    result = ti.store_plan(
        sample_store,
        plan,
        dossier.id,
        "daily.csv",
        progress=lambda d, t: seen.append((d, t)) or True,
    )
    assert result.added == 3000
    assert seen[-1] == (6000, 6000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)  # only forward


def test_a_cancelled_officials_import_writes_nothing(sample_store: Store) -> None:
    from dossier.ingest.officials_import import (
        OfficialsMapping,
        plan_officials,
        store_officials,
    )

    dossier = sample_store.dossiers.list()[0]
    names = "\n".join(f"Person Number{n},Minister of Things {n}" for n in range(200))
    records = records_of(read_text("name,position\n" + names))
    plan = plan_officials(
        sample_store, dossier, records, OfficialsMapping(name="name", position="position")
    )
    before = counts(sample_store)
    with pytest.raises(Cancelled):
        store_officials(sample_store, plan, None, StopAt(0.5))
    assert counts(sample_store) == before


def test_a_cancelled_factbook_import_creates_no_dossier(sample_store: Store) -> None:
    from dossier.ingest import factbook as fb

    book = fb.read_factbook(FIXTURES / "bo_excerpt.json")
    plan = fb.plan_factbook(sample_store, book)
    before = counts(sample_store)
    with pytest.raises(Cancelled):
        fb.apply_factbook(sample_store, plan, progress=StopAt(0.6))
    assert counts(sample_store) == before


def test_a_cancelled_export_leaves_no_file_and_the_old_one_intact(
    sample_store: Store, tmp_path: Path
) -> None:
    from dossier.exports.exchange_writer import export_dossier

    dossier = sample_store.dossiers.list()[0]
    out = tmp_path / "az.dossier"
    with pytest.raises(Cancelled):
        export_dossier(sample_store, dossier, out, PASS, StopAt(0.5))
    assert list(tmp_path.iterdir()) == []
    out.write_bytes(b"the colleague's earlier copy")
    with pytest.raises(Cancelled):
        export_dossier(sample_store, dossier, out, PASS, StopAt(0.99))  # at the last moment
    assert list(tmp_path.iterdir()) == [out]
    assert out.read_bytes() == b"the colleague's earlier copy"
    seen: list[tuple[int, int]] = []
    export_dossier(sample_store, dossier, out, PASS, lambda d, t: seen.append((d, t)))
    assert seen[-1] == (100, 100)
    assert out.read_bytes() != b"the colleague's earlier copy"


def test_a_cancelled_merge_writes_nothing(sample_store: Store, tmp_path: Path) -> None:
    from dossier.exports.exchange_writer import export_dossier
    from dossier.ingest.exchange import apply_merge, plan_merge, read_exchange
    from dossier.store import memory_store

    dossier = sample_store.dossiers.list()[0]
    path = tmp_path / "az.dossier"
    export_dossier(sample_store, dossier, path, PASS)
    empty = memory_store()
    before = counts(empty)
    plan = plan_merge(empty, read_exchange(path, PASS))
    with pytest.raises(Cancelled):
        apply_merge(empty, plan, {}, StopAt(0.5))
    assert counts(empty) == before
    result = apply_merge(empty, plan, {})
    assert result.created_dossier
    assert result.added == sum(
        counts(sample_store)[t]
        for t in ("sources", "officials", "trade_figures", "projects", "talking_points", "events")
    )
    empty.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_cancelled_backup_leaves_no_file(
    store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.store import backup

    monkeypatch.setattr(backup, "BACKUP_PAGES", 2)  # many steps: Cancel lands mid-copy
    store = open_store(store_file)
    stop = StopAt(0.4)
    with pytest.raises(Cancelled):
        backup.make_backup(store, progress=stop)
    assert 0 < stop.calls[-1][0] < 80  # stopped while copying pages
    assert list(backup.backup_dir(store_file).iterdir()) == []
    with pytest.raises(Cancelled):
        backup.make_backup(store, progress=StopAt(0.9))  # while verifying the copy
    assert list(backup.backup_dir(store_file).iterdir()) == []
    seen: list[tuple[int, int]] = []
    info = backup.make_backup(store, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (100, 100)
    assert [b.path for b in backup.list_backups(store_file)] == [info.path]
    store.close()


def test_a_backup_is_a_snapshot_while_another_connection_writes(store_file: Path) -> None:
    import threading

    from dossier.store import backup

    store = open_store(store_file)
    writer = open_store(store_file)
    dossier = writer.dossiers.list()[0]
    stop = threading.Event()

    def write() -> None:
        n = 0
        while not stop.is_set():
            writer.dossiers.update(dataclasses.replace(dossier, summary=f"edit {n}"))
            n += 1

    thread = threading.Thread(target=write)
    thread.start()
    try:
        info = backup.make_backup(store)  # verified: integrity and record count
    finally:
        stop.set()
        thread.join()
    assert info.records == sum(counts(store)[t] for t in backup.RECORD_TABLES)
    writer.close()
    store.close()


def test_a_cancelled_restore_leaves_the_store_as_it_was(store_file: Path) -> None:
    from dossier.store import backup

    store = open_store(store_file)
    made = backup.make_backup(store)
    store.dossiers.add(
        dataclasses.replace(store.dossiers.list()[0], id=None, code="BY", name="Беларусь")
    )
    store.close()
    before = _digest(store_file)
    for fraction in (0.3, 0.8):  # while backing up the current store; while copying
        with pytest.raises(Cancelled):
            backup.restore(store_file, made.path, progress=StopAt(fraction))
        assert _digest(store_file) == before
        assert not [p for p in store_file.parent.iterdir() if p.name.endswith(".part")]
    backup.restore(store_file, made.path)
    reopened = open_store(store_file)
    assert [d.code for d in reopened.dossiers.list()] == ["AZ"]
    reopened.close()
