"""The user manual in a window of its own (F1): the bundled Markdown, searchable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dossier.paths import resource
from dossier.ui.i18n import tr


def manual_path(lang: str) -> Path:
    """The manual in `lang`, or the English one if there is none in it."""
    path = resource("manual", f"manual.{lang}.md")
    return path if path.is_file() else resource("manual", "manual.en.md")


class HelpWindow(QWidget):
    """A window (not a dialog: it stays open beside the main window while one works)."""

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("help_window")
        self.lang = lang
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.find_label = QLabel()
        self.find_edit = QLineEdit()
        self.find_edit.setClearButtonEnabled(True)
        self.find_label.setBuddy(self.find_edit)
        self.status = QLabel()
        bar.addWidget(self.find_label)
        bar.addWidget(self.find_edit, 1)
        bar.addWidget(self.status)
        layout.addLayout(bar)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        layout.addWidget(self.browser, 1)
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_edit.textChanged.connect(lambda _t: self.find_next(restart=True))
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindNext), self, self.find_next)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.find_edit.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.resize(760, 640)
        self.retranslate(lang)

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.setWindowTitle(tr("Dossier user manual"))
        self.find_label.setText(tr("&Find:"))
        self.find_edit.setPlaceholderText(tr("A word to find in the manual"))
        self.find_edit.setAccessibleName(tr("Find in the manual"))
        self.browser.setAccessibleName(tr("User manual"))
        self.browser.setMarkdown(manual_path(lang).read_text(encoding="utf-8"))

    @Slot()
    def find_next(self, restart: bool = False) -> bool:
        """Select the next place the typed words appear (from the top again at the end)."""
        text = self.find_edit.text().strip()
        self.status.clear()
        if not text:
            return False
        if restart:
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
        found = self.browser.find(text)
        if not found:  # wrap around
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
            found = self.browser.find(text)
        if not found:
            self.status.setText(tr("Not found"))
        return found

    def selected_text(self) -> str:
        return self.browser.textCursor().selectedText()

    def document(self) -> QTextDocument:
        return self.browser.document()
