"""Accessibility (issue 21, item 5): Tab reaches every control of each dialog, and
each stop says what it is, by an accessible name or a label that is its buddy,
so a screen reader reads more than "edit" or "combo box"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from dossier.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def tab_stops(top: QWidget) -> list[QWidget]:
    """The widgets Tab visits inside `top`, in order (one lap of the focus chain)."""
    stops: list[QWidget] = []
    widget = top.nextInFocusChain()
    for _ in range(2000):
        if widget is top:
            break
        if (
            top.isAncestorOf(widget)
            and widget.isVisibleTo(top)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def buddies(top: QWidget) -> set[int]:
    found = set()
    for label in top.findChildren(QLabel):
        if label.buddy() is not None and label.text().strip():
            found.add(id(label.buddy()))
    return found


def name_of(widget: QWidget, labelled: set[int]) -> str:
    """What a screen reader would announce for `widget` (empty: nothing useful)."""
    if widget.accessibleName().strip():
        return widget.accessibleName()
    if id(widget) in labelled:
        return "(buddy label)"
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return widget.text()
    if isinstance(widget, QGroupBox) and widget.title().strip():
        return widget.title()
    # A line edit or spin box inside a combined widget (an editable combo, a date
    # field) speaks with its parent's name or buddy.
    parent = widget.parentWidget()
    if isinstance(widget, QLineEdit | QAbstractSpinBox) and isinstance(parent, QComboBox):
        return name_of(parent, labelled)
    if parent is not None and id(parent) in labelled:
        return "(parent's buddy label)"
    if parent is not None and parent.accessibleName().strip():
        return parent.accessibleName()
    return ""


def unnamed_stops(top: QWidget) -> list[str]:
    labelled = buddies(top)
    stops = tab_stops(top)
    assert stops, f"{top.objectName() or type(top).__name__}: Tab reaches nothing"
    return [f"{type(w).__name__} {w.objectName()!r}" for w in stops if not name_of(w, labelled)]


def _form(window: MainWindow, qtbot: Any, kind: str) -> QDialog:
    if kind == "dossier":
        from dossier.model import DOSSIER

        form = window.editor.add(DOSSIER)
    else:
        window.tabs.show(kind)
        window.commands.add_record.trigger()
        form = window.editor.current
    qtbot.waitExposed(form)
    return form


def _brief(window: MainWindow, qtbot: Any) -> QDialog:
    from dossier.ui.brief_dialog import BriefDialog

    return BriefDialog(window.store, window.current_dossier(), "en", window)


def _preferences(window: MainWindow, qtbot: Any) -> QDialog:
    from dossier.ui.preferences import PreferencesDialog

    return PreferencesDialog("en", window)


def _passphrase(window: MainWindow, qtbot: Any) -> QDialog:
    from dossier.ui.passphrase_dialog import CREATE, PassphraseDialog

    return PassphraseDialog("store.db", CREATE, parent=window)


def _first_run(window: MainWindow, qtbot: Any) -> QDialog:
    from dossier.ui.first_run import FirstRunDialog

    return FirstRunDialog("store.db", window)


def _trade_import(window: MainWindow, qtbot: Any) -> QDialog:
    from dossier.ui.trade_import_dialog import TradeImportDialog

    return TradeImportDialog(window, window)


def _officials_import(window: MainWindow, qtbot: Any) -> QDialog:
    from dossier.ui.officials_import_dialog import OfficialsImportDialog

    return OfficialsImportDialog(window, window)


class _Conflict:
    """One conflicting record of a .dossier file, as the merge dialog reads it."""

    key = ("official", "1")

    class spec:  # stands in for an entity spec
        name = "official"

        @staticmethod
        def label(lang: str) -> str:
            return "Official"

    def title(self) -> str:
        return "Ivanov"

    def rows(self, lang: str) -> list[tuple[str, str, str]]:
        return [("Name", "Ivanov", "Ivanov I.")]


class _Plan:
    conflicts: ClassVar[list[_Conflict]] = [_Conflict()]

    def summary(self, lang: str = "en") -> str:
        return "1 conflict"


def _merge(window: MainWindow, qtbot: Any) -> QDialog:
    from dossier.ui.merge_dialog import MergeDialog

    return MergeDialog(window, _Plan(), window)


def _capture(window: MainWindow, qtbot: Any) -> QDialog:
    from dossier.ui.capture_dialog import CaptureDialog

    return CaptureDialog(window, window)


def _help(window: MainWindow, qtbot: Any) -> QWidget:
    from dossier.ui.help_window import HelpWindow

    return HelpWindow("en", window)


def _duplicates(window: MainWindow, qtbot: Any) -> QDialog:
    from dossier.ui.duplicates import DuplicatesDialog

    return DuplicatesDialog(window)


DIALOGS: dict[str, Callable[[MainWindow, Any], QWidget]] = {
    "duplicates": _duplicates,
    "brief": _brief,
    "preferences": _preferences,
    "new passphrase": _passphrase,
    "first run": _first_run,
    "trade import": _trade_import,
    "officials import": _officials_import,
    "capture": _capture,
    "merge dossier": _merge,
    "user manual": _help,
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_tab_stop_of_a_dialog_has_a_name(qtbot: Any, window: MainWindow, name: str) -> None:
    dialog = DIALOGS[name](window, qtbot)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    missing = unnamed_stops(dialog)
    assert not missing, "\n".join(missing)
    dialog.close()


@pytest.mark.parametrize(
    "kind", ["official", "trade", "project", "talking_point", "source", "event", "dossier"]
)
def test_every_tab_stop_of_a_form_has_a_name(qtbot: Any, window: MainWindow, kind: str) -> None:
    form = _form(window, qtbot, kind)
    missing = unnamed_stops(form)
    assert not missing, "\n".join(missing)
    form.done(0)


def test_every_tab_stop_of_the_window_has_a_name(window: MainWindow) -> None:
    missing = unnamed_stops(window)
    assert not missing, "\n".join(missing)
