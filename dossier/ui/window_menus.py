"""The window's File, Help and state commands that need no part of its own: opening a
store, preferences, About, the manual, and the window's size and layout kept
between sessions. Kept here so main_window.py stays about the window itself."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

from dossier import app_version
from dossier.ui import settings
from dossier.ui.i18n import tr

if TYPE_CHECKING:
    from dossier.ui.main_window import MainWindow

DEFAULT_SIZE = (1200, 780)
# What a window manager adds around the window (borders; a title bar of ~20-30 px).
FRAME_ROOM = (10, 40)


def choose_store(window: MainWindow) -> None:
    from PySide6.QtWidgets import QFileDialog  # imported when used: start-up time

    from dossier.ui.store_open import open_store_interactively

    path, _ = QFileDialog.getOpenFileName(
        window,
        tr("Open store"),
        str(Path.home()),
        tr("Dossier stores (*.db *.dossier *.sqlite);;All files (*)"),
    )
    if path:
        store = open_store_interactively(Path(path), window)
        if store is not None:
            window.set_store(store, sample_in_memory=store.path is None)


def show_preferences(window: MainWindow) -> None:
    from dossier.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(window.lang, window)
    if dialog.exec():
        settings.put("lang", dialog.chosen_language())
        window.set_language(dialog.chosen_language())


def show_about(window: MainWindow) -> None:
    # Versions, store path and schema: what IT support asks for first.
    from html import escape

    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QMessageBox

    from dossier.about import about_info, about_text

    details = about_text(about_info(window.store)) + f"\nQt {qVersion()}"
    QMessageBox.about(
        window,
        tr("About Dossier"),
        tr(
            "<h3>Dossier %s</h3><p>Offline country dossiers and printable briefs.</p>"
            "<p>Your data stays on this computer: the app never connects to a network.</p>"
        )
        % app_version()
        + f"<p style='white-space: pre-wrap; font-size: small'>{escape(details)}</p>",
    )


def show_manual(window: MainWindow) -> None:
    """F1: the user manual in its own window, in the window's language."""
    from dossier.ui.help_window import HelpWindow

    if window._help is None:
        window._help = HelpWindow(window.lang, window)
    elif window._help.lang != window.lang:
        window._help.retranslate(window.lang)
    window._help.show()
    window._help.raise_()
    window._help.activateWindow()


def restore_state(window: MainWindow) -> None:
    geometry = settings.get("geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        # Never larger than the screen: at 1024x700 the last columns were off it. The
        # size is the inside of the window: its frame (the title bar) comes on top, so
        # room is left for one; at 1366x768 the status bar was below the screen's edge.
        room = window.screen().availableGeometry()
        window.resize(
            min(DEFAULT_SIZE[0], room.width() - FRAME_ROOM[0]),
            min(DEFAULT_SIZE[1], room.height() - FRAME_ROOM[1]),
        )
    state = settings.get("window_state")
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.restoreState(state)
    splitter = settings.get("splitter")
    if isinstance(splitter, QByteArray) and not splitter.isEmpty():
        window.splitter.restoreState(splitter)


def save_state(window: MainWindow) -> None:
    s = settings.settings()
    s.setValue("geometry", window.saveGeometry())
    s.setValue("window_state", window.saveState())
    s.setValue("splitter", window.splitter.saveState())
    dossier = window.current_dossier()
    if dossier is not None:
        s.setValue("last_dossier", dossier.code)
    settings.sync()
