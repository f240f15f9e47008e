"""File > Export brief…, Dossier > Capture from text… and Dossier > Find duplicate
officials…, added without loading their dialogs: brief_dialog pulls in the brief
builder (reportlab, the chart code) and capture_dialog the capture pipeline, ~45 ms
of imports a start-up need not pay for entries that may not be used today; the
duplicate finder's module ~8 M instructions of every start. Each dialog module
loads on first use. The entries are the ones `brief_dialog.install`,
`capture_dialog.install` and `duplicates.install` make.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QKeySequence

from dossier.ui.extensions import needs_dossier
from dossier.ui.i18n import tr


def _open_brief(window: Any) -> Any:
    from dossier.ui import brief_dialog

    return brief_dialog.open_dialog(window)


def _open_capture(window: Any) -> Any:
    from dossier.ui import capture_dialog

    return capture_dialog.open_dialog(window)


def _open_duplicates(window: Any) -> Any:
    from dossier.ui import duplicates

    return duplicates.open_dialog(window)


def install_brief(window: Any) -> QAction:
    """File > Export brief… (Ctrl+Shift+E, Print), before the File menu's first separator."""
    action = QAction(tr("Export brief…"), window)
    action.setShortcuts(
        [QKeySequence("Ctrl+Shift+E"), QKeySequence(QKeySequence.StandardKey.Print)]
    )
    action.triggered.connect(lambda: _open_brief(window))
    menu = window.menu("file")
    separators = [a for a in menu.actions() if a.isSeparator()]
    if separators:
        menu.insertAction(separators[0], action)
    else:
        menu.addAction(action)
    needs_dossier(window, action, lambda: tr("Export brief…"))
    return action


def install_capture(window: Any) -> QAction:
    """Dossier > Capture from text… (Ctrl+Shift+V)."""
    action = QAction(tr("Capture from text…"), window)
    action.setShortcut(QKeySequence("Ctrl+Shift+V"))
    action.triggered.connect(lambda: _open_capture(window))
    window.menu("dossier").addAction(action)
    needs_dossier(window, action, lambda: tr("Capture from text…"))
    return action


def install_duplicates(window: Any) -> QAction:
    """Dossier > Find duplicate officials…"""
    action = QAction(window)
    action.triggered.connect(lambda: _open_duplicates(window))
    window.menu("dossier").addAction(action)
    needs_dossier(window, action, lambda: tr("Find duplicate &officials…"))
    window.duplicates_action = action
    return action
