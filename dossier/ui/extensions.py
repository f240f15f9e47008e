"""Features added to the main window by other modules (capture, brief, lock, import...).

Each module named in EXTENSIONS has `install(window)`, called once after the main
window is built. It may add menu entries through `window.menu("file")` and so on,
listen to `window.dossier_changed`, and use `window.store`,
`window.current_dossier()`, `window.undo_stack`, `window.lang`, `window.refresh()`,
`window.set_store(...)` and `window.status(...)`. The window also signals
`store_changed(store_or_None)` and `language_changed(lang)` (re-set your menu
texts with `dossier.ui.i18n.tr` then). The app installs extensions just after
the window is first shown, so their imports never delay it.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

# Module names, e.g. "dossier.ui.brief_dialog". Each helper adds its own line.
EXTENSIONS: list[str] = ["dossier.ui.brief_dialog", "dossier.ui.capture_dialog"]
EXTENSIONS += ["dossier.ui.lock", "dossier.ui.backups"]  # issue 6: safe to carry
EXTENSIONS += ["dossier.ui.import_dialogs"]  # issue 7: importers and exchange
EXTENSIONS += ["dossier.ui.outside_changes"]  # issue 14: other processes' commits

log = logging.getLogger(__name__)


def install_all(window: Any) -> list[str]:
    """Install every extension; returns the names that failed (the window still opens)."""
    failed = []
    for name in EXTENSIONS:
        try:
            module = importlib.import_module(name)
            module.install(window)
        except Exception:
            # A broken feature must not keep the user from their dossier.
            log.exception("extension %s failed to install", name)
            failed.append(name)
    return failed


def keep_updated(window: Any, update: Callable[..., None]) -> None:
    """Run `update` now and whenever the store, the open dossier or the language
    changes, so an extension's menu entries enable and re-translate themselves."""
    for signal in (window.dossier_changed, window.store_changed, window.language_changed):
        signal.connect(update)
    update()


def needs_dossier(window: Any, action: Any, label: Callable[[], str]) -> None:
    """Keep `action` enabled only while a dossier is open, its text in the UI language."""

    def update(*_args: Any) -> None:
        action.setEnabled(window.store is not None and window.current_dossier() is not None)
        action.setText(label())

    keep_updated(window, update)


def require_dossier(window: Any) -> bool:
    """True when a dossier is open; otherwise says so in the status bar."""
    if window.store is None or window.current_dossier() is None:
        from dossier.ui.i18n import tr

        window.status(tr("Open a dossier first."))
        return False
    return True


def show_dialog(window: Any, dialog: Any, attr: str | None = None) -> Any:
    """Open `dialog` over the window, deleted when it closes; with `attr` it is kept
    as `window.<attr>` while open, so tests and later actions can find it."""
    from PySide6.QtCore import Qt

    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if attr is not None:
        setattr(window, attr, dialog)
        dialog.finished.connect(lambda _result: setattr(window, attr, None))
    dialog.open()
    return dialog
