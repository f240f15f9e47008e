"""The Trade, Talking points and Sources tabs, driven as a user drives them."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtCore import Qt

from dossier.charts import drawn_bars
from dossier.model import TRADE
from dossier.ui.main_window import MainWindow
from dossier.ui.table_model import RECORD_ROLE

pytestmark = pytest.mark.gui


def bar_heights(window: MainWindow) -> list[float]:
    return sorted(round(b.height, 1) for b in drawn_bars(window.trade_tab.chart.figure))


def test_trade_chart_draws_when_shown_and_redraws_after_a_change(
    fill: Any, qtbot: Any, window: MainWindow
) -> None:
    tab = window.trade_tab
    assert tab.chart.draws == 0  # not drawn while another tab is shown
    window.show_tab(1)
    qtbot.waitUntil(lambda: tab.chart.draws == 1)  # just after the table has painted
    assert bar_heights(window) == [216.0, 223.3]
    figure = next(f for f in window.store.trade.list() if f.amount == 216)
    tab.select_record(figure.id)
    window.commands.edit_record.trigger()
    form = window.editor.current
    assert form.windowTitle() == "Edit: Trade figure"
    fill(form, amount="250,5")
    form.accept()
    qtbot.waitUntil(lambda: tab.chart.draws == 2)
    assert bar_heights(window) == [223.3, 250.5]
    window.undo_log.undo()
    qtbot.waitUntil(lambda: tab.chart.draws == 3)
    assert bar_heights(window) == [216.0, 223.3]


def test_trade_form_refuses_bad_amount_and_reversed_period(fill: Any, window: MainWindow) -> None:
    form = window.editor.form(TRADE)
    form.show()
    fill(form, period_start="2013-01", period_end="2012", amount="много")
    form.accept()
    assert form.isVisible()
    assert "number" in form.errors["amount"].text()
    assert window.store.trade.count() == 4
    fill(form, amount="12")
    form.accept()
    assert "ends before it starts" in form.errors["period_end"].text()
    fill(form, period_end="2013-06")
    form.widgets["amount"].unit.setText("eur")
    form.accept()
    assert not form.isVisible()
    added = window.store.trade.list(where="amount = 12")[0]
    assert added.currency == "EUR"
    form.deleteLater()


def point_texts(window: MainWindow) -> list[str]:
    model = window.points_tab.model
    return [model.record(r).topic for r in range(model.rowCount())]


def test_points_filter_by_kind_and_show_releasable(window: MainWindow) -> None:
    tab = window.points_tab
    window.show_tab(3)
    assert len(point_texts(window)) == 5
    tab.set_kind("objective")
    assert {tab.model.record(r).kind for r in range(tab.model.rowCount())} == {"objective"}
    assert tab.count_label.text() == f"{tab.model.rowCount()} found"
    tab.set_kind(None)
    headers = [
        tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())
    ]
    column = headers.index("May be said")
    shown = {tab.model.index(r, column).data() for r in range(tab.model.rowCount())}
    assert shown == {"yes", "no"}


def test_points_move_down_up_and_undo(qtbot: Any, window: MainWindow) -> None:
    tab = window.points_tab
    window.show_tab(3)
    before = point_texts(window)
    tab.select_record(tab.model.record(0).id)
    assert not tab.up_button.isEnabled()
    assert tab.down_button.isEnabled()
    qtbot.mouseClick(tab.down_button, Qt.MouseButton.LeftButton)
    assert point_texts(window) == [before[1], before[0], *before[2:]]
    assert tab.current_record().topic == before[0]  # the moved point stays selected
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert point_texts(window)[2] == before[0]
    window.undo_log.undo()
    window.undo_log.undo()
    assert point_texts(window) == before
    window.undo_log.redo()
    assert point_texts(window)[1] == before[0]


def test_points_cannot_move_while_sorted_by_a_column(window: MainWindow) -> None:
    tab = window.points_tab
    window.show_tab(3)
    tab.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    tab.select_record(tab.model.record(0).id)
    assert not tab.up_button.isEnabled()
    assert not tab.down_button.isEnabled()


def test_sources_tab_shows_text_and_citing_facts_and_jumps(qtbot: Any, window: MainWindow) -> None:
    tab = window.sources_tab
    window.show_tab(4)
    source = tab.model.record(0)
    tab.select_record(source.id)
    assert "223,3 млн долларов" in tab.text_view.toPlainText()
    rows = [tab.cited_model.item(r).text() for r in range(tab.cited_model.rowCount())]
    assert "Official: Ильхам Алиев" in rows
    assert any(r.startswith("Trade figure: Turnover, 2012") for r in rows)
    index = tab.cited_model.index(rows.index("Official: Ильхам Алиев"), 0)
    rect = tab.cited_view.visualRect(index)
    qtbot.mouseClick(tab.cited_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_tab() is window.tabs["official"]
    assert window.tabs["official"].current_record().name == "Ильхам Алиев"


def test_filter_box_filters_after_a_pause(qtbot: Any, window: MainWindow) -> None:
    tab = window.tabs["project"]
    window.show_tab(2)
    # (QTest cannot type Cyrillic keys; the field receives the text as typed.)
    tab.filter_edit.insert("амкодор")
    qtbot.waitUntil(lambda: tab.model.text == "амкодор", timeout=2000)
    assert 0 < tab.model.rowCount() < 9
    assert all(
        "мкодор"
        in (tab.model.record(r).home_partner or "")
        + (tab.model.record(r).title or "")
        + (tab.model.record(r).description or "")
        for r in range(tab.model.rowCount())
    )


def test_sorting_by_clicking_a_header(qtbot: Any, window: MainWindow) -> None:
    tab = window.tabs["official"]
    header = tab.view.horizontalHeader()
    x = header.sectionViewportPosition(0) + 5
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5)
    )
    first = tab.model.record(0).name
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5)
    )
    assert tab.model.order_by == "name"
    assert tab.model.record(0).name != first
    assert [tab.model.record(r).name for r in range(3)] == sorted(
        (tab.model.record(r).name for r in range(3)), reverse=tab.model.descending
    )


def test_double_click_opens_the_edit_form(qtbot: Any, window: MainWindow) -> None:
    tab = window.tabs["official"]
    rect = tab.view.visualRect(tab.model.index(1, 0))
    # A real double-click starts with a press (QTest's alone does not).
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    form = window.editor.current
    assert form is not None
    assert form.record == dataclasses.replace(tab.model.record(1))
    form.reject()
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert window.editor.current is not None
    assert window.editor.current.record == tab.current_record()
    window.editor.current.reject()


def test_background_only_points_look_different(window: MainWindow) -> None:
    model = window.points_tab.model
    window.show_tab(3)
    rows = {model.record(r).releasable: r for r in range(model.rowCount())}
    quiet = model.index(rows[False], 0).data(Qt.ItemDataRole.FontRole)
    assert quiet is not None
    assert quiet.italic()
    assert model.index(rows[True], 0).data(Qt.ItemDataRole.FontRole) is None


def test_points_can_be_dragged_into_a_new_order(
    qtbot: Any, qtmodeltester: Any, window: MainWindow
) -> None:
    from PySide6.QtCore import QModelIndex

    tab = window.points_tab
    window.show_tab(3)
    model = tab.model
    qtmodeltester.check(model)
    before = point_texts(window)
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    # Drag the first point into the gap before the fourth (as the view reports it).
    data = model.mimeData([model.index(0, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    qtbot.waitUntil(lambda: point_texts(window) != before, timeout=2000)
    assert point_texts(window) == [before[1], before[2], before[0], *before[3:]]
    window.undo_log.undo()
    assert point_texts(window) == before
    # Dropped below the last row: it goes last.
    data = model.mimeData([model.index(1, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    qtbot.waitUntil(lambda: point_texts(window) != before, timeout=2000)
    assert point_texts(window)[-1] == before[1]


@pytest.fixture
def long_trade(qtbot: Any, window: MainWindow) -> Any:
    """The trade tab, shown, over the sample dossier plus 1,500 figures (chart drawn)."""
    from dossier.model import TradeFigure

    did = window.trade_tab.model.dossier_id
    window.store.trade.add_many(
        TradeFigure(
            dossier_id=did,
            period_start=str(1000 + i % 500),
            period_end=str(1000 + i % 500),
            flow="import",
            amount=float(i),
        )
        for i in range(1500)
    )
    tab = window.trade_tab
    window.show_tab(1)
    drawn = tab.chart.draws
    tab.reload()
    qtbot.waitUntil(lambda: tab.chart.draws > drawn)
    tab.model.PAGE = 100
    tab.model.sort(-1)  # read again in pages of 100
    return tab


def shown_rows(tab: Any) -> range:
    """The rows painted in the tab's viewport."""
    first = tab.view.rowAt(0)
    last = tab.view.rowAt(tab.view.viewport().height() - 1)
    return range(first, (last if last >= 0 else tab.model.rowCount() - 1) + 1)


def test_long_trade_tab_scrolls_to_the_end_and_sorts_from_the_top(
    qtbot: Any, long_trade: Any
) -> None:
    tab = long_trade
    draws = tab.chart.draws
    bar = tab.view.verticalScrollBar()
    assert tab.model.rowCount() == 1504
    for step in range(1, 11):  # the scroll bar dragged to the bottom
        bar.setValue(bar.maximum() * step // 10)
        tab.view.grab()  # paint it, as the screen would
    assert tab.model.rowCount() - 1 in shown_rows(tab)
    last = tab.model.index(tab.model.rowCount() - 1, 0).data(RECORD_ROLE)
    assert last == tab.model.store.trade.list(tab.model.dossier_id)[-1]
    assert tab.model.kept_rows <= tab.model.PAGE * tab.model.MAX_PAGES
    # Then a click on the Amount header: the sorted list is shown from its top.
    header = tab.view.horizontalHeader()
    column = [c.name for c in tab.model.columns].index("amount")
    x = header.sectionViewportPosition(column) + 5
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5)
    )
    assert tab.model.order_by == "amount"
    assert 0 in shown_rows(tab)
    amounts = [tab.model.record(r).amount for r in range(10)]
    known = [a for a in amounts if a is not None]  # figures without one sort first
    assert amounts == [None] * (10 - len(known)) + sorted(known)
    tab.filter_edit.setText("1499")
    tab.apply_filter()
    assert tab.model.total == 3  # 1499 as a year and as an amount
    qtbot.wait(20)  # time for a redraw, were one (wrongly) asked for
    assert tab.chart.draws == draws  # the chart shows the same figures: not redrawn


def test_jump_to_a_record_deep_in_a_long_tab(long_trade: Any) -> None:
    tab = long_trade
    deep = tab.model.store.trade.list(tab.model.dossier_id)[1234]
    assert tab.select_record(deep.id)
    assert tab.current_record() == deep
    assert 1234 in shown_rows(tab)


def test_columns_fit_the_rows_in_sight(qtbot: Any, window: MainWindow) -> None:
    # Room for every column at its text's width (a small screen cuts the widest:
    # tests/ui/test_small_screens.py).
    window.resize(1900, 900)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)  # the columns fitted again to the new width
    tab = window.tabs["official"]
    metrics = tab.view.fontMetrics()
    header = tab.view.horizontalHeader()
    for col in range(tab.model.columnCount() - 1):  # the last one stretches
        widest = max(
            metrics.horizontalAdvance(tab.model.index(r, col).data() or "") for r in shown_rows(tab)
        )
        width = tab.view.columnWidth(col)
        assert width >= min(widest, 300 - 10), tab.model.columns[col].name
        assert width >= header.sectionSizeHint(col)  # the header's label is not cut
