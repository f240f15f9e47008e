"""A dossier tab: filter box, actions and the table of one kind of record."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dossier.fields import Kind
from dossier.model import EntitySpec
from dossier.store import Store
from dossier.ui.column_fit import shrink_to_fit
from dossier.ui.i18n import tr
from dossier.ui.icons import bundled_icon
from dossier.ui.table_model import EntityTableModel
from dossier.ui.table_view import RecordTable

FILTER_DELAY_MS = 250
MAX_COLUMN_WIDTH = 300
MAX_REF_WIDTH = 220
MIN_MAIN_WIDTH, MAX_MAIN_WIDTH = 300, 520
# Narrowest a column is made to fit a small screen ("Действую…" still reads).
MIN_COLUMN_WIDTH = 90
MAX_TITLE_FLOOR = 170


class EntityTab(QWidget):
    # Choice fields a subclass filters with its own control (no quick filter for them).
    OWN_FILTERS: frozenset[str] = frozenset()

    add_requested = Signal()
    edit_requested = Signal(object)  # the record
    delete_requested = Signal(object)
    history_requested = Signal(object)  # the record whose versions to show
    selection_changed = Signal()

    def __init__(self, spec: EntitySpec, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.lang = lang
        self.model = EntityTableModel(spec, lang=lang, parent=self)
        self._loaded = False
        self._fitted_width: int | None = None  # the visible width the columns were fitted to
        self._refit_pending = False
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._setup_ui()
        self._connect()
        self.retranslate(lang)

    # -- building ------------------------------------------------------------------
    def _setup_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.bar = QHBoxLayout()
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(150)
        self.filter_edit.setMaximumWidth(320)
        self.bar.addWidget(self.filter_edit)
        from dossier.ui.quick_filters import QuickFilters, filter_fields

        self.quick_filters = QuickFilters(
            filter_fields(self.spec, self.OWN_FILTERS), self.lang, parent=self
        )
        self.count_label = QLabel()
        self.bar.addWidget(self.count_label)
        self.bar.addStretch(1)
        self.add_button = self._tool(bundled_icon("add"))
        self.edit_button = self._tool(bundled_icon("edit"))
        self.delete_button = self._tool(bundled_icon("delete"))
        layout.addLayout(self.bar)
        if self.quick_filters.fields:
            # A row of their own: beside the filter box they made the window too wide
            # for a small screen (over 1,100 px in Russian).
            quick_row = QHBoxLayout()
            quick_row.addWidget(self.quick_filters)
            quick_row.addStretch(1)
            layout.addLayout(quick_row)
        else:
            self.quick_filters.hide()

        self.view = RecordTable()
        self.view.width_changed.connect(self._width_changed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.row_menu: QMenu | None = None  # the context menu on screen, if any
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        # Every row one line of the same height: the view never asks the model for
        # a row's size, whether the table holds ten rows or 100,000.
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setResizeContentsPrecision(0)  # should anything measure: rows in sight only
        rows.setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the natural order
        header.setHighlightSections(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # not cut at both ends
        self.view.setSortingEnabled(True)
        from dossier.ui.column_memory import ColumnMemory

        # Shown columns, widths and sort as the user left them (issue 21, item 2).
        self.columns = ColumnMemory(self.view, self.spec.name, [c.name for c in self.model.columns])
        layout.addWidget(self.view, 1)
        self.body_layout = layout

    def _tool(self, icon: Any) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        self.bar.addWidget(button)
        return button

    def _connect(self) -> None:
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        self.quick_filters.changed.connect(self.model.set_equals)
        self.view.customContextMenuRequested.connect(self.show_row_menu)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(self._edit_current)
        self.delete_button.clicked.connect(self._delete_current)
        # Double-click or Enter edits (not `activated`: on some platforms a single
        # click activates, and a form popping up on every click is not wanted).
        self.view.doubleClicked.connect(self._activated)
        self.view.menu_key.connect(self._menu_key)
        self.view.enter_key.connect(self._edit_current)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._after_reload)
        self.model.rowsInserted.connect(self._update_count)

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        plural = self.spec.label(lang, plural=True)
        self.filter_edit.setPlaceholderText(tr("Filter %s…") % plural.lower())
        # Wide enough to read the hint whole ("Filter officials…"), within the bounds.
        hint = (
            self.filter_edit.fontMetrics().horizontalAdvance(self.filter_edit.placeholderText())
            + 40
        )
        self.filter_edit.setMinimumWidth(max(150, min(hint, 320)))
        self.add_button.setText(tr("Add"))
        self.add_button.setToolTip(tr("Add a record (Insert, Ctrl+N)"))
        self.edit_button.setText(tr("Edit"))
        self.edit_button.setToolTip(tr("Edit the selected record (Enter)"))
        self.delete_button.setText(tr("Delete"))
        self.delete_button.setToolTip(tr("Delete the selected record (Delete)"))
        self.filter_edit.setAccessibleName(self.filter_edit.placeholderText())
        self.view.setAccessibleName(plural)
        self.quick_filters.retranslate(lang)
        self.model.set_lang(lang)
        self._update_count()
        self._fit_columns()

    # -- data ------------------------------------------------------------------------
    def set_store(self, store: Store | None, dossier_id: int | None) -> None:
        """Show a dossier's records; a hidden tab reads them when it is first shown."""
        self._loaded = False
        self.model.set_source(store, dossier_id)
        if store is not None and dossier_id is not None:
            for name, (label, options) in self.value_filters(store, dossier_id).items():
                self.quick_filters.set_values(name, label, options)
        if self.isVisible():
            self.ensure_loaded()

    def value_filters(
        self, store: Store, dossier_id: int
    ) -> dict[str, tuple[str, list[tuple[str, dict[str, Any]]]]]:
        """Quick filters whose choices come from the dossier's rows: name -> (label,
        [(text, {field: value})]). None here; the trade and points tabs have theirs."""
        return {}

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self._loaded = True
            self.model.reload()

    def showEvent(self, event: Any) -> None:
        self.ensure_loaded()
        super().showEvent(event)

    def reload(self, select_id: int | None = None) -> None:
        """Read the rows again (a hidden tab just forgets them until shown)."""
        if not self.isVisible() and select_id is None:
            self._loaded = False
            return
        keep = select_id if select_id is not None else getattr(self.current_record(), "id", None)
        self._loaded = True
        self.model.reload()
        if keep is not None:
            self.select_record(keep)

    @Slot()
    def apply_filter(self) -> None:
        self._filter_timer.stop()
        self.model.set_filter(self.filter_edit.text())

    def _after_reload(self) -> None:
        # A new order or filter starts at its first row (a changed record is then
        # selected and scrolled to by reload()).
        self.view.scrollToTop()
        self._update_count()
        self._fit_columns()
        self._selection_changed()

    def _update_count(self) -> None:
        filtered = bool(self.model.text or self.model.fixed or self.model.equals)
        self.count_label.setText(tr("%d found") % self.model.total if filtered else "")
        plural = self.spec.label(self.lang, plural=True).lower()
        self.view.set_empty_text(
            tr("No %s match the filter.") % plural
            if filtered
            else tr("No %s in this dossier yet. Add one with Insert or the Add button.") % plural
            if self.model.dossier_id is not None
            else ""
        )

    def _fit_columns(self) -> None:
        """Columns as wide as their content, within limits, all in sight; the last one
        takes the rest.

        The main text (a title or a talking point) gets what the others leave of the
        visible width, within bounds, so it is neither squeezed to "П…" nor so wide
        that every other column scrolls out of sight. When even the others do not fit
        (a small screen), the widest columns give way first (`shrink_to_fit`).
        """
        if not self.model.rowCount() and self._fitted_width is not None:
            # A filter that leaves no rows keeps the widths: sizing to the titles
            # alone squeezed every column, and they jumped back on the next key.
            return
        self.columns.fitting = True  # these widths are the table's, not the user's
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        main = self._main_column()
        content = self._content_widths()
        titles = [header.sectionSizeHint(col) for col in range(len(self.model.columns))]
        widths = []
        for col, spec in enumerate(self.model.columns):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            limit = (
                MAX_MAIN_WIDTH
                if col == main
                else MAX_REF_WIDTH
                if spec.kind is Kind.REF
                else MAX_COLUMN_WIDTH
            )
            widths.append(min(max(titles[col], content[col]), limit))
        # Not viewport(): returning a QWidget makes PySide look up every widget
        # class (~20 ms the first time), which the window's start-up need not pay.
        visible = self.view.maximumViewportSize().width()
        self._fitted_width = visible
        shown = [c for c in range(len(widths)) if not self.view.isColumnHidden(c)]
        if visible > 200 and shown and self.view.isVisible():  # hidden: no width yet
            # A column keeps room for its title where it can ("Отчитывающаяся
            # страна"), else the title ends in "…" and shows whole as a tooltip.
            floors = [
                MIN_MAIN_WIDTH
                if c == main
                else min(max(MIN_COLUMN_WIDTH, titles[c]), MAX_TITLE_FLOOR)
                for c in shown
            ]
            fitted = shrink_to_fit([widths[c] for c in shown], visible - 2, floors)
            for c, width in zip(shown, fitted, strict=True):
                widths[c] = width
        for col, width in enumerate(widths):
            self.view.setColumnWidth(col, width)
        rows = self.view.verticalHeader()
        rows.setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        self.columns.fitting = False
        self.columns.apply_widths()

    @Slot(int)
    def _width_changed(self, width: int) -> None:
        """The table got wider or narrower (the window, the dossier list): fit again,
        once the resizing has settled in this turn of the event loop."""
        if self._fitted_width is None or abs(width - self._fitted_width) < 2:
            return
        if not self._refit_pending:
            self._refit_pending = True
            QTimer.singleShot(0, self._refit)

    def _refit(self) -> None:
        self._refit_pending = False
        if self._loaded and self.isVisible():
            self._fit_columns()

    def _content_widths(self) -> list[int]:
        """The width each column's text needs in the rows in sight (a screenful if hidden).

        Measured here from the model's cell texts, not with resizeColumnToContents:
        Qt's measure asks every row of a hidden table, 100,000 of them in a long tab.
        """
        columns = len(self.model.columns)
        widths = [0] * columns
        total = self.model.rowCount()
        if not total:
            return widths
        metrics = self.view.fontMetrics()
        row_height = max(1, self.view.verticalHeader().defaultSectionSize())
        first = max(0, self.view.rowAt(0))
        in_sight = self.view.maximumViewportSize().height() // row_height + 1
        if not self.view.isVisible() or in_sight < 10:
            in_sight = 40
        rows = [
            (row, self.model.row_texts(row) or ())
            for row in range(first, min(total, first + in_sight))
        ]
        margin = self._cell_margin(rows, metrics)
        for _row, texts in rows:
            for col, text in enumerate(texts):
                if text:
                    widths[col] = max(widths[col], metrics.horizontalAdvance(text) + margin)
        # A choice shows one of a few labels: fit the longest, wherever it appears, so
        # scrolling never finds one cut ("Товаро…").
        for col, spec in enumerate(self.model.columns):
            labels = [c.label(self.lang) for c in spec.choices] if spec.kind is Kind.CHOICE else []
            for label in labels:
                widths[col] = max(widths[col], metrics.horizontalAdvance(label) + margin)
        return widths

    def _cell_margin(self, rows: list[tuple[int, tuple[str, ...]]], metrics: Any) -> int:
        """What a cell adds to its text (the style's focus-frame margin each side and
        the grid line), as the view measures one cell, plus a few pixels for the
        italics of muted rows. Not asked of the style: that builds every QStyle enum
        in Python (~20 ms), which the window's start-up need not pay."""
        for row, texts in rows:
            for col, text in enumerate(texts):
                if text:
                    hint = self.view.sizeHintForIndex(self.model.index(row, col)).width()
                    return max(0, hint - metrics.horizontalAdvance(text)) + 3
        return 10

    def _main_column(self) -> int:
        names = [c.name for c in self.model.columns]
        for col, spec in enumerate(self.model.columns):
            if spec.kind is Kind.LONGTEXT:
                return col
        return names.index(self.spec.title_field) if self.spec.title_field in names else 0

    # -- selection -------------------------------------------------------------------
    def current_record(self) -> Any:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record(rows[0].row())

    def select_record(self, record_id: int) -> bool:
        self.ensure_loaded()
        row = self.model.row_of(record_id)
        if row is None:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def _selection_changed(self, *_: Any) -> None:
        has = self.current_record() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.selection_changed.emit()

    @Slot(QPoint)
    def show_row_menu(self, pos: QPoint) -> QMenu:
        """The row's context menu at `pos` (in the view's viewport), shown without waiting."""
        from dossier.ui.row_menu import row_menu

        index = self.view.indexAt(pos)
        if not index.isValid() and QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton:
            # The Menu key under X11 arrives as a context-menu event at the middle of
            # the viewport (below a short table's rows): the menu is the current row's.
            # (Not a viewportEvent override: that sends every event through Python.)
            index = self.view.currentIndex()
            if index.isValid():
                pos = self.view.visualRect(index).center()
        if index.isValid():
            self.view.selectRow(index.row())
            self.view.setCurrentIndex(index)
        if self.row_menu is not None:
            self.row_menu.deleteLater()
        self.row_menu = row_menu(self, index)
        self.row_menu.popup(self.view.viewport().mapToGlobal(pos))
        return self.row_menu

    def _menu_key_pos(self) -> QPoint:
        """Where the keyboard's context menu opens: at the current cell, else the corner."""
        index = self.view.currentIndex()
        rect = self.view.visualRect(index) if index.isValid() else None
        return rect.center() if rect is not None and rect.isValid() else QPoint(10, 10)

    def _menu_key(self) -> None:
        self.show_row_menu(self._menu_key_pos())

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        record = self.model.record(index.row())
        if record is not None:
            self.edit_requested.emit(record)

    def _edit_current(self) -> None:
        record = self.current_record()
        if record is not None:
            self.edit_requested.emit(record)

    def _delete_current(self) -> None:
        record = self.current_record()
        if record is not None:
            self.delete_requested.emit(record)
