"""Opening a store from the UI: the one place where a store file becomes a Store.

Failures never reach the user as a traceback: a dialog says why and offers
another file, the sample dossier (in memory) or quitting.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QWidget

from dossier.store import Store, failures, memory_store
from dossier.store.sample import load_sample, open_or_create
from dossier.ui.i18n import tr


def try_open(path: Path) -> tuple[Store | None, str]:
    """The store at `path` (created with the sample on first run), or the reason it failed
    (the core's message, carrying its Russian: show it with `in_language`)."""
    from dossier.files import remove_leftovers

    # Temporary files of writes cut short (a crash mid-backup or mid-encrypt).
    remove_leftovers(path.parent, path.name)
    remove_leftovers(path.parent / "backups", f"{path.stem}.db")  # store.backup.backup_dir
    try:
        # Scripts and smoke runs give an encrypted store's passphrase in the environment.
        return open_or_create(path, os.environ.get("DOSSIER_PASSPHRASE") or None), ""
    except failures() as exc:
        from dossier.said import said_by

        return None, said_by(exc)
    except OSError as exc:
        return None, f"{exc.strerror or exc}"


def sample_store() -> Store:
    """The bundled sample in memory: for a look around when no store can be opened."""
    store = memory_store()
    load_sample(store)
    return store


def open_store_interactively(path: Path, parent: QWidget | None = None) -> Store | None:
    """Open `path`; on failure ask the user what to do. None means they chose to quit."""
    # The dialogs load only when needed: an ordinary start opens the store directly.
    from dossier.ui.passphrase_dialog import recover
    from dossier.ui.store_problem import ANOTHER, SAMPLE, StoreProblemDialog

    while True:
        store, reason = try_open(path)
        if store is None:  # an encrypted store asks its passphrase; a damaged one, a backup
            store, reason = recover(path, reason, parent)
        if store is not None:
            return store
        from dossier.said import in_language
        from dossier.ui import i18n

        dialog = StoreProblemDialog(str(path), in_language(reason, i18n.language()), parent)
        dialog.exec()
        if dialog.choice == SAMPLE:
            return sample_store()
        if dialog.choice != ANOTHER:
            return None
        from PySide6.QtWidgets import QFileDialog  # only when asked: it costs start-up

        chosen, _ = QFileDialog.getOpenFileName(
            parent,
            tr("Open store"),
            str(path.parent),
            tr("Dossier stores (*.db *.dossier *.sqlite);;All files (*)"),
        )
        if chosen:
            path = Path(chosen)
