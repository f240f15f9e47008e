"""Whose trade a figure is: the trade-pairs migration and the pair's validation (issue 16)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dossier.fields import ValidationError
from dossier.model import TRADE, TradeFigure
from dossier.paths import migrations_dir
from dossier.store import open_store
from dossier.store.connection import connect
from dossier.store.migrations import migrate


def _store_at_schema_2(path: Path, home_country: str | None) -> None:
    """A store as the previous release wrote it: one dossier and two figures."""
    import shutil

    old = path.parent / "old-migrations"
    old.mkdir()
    for f in sorted(migrations_dir().glob("000[12]_*.sql")):
        shutil.copy(f, old / f.name)
    db = connect(path)
    migrate(db, old)
    db.execute(
        "INSERT INTO dossiers(id, code, name, home_country) VALUES (1, 'AZ', 'Азербайджан', ?)",
        [home_country],
    )
    db.execute(
        "INSERT INTO trade_figures(dossier_id, period_start, period_end, flow, amount, estimate)"
        " VALUES (1, '2012', '2012', 'turnover', 223.3, 0), (1, '2013', '2013', 'export', 5, 1)"
    )
    db.close()


@pytest.mark.parametrize("home", ["Беларусь", "Республика Беларусь", "Belarus", "белоруссия"])
def test_existing_figures_become_the_dossiers_own_trade(tmp_path: Path, home: str) -> None:
    path = tmp_path / "old.db"
    _store_at_schema_2(path, home)
    store = open_store(path)
    try:
        assert store.dossiers.get(1).home_code == "BY"
        figures = store.trade.list(1)
        assert [(f.reporter, f.partner, f.flow, f.kind) for f in figures] == [
            ("BY", "AZ", "turnover", "actual"),
            ("BY", "AZ", "export", "estimate"),
        ]
        # The search index survived the rebuild: a figure is still found by its flow.
        assert [h.kind for h in store.search("export")] == ["trade"]
        assert store.check() == []
    finally:
        store.close()


def test_an_unknown_home_country_leaves_the_pair_unknown(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _store_at_schema_2(path, "Атлантида")
    store = open_store(path)
    try:
        assert store.dossiers.get(1).home_code is None
        assert {(f.reporter, f.partner) for f in store.trade.list(1)} == {(None, None)}
    finally:
        store.close()


def test_a_balance_and_targets_fit_where_they_did_not(tmp_path: Path) -> None:
    store = open_store(tmp_path / "new.db")
    try:
        with pytest.raises(sqlite3.IntegrityError):
            store.db.execute(
                "INSERT INTO trade_figures(dossier_id, period_start, period_end, flow, kind)"
                " VALUES (1, '2012', '2012', 'turnover', 'wish')"
            )
    finally:
        store.close()


def test_typed_figures_default_to_the_dossiers_pair(sample_store) -> None:  # type: ignore[no-untyped-def]
    dossier = sample_store.find_dossier("AZ")
    added = sample_store.trade.add(
        TRADE.make(
            {"period_start": "2014", "period_end": "2014", "flow": "export", "amount": "1"},
            dossier_id=dossier.id,
        )
    )
    assert (added.reporter, added.partner, added.kind) == ("BY", "AZ", "actual")


def test_sample_figures_are_belarus_azerbaijan_actuals(sample_store) -> None:  # type: ignore[no-untyped-def]
    dossier = sample_store.find_dossier("AZ")
    assert {(f.reporter, f.partner, f.kind) for f in sample_store.trade.list(dossier.id)} == {
        ("BY", "AZ", "actual")
    }


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"reporter": "BLR"}, "reporter", "two-letter"),
        ({"reporter": "by", "partner": "BY"}, "partner", "itself"),
        ({"amount": "-5"}, "amount", "balance"),
    ],
)
def test_pair_and_sign_are_checked(values: dict[str, str], field: str, message: str) -> None:
    base = {"period_start": "2012", "period_end": "2012", "flow": "export", "amount": "1"}
    with pytest.raises(ValidationError) as err:
        TRADE.validate(base | values)
    assert message in err.value.errors[field]


def test_world_and_lowercase_codes_are_normalised() -> None:
    values = TRADE.validate(
        {
            "period_start": "2012",
            "period_end": "2012",
            "flow": "balance",
            "amount": "-3",
            "reporter": "az",
            "partner": "World",
        }
    )
    assert (values["reporter"], values["partner"], values["kind"]) == ("AZ", "world", "actual")
    assert isinstance(TradeFigure(**values), TradeFigure)
