"""Asking for a store's passphrase: to open (or unlock) it, or to set a new one.

The dialog checks the passphrase itself (it calls `attempt` and stays open with
"Wrong passphrase or damaged file" until one works or the user cancels), so a
wrong passphrase never closes the window or leaves anything written. The typed
text is cleared as soon as it has been used.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from dossier.said import in_language
from dossier.store import Store, StoreError
from dossier.store.crypto import check_new_passphrase, is_encrypted, strength_hint
from dossier.ui import i18n
from dossier.ui.i18n import tr
from dossier.ui.tasks import error_text

OPEN, CREATE = "open", "create"
PASSPHRASE_ENV = "DOSSIER_PASSPHRASE"


class PassphraseDialog(QDialog):
    """Type a passphrase. mode OPEN: one field, checked by `attempt(passphrase)`;
    mode CREATE: two fields and a strength hint, `result_value` holds the new one."""

    def __init__(
        self,
        path: Path | str,
        mode: str = OPEN,
        attempt: Callable[[str], Any] | None = None,
        parent: QWidget | None = None,
        lang: str = "en",
        message: str = "",
    ):
        super().__init__(parent)
        self.setObjectName("passphrase_dialog")
        self.mode = mode
        self.lang = lang
        self._attempt = attempt
        self.result_value: Any = None
        self.setWindowTitle(tr("Passphrase") if mode == OPEN else tr("New passphrase"))
        layout = QVBoxLayout(self)
        intro = message or (
            tr("The store %s is encrypted. Type its passphrase to open it.")
            if mode == OPEN
            else tr(
                "Choose a passphrase for %s. Without it nobody, including "
                "you, can read the store: keep it safe."
            )
        )
        self.intro = QLabel(intro % Path(path).name if "%s" in intro else intro)
        self.intro.setWordWrap(True)
        self.intro.setMinimumWidth(380)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.field = QLineEdit()
        self.field.setObjectName("passphrase")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("Passphrase:"), self.field)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("passphrase_confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = QProgressBar()
        self.strength.setRange(0, 4)
        self.strength.setTextVisible(False)
        self.strength.setMaximumHeight(8)
        self.hint = QLabel()
        self.hint.setObjectName("strength_hint")
        if mode == CREATE:
            form.addRow(tr("Again:"), self.confirm)
            form.addRow("", self.strength)
            form.addRow("", self.hint)
            self.field.textChanged.connect(self._update_strength)
            self._update_strength("")
        self.show_check = QCheckBox(tr("&Show passphrase"))
        self.show_check.setObjectName("show_passphrase")
        self.show_check.toggled.connect(self._show_typed)
        form.addRow("", self.show_check)
        # Qt cannot ask the keyboard for its Caps Lock light: a letter whose case
        # disagrees with Shift gives it away (a wrong-case passphrase is a wrong one).
        self.caps = QLabel(tr("Caps Lock is on."))
        self.caps.setObjectName("caps_lock_warning")
        self.caps.setStyleSheet("color: #8a4b00;")
        self.caps.hide()
        form.addRow("", self.caps)
        for edit in (self.field, self.confirm):
            edit.installEventFilter(self)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("passphrase_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.field.setFocus()

    def _show_typed(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.field.setEchoMode(mode)
        self.confirm.setEchoMode(mode)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            text = event.text()
            if len(text) == 1 and text.isalpha() and text.upper() != text.lower():
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.caps.setVisible(text.isupper() != shift)
        return super().eventFilter(obj, event)

    def _update_strength(self, text: str) -> None:
        score, hint = strength_hint(text, self.lang)
        self.strength.setValue(score)
        self.hint.setText(
            hint if text else tr("Several unrelated words are strong and easy to remember.")
        )

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _try(self) -> None:
        passphrase = self.field.text()
        try:
            if self.mode == CREATE:
                check_new_passphrase(passphrase, self.confirm.text())
                self.result_value = passphrase
            elif not passphrase:
                raise StoreError(tr("Type the passphrase."))
            elif self._attempt is not None:
                QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                try:
                    self.result_value = self._attempt(passphrase)
                finally:
                    QApplication.restoreOverrideCursor()
        except StoreError as exc:
            self.field.clear()
            self.confirm.clear()
            self.show_error(_translated(exc))
            self.field.setFocus()
            return
        # Do not keep the typed text in the widgets longer than needed.
        self.field.clear()
        self.confirm.clear()
        self.accept()


def _translated(exc: StoreError) -> str:
    """The store's English message about a wrong key in the UI's language."""
    from dossier.store.errors import WrongPassphrase

    if isinstance(exc, WrongPassphrase):
        return tr("Wrong passphrase or damaged file")
    return error_text(exc)  # the core's messages carry their Russian (dossier/said.py)


def ask_to_open(
    path: Path, parent: QWidget | None = None, lang: str = "en", message: str = ""
) -> Store | None:
    """Ask for the passphrase until the store at `path` opens; None if cancelled."""
    from dossier.store.sample import open_or_create

    dialog = PassphraseDialog(path, OPEN, lambda p: open_or_create(path, p), parent, lang, message)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_value


def ask_new_passphrase(path: Path, parent: QWidget | None = None, lang: str = "en") -> str | None:
    """A new passphrase, typed twice; None if cancelled."""
    dialog = PassphraseDialog(path, CREATE, None, parent, lang)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    # The dialog outlives this call (its parent owns it): it must not keep the passphrase.
    chosen, dialog.result_value = dialog.result_value, None
    dialog.deleteLater()
    return chosen if accepted else None


def recover(path: Path, reason: str, parent: QWidget | None = None) -> tuple[Store | None, str]:
    """After a store failed to open: ask its passphrase, or offer the newest good backup.

    Returns the store, or None and the reason to show the user.
    """
    if is_encrypted(path) and not os.environ.get(PASSPHRASE_ENV):
        store = ask_to_open(path, parent)
        if store is not None:
            return store, ""
        return None, tr("The store is encrypted and no passphrase was given.")
    if "damaged" in reason:
        store = offer_backup(path, reason, parent)
        if store is not None:
            return store, ""
    return None, reason


def offer_backup(path: Path, reason: str, parent: QWidget | None = None) -> Store | None:
    """Tell the user the store is damaged and offer to restore the newest good backup."""
    from dossier.store.backup import newest_good_backup, restore
    from dossier.store.facade import open_store

    best = newest_good_backup(path)
    if best is None:
        return None
    answer = QMessageBox.question(
        parent,
        tr("The store is damaged"),
        tr(
            "%1\n\nThe newest good backup is from %2 (%3 records). Restore it? The "
            "damaged file is kept beside it."
        )
        .replace("%1", in_language(reason, i18n.language()))
        .replace("%2", f"{best.local_time:%Y-%m-%d %H:%M}")
        .replace("%3", str(best.records)),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    if best.encrypted:
        passphrase = ask_backup_passphrase(best.path, parent)
        if passphrase is None:
            return None
        restore(path, best.path, passphrase)
        return open_store(path, passphrase=passphrase)
    restore(path, best.path)
    return open_store(path)


def ask_backup_passphrase(path: Path, parent: QWidget | None) -> str | None:
    """The passphrase of an encrypted backup (checked against it), or None."""
    from dossier.store.crypto import passphrase_opens
    from dossier.store.errors import WrongPassphrase

    def check(p: str) -> str:
        if not passphrase_opens(path, p):
            raise WrongPassphrase(tr("Wrong passphrase or damaged file"))
        return p

    dialog = PassphraseDialog(path, OPEN, check, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_value
