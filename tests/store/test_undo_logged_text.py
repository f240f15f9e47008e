"""Undo of a bulk insert checks each record against the text its insert logged (issue 15,
Speed): a record holding that very text now needs no parsing; any other is compared
value by value, as before, so a change made since is still refused."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from dossier.model import TRADE
from dossier.store import Store, log_steps, open_store
from dossier.store.oplog import UndoConflict


def _figures(did: int, count: int = 120) -> list[dict[str, Any]]:
    return [
        dict(
            TRADE.validate(
                {
                    "period_start": str(1950 + i % 60),
                    "period_end": str(1950 + i % 60),
                    "flow": "import",
                    "amount": str(i / 10),  # 0.1, 0.3, ...: reals that print long
                    "reporter": "AZ",
                    "partner": "DE",
                    "note": "тест «1»" if i % 2 else None,
                }
            ),
            dossier_id=did,
        )
        for i in range(count)
    ]


def _import(store: Store, count: int = 120) -> list[int]:
    did = store.find_dossier("AZ").id  # type: ignore[union-attr]
    with store.transaction(f"import of {count} trade figures") as changes:
        store.trade.insert_many(_figures(did, count))
    return changes.added["trade_figures"]


def _parsed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many logged values the log parses from now on (one count per call)."""
    counts: list[int] = []
    decode_all, from_json = log_steps._decode_all, log_steps.from_json

    def counting_all(texts: list[str | None]) -> list[Any]:
        counts.append(len(texts) - texts.count(None))
        return decode_all(texts)

    def counting_one(text: str | None) -> Any:
        counts.append(text is not None)
        return from_json(text)

    monkeypatch.setattr(log_steps, "_decode_all", counting_all)
    monkeypatch.setattr(log_steps, "from_json", counting_one)
    return counts


def test_undo_of_a_bulk_insert_parses_none_of_the_records_left_as_logged(
    sample_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _import(sample_store)
    before = {i: vars(sample_store.trade.get(i)) for i in ids}
    counts = _parsed(monkeypatch)
    undone = sample_store.undo()
    assert sum(counts) <= 1  # the first record's text: which fields were logged
    assert undone.deleted["trade_figures"] == before  # the deleted records' values, whole
    assert not sample_store.trade.values_many(ids)
    sample_store.redo()  # every figure back, as it was
    assert {i: vars(sample_store.trade.get(i)) for i in ids} == before


@pytest.mark.parametrize(
    "change",
    [
        "UPDATE trade_figures SET amount = amount + 1 WHERE id = ?",
        "UPDATE trade_figures SET note = 'другая' WHERE id = ?",
        "UPDATE trade_figures SET dossier_id = (SELECT max(id) FROM dossiers) WHERE id = ?",
        "DELETE FROM trade_figures WHERE id = ?",
    ],
    ids=["amount", "note", "moved", "deleted"],
)
def test_a_record_changed_by_another_connection_since_a_bulk_insert_refuses_the_undo(
    store_file: Path, change: str
) -> None:
    window = open_store(store_file)
    other = open_store(store_file)
    with other.transaction("a dossier to move a figure to"):
        other.db.execute("INSERT INTO dossiers(code, name) VALUES ('GE', 'Грузия')")
    ids = _import(window)
    with other.db.atomic():  # no audit row, no operation: only the record changes
        other.db.execute(change, [ids[57]])
    after = other.db.execute("SELECT count(*) FROM trade_figures").fetchone()[0]
    with pytest.raises(UndoConflict, match=rf"trade_figures #{ids[57]}\)"):
        window.undo(origin="window")
    # Nothing deleted, nothing overwritten.
    assert window.db.execute("SELECT count(*) FROM trade_figures").fetchone()[0] == after
    window.close()
    other.close()


def test_an_edit_since_a_bulk_insert_refuses_the_undo_of_the_insert(store_file: Path) -> None:
    window = open_store(store_file)
    terminal = open_store(store_file)
    terminal.log.origin = "edit"
    ids = _import(window)
    figure = terminal.trade.get(ids[3])
    terminal.trade.update(dataclasses.replace(figure, partner="FR"))
    with pytest.raises(UndoConflict, match="changed since"):
        window.undo(origin="window")
    assert window.trade.get(ids[3]).partner == "FR"
    window.close()
    terminal.close()


@pytest.mark.parametrize(
    "rewrite",
    [
        lambda v: json.dumps(v, ensure_ascii=False),  # spaced, as Python writes it
        lambda v: json.dumps(dict(reversed(v.items()))),  # other order, \u escapes
        lambda v: json.dumps({k: x for k, x in v.items() if x is not None}),  # empties left out
        lambda v: json.dumps(v | {"amount": 0}),  # the record holds 0.0
        lambda v: json.dumps(v | {"retired_field": None}),  # a field the record lacks
    ],
    ids=["spaced", "reordered", "no-empties", "int-vs-real", "unknown-field"],
)
def test_a_record_logged_in_other_text_but_equal_still_undoes(
    sample_store: Store, rewrite: Any
) -> None:
    ids = _import(sample_store)
    first = ids[0]  # amount 0.0
    logged = sample_store.db.execute(
        "SELECT id, new_json FROM changes WHERE table_name = 'trade_figures' AND row_id = ? "
        "ORDER BY id DESC LIMIT 1",
        [first],
    ).fetchone()
    text = rewrite(json.loads(logged[1]))
    assert text != logged[1]
    sample_store.db.execute("UPDATE changes SET new_json = ? WHERE id = ?", [text, logged[0]])
    undone = sample_store.undo()
    assert sorted(undone.deleted["trade_figures"]) == sorted(ids)
    assert not sample_store.trade.values_many(ids)
