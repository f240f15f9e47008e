"""The search panel in a dock on the right of the window (Ctrl+F), made on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from dossier.ui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from dossier.ui.main_window import MainWindow
    from dossier.ui.search_panel import SearchPanel


def build(window: MainWindow) -> tuple[SearchPanel, QDockWidget]:
    """The panel over the window's store, in its dock (hidden until shown)."""
    from PySide6.QtWidgets import QDockWidget

    from dossier.ui.search_panel import SearchPanel

    panel = SearchPanel()
    panel.retranslate(window.lang)
    panel.set_store(window.store)
    panel.jump_requested.connect(window.jump_to)
    panel.close_requested.connect(window.hide_search)
    dock = QDockWidget()
    dock.setObjectName("search_dock")
    dock.setWidget(panel)
    dock.setWindowTitle(tr("Search"))
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.restoreDockWidget(dock)  # its size from the saved window state
    dock.hide()
    return panel, dock


def show(window: MainWindow, dock: QDockWidget, panel: SearchPanel) -> None:
    if not dock.isVisible():
        dock.show()
        window.resizeDocks([dock], [max(360, window.width() // 3)], Qt.Orientation.Horizontal)
    dock.raise_()
    panel.start()
