"""Quick filters found in the rows (issue 21, item 2): the trade tab's partner pair,
the talking points' audience."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from dossier.model import TALKING_POINT
from dossier.store import Store
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def reopen(window: MainWindow, store: Store) -> None:
    window.set_store(store)


def test_trade_can_be_narrowed_to_one_partner_pair(window: MainWindow, sample_store: Store) -> None:
    dossier = window.current_dossier()
    figures = sample_store.trade.list(dossier.id)
    other = dataclasses.replace(figures[0], id=None, reporter="RU", partner="AZ")
    sample_store.trade.add(other)
    reopen(window, sample_store)
    tab = window.tabs.show("trade")
    combo = tab.quick_filters.combos["pair"]
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert "Pair: RU–AZ" in texts
    assert not combo.isHidden()
    total = tab.model.rowCount()
    combo.setCurrentIndex(texts.index("Pair: RU–AZ"))
    tab.model.reload()
    assert tab.model.rowCount() == 1
    combo.setCurrentIndex(0)
    assert tab.model.rowCount() == total


def test_points_can_be_narrowed_to_one_audience(window: MainWindow, sample_store: Store) -> None:
    dossier = window.current_dossier()
    official = sample_store.officials.list(dossier.id)[0]
    sample_store.talking_points.add(
        TALKING_POINT.record(dossier_id=dossier.id, text="Only for him.", audience_id=official.id)
    )
    reopen(window, sample_store)
    tab = window.tabs.show("talking_point")
    combo = tab.quick_filters.combos["audience"]
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert f"Audience: {official.name}" in texts
    combo.setCurrentIndex(texts.index(f"Audience: {official.name}"))
    assert [t[2] for t in (tab.model.row_texts(i) for i in range(tab.model.rowCount()))] == [
        "Only for him."
    ]


def test_a_single_pair_needs_no_filter(window: MainWindow) -> None:
    tab = window.tabs.show("trade")
    combo: Any = tab.quick_filters.combos.get("pair")
    assert combo is None or combo.isHidden()


def test_clearing_the_quick_filters_reads_the_table_once(window: MainWindow) -> None:
    tab = window.tabs.show("official")
    tab.quick_filters.choose("status", "current")
    tab.quick_filters.choose("side", "host")
    seen: list[dict[str, Any]] = []
    tab.quick_filters.changed.connect(seen.append)
    tab.quick_filters.clear()
    assert seen == [{}]
    assert tab.model.equals == {}
    tab.quick_filters.clear()  # nothing chosen: nothing read
    assert seen == [{}]
