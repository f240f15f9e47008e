"""The import and exchange dialogs, driven as a user would (offscreen)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dossier.exports.exchange_writer import export_dossier
from dossier.store import memory_store
from dossier.ui import import_dialogs

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
PASS = "correct horse battery"

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _installed(window):
    """The main window with this extension installed, as the app does at start-up."""
    window.import_actions = import_dialogs.install(window)


def test_file_menu_has_the_import_and_exchange_entries(window):
    texts = [a.text() for a in window.menu("file").actions()]
    for text in (
        "Import trade table…",
        "Import officials…",
        "New dossier from Factbook…",
        "Export dossier…",
        "Import dossier…",
    ):
        assert text in texts
    assert window.import_actions["import_trade_action"].isEnabled()


def plan_ready(qtbot, dialog):
    with qtbot.waitSignal(dialog.planned, timeout=20000):
        dialog.preview_button.click()


def test_trade_import_maps_columns_asks_for_the_pair_and_the_unit(window, qtbot, tmp_path):
    dialog = import_dialogs.open_trade_dialog(window)
    assert dialog.load(FIXTURES / "tradhist_excerpt.csv")
    assert dialog.period_combo.currentData() == "year"
    assert dialog.flow_columns["export"].currentData() == "exports"
    # TRADHIST says whose trade each row is: the destination's, with the origin.
    assert dialog.reporter_column_combo.currentData() == "destination_country_code"
    assert dialog.partner_column_combo.currentData() == "origin_country_code"
    plan_ready(qtbot, dialog)
    assert "names no currency" in dialog.message.text()  # never a silent USD
    dialog.currency_edit.setText("usd")
    dialog.partner_combos["destination_country_code"].setCurrentIndex(
        dialog.partner_combos["destination_country_code"].findData("AZE")
    )
    dialog.partner_combos["origin_country_code"].setCurrentIndex(
        dialog.partner_combos["origin_country_code"].findData("DEU")
    )
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("1"))
    dialog.store_unit_combo.setCurrentIndex(dialog.store_unit_combo.findData("1000000"))
    plan_ready(qtbot, dialog)
    assert "plain units" in dialog.unit_reason.text()
    model = dialog.preview.model()
    assert model.rowCount() == 14
    first_two = sorted([model.index(r, c).data() for c in range(6)] for r in range(2))
    assert first_two == [
        ["5", "1992", "Exports", "5.573871", "USD", "million"],
        ["5", "1992", "Imports", "8.217166", "USD", "million"],
    ]
    assert not dialog.import_button.isEnabled()  # the unit is not confirmed yet
    dialog.unit_confirm.setChecked(True)
    assert dialog.import_button.isEnabled()
    before = window.store.trade.count(window.current_dossier().id)
    dialog.import_button.click()
    dossier_id = window.current_dossier().id
    assert window.store.trade.count(dossier_id) == before + 14
    assert "Imported 14 figures" in dialog.message.text()
    stored = window.store.trade.list(dossier_id, where="reporter = 'AZ'")
    assert {(f.reporter, f.partner, f.currency) for f in stored} == {("AZ", "DE", "USD")}
    assert window.commands.undo.text() == "&Undo import of 14 trade figures"
    assert window.store.log.next_undo().records == 15  # the file is their source
    window.tab_widget.setCurrentIndex(0)  # the user looks at the officials meanwhile
    window.undo_log.undo()
    assert window.store.trade.count(dossier_id) == before
    # Shown where most of it happened: the figures, not the file's source record.
    assert window.current_tab().spec.name == "trade"
    assert window.commands.redo.text() == "&Redo import of 14 trade figures"
    window.undo_log.redo()
    assert window.store.trade.count(dossier_id) == before + 14
    dialog.close()


def test_trade_import_stores_in_the_unit_chosen_after_the_preview(window, qtbot):
    dialog = import_dialogs.open_trade_dialog(window)
    assert dialog.load(FIXTURES / "tradhist_excerpt.csv")
    dialog.currency_edit.setText("USD")
    for column, value in (("destination_country_code", "AZE"), ("origin_country_code", "DEU")):
        dialog.partner_combos[column].setCurrentIndex(dialog.partner_combos[column].findData(value))
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("1"))
    dialog.store_unit_combo.setCurrentIndex(dialog.store_unit_combo.findData("1"))
    plan_ready(qtbot, dialog)
    # "Store them in" chosen after the preview: the figures are re-planned in it.
    with qtbot.waitSignal(dialog.planned, timeout=20000):
        dialog.store_unit_combo.setCurrentIndex(dialog.store_unit_combo.findData("1000000"))
    assert dialog.preview.model().index(0, 5).data() == "million"
    dialog.unit_confirm.setChecked(True)
    dialog.import_button.click()
    stored = window.store.trade.list(window.current_dossier().id, where="reporter = 'AZ'")
    assert len(stored) == 14
    assert {f.unit_scale for f in stored} == {"1000000"}
    assert min(f.amount for f in stored) < 100  # 5.57 million, not 5,573,871 millions
    dialog.close()


def test_trade_import_refuses_a_pair_that_is_no_country(window, qtbot):
    dialog = import_dialogs.open_trade_dialog(window)
    assert dialog.load(FIXTURES / "rosstat_kep_excerpt.csv")
    dialog.currency_edit.setText("USD")
    dialog.reporter_edit.setText("Narnia")
    dialog.preview_button.click()
    assert "“Narnia” is not a country" in dialog.message.text()
    assert dialog.plan is None
    dialog.reporter_edit.setText("SUN")
    dialog.preview_button.click()
    assert "“SUN” is a former country's code (USSR" in dialog.message.text()
    assert dialog.plan is None
    dialog.close()


def test_a_former_country_is_named_in_russian(window, qtbot):
    window.set_language("ru")
    dialog = import_dialogs.open_trade_dialog(window)
    assert dialog.load(FIXTURES / "rosstat_kep_excerpt.csv")
    dialog.currency_edit.setText("USD")
    dialog.reporter_edit.setText("YUG")
    dialog.preview_button.click()
    text = dialog.message.text()
    assert "код бывшей страны (Социалистическая Федеративная Республика Югославия)" in text
    assert dialog.plan is None
    dialog.close()


def test_trade_blocks_are_offered_for_a_rosstat_table(window, qtbot):
    dialog = import_dialogs.open_trade_dialog(window)
    assert dialog.load(FIXTURES / "rosstat_kep_excerpt.csv")
    headings = [dialog.block_combo.itemText(i) for i in range(dialog.block_combo.count())]
    assert not any("в %" in h for h in headings)  # percentages are not amounts
    index = next(i for i, h in enumerate(headings) if "1.9. Внешнеторговый оборот" in h)
    dialog.block_combo.setCurrentIndex(index)
    assert dialog.fixed_flow.currentData() == "turnover"
    assert dialog.unit_combo.currentData() == "1000000000"
    dialog.kind_checks["quarter"].setChecked(True)
    plan_ready(qtbot, dialog)
    assert "Say whose trade" in dialog.message.text()
    dialog.reporter_edit.setText("RUS")
    dialog.partner_edit.setText("world")
    dialog.currency_edit.setText("USD")
    plan_ready(qtbot, dialog)
    assert {(f.reporter, f.partner) for f in dialog.plan.figures} == {("RU", "world")}
    assert dialog.preview.model().index(1, 1).data() == "Jan–Mar 1999"
    assert "90 figures" in dialog.message.text() or "figures" in dialog.message.text()
    dialog.close()


def test_a_broken_table_is_reported_in_the_dialog(window, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\x00\x01\x02")
    dialog = import_dialogs.open_trade_dialog(window)
    assert not dialog.load(bad)
    assert "binary" in dialog.message.text()
    dialog.close()


def test_officials_import_shows_changes_and_is_undoable(window):
    dialog = import_dialogs.open_officials_dialog(window)
    assert dialog.load(FIXTURES / "azerbaijan_holders_excerpt.csv")
    items = [dialog.changes.item(i).text() for i in range(dialog.changes.count())]
    assert any(t.startswith("~ Ильхам Алиев (file: Ilham Aliyev)") for t in items)
    assert dialog.message.text().startswith("2 new, 1 updated")
    dossier_id = window.current_dossier().id
    before = window.store.officials.count(dossier_id)
    dialog.import_button.click()
    assert window.store.officials.count(dossier_id) == before + 2
    aliyev = next(o for o in window.store.officials.list(dossier_id) if o.name == "Ильхам Алиев")
    assert aliyev.start_date == "2003-10-31"
    # Edit > Undo names the import (the store's log; two added and one updated).
    assert window.commands.undo.text() == "&Undo import of 3 officials"
    window.undo_log.undo()
    assert window.store.officials.count(dossier_id) == before
    assert window.store.officials.get(aliyev.id).start_date is None
    dialog.close()


def test_new_dossier_from_factbook(window):
    dossier = import_dialogs.import_factbook(window, FIXTURES / "bo_excerpt.json", confirm=False)
    assert dossier.code == "BY"
    assert window.current_dossier().code == "BY"
    assert "frozen in 2026-02" in window.statusBar().currentMessage()


def test_import_dossier_shows_conflicts_side_by_side_and_applies_the_choice(
    window, qtbot, tmp_path
):
    store = window.store
    dossier = window.current_dossier()
    path = tmp_path / "az.dossier"
    assert import_dialogs.export_current(window, path, PASS)
    # The colleague changed Aliyev's post; so did I, differently.
    theirs = memory_store()
    from dossier.ingest.exchange import apply_merge, plan_merge, read_exchange

    their_dossier = apply_merge(theirs, plan_merge(theirs, read_exchange(path, PASS)), {}).dossier
    their_aliyev = next(
        o for o in theirs.officials.list(their_dossier.id) if o.name == "Ильхам Алиев"
    )
    theirs.officials.update(dataclasses.replace(their_aliyev, position="Президент (их)"))
    back = tmp_path / "back.dossier"
    export_dossier(theirs, their_dossier, back, PASS)
    theirs.close()
    aliyev = next(o for o in store.officials.list(dossier.id) if o.name == "Ильхам Алиев")
    store.officials.update(dataclasses.replace(aliyev, position="Президент (мой)"))

    dialog = import_dialogs.open_merge(window, back, PASS)
    assert "1 conflicting" in dialog.summary.text()
    model = dialog.side_by_side.model()
    assert [model.index(0, c).data() for c in range(3)] == [
        "Post",
        "Президент (мой)",
        "Президент (их)",
    ]
    assert dialog.radio["mine"].isChecked()
    dialog.radio["theirs"].click()
    dialog.side_by_side.grab().save(str(tmp_path / "merge.png"))
    with qtbot.waitSignal(dialog.merged):
        dialog.merge_button.click()
    assert store.officials.get(aliyev.id).position == "Президент (их)"
    window.undo_log.undo()
    assert store.officials.get(aliyev.id).position == "Президент (мой)"


def test_wrong_passphrase_is_one_message(window, tmp_path, warnings):
    path = tmp_path / "az.dossier"
    assert import_dialogs.export_current(window, path, PASS)
    assert import_dialogs.open_merge(window, path, "wrong passphrase") is None
    assert warnings[0].startswith("Wrong passphrase")


def test_the_preview_follows_a_change_of_the_stored_unit(window, qtbot):
    dialog = import_dialogs.open_trade_dialog(window)
    assert dialog.load(FIXTURES / "tradhist_excerpt.csv")
    for column, code in (("destination_country_code", "AZE"), ("origin_country_code", "DEU")):
        combo = dialog.partner_combos[column]
        combo.setCurrentIndex(combo.findData(code))
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("1"))
    dialog.store_unit_combo.setCurrentIndex(dialog.store_unit_combo.findData("1000000"))
    dialog.currency_edit.setText("USD")  # TRADHIST names none
    plan_ready(qtbot, dialog)

    def first_row():
        model = dialog.preview.model()
        return sorted([model.index(r, c).data() for c in range(6)] for r in range(2))[0]

    assert first_row() == ["5", "1992", "Exports", "5.573871", "USD", "million"]
    with qtbot.waitSignal(dialog.planned, timeout=20000):
        dialog.store_unit_combo.setCurrentIndex(dialog.store_unit_combo.findData("1000"))
    assert first_row() == ["5", "1992", "Exports", "5,573.871", "USD", "thousand"]
    dialog.close()
