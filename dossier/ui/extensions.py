"""The window's parts beyond its tables (brief, capture, lock, backups, imports, the
watcher of other processes' commits), built explicitly once the window is shown.

`install_all(window)` builds each part by a plain call and keeps the result in a
typed attribute the window declares (`window.locker`, `window.backup_keeper`,
`window.outside_changes`...): no module-name strings, no attributes made up on the
fly, no method of the window replaced. Parts talk to the window through its
signals: `store_closing(old_store)` (before a store closes: a last backup),
`store_changed(store_or_None)`, `dossier_changed`, `language_changed(lang)`.
The app installs them just after the window is first shown, so their imports never
delay it; a part that fails to build is reported and the window still opens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDialog

    from dossier.ui.main_window import MainWindow

log = logging.getLogger(__name__)
D = TypeVar("D", bound="QDialog")


def _brief(window: MainWindow) -> None:
    from dossier.ui import lazy_entries  # the dialog itself loads when first opened

    window.export_brief_action = lazy_entries.install_brief(window)


def _capture(window: MainWindow) -> None:
    from dossier.ui import lazy_entries

    window.capture_action = lazy_entries.install_capture(window)


def _duplicates(window: MainWindow) -> None:
    from dossier.ui import lazy_entries  # the finder itself loads when first used

    lazy_entries.install_duplicates(window)


def _lock(window: MainWindow) -> None:
    from dossier.ui import lock

    window.locker = lock.install(window)


def _backups(window: MainWindow) -> None:
    from dossier.ui import backups

    window.backup_keeper = backups.install(window)


def _imports(window: MainWindow) -> None:
    from dossier.ui import import_dialogs

    window.import_actions = import_dialogs.install(window)


def _outside_changes(window: MainWindow) -> None:
    from dossier.ui import outside_changes

    window.outside_changes = outside_changes.install(window)


# In menu order: each adds its entries where its module says.
PARTS: list[tuple[str, Callable[[MainWindow], None]]] = [
    ("brief", _brief),
    ("capture", _capture),
    ("lock", _lock),  # issue 6: safe to carry
    ("backups", _backups),
    ("imports", _imports),  # issue 7: importers and exchange
    ("outside changes", _outside_changes),  # issue 14: other processes' commits
    ("duplicates", _duplicates),  # issue 21: Dossier > Find duplicate officials…
]


def install_all(window: MainWindow) -> list[str]:
    """Build every part; returns the names of those that failed (the window still opens)."""
    failed = []
    for name, install in PARTS:
        try:
            install(window)
        except Exception:
            # A broken feature must not keep the user from their dossier.
            log.exception("part %s failed to install", name)
            failed.append(name)
    return failed


def keep_updated(window: MainWindow, update: Callable[..., None]) -> None:
    """Run `update` now and whenever the store, the open dossier or the language
    changes, so a part's menu entries enable and re-translate themselves."""
    for signal in (window.dossier_changed, window.store_changed, window.language_changed):
        signal.connect(update)
    update()


def needs_dossier(window: MainWindow, action: QAction, label: Callable[[], str]) -> None:
    """Keep `action` enabled only while a dossier is open, its text in the UI language."""

    def update(*_args: Any) -> None:
        action.setEnabled(window.store is not None and window.current_dossier() is not None)
        action.setText(label())

    keep_updated(window, update)


def require_dossier(window: MainWindow) -> bool:
    """True when a dossier is open; otherwise says so in the status bar."""
    if window.store is None or window.current_dossier() is None:
        from dossier.ui.i18n import tr

        window.status(tr("Open a dossier first."))
        return False
    return True


def show_dialog(window: MainWindow, dialog: D) -> D:
    """Open `dialog` over the window, deleted when it closes."""
    from PySide6.QtCore import Qt

    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
