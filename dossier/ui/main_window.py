"""The main window: dossiers on the left, the open dossier's header and tabs on the right."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dossier.model import DOSSIER, DOSSIER_PARTS, EntitySpec
from dossier.store import NotFound, Store
from dossier.ui import i18n, search_dock, settings, tasks, window_menus, window_tabs
from dossier.ui.actions import Actions
from dossier.ui.dossier_list import DossierList
from dossier.ui.entity_tab import EntityTab
from dossier.ui.header import DossierHeader
from dossier.ui.i18n import tr
from dossier.ui.store_undo import StoreUndo
from dossier.ui.tab_pages import TabPages

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget

    from dossier.ui.backups import BackupKeeper
    from dossier.ui.brief_dialog import BriefDialog
    from dossier.ui.capture_dialog import CaptureDialog
    from dossier.ui.editor import Editor
    from dossier.ui.help_window import HelpWindow
    from dossier.ui.lock import Locker
    from dossier.ui.operations import Operations
    from dossier.ui.outside_changes import OutsideChanges
    from dossier.ui.points_tab import PointsTab
    from dossier.ui.record_history_dialog import RecordHistoryDialog
    from dossier.ui.search_panel import SearchPanel
    from dossier.ui.sources_tab import SourcesTab
    from dossier.ui.trade_tab import TradeTab


class MainWindow(QMainWindow):
    dossier_changed = Signal(object)  # the Dossier now shown, or None
    language_changed = Signal(str)
    store_changed = Signal(object)  # the Store now open, or None
    store_closing = Signal(object)  # the Store about to be closed (a last backup)

    def __init__(self, store: Store | None = None, lang: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.store: Store | None = None
        self.lang = lang
        self.sample_in_memory = False  # the sample opened without a file: edits are not kept
        self._dossier: Any = None
        # Edit > Undo is the store's own log (dossier.ui.store_undo): no stack kept here.
        self.undo_log = StoreUndo(self)
        # Made on first use: forms, dialogs and search are not needed to show the window.
        self._ops: Operations | None = None
        self._editor: Editor | None = None
        self._search_panel: SearchPanel | None = None
        self._search_dock: QDockWidget | None = None
        self._help: HelpWindow | None = None
        self.history_dialog: RecordHistoryDialog | None = None  # row menu > History…
        # Parts built by dossier.ui.extensions once the window is shown (None before).
        self.locker: Locker | None = None
        self.backup_keeper: BackupKeeper | None = None
        self.outside_changes: OutsideChanges | None = None
        self.export_brief_action: QAction | None = None
        self.capture_action: QAction | None = None
        self.import_actions: dict[str, QAction] = {}
        # Their dialogs while open (tests and later actions find them here).
        self.brief_dialog: BriefDialog | None = None
        self.capture_dialog: CaptureDialog | None = None
        self._setup_ui()
        self.commands = Actions(self)
        self.tabs.current()  # the tab the window opens on; the others wait to be shown
        self._connect()
        self._restore_state()
        self.set_store(store)

    # -- building --------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.setObjectName("main_window")
        self.dossier_list = DossierList()
        self.header = DossierHeader()
        self.tab_widget = QTabWidget()
        self.tab_widget.setDocumentMode(True)
        self.tabs = TabPages(self.tab_widget, self._make_tab, self._tab_ready)
        dossier_page = QWidget()
        col = QVBoxLayout(dossier_page)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.header)
        col.addWidget(self.tab_widget, 1)

        self.empty_page = QWidget()
        empty = QVBoxLayout(self.empty_page)
        empty.addStretch(1)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        empty.addWidget(self.empty_label)
        self.empty_new = QPushButton()
        self.empty_open = QPushButton()
        for button in (self.empty_new, self.empty_open):
            empty.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        empty.addStretch(2)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_page)
        self.pages.addWidget(dossier_page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.dossier_list)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 950])
        # The list may be dragged shut (or hidden from the View menu) on a small
        # screen; the dossier itself never collapses.
        self.splitter.setCollapsible(0, True)
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)
        self.statusBar()

    def _make_tab(self, spec: EntitySpec) -> EntityTab:
        return window_tabs.make_tab(self, spec)

    def _tab_ready(self, tab: EntityTab) -> None:
        tab.set_store(self.store, getattr(self._dossier, "id", None))

    @property
    def ops(self) -> Operations:
        if self._ops is None:
            from dossier.ui.operations import Operations

            self._ops = Operations(self)
        return self._ops

    @property
    def editor(self) -> Editor:
        if self._editor is None:
            from dossier.ui.editor import Editor

            self._editor = Editor(self)
        return self._editor

    @property
    def search_panel(self) -> SearchPanel:
        """The search panel, in a dock on the right (hidden until Ctrl+F)."""
        if self._search_panel is None:
            self._search_panel, self._search_dock = search_dock.build(self)
        return self._search_panel

    @property
    def search_dock(self) -> QDockWidget:
        self.search_panel  # noqa: B018 - makes the dock too
        assert self._search_dock is not None
        return self._search_dock

    def _connect(self) -> None:
        self.dossier_list.dossier_selected.connect(self._dossier_selected)
        self.header.edit_requested.connect(self.edit_dossier)
        self.tab_widget.currentChanged.connect(lambda _i: self._update_actions())
        self.empty_new.clicked.connect(self.new_dossier)
        self.empty_open.clicked.connect(self.choose_store)

    @property
    def points_tab(self) -> PointsTab:
        return self.tabs["talking_point"]  # type: ignore[return-value]

    @property
    def sources_tab(self) -> SourcesTab:
        return self.tabs["source"]  # type: ignore[return-value]

    @property
    def trade_tab(self) -> TradeTab:
        return self.tabs["trade"]  # type: ignore[return-value]

    # -- the public API for extensions -------------------------------------------------
    def menu(self, name: str) -> QMenu:
        """The QMenu "file", "edit", "view", "dossier" or "help"."""
        return self.commands.menus[name]

    def current_dossier(self) -> Any:
        return self._dossier

    def status(self, message: str, timeout_ms: int = 6000) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def set_store(self, store: Store | None, *, sample_in_memory: bool = False) -> None:
        """Show another store (None: close it and hide every dossier's content)."""
        if self.store is not None and self.store is not store:
            self.store_closing.emit(self.store)  # backups: a last one; tasks: stop
            # Closing a broken connection must not block switching.
            with contextlib.suppress(Exception):
                self.store.close()
        self.store = store
        self.sample_in_memory = sample_in_memory
        if self._search_panel is not None:
            self._search_panel.set_store(store)
        if store is not None and store.path is not None:
            settings.put("last_store", str(store.path))
        last = settings.get("last_dossier")
        select = None
        if store is not None and last:
            select = next((d.id for d in store.dossiers.list() if d.code == last), None)
        self.dossier_list.load(store, select_id=select, notify=False)
        self._show_dossier(self._current_from_list())
        self.undo_log.update()
        self.store_changed.emit(store)

    def refresh(self) -> None:
        """Reload everything shown from the store (after outside changes)."""
        current = self._dossier.id if self._dossier is not None else None
        self.dossier_list.load(self.store, select_id=current)
        self._show_dossier(self._current_from_list())
        if self._search_panel is not None:
            self._search_panel.run_search()
        self.undo_log.update()

    # -- dossiers -------------------------------------------------------------------
    def _current_from_list(self) -> Any:
        dossier_id = self.dossier_list.current_id()
        if self.store is None or dossier_id is None:
            return None
        try:
            return self.store.dossiers.get(dossier_id)
        except NotFound:
            return None

    @Slot(object)
    def _dossier_selected(self, dossier_id: Any) -> None:
        if self._dossier is not None and self._dossier.id == dossier_id:
            return
        self._show_dossier(self._current_from_list())

    def _show_dossier(self, dossier: Any) -> None:
        changed = getattr(dossier, "id", None) != getattr(self._dossier, "id", None)
        self._dossier = dossier
        self.header.show_dossier(dossier)
        dossier_id = dossier.id if dossier is not None else None
        for tab in self.tabs.built().values():
            tab.set_store(self.store, dossier_id)
        self.pages.setCurrentIndex(1 if dossier is not None else 0)
        if dossier is not None:
            settings.put("last_dossier", dossier.code)
        self._update_counts()
        self._update_title()
        self._update_actions()
        self._update_empty_page()
        if changed:
            self.dossier_changed.emit(dossier)

    def _update_counts(self) -> None:
        for i, spec in enumerate(DOSSIER_PARTS):
            label = spec.label(self.lang, plural=True)
            if self.store is not None and self._dossier is not None:
                count = self.store.repo(spec).count(self._dossier.id)
                label = f"{label} ({count})"
            self.tab_widget.setTabText(i, label)
        # Issue 21, item 5: screen readers name the tabs (and their bar) too.
        self.tab_widget.setAccessibleName(tr("Parts of the dossier"))
        self.tab_widget.tabBar().setAccessibleName(tr("Parts of the dossier"))

    def _update_title(self) -> None:
        parts = []
        if self._dossier is not None:
            parts.append(self._dossier.name)
        if self.store is not None:
            parts.append(
                tr("sample, not saved")
                if self.sample_in_memory or self.store.path is None
                else self.store.path.name
            )
        parts.append("Dossier")
        self.setWindowTitle(" — ".join(parts))

    def _update_empty_page(self) -> None:
        if self.store is None:
            self.empty_label.setText(tr("No store is open."))
            self.empty_new.hide()
        else:
            self.empty_label.setText(tr("This store holds no dossier yet."))
            self.empty_new.show()
        self.empty_new.setText(tr("New dossier…"))
        self.empty_open.setText(tr("Open store…"))

    def _update_actions(self) -> None:
        has_store = self.store is not None
        has_dossier = self._dossier is not None
        tab = self.current_tab()
        has_record = has_dossier and tab is not None and tab.current_record() is not None
        a = self.commands
        a.new_dossier.setEnabled(has_store)
        a.close_store.setEnabled(has_store)
        a.add_record.setEnabled(has_dossier)
        a.edit_record.setEnabled(has_record)
        a.delete_record.setEnabled(has_record)
        a.edit_dossier.setEnabled(has_dossier)
        a.delete_dossier.setEnabled(has_dossier)
        a.find.setEnabled(has_store)
        for act in a.show_tab:
            act.setEnabled(has_dossier)

    # -- reacting to writes ---------------------------------------------------------
    def record_changed(
        self, spec: EntitySpec, record_id: int | None, dossier_id: int | None
    ) -> None:
        """After a write, undo or redo: show the change where it happened."""
        if self.store is None:
            return
        if spec is DOSSIER:
            self.dossier_list.load(self.store, select_id=dossier_id)
            self._show_dossier(self._current_from_list())
            self.undo_log.update()
            return
        if dossier_id is not None and getattr(self._dossier, "id", None) != dossier_id:
            self.dossier_list.select(dossier_id)
        try:
            self._dossier = self.store.dossiers.get(self._dossier.id)
        except (NotFound, AttributeError):
            self.refresh()
            return
        self.header.show_dossier(self._dossier)
        self.dossier_list.load(self.store, select_id=self._dossier.id)
        if spec.name in self.tabs:  # show the change where it happened
            self.tabs.show(spec.name)
        for name, tab in self.tabs.built().items():
            tab.reload(select_id=record_id if name == spec.name else None)
        self._update_counts()
        self._update_actions()
        if self._search_panel is not None:
            self._search_panel.run_search()
        self.undo_log.update()

    # -- navigation -----------------------------------------------------------------
    def current_tab(self) -> EntityTab | None:
        return self.tabs.current()

    def show_tab(self, index: int) -> None:
        if self._dossier is not None:
            self.tab_widget.setCurrentIndex(index)

    def jump_to(self, kind: str, record_id: int, dossier_id: int | None) -> bool:
        """Open the dossier, tab and row of a record (from search or a citation)."""
        return window_tabs.jump_to(self, kind, record_id, dossier_id)

    # -- actions ----------------------------------------------------------------------
    @Slot()
    def add_record(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            self.editor.add(tab.spec)

    @Slot()
    def edit_record(self) -> None:
        tab = self.current_tab()
        record = tab.current_record() if tab is not None else None
        if record is not None:
            self.editor.edit(record)

    @Slot()
    def delete_record(self) -> None:
        tab = self.current_tab()
        record = tab.current_record() if tab is not None else None
        if record is not None:
            self.ops.delete(record)

    @Slot(object)
    def show_history(self, record: Any) -> RecordHistoryDialog:
        """The versions of `record`, any of which it can be reverted to (undoable)."""
        from dossier.ui.record_history_dialog import RecordHistoryDialog

        dialog = RecordHistoryDialog(self, record)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.history_dialog = dialog
        dialog.finished.connect(self._history_closed)
        dialog.open()
        return dialog

    def _history_closed(self) -> None:
        self.history_dialog = None

    @Slot()
    def new_dossier(self) -> None:
        self.editor.add(DOSSIER)

    @Slot()
    def edit_dossier(self) -> None:
        if self._dossier is not None:
            self.editor.edit(self._dossier)

    @Slot()
    def delete_dossier(self) -> None:
        if self._dossier is not None:
            self.ops.delete(self._dossier)

    @Slot()
    def show_search(self) -> None:
        if self.store is not None:
            search_dock.show(self, self.search_dock, self.search_panel)

    @Slot()
    def hide_search(self) -> None:
        self.search_dock.hide()
        tab = self.current_tab()
        if tab is not None:
            tab.view.setFocus()

    @Slot()
    def toggle_dossier_list(self) -> None:
        shown = self.dossier_list.isVisible() and self.splitter.sizes()[0] > 0
        if not shown and self.dossier_list.isVisible():  # dragged shut: open it again
            self.splitter.setSizes([250, max(self.splitter.width() - 250, 1)])
        else:
            self.dossier_list.setVisible(not shown)
        self.commands.toggle_list.setChecked(not shown)

    @Slot()
    def choose_store(self) -> None:
        window_menus.choose_store(self)

    @Slot()
    def open_sample(self) -> None:
        from dossier.ui.store_open import sample_store

        self.set_store(sample_store(), sample_in_memory=True)
        self.status(tr("The sample dossier is open in memory: changes are not kept."))

    @Slot()
    def close_store(self) -> None:
        self.set_store(None)

    @Slot()
    def show_preferences(self) -> None:
        window_menus.show_preferences(self)

    def set_language(self, lang: str) -> None:
        """Switch every text of the window to `lang` at once, without a restart."""
        self.lang = i18n.install(lang)
        self.commands.retranslate()
        self.dossier_list.retranslate()
        self.header.retranslate()
        for tab in self.tabs.built().values():
            tab.retranslate(self.lang)
        if self._search_panel is not None and self._search_dock is not None:
            self._search_dock.setWindowTitle(tr("Search"))
            self._search_panel.retranslate(self.lang)
        self._update_counts()
        self._update_title()
        self._update_empty_page()
        self.language_changed.emit(self.lang)

    @Slot()
    def show_about(self) -> None:
        window_menus.show_about(self)

    @Slot()
    def show_manual(self) -> None:
        """F1: the user manual in its own window, in the window's language."""
        window_menus.show_manual(self)

    @Slot()
    def show_about_qt(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.aboutQt(self)

    # -- window state -------------------------------------------------------------
    def _restore_state(self) -> None:
        window_menus.restore_state(self)

    def save_state(self) -> None:
        window_menus.save_state(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        # Pending typing pauses must not fire into a store that is about to close.
        for tab in self.tabs.built().values():
            tab._filter_timer.stop()
        if self._search_panel is not None:
            self._search_panel.timer.stop()
        # A brief still building (or an import still reading) uses the store's
        # connection from a worker thread; closing the store under it crashes the
        # process, so every task ends before the window does.
        tasks.finish_all()
        super().closeEvent(event)
