"""The operation log: undo and redo kept by the store, for the window and the CLI (issue 15)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dossier.exports.json_text import dossier_json
from dossier.model import OFFICIAL, TRADE
from dossier.store import Store, open_store
from dossier.store.oplog import NothingToUndo, UndoConflict
from dossier.store.undo import delete


def _az(store: Store) -> int:
    return store.find_dossier("AZ").id  # type: ignore[return-value]


def test_an_operation_is_undone_and_redone_as_one(store_file: Path) -> None:
    store = open_store(store_file)
    did = _az(store)
    before = store.officials.count(did)
    with store.transaction("import of 2 officials") as changes:
        for name in ("Самир Шарифов", "Эльмар Мамедъяров"):
            store.officials.add(
                OFFICIAL.make({"name": name, "side": "host", "status": "current"}, dossier_id=did)
            )
    assert changes.label == "import of 2 officials"
    assert len(changes.added["officials"]) == 2
    undone = store.undo()
    assert store.officials.count(did) == before
    assert sorted(undone.deleted["officials"]) == sorted(changes.added["officials"])
    store.redo()
    assert store.officials.count(did) == before + 2
    # The same ids come back, so anything pointing at them points again.
    assert {o.id for o in store.officials.list(did)} >= set(changes.added["officials"])
    store.close()


def test_undo_puts_back_typed_values_exactly(sample_store: Store) -> None:
    did = _az(sample_store)
    figure = sample_store.trade.list(did)[0]
    official = sample_store.officials.list(did)[0]
    with sample_store.transaction("edit"):
        sample_store.trade.update(dataclasses.replace(figure, amount=1.5, kind="estimate"))
        sample_store.officials.update(dataclasses.replace(official, photo=b"\x89PNG\x00"))
    sample_store.undo()
    assert sample_store.trade.get(figure.id) == figure
    assert sample_store.officials.get(official.id) == official
    sample_store.redo()
    assert sample_store.trade.get(figure.id).amount == 1.5
    assert sample_store.officials.get(official.id).photo == b"\x89PNG\x00"


def test_deleting_a_dossier_and_undoing_restores_every_record(sample_store: Store) -> None:
    dossier = sample_store.find_dossier("AZ")
    whole = dossier_json(sample_store, dossier)
    delete(sample_store, dossier)
    assert sample_store.dossiers.count() == 0
    sample_store.undo()
    again = dossier_json(sample_store, sample_store.find_dossier("AZ"))
    whole["dossier"].pop("updated_at")
    again["dossier"].pop("updated_at")
    assert again == whole


def test_deleting_a_source_unlinks_its_facts_and_undo_relinks_them(sample_store: Store) -> None:
    did = _az(sample_store)
    source = sample_store.sources.list(did)[0]
    citing = sample_store.citing(source.id)
    assert citing
    delete(sample_store, source)
    assert all(sample_store.repo(spec).get(r.id).source_id is None for spec, r in citing)
    sample_store.undo()
    assert all(sample_store.repo(spec).get(r.id).source_id == source.id for spec, r in citing)


def test_undo_refuses_when_another_process_changed_the_record(store_file: Path) -> None:
    window = open_store(store_file)
    terminal = open_store(store_file)
    terminal.log.origin = "import-officials"
    did = _az(window)
    official = window.officials.list(did)[0]
    window.officials.update(dataclasses.replace(official, position="Министр"))
    other = terminal.officials.get(official.id)
    terminal.officials.update(dataclasses.replace(other, position="Посол"))
    with pytest.raises(UndoConflict, match="changed since"):
        window.undo(origin="window")  # Ctrl+Z in the window takes back the window's edit
    assert window.officials.get(official.id).position == "Посол"  # nothing overwritten
    window.close()
    terminal.close()


def test_the_log_survives_a_restart_and_names_who_made_each_change(store_file: Path) -> None:
    store = open_store(store_file)
    store.log.origin = "import-officials"
    did = _az(store)
    with store.transaction():
        store.officials.add(
            OFFICIAL.make(
                {"name": "Али Асадов", "side": "host", "status": "current"}, dossier_id=did
            )
        )
    store.close()
    store = open_store(store_file)
    newest = store.history(limit=1)[0]
    assert (newest.label, newest.origin, newest.records, newest.state) == (
        "1 official added",
        "import-officials",
        1,
        "done",
    )
    store.undo()
    assert not store.officials.list(did, text="Асадов")
    assert store.history(limit=2)[0].label == "Undo 1 official added"
    store.close()


def test_a_new_change_ends_what_could_be_redone(sample_store: Store) -> None:
    did = _az(sample_store)
    sample_store.trade.add(
        TRADE.make(
            {"period_start": "2014", "period_end": "2014", "flow": "export", "amount": "2"},
            dossier_id=did,
        )
    )
    sample_store.undo()
    sample_store.officials.add(
        OFFICIAL.make({"name": "Новый", "side": "host", "status": "current"}, dossier_id=did)
    )
    with pytest.raises(NothingToUndo, match="Nothing to redo"):
        sample_store.redo()


def test_undo_of_a_large_import_is_one_operation(sample_store: Store) -> None:
    did = _az(sample_store)
    count = sample_store.trade.count(did)
    with sample_store.transaction("import of 500 trade figures"):
        sample_store.trade.add_many(
            TRADE.make(
                {
                    "period_start": str(1900 + i % 100),
                    "period_end": str(1900 + i % 100),
                    "flow": "export",
                    "amount": str(i + 1),
                },
                dossier_id=did,
            )
            for i in range(500)
        )
    sample_store.undo()
    assert sample_store.trade.count(did) == count


def test_a_summary_groups_thousands(sample_store: Store) -> None:
    did = _az(sample_store)
    with sample_store.transaction() as changes:
        sample_store.trade.add_many(
            TRADE.make(
                {
                    "period_start": str(1000 + i),
                    "period_end": str(1000 + i),
                    "flow": "export",
                    "amount": "1",
                },
                dossier_id=did,
            )
            for i in range(1200)
        )
    assert changes.label == "1,200 trade figures added"


def test_a_bulk_import_is_undone_and_redone_exactly(sample_store: Store) -> None:
    did = _az(sample_store)
    count = sample_store.trade.count(did)
    rows = [
        dict(
            TRADE.validate(
                {
                    "period_start": str(1950 + i % 60),
                    "period_end": str(1950 + i % 60),
                    "flow": "import",
                    "amount": str(i / 4),
                    "reporter": "AZ",
                    "partner": "DE",
                }
            ),
            dossier_id=did,
        )
        for i in range(300)
    ]
    with sample_store.transaction("import of 300 trade figures") as changes:
        assert sample_store.trade.insert_many(rows) == 300
    assert len(changes.added["trade_figures"]) == 300
    added = sample_store.trade.list(did, where="partner = 'DE'")
    sample_store.undo()
    assert sample_store.trade.count(did) == count
    sample_store.redo()
    assert sample_store.trade.list(did, where="partner = 'DE'") == added
