"""File > Encrypt store… and File > Change passphrase…: the store's key itself
(the auto-lock that drops it is dossier.ui.lock).

Loaded with the lock just after the first paint, at every start; its dialogs and
message boxes (the passphrase dialog's module, ~12 M instructions with the Qt
classes it builds) load when one of its commands is used.
"""

from __future__ import annotations

from typing import Any

from dossier.store.crypto import is_encrypted
from dossier.ui.i18n import tr


def encrypt_store(window: Any) -> bool:
    """File > Encrypt store…: a passphrase for the open plain store and its backups."""
    from dossier.store.backup import encrypt_with_backups
    from dossier.ui.passphrase_dialog import ask_new_passphrase

    store = window.store
    if store is None or store.path is None:
        window.status(tr("Open a store file first: the sample in memory is not saved."))
        return False
    path = store.path
    if is_encrypted(path):
        window.status(tr("This store is already encrypted."))
        return False
    passphrase = ask_new_passphrase(path, window, window.lang)
    if passphrase is None:
        return False
    return _rewrite(
        window,
        tr("Encrypt store"),
        path,
        lambda: encrypt_with_backups(path, passphrase),
        passphrase,
        tr("The store is now encrypted."),
    )


def offer_encryption(window: Any) -> None:
    """A passphrase was given (DOSSIER_PASSPHRASE) for a store that is not encrypted:
    say so, and offer File > Encrypt store… at once."""
    store = window.store
    notices = getattr(store, "notices", None)
    if notices:
        # What opening did on its own (a file mode tightened, an interrupted
        # conversion settled): said once, in the status bar.
        window.status(" ".join(notices), 20_000)
        store.notices = []
    if store is None or not getattr(store, "passphrase_ignored", False):
        return
    store.passphrase_ignored = False  # asked once per opening
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("Store not encrypted"),
        tr(
            "A passphrase was given (DOSSIER_PASSPHRASE), but %1 is not encrypted: "
            "it was opened without one. Encrypt it now?"
        ).replace("%1", store.path.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        window,
    )
    box.setObjectName("offer_encrypt")

    def answered(button: int) -> None:
        if button == QMessageBox.StandardButton.Yes:
            encrypt_store(window)

    box.finished.connect(answered)
    box.open()


def change_passphrase(window: Any) -> bool:
    """File > Change passphrase…: re-key the open encrypted store and its backups."""
    from PySide6.QtWidgets import QDialog

    from dossier.store.backup import rekey_with_backups
    from dossier.store.crypto import passphrase_opens
    from dossier.store.errors import StoreError
    from dossier.ui.passphrase_dialog import OPEN, PassphraseDialog, ask_new_passphrase

    store = window.store
    if store is None or store.path is None or not is_encrypted(store.path):
        window.status(tr("Only an encrypted store has a passphrase to change."))
        return False
    path = store.path

    def check(p: str) -> str:
        if not passphrase_opens(path, p):
            raise StoreError(tr("Wrong passphrase or damaged file"))
        return p

    current = PassphraseDialog(
        path,
        OPEN,
        check,
        window,
        window.lang,
        tr("Type the current passphrase of %s.") % path.name,
    )
    if current.exec() != QDialog.DialogCode.Accepted:
        return False
    old = current.result_value
    new = ask_new_passphrase(path, window, window.lang)
    if new is None:
        return False
    return _rewrite(
        window,
        tr("Change passphrase"),
        path,
        lambda: rekey_with_backups(path, old, new),
        new,
        tr("The passphrase is changed."),
    )


def _rewrite(window: Any, title: str, path: Any, work: Any, passphrase: str, done: str) -> bool:
    """Close the store, rewrite the file with `work()`, reopen it with `passphrase`.

    Both run through the background runner (dossier.ui.tasks): the store and every
    backup are rewritten, a second or more for a big store, and the window keeps
    painting meanwhile. Not cancellable: the rewrite is all or nothing once begun.
    """
    from PySide6.QtWidgets import QMessageBox

    from dossier.store.errors import StoreError
    from dossier.store.facade import open_store
    from dossier.ui.task_progress import run_modal

    window.save_state()
    window.set_store(None)  # the file is replaced: nothing may hold it open
    ok = True
    try:
        run_modal(
            window,
            title,
            lambda _progress: work(),
            text=tr("Rewriting %s and its backups…") % path.name,
            cancellable=False,
        )
    except (StoreError, OSError) as exc:
        ok = False
        QMessageBox.warning(window, tr("Dossier"), str(exc))
    try:
        # Opening checks the whole file: on a worker too.
        reopened = run_modal(
            window,
            title,
            lambda _progress: open_store(path, passphrase=passphrase),
            text=tr("Opening %s…") % path.name,
            cancellable=False,
        )
    except StoreError as exc:
        QMessageBox.warning(window, tr("Dossier"), str(exc))
        return False
    window.set_store(reopened)
    if ok:
        window.status(done)
    return ok
