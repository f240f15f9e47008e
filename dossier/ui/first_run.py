"""The first start without a store: begin with an empty store or with the sample dossier."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from dossier.ui.i18n import tr

EMPTY, SAMPLE, QUIT = "empty", "sample", "quit"


class FirstRunDialog(QDialog):
    """Two ways to start, or quit; `choice` says which."""

    def __init__(self, path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.choice = QUIT
        self.setWindowTitle(tr("Welcome to Dossier"))
        layout = QVBoxLayout(self)
        self.message = QLabel(
            tr("Your dossiers will be kept in\n%s\n\nHow would you like to start?") % path
        )
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(420)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        self.sample = self.buttons.addButton(
            tr("With the sample dossier"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.empty = self.buttons.addButton(
            tr("Start empty"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.sample.clicked.connect(lambda: self._done(SAMPLE))
        self.empty.clicked.connect(lambda: self._done(EMPTY))
        self.rejected.connect(lambda: setattr(self, "choice", QUIT))
        self.sample.setDefault(True)
        layout.addWidget(self.buttons)

    def _done(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def ask_how_to_start(path: str, parent: QWidget | None = None) -> str:
    """EMPTY, SAMPLE, or QUIT if the user closed the dialog."""
    dialog = FirstRunDialog(path, parent)
    dialog.exec()
    return dialog.choice
