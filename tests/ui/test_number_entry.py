"""Amounts typed in forms are read in the interface's language; an amount that could
be read two ways is shown back formatted before it is saved."""

from __future__ import annotations

from typing import Any

import pytest

from dossier.model import TRADE
from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def _new_figure(window: MainWindow, fill: Any, amount: str) -> Any:
    form = window.editor.form(TRADE)
    form.show()
    fill(form, period_start="2014", period_end="2014", amount=amount)
    form.widgets["amount"].unit.setText("USD")
    return form


def _saved(window: MainWindow) -> list[float]:
    return [f.amount for f in window.store.trade.list(where="period_start = '2014'")]


@pytest.mark.parametrize(
    ("lang", "typed", "stored"),
    [("en", "1.5", 1.5), ("en", "1,234.5", 1234.5), ("ru", "1 234,5", 1234.5), ("ru", "2,5", 2.5)],
)
def test_amounts_are_read_in_the_interface_language(
    window: MainWindow, fill: Any, lang: str, typed: str, stored: float
) -> None:
    window.set_language(lang)
    form = _new_figure(window, fill, typed)
    form.accept()
    assert not form.isVisible()
    assert _saved(window) == [stored]


def test_an_amount_read_two_ways_is_shown_back_before_it_is_saved(
    window: MainWindow, fill: Any
) -> None:
    window.set_language("en")
    form = _new_figure(window, fill, "1,234")
    form.accept()
    assert form.isVisible()  # nothing saved yet
    assert _saved(window) == []
    note = form.errors["amount"].text()
    assert note.startswith("Read as 1,234 (1234 without digit grouping)")
    form.accept()  # the user agrees
    assert not form.isVisible()
    assert _saved(window) == [1234.0]  # a thousand and more, never 1.234
