"""A file dropped on the main window starts the import that fits it (issue 21, item 2):
a table of figures the trade import, a list of people the officials import, a
.dossier file the merge, a text the capture. Anything else says why it was not taken.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from dossier.ui.i18n import tr

TABLES = {".csv", ".tsv", ".txt.csv", ".xlsx", ".xls", ".ods"}
TEXTS = {".txt", ".md"}
EXCHANGE = {".dossier"}
# Header words that make a table a list of people rather than of figures.
PEOPLE_WORDS = ("name", "person", "officeholder", "имя", "фио", "фамилия", "position", "должност")


def kind_of(path: Path) -> str | None:
    """'trade', 'officials', 'merge', 'capture' or None (not ours)."""
    suffix = path.suffix.lower()
    if suffix in EXCHANGE:
        return "merge"
    if suffix in TEXTS:
        return "capture"
    if suffix in TABLES:
        return "officials" if _lists_people(path) else "trade"
    return None


def _lists_people(path: Path) -> bool:
    try:
        from dossier.ingest.tables import TableError, read_table

        table = read_table(path)
    except (OSError, ValueError, TableError):
        return False  # the trade import will say what is wrong with it
    for row in table.rows[:10]:
        cells = [str(c).strip().lower() for c in row if c not in (None, "")]
        if any(word in cell for cell in cells for word in PEOPLE_WORDS):
            return True
    return False


def open_dropped(window: Any, path: Path) -> Any:
    """Start the import for `path`; returns the dialog shown, or None (with a status line)."""
    kind = kind_of(path)
    if kind is None:
        window.status(tr("%s is not a file Dossier can import.") % path.name)
        return None
    if kind == "merge":
        from dossier.ui.import_dialogs import open_merge

        return open_merge(window, path)
    if kind == "capture":
        from dossier.ui.capture_dialog import open_dialog

        capture = open_dialog(window)
        if capture is not None:
            capture.load_file(path)
        return capture
    from dossier.ui.import_dialogs import open_officials_dialog, open_trade_dialog

    dialog = (open_officials_dialog if kind == "officials" else open_trade_dialog)(window)
    if dialog is not None:
        dialog.load(path)
    return dialog


class DropTarget(QObject):
    """Watches the main window for files dragged over and dropped on it."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.main_window: Any = window
        self.started = False

    def start(self) -> None:
        self.started = True
        self.main_window.setAcceptDrops(True)
        self.main_window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        window = self.main_window
        if obj is window and isinstance(event, QDragEnterEvent | QDropEvent):
            paths = _local_files(event)
            if len(paths) == 1 and self.main_window.store is not None:
                event.acceptProposedAction()
                if event.type() == QEvent.Type.Drop:
                    open_dropped(window, paths[0])
                return True
        return super().eventFilter(obj, event)


def _local_files(event: QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]


# A Python event filter on the window sees every event of it, and PySide builds each
# event class's enums the first time it sees one (~30 ms, 116 enums): done a moment
# after start-up rather than before the window's first paint settles.
START_AFTER_MS = 1500


def install(window: Any, delay_ms: int = START_AFTER_MS) -> DropTarget:
    from PySide6.QtCore import QTimer

    target = DropTarget(window)
    window.drop_target = target
    if delay_ms > 0:
        QTimer.singleShot(delay_ms, target, target.start)
    else:
        target.start()
    return target
