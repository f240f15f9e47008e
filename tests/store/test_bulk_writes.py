"""Bulk writes (store/bulk.py) and column-wise validation (EntitySpec.validate_many):
the same rows, audit rows and undo as the record-by-record path (issue 15, Speed)."""

from __future__ import annotations

import dataclasses
import json
import re
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


def test_id_ranges_of_a_range_is_one_run() -> None:
    assert id_ranges(range(7, 12)) == [(7, 11)] == id_ranges(list(range(7, 12)))
    assert id_ranges(range(3, 3)) == []
    assert id_ranges([3, 5, 4]) == [(3, 5)]
    assert id_ranges([3, 3, 5]) == [(3, 3), (5, 5)]
    assert id_ranges([4, 3, 5, 6]) == [(3, 6)]


def _stored_and_logged(store: Store, op_id: int | None) -> list[tuple[Any, ...]]:
    """Each record an operation added, with its audit row (ids and time left out)."""
    rows = store.db.execute(
        "SELECT c.table_name, c.dossier_id, c.action, c.new, c.new_json "
        "FROM changes AS c WHERE c.op_id = ? ORDER BY c.id",
        [op_id],
    ).fetchall()
    return [(*r[:4], json.loads(r[4])) for r in rows]


def test_insert_columns_stores_and_logs_what_insert_many_does(sample_store: Store) -> None:
    # Columns NULL in every row (growth, base, note) are left out of the INSERT but
    # logged, in the same order, as insert_many logs them; a column NULL in some
    # rows only is bound as it is.
    did = sample_store.find_dossier("AZ").id
    figures = _figures(did, 300)
    rows = TRADE.validate_many([vars(f) for f in figures])
    for row in rows:
        row["dossier_id"] = did
        row["growth_factor"] = None
    names, columns = TRADE.validate_columns([vars(f) for f in figures])
    names.append("dossier_id")
    columns.append([did] * len(figures))
    columns[names.index("growth_factor")] = [None] * len(figures)
    assert [c.count(None) == len(c) for c in columns].count(True) >= 5
    with sample_store.transaction("as rows") as by_rows:
        sample_store.trade.insert_many(rows)
    with sample_store.transaction("as columns") as by_columns:
        sample_store.trade.insert_columns(names, columns)
    one = sample_store.trade.get_many(by_rows.added["trade_figures"])
    other = sample_store.trade.get_many(by_columns.added["trade_figures"])
    assert [vars(f) | {"id": 0} for f in one] == [vars(f) | {"id": 0} for f in other]
    logged = _stored_and_logged(sample_store, by_rows.op_id)
    assert logged == _stored_and_logged(sample_store, by_columns.op_id)
    assert list(logged[0][4]) == [n for n in names if n != "dossier_id"]  # key order kept
    sample_store.undo()
    assert sample_store.trade.get_many(by_columns.added["trade_figures"]) == []
    sample_store.redo()
    assert sample_store.trade.get_many(by_columns.added["trade_figures"]) == other


def test_insert_columns_of_a_table_with_photos_logs_its_nulls_too(sample_store: Store) -> None:
    # Photos are logged from Python (base64), not by SQLite: the NULL columns left out
    # of the INSERT go back into each row's log.
    did = sample_store.find_dossier("AZ").id
    officials = [
        OFFICIAL.validate({"name": f"Official {i}", "side": "host", "status": "current"})
        | {"dossier_id": did, "photo": b"\x89PNG" + bytes([i])}
        for i in range(3)
    ]
    names = list(officials[0])
    columns = [[o[n] for o in officials] for n in names]
    with sample_store.transaction("as rows") as by_rows:
        sample_store.officials.insert_many(officials)
    with sample_store.transaction("as columns") as by_columns:
        sample_store.officials.insert_columns(names, columns)
    assert _stored_and_logged(sample_store, by_rows.op_id) == _stored_and_logged(
        sample_store, by_columns.op_id
    )


def test_audit_rows_of_a_bulk_insert_are_stamped_as_the_others(sample_store: Store) -> None:
    did = sample_store.find_dossier("AZ").id
    before = sample_store.db.execute("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')").fetchone()[0]
    add_figures(sample_store, _figures(did, 50))
    op = sample_store.history(limit=1)[0]
    stamps = {
        r[0] for r in sample_store.db.execute("SELECT at FROM changes WHERE op_id = ?", [op.id])
    }
    assert len(stamps) == 1
    (stamp,) = stamps
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", stamp)
    assert before <= stamp


@pytest.mark.parametrize("first", [3, 11])
def test_validate_many_names_the_first_of_two_figures_refused_by_different_rules(
    first: int,
) -> None:
    # Each rule of check_trade is decided a column at a time: the row named is still
    # the first that validate refuses, whichever rule refuses it.
    bad = [
        {"period_start": "2014", "period_end": "2013"},
        {"amount": -1.0},
        {"reporter": "AZ", "partner": "az"},
        {"partner": "Azerbaijan"},
        {"amount": None},
        {"currency": "usd", "reporter": "world", "partner": "WORLD"},
    ]
    for one in bad:
        for other in bad:
            rows = _RAW * 3
            second = 14 - first
            rows[first] = {**_RAW[0], **one}
            rows[second] = {**_RAW[0], **other}
            with pytest.raises(RowValidationError) as found:
                TRADE.validate_many(rows)
            assert found.value.index == min(first, second), (one, other)


def test_validate_many_of_a_field_no_row_gives() -> None:
    # A column empty in every row: cleaned once (a default, or validate's refusal).
    rows = [{k: v for k, v in row.items() if k != "flow"} for row in _RAW * 2]
    with pytest.raises(ValidationError) as expected:
        TRADE.validate(rows[0])
    with pytest.raises(RowValidationError) as found:
        TRADE.validate_many(rows)
    assert (found.value.index, found.value.errors) == (0, expected.value.errors)
    given = [{**row, "note": None, "kind": None} for row in _RAW]
    assert TRADE.validate_many(given) == [TRADE.validate(row) for row in given]


@pytest.mark.parametrize(
    "outside",
    [
        "UPDATE trade_figures SET amount = coalesce(amount, 0) + 1 WHERE id = ?",
        "UPDATE trade_figures SET note = 'changed' WHERE id = ?",
        "DELETE FROM trade_figures WHERE id = ?",
    ],
)
def test_undo_of_an_import_names_the_one_figure_changed_since(
    sample_store: Store, outside: str
) -> None:
    # The check compares 100,000 records at once; the one changed since (by another
    # program: no operation of the log) is still found and named, nothing undone.
    from dossier.store.oplog import UndoConflict

    did = sample_store.find_dossier("AZ").id
    add_figures(sample_store, _figures(did, 400))
    ids = sorted(
        sample_store.history(limit=1)[0]
        and sample_store.trade.values_many(
            [f.id for f in sample_store.trade.list(did) if f.id is not None]
        )
    )
    target = ids[-150]
    sample_store.db.execute(outside, [target])
    count = sample_store.trade.count(did)
    with pytest.raises(UndoConflict, match=f"trade_figures #{target}\\)"):
        sample_store.undo()
    assert sample_store.trade.count(did) == count
