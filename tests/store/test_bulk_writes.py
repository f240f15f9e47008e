"""Bulk writes (store/bulk.py) and column-wise validation (EntitySpec.validate_many):
the same rows, audit rows and undo as the record-by-record path (issue 15, Speed)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from dossier.entity_spec import RowValidationError
from dossier.fields import ValidationError
from dossier.ingest.tables import TableError
from dossier.ingest.trade_store import add_figures
from dossier.model import OFFICIAL, TALKING_POINT, TRADE, TradeFigure
from dossier.store import Store
from dossier.store.bulk import id_ranges, json_rows
from dossier.store.oplog import to_json

# Figures as importers and forms hand them in: text and numbers, codes in any case,
# "world", blanks, a growth factor without an amount, a balance below zero.
_RAW: list[dict[str, Any]] = [
    {"period_start": "2013", "period_end": "2013", "flow": "export", "amount": 0.1 + 0.2},
    {"period_start": " 2013-01 ", "period_end": "2013-03", "flow": "Import", "amount": "1 234,5"},
    {
        "period_start": "2012",
        "period_end": "2012",
        "flow": "turnover",
        "amount": None,
        "growth_factor": "1.6",
        "base_start": "2006",
        "base_end": "2006",
    },
    {"period_start": "2011", "period_end": "2011", "flow": "balance", "amount": -5.0},
    {
        "period_start": "2010",
        "period_end": "2010",
        "flow": "export",
        "amount": 123456789.123456789,
        "currency": "usd",
        "reporter": "by",
        "partner": "World",
        "kind": "",
        "note": "line one\nline two",
    },
    {"period_start": "2010", "period_end": "2010", "flow": "export", "amount": 7, "partner": "az"},
]


def test_validate_many_gives_what_validate_gives_row_by_row() -> None:
    rows = _RAW * 3
    assert TRADE.validate_many(rows) == [TRADE.validate(row) for row in rows]


@pytest.mark.parametrize(
    "bad",
    [
        {"period_start": "2014", "period_end": "2013"},  # ends before it starts
        {"amount": -1.0},  # only a balance can be negative
        {"amount": float("inf")},
        {"amount": "lots"},
        {"reporter": "AZ", "partner": "az"},  # a country does not trade with itself
        {"partner": "Azerbaijan"},
        {"flow": "sideways"},
        {"amount": None},  # neither an amount nor a growth factor
    ],
)
def test_validate_many_names_the_first_bad_row_with_validates_message(
    bad: dict[str, Any],
) -> None:
    rows = _RAW * 2
    rows.insert(7, {**_RAW[0], **bad})
    rows.insert(9, {**_RAW[0], "period_start": "not a date"})
    with pytest.raises(ValidationError) as expected:
        TRADE.validate(rows[7])
    with pytest.raises(RowValidationError) as found:
        TRADE.validate_many(rows)
    assert found.value.index == 7
    assert found.value.errors == expected.value.errors
    assert str(found.value) == str(expected.value)


def test_validate_many_keeps_values_of_different_types_apart() -> None:
    # 1, 1.0 and True are one dict key; a text field keeps what was typed.
    rows = [{**_RAW[0], "note": v} for v in (1, 1.0, True, "1")]
    assert TRADE.validate_many(rows) == [TRADE.validate(row) for row in rows]


def _figures(dossier_id: int, n: int) -> list[TradeFigure]:
    return [
        TradeFigure(
            dossier_id=dossier_id,
            period_start=str(1900 + i % 100),
            period_end=str(1900 + i % 100),
            flow="export",
            amount=i / 7 if i % 5 else None,
            growth_factor=None if i % 5 else 1.25,
            currency="usd",
            reporter="AZ",
            partner="de" if i % 2 else "world",
            unit_scale="1000",
        )
        for i in range(n)
    ]


def _by_id(store: Store, dossier_id: int) -> list[TradeFigure]:
    return sorted(store.trade.list(dossier_id), key=lambda f: f.id or 0)


def _audit(store: Store, op_id: int | None) -> list[tuple[Any, ...]]:
    rows = store.db.execute(
        "SELECT table_name, row_id, dossier_id, action, field, old, new, old_json, new_json "
        "FROM changes WHERE op_id = ? ORDER BY id",
        [op_id],
    ).fetchall()
    return [(*r[:7], json.loads(r[7] or "null"), json.loads(r[8] or "null")) for r in rows]


def test_an_import_stores_and_audits_each_figure_as_validate_and_to_json_say(
    sample_store: Store,
) -> None:
    did = sample_store.find_dossier("AZ").id
    figures = _figures(did, 1200)
    before = {f.id for f in sample_store.trade.list(did)}
    added = add_figures(sample_store, figures)
    assert added == len(figures)
    stored = [f for f in _by_id(sample_store, did) if f.id not in before]
    expected = [TRADE.validate(vars(f)) for f in figures]
    assert [{k: getattr(f, k) for k in expected[0]} for f in stored] == expected
    op = sample_store.history(limit=1)[0]
    audit = _audit(sample_store, op.id)
    assert [a[1] for a in audit] == [f.id for f in stored]  # ascending, one per figure
    for row, values, figure in zip(audit, expected, stored, strict=True):
        assert row[:7] == ("trade_figures", figure.id, did, "insert", None, None, "import")
        assert row[7] is None
        # What the record-by-record path logged: every field but the keys.
        assert row[8] == json.loads(to_json(values))


def test_undo_and_redo_of_an_import_restore_exactly(sample_store: Store) -> None:
    did = sample_store.find_dossier("AZ").id
    whole = _by_id(sample_store, did)
    add_figures(sample_store, _figures(did, 700))
    imported = _by_id(sample_store, did)
    undone = sample_store.undo()
    assert _by_id(sample_store, did) == whole
    assert set(undone.deleted["trade_figures"]) == {f.id for f in imported} - {f.id for f in whole}
    # The undo logged each record whole, as a delete of one record logs it.
    audit = _audit(sample_store, undone.op_id)
    by_id = {f.id: f for f in imported}
    for row in audit:
        assert row[3] == "delete"
        assert row[7] == dataclasses.asdict(by_id[row[1]])
        assert undone.deleted["trade_figures"][row[1]] == dataclasses.asdict(by_id[row[1]])
    sample_store.redo()
    assert _by_id(sample_store, did) == imported


def test_a_bad_figure_in_the_middle_stores_nothing_and_says_which(sample_store: Store) -> None:
    did = sample_store.find_dossier("AZ").id
    figures = _figures(did, 500)
    figures[250] = dataclasses.replace(figures[250], period_start="2020", period_end="2019")
    count, operations = sample_store.trade.count(did), len(sample_store.history(limit=100))
    with pytest.raises(TableError) as caught:
        add_figures(sample_store, figures)
    assert str(caught.value) == (
        f"Invalid trade figure {figures[250]}: The period ends before it starts."
    )
    assert sample_store.trade.count(did) == count
    assert len(sample_store.history(limit=100)) == operations


def test_bulk_writes_of_yes_no_fields_and_photos_are_logged_as_one_by_one(
    sample_store: Store,
) -> None:
    did = sample_store.find_dossier("AZ").id
    points = [
        TALKING_POINT.validate(
            {"text": f"point {i}", "kind": "objective", "status": "draft", "releasable": i % 2 == 0}
        )
        | {"dossier_id": did}
        for i in range(6)
    ]
    officials = [
        OFFICIAL.validate({"name": f"Official {i}", "side": "host", "status": "current"})
        | {"dossier_id": did, "photo": b"\x89PNG" + bytes([i])}
        for i in range(3)
    ]
    with sample_store.transaction("bulk") as changes:
        sample_store.talking_points.insert_many(points)
        sample_store.officials.insert_many(officials)
    ids = changes.added["talking_points"]
    kept = {p.id: p for p in sample_store.talking_points.get_many(ids)}
    assert [kept[i].releasable for i in ids] == [True, False] * 3
    photos = {o.id: o.photo for o in sample_store.officials.get_many(changes.added["officials"])}
    undone = sample_store.undo()
    assert sample_store.talking_points.get_many(ids) == []
    for row_id in ids:
        assert undone.deleted["talking_points"][row_id] == dataclasses.asdict(kept[row_id])
    sample_store.redo()
    assert {p.id: p for p in sample_store.talking_points.get_many(ids)} == kept
    again = sample_store.officials.get_many(changes.added["officials"])
    assert {o.id: o.photo for o in again} == photos


def test_a_delete_with_values_read_before_a_record_went_deletes_what_is_there(
    sample_store: Store,
) -> None:
    did = sample_store.find_dossier("AZ").id
    ids = [f.id for f in sample_store.trade.list(did)]
    assert len(ids) > 2
    known = sample_store.trade.values_many(ids)
    assert known == {i: dataclasses.asdict(sample_store.trade.get(i)) for i in ids}
    with sample_store.transaction("gone"):
        sample_store.trade.delete(ids[0])
    with sample_store.transaction("bulk delete") as changes:
        assert sample_store.trade.delete_many(ids, known) == len(ids) - 1
    assert sorted(changes.deleted["trade_figures"]) == sorted(ids[1:])
    assert sample_store.trade.get_many(ids) == []


def test_json_rows_is_to_json_of_each_row() -> None:
    names = ["a", "b", "c", "d", "e"]
    rows = [
        ("Ёлка “x”", 0.1 + 0.2, 3, None, True),
        (None, None, None, b"\x00\xff", False),
        ("\\\n", 1e300, -2, 1.5, None),
    ]
    assert json_rows(names, rows) == [to_json(dict(zip(names, r, strict=True))) for r in rows]


def test_id_ranges() -> None:
    assert id_ranges([5, 3, 4, 9, 10, 1, 4]) == [(1, 1), (3, 5), (9, 10)]
    assert id_ranges([]) == []


@pytest.mark.parametrize("decimal", [".", ","])
def test_plain_amounts_are_read_as_parse_cell_reads_them(decimal: str) -> None:
    from dossier.ingest.numbers import parse_cell
    from dossier.ingest.trade_import import _amount

    cells = ["40636.48047", "2715622", "207.600", "1,5", "", "-", " 12 ", "1e5", "0.5", "9" * 400]
    cells += ["007", "1.", ".5", "12)", None, 3, 2.5]
    for cell in cells:
        try:
            expected: Any = parse_cell(cell, decimal).value
        except ValueError:
            expected = ValueError
        try:
            found: Any = _amount(cell, decimal)
        except ValueError:
            found = ValueError
        assert found == expected, cell
