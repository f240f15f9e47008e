"""A record's history (row menu > History…): every version the log kept, and reverting
the record to one of them (as KeePassXC does for entries).

The versions come from the store (dossier.store.record_history); reverting is one
operation of the store's log, so Edit > Undo takes it back like any other change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from dossier.fields import format_value
from dossier.model import EntitySpec, spec_for
from dossier.store import NotFound
from dossier.store.labels import localize
from dossier.store.record_history import Version, versions
from dossier.ui.describe import record_title
from dossier.ui.i18n import tr

if TYPE_CHECKING:
    from dossier.ui.main_window import MainWindow


def _action(action: str) -> str:
    return {"insert": tr("added"), "update": tr("changed"), "delete": tr("deleted")}[action]


class RecordHistoryDialog(QDialog):
    """The versions of one record, newest first; the chosen one's fields beside."""

    def __init__(self, window: MainWindow, record: Any):
        super().__init__(window)
        self.setObjectName("record_history")
        self.window_ = window
        self.spec: EntitySpec = spec_for(record)
        self.record = record
        self.versions: list[Version] = []
        self.resize(860, 520)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        split = QSplitter(Qt.Orientation.Vertical)
        self.list = _table(4)
        # The change's name takes the room; a long summary is elided, not scrolled to.
        self.list.horizontalHeader().setStretchLastSection(False)
        self.list.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.list.setColumnWidth(3, 240)
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.fields = _table(2)
        split.addWidget(self.list)
        split.addWidget(self.fields)
        layout.addWidget(split, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.revert_button = QPushButton()
        self.revert_button.setObjectName("revert_button")
        self.buttons.addButton(self.revert_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.revert_button.clicked.connect(self.revert)
        self.list.currentCellChanged.connect(lambda row, *_: self._show(row))
        self.load()

    def load(self) -> None:
        """Read the versions again (after a revert, or a change made elsewhere)."""
        store, lang = self.window_.store, self.window_.lang
        self.setWindowTitle(tr("History of %s") % self.spec.label(lang).lower())
        self.revert_button.setText(tr("&Revert to this version"))
        self.versions = versions(store, self.spec, self.record.id) if store is not None else []
        try:
            self.record = store.repo(self.spec).get(self.record.id) if store else self.record
            alive = True
        except NotFound:
            alive = False
        title = record_title(self.spec, self.record, lang)
        self.heading.setText(
            # Counted: "1 versions" was seen driving the window by hand.
            (tr("“%s”: %n version(s), newest first.", None, len(self.versions)) % title)
            if alive
            else tr("“%s” has been deleted.") % title
        )
        self.alive = alive
        self.list.setHorizontalHeaderLabels([tr("When"), tr("Change"), tr("By"), tr("Fields")])
        self.list.setRowCount(len(self.versions))
        for row, version in enumerate(self.versions):
            labels = {f.name: f.label(lang) for f in self.spec.fields}
            cells = [
                version.at.replace("T", " ")[:19],
                localize(version.label, lang) or _action(version.action),
                tr("this window") if version.origin == "window" else version.origin,
                ", ".join(labels.get(n, n) for n in version.changed),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # a long summary is elided in the cell
                self.list.setItem(row, column, item)
        if self.versions:
            self.list.setCurrentCell(0, 0)
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        lang = self.window_.lang
        self.fields.setHorizontalHeaderLabels([tr("Field"), tr("Value")])
        version = self.versions[row] if 0 <= row < len(self.versions) else None
        shown = [f for f in self.spec.fields if version is not None and f.name in version.values]
        self.fields.setRowCount(len(shown))
        for n, f in enumerate(shown):
            value = version.values[f.name] if version is not None else None
            self.fields.setItem(n, 0, QTableWidgetItem(f.label(lang)))
            text = "" if value is None else format_value(f, value, lang)
            self.fields.setItem(n, 1, QTableWidgetItem(text))
        # The newest version is the record as it is; a deleted one has nothing to revert.
        self.revert_button.setEnabled(
            self.alive and version is not None and row > 0 and version.action != "delete"
        )

    def revert(self) -> Any:
        """Put the record back as the chosen version had it (one undoable operation)."""
        row = self.list.currentRow()
        if not (self.alive and 0 < row < len(self.versions)):
            return None
        saved = self.window_.ops.revert(self.record, self.versions[row].values)
        if saved is not None:
            self.record = saved
            self.load()
        return saved


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(True)
    return table
