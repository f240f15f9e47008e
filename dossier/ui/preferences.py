"""Preferences: the language of the interface (more settings join here later)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from dossier.ui.hints import make_hint
from dossier.ui.i18n import LANGUAGES, tr


class PreferencesDialog(QDialog):
    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Preferences"))
        self.setMinimumWidth(380)
        self._setup_ui(lang)

    def _setup_ui(self, lang: str) -> None:
        form = QFormLayout(self)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(lang), 0))
        form.addRow(tr("Interface language:"), self.language)
        hint = QLabel(tr("Your dossiers keep the language they were written in."))
        hint.setWordWrap(True)
        hint.setObjectName("language_hint")
        make_hint(hint)  # not setEnabled(False): disabled grey is unreadable
        form.addRow(hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def chosen_language(self) -> str:
        return self.language.currentData()
