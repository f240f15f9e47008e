"""The same trade file imported from the terminal and from the window gives the same
figures: both drive one load -> plan -> commit session (issue 15, item 4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dossier.cli import main
from dossier.ingest import trade_session
from dossier.ingest.trade_types import Options
from dossier.store import open_store
from dossier.store.sample import load_sample
from dossier.ui import import_dialogs

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _installed(window: Any) -> None:
    import_dialogs.install(window)


def _facts(figures: list[Any]) -> list[tuple[Any, ...]]:
    """What a reader sees of each figure (not its id or the source's id)."""
    return sorted(
        (
            f.period_start,
            f.period_end,
            f.flow,
            f.reporter,
            f.partner,
            round(f.amount, 9) if f.amount is not None else None,
            f.currency,
            f.unit_scale,
            f.kind,
            f.note,
        )
        for f in figures
    )


def _stored_by_cli(store_file: Path, name: str) -> list[Any]:
    store = open_store(store_file)
    try:
        dossier = store.find_dossier("AZ")
        source = store.sources.matching(dossier.id, title=name)[0]
        return store.trade.matching(dossier.id, source_id=source.id)
    finally:
        store.close()


def _plan_in_window(qtbot: Any, dialog: Any) -> None:
    with qtbot.waitSignal(dialog.planned, timeout=20000):
        dialog.preview_button.click()


def test_a_records_table_gives_the_same_figures_from_the_cli_and_the_window(
    window: Any, qtbot: Any, store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = FIXTURES / "tradhist_excerpt.csv"
    # The window, as a user fills the dialog.
    dialog = import_dialogs.open_trade_dialog(window)
    assert dialog.load(path)
    dialog.currency_edit.setText("USD")
    for column, value in (("destination_country_code", "AZE"), ("origin_country_code", "DEU")):
        dialog.partner_combos[column].setCurrentIndex(dialog.partner_combos[column].findData(value))
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("1"))
    dialog.store_unit_combo.setCurrentIndex(dialog.store_unit_combo.findData("1000000"))
    _plan_in_window(qtbot, dialog)
    window_hint = dialog.unit_reason.text()
    dialog.unit_confirm.setChecked(True)
    result = dialog.do_import()
    dossier_id = window.current_dossier().id
    in_window = window.store.trade.matching(dossier_id, source_id=result.source_id)
    dialog.close()

    # The terminal, with the same choices as options.
    args = ["--store", str(store_file), "import-trade", str(path), "--country", "AZ"]
    args += ["--currency", "USD", "--rows", "destination_country_code=AZE"]
    args += ["--rows", "origin_country_code=DEU", "--unit", "1", "--store-unit", "1e6"]
    assert main(args) == 0
    out = capsys.readouterr().out
    in_terminal = _stored_by_cli(store_file, path.name)

    # The session itself, as both drive it.
    loaded = trade_session.load_trade(path)
    mapping = loaded.guessed_mapping()
    mapping.partner = {"destination_country_code": "AZE", "origin_country_code": "DEU"}
    plan, hint = trade_session.plan_records(
        loaded, mapping, dossier_id, Options(unit="1", currency="USD", store_unit="1000000")
    )

    assert len(in_window) == len(in_terminal) == len(plan.figures) == 14
    assert _facts(in_window) == _facts(in_terminal) == _facts(plan.figures)
    # One suggestion for the unit, worded the same in both.
    assert hint.reason in out
    assert hint.reason in window_hint


def test_a_table_of_blocks_gives_the_same_figures_and_the_same_flow_guess(
    window: Any, qtbot: Any, store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = FIXTURES / "rosstat_kep_excerpt.csv"
    loaded = trade_session.load_trade(path)
    block = next(b for b in loaded.amount_blocks if "1.9. Внешнеторговый оборот" in b.title())
    suggestion = trade_session.suggest_block(block)
    assert (suggestion.flow, suggestion.unit.scale) == ("turnover", "1000000000")

    dialog = import_dialogs.open_trade_dialog(window)
    assert dialog.load(path)
    dialog.block_combo.setCurrentIndex(dialog.block_combo.findData(block.number))
    assert dialog.fixed_flow.currentData() == suggestion.flow
    assert dialog.unit_combo.currentData() == suggestion.unit.scale
    dialog.kind_checks["quarter"].setChecked(True)
    dialog.reporter_edit.setText("RUS")
    dialog.partner_edit.setText("world")
    dialog.currency_edit.setText("USD")
    _plan_in_window(qtbot, dialog)
    dialog.unit_confirm.setChecked(True)
    result = dialog.do_import()
    dossier_id = window.current_dossier().id
    in_window = window.store.trade.matching(dossier_id, source_id=result.source_id)
    dialog.close()

    base = ["--store", str(store_file), "import-trade", str(path), "--country", "AZ"]
    base += ["--block", str(block.number)]
    # Without --flow the terminal refuses, naming the flow the window preselected.
    assert main(base) == 1
    assert "its heading says turnover" in capsys.readouterr().err
    chosen = ["--flow", "turnover", "--periods", "year,quarter", "--unit", "1e9"]
    chosen += ["--reporter", "RUS", "--partner", "world", "--currency", "USD"]
    assert main([*base, *chosen]) == 0
    in_terminal = _stored_by_cli(store_file, path.name)

    assert in_window
    assert _facts(in_window) == _facts(in_terminal)


def _people(store: Any, dossier_id: int) -> list[tuple[Any, ...]]:
    return sorted(
        (o.name, o.name_latin, o.position, o.start_date, o.end_date, o.status, o.side)
        for o in store.officials.list(dossier_id)
    )


def test_an_officials_table_gives_the_same_officials_from_the_cli_and_the_window(
    window: Any, store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dossier.ingest.officials_import import describe, plan_officials
    from dossier.ingest.officials_session import load_officials

    path = FIXTURES / "azerbaijan_holders_excerpt.csv"
    dialog = import_dialogs.open_officials_dialog(window)
    assert dialog.load(path)
    in_window_plan = [dialog.changes.item(i).text() for i in range(dialog.changes.count())]
    dialog.import_button.click()
    dossier = window.current_dossier()
    dialog.close()

    args = ["--store", str(store_file), "import-officials", str(path), "--country", "AZ"]
    assert main(args) == 0
    out = capsys.readouterr().out
    terminal = open_store(store_file)
    try:
        in_terminal = _people(terminal, terminal.find_dossier("AZ").id)
    finally:
        terminal.close()

    # The plan, as the session gives it to both, before either wrote anything.
    fresh = open_store(store_file.with_name("fresh.db"))
    loaded = load_officials(path)
    mine = load_sample(fresh)
    plan = plan_officials(fresh, mine, loaded.records, loaded.for_dossier(mine))
    lines = describe(plan.people)
    fresh.close()
    assert lines
    assert lines == in_window_plan[: len(lines)]
    assert all(line in out for line in lines)
    assert _people(window.store, dossier.id) == in_terminal
