"""File > Import trade table…, Import officials…, New dossier from Factbook…,
Export dossier…, Import dossier…: the menu entries, over dossier.ingest. Each dialog
has its module (trade_import_dialog, officials_import_dialog, merge_dialog; what
they share in import_common).

Every long step runs on a worker thread with a progress bar and Cancel
(dossier.ui.tasks): reading a table, planning, the write itself, exporting
and reading a .dossier file. The plan is previewed exactly as it will be stored,
and only the Import button writes, in one transaction, as one undoable step;
Cancel during the write rolls it back. Merging a .dossier file shows each
conflicting record side by side (field, mine, theirs) with a choice per record.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction

from dossier.progress import Cancelled
from dossier.store import StoreError, labels
from dossier.store.error_sets import WRITE_ERRORS
from dossier.ui.extensions import keep_updated, require_dossier, show_dialog
from dossier.ui.i18n import tr
from dossier.ui.task_progress import run_modal
from dossier.ui.tasks import Reporter, error_text

# The menu entries are added at every start, just after the first paint; the file
# and message dialogs (Qt classes PySide builds with all their enums when first
# named) load when an entry is used.
if TYPE_CHECKING:
    # The dialogs (and the ingest modules they read files with) load when first
    # opened: the window's start-up only adds the menu entries.
    from dossier.ui.merge_dialog import MergeDialog
    from dossier.ui.officials_import_dialog import OfficialsImportDialog
    from dossier.ui.trade_import_dialog import TradeImportDialog


# -- entry points -------------------------------------------------------------------
def open_trade_dialog(window: Any) -> TradeImportDialog | None:
    from dossier.ui.trade_import_dialog import TradeImportDialog

    if not require_dossier(window):
        return None
    return show_dialog(window, TradeImportDialog(window, window))


def open_officials_dialog(window: Any) -> OfficialsImportDialog | None:
    from dossier.ui.officials_import_dialog import OfficialsImportDialog

    if not require_dossier(window):
        return None
    return show_dialog(window, OfficialsImportDialog(window, window))


def import_factbook(window: Any, path: Path | None = None, confirm: bool = True) -> Any:
    """New dossier from (or refresh with) a Factbook file; returns the dossier or None."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from dossier.ingest import factbook as fb

    if window.store is None:
        return None
    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            window, tr("New dossier from Factbook"), str(Path.home()), tr("JSON (*.json)")
        )
        if not name:
            return None
        path = Path(name)
    title = tr("New dossier from Factbook")
    store, lang = window.store, window.lang

    def read(progress: Reporter) -> Any:
        book = fb.read_factbook(path)
        progress.check()
        return book, fb.plan_factbook(store, book, lang)

    try:
        book, plan = run_modal(window, title, read)
    except Cancelled:
        return None
    except fb.FactbookError as exc:
        QMessageBox.warning(window, title, error_text(exc))
        return None
    except WRITE_ERRORS as exc:
        QMessageBox.warning(window, title, error_text(exc))
        return None
    if (
        confirm
        and QMessageBox.question(window, title, "\n".join(plan.lines) + "\n\n" + tr("Apply?"))
        != QMessageBox.StandardButton.Yes
    ):
        return None

    def apply(progress: Reporter) -> Any:
        # One operation of the store's log, like every write: Edit > Undo takes it back.
        with store.transaction(labels.FACTBOOK):
            return fb.apply_factbook(store, plan, progress=progress)

    try:
        dossier = run_modal(window, title, apply, writes=True)
    except Cancelled:
        window.status(tr("Cancelled: nothing was changed."))
        return None
    except fb.FactbookError as exc:
        QMessageBox.warning(window, title, error_text(exc))
        return None
    except WRITE_ERRORS as exc:
        QMessageBox.warning(window, title, error_text(exc))
        return None
    window.refresh()
    window.dossier_list.select(dossier.id)
    window.status(book.age())
    return dossier


def export_current(window: Any, path: Path | None = None, passphrase: str | None = None) -> bool:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from dossier.exports.exchange_writer import export_dossier
    from dossier.ingest.exchange import ExchangeError
    from dossier.ui.passphrase_dialog import ask_new_passphrase

    if not require_dossier(window):
        return False
    dossier = window.current_dossier()
    if path is None:
        name, _ = QFileDialog.getSaveFileName(
            window,
            tr("Export dossier"),
            str(Path.home() / f"{dossier.code}.dossier"),
            tr("Dossier files (*.dossier)"),
        )
        if not name:
            return False
        path = Path(name)
    if passphrase is None:
        passphrase = ask_new_passphrase(path, window, window.lang)
        if passphrase is None:
            return False
    store, out, secret = window.store, path, passphrase
    try:
        run_modal(
            window,
            tr("Export dossier"),
            lambda progress: export_dossier(store, dossier, out, secret, progress),
            text=tr("Writing %s…") % path.name,
            bulk=True,
        )
    except Cancelled:
        window.status(tr("Cancelled: %s was not written.") % path.name)
        return False
    except (ExchangeError, *WRITE_ERRORS) as exc:  # type: ignore[misc]
        QMessageBox.warning(window, tr("Export dossier"), error_text(exc))
        return False
    window.status(tr("Exported %s to %s.") % (dossier.name, path.name))
    return True


def open_merge(
    window: Any, path: Path | None = None, passphrase: str | None = None
) -> MergeDialog | None:
    """Read a .dossier file (asking its passphrase) and show the merge dialog."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    from dossier.ingest.exchange import ExchangeError, plan_merge, read_exchange
    from dossier.ui.merge_dialog import MergeDialog
    from dossier.ui.passphrase_dialog import OPEN, PassphraseDialog

    if window.store is None:
        return None
    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            window, tr("Import dossier"), str(Path.home()), tr("Dossier files (*.dossier)")
        )
        if not name:
            return None
        path = Path(name)

    def read(secret: str) -> Any:
        """The file read and compared with the store, on a worker thread."""
        store = window.store

        def job(progress: Reporter) -> Any:
            progress.say(tr("Reading %s…") % path.name)
            incoming = read_exchange(path, secret)
            progress.check()
            return plan_merge(store, incoming)

        return run_modal(window, tr("Import dossier"), job, bulk=True)

    if passphrase is None:

        def attempt(p: str) -> Any:
            try:
                return read(p)
            except ExchangeError as exc:
                raise StoreError(str(exc)) from None
            except Cancelled:
                raise StoreError(tr("Cancelled.")) from None

        ask = PassphraseDialog(
            path,
            OPEN,
            attempt,
            window,
            window.lang,
            tr("Type the passphrase the sender chose for %s."),
        )
        if ask.exec() != QDialog.DialogCode.Accepted:
            return None
        plan = ask.result_value
    else:
        try:
            plan = read(passphrase)
        except Cancelled:
            return None
        except (ExchangeError, *WRITE_ERRORS) as exc:  # type: ignore[misc]
            QMessageBox.warning(window, tr("Import dossier"), error_text(exc))
            return None
    return show_dialog(window, MergeDialog(window, plan, window))


def _texts() -> dict[str, str]:
    # Literal tr() calls, so lupdate finds them and a language switch re-reads them.
    return {
        "import_trade_action": tr("Import trade table…"),
        "import_officials_action": tr("Import officials…"),
        "import_factbook_action": tr("New dossier from Factbook…"),
        "export_dossier_action": tr("Export dossier…"),
        "import_dossier_action": tr("Import dossier…"),
    }


def install(window: Any) -> dict[str, QAction]:
    """Add the import and exchange entries to the File menu; returns them by name
    ("import_trade_action", ...)."""
    menu = window.menu("file")
    # After New / Open / Close store, as a group of their own.
    anchor = next((a for a in menu.actions() if a.isSeparator()), None)
    entries: list[tuple[str, Callable[[], Any], bool]] = [
        ("import_trade_action", lambda: open_trade_dialog(window), True),
        ("import_officials_action", lambda: open_officials_dialog(window), True),
        ("import_factbook_action", lambda: import_factbook(window), False),
        ("export_dossier_action", lambda: export_current(window), True),
        ("import_dossier_action", lambda: open_merge(window), False),
    ]
    texts = _texts()
    actions: list[tuple[str, QAction, bool]] = []
    for attr, slot, needs_dossier in entries:
        action = QAction(texts[attr], window)
        action.triggered.connect(slot)
        actions.append((attr, action, needs_dossier))
    if anchor is not None:
        menu.insertSeparator(anchor)
        menu.insertActions(anchor, [a for _, a, _ in actions])
    else:
        menu.addSeparator()
        menu.addActions([a for _, a, _ in actions])

    def update(*_args: Any) -> None:
        texts = _texts()
        for attr, action, needs_dossier in actions:
            action.setText(texts[attr])
            action.setEnabled(
                window.store is not None
                and (not needs_dossier or window.current_dossier() is not None)
            )

    keep_updated(window, update)
    return {attr: action for attr, action, _ in actions}
