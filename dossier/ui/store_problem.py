"""When a store cannot be opened: say why, and offer a way out."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from dossier.ui.i18n import tr

ANOTHER, SAMPLE, QUIT = "another", "sample", "quit"


class StoreProblemDialog(QDialog):
    """Choose another file, open the sample dossier, or quit; `choice` says which."""

    def __init__(self, path: str, reason: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.choice = QUIT
        self.setWindowTitle(tr("Cannot open the store"))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48)
        )
        row.addWidget(icon)
        self.message = QLabel(tr("Dossier could not open\n%s") % path + "\n\n" + reason)
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(420)
        row.addWidget(self.message, 1)
        layout.addLayout(row)
        self.buttons = QDialogButtonBox()
        self.another = self.buttons.addButton(
            tr("Choose another file…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sample = self.buttons.addButton(
            tr("Open the sample dossier"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.quit = self.buttons.addButton(tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.another.clicked.connect(lambda: self._done(ANOTHER))
        self.sample.clicked.connect(lambda: self._done(SAMPLE))
        self.quit.clicked.connect(lambda: self._done(QUIT))
        layout.addWidget(self.buttons)

    def _done(self, choice: str) -> None:
        self.choice = choice
        self.accept() if choice != QUIT else self.reject()
