"""One table model for every entity: columns from the spec, rows fetched from the store.

The model counts the rows that match up front (rowCount is the whole list), and
reads them a page at a time when the view first shows one, keeping only the
pages seen last: a dossier of 100,000 rows opens, scrolls and re-sorts as fast as
one of ten, and a reset frees a few pages, never every row seen. Sorting and text
filtering are done by the repository in SQL.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from dossier.fields import FieldSpec, Kind, format_value
from dossier.model import ENTITIES, EntitySpec
from dossier.store import Store, StoreError, failures
from dossier.store.repository import Repository
from dossier.ui.i18n import tr

Index = QModelIndex | QPersistentModelIndex
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # the dataclass behind a row
ROW_MIME = "application/x-dossier-row"  # a dragged row, within one table
_SHORT = 160  # characters of long text shown in a cell

# Roles as plain ints: data() runs for every role of every cell painted, and an
# enum lookup per call is a measurable part of a repaint.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_RECORD = int(RECORD_ROLE)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGN, _FOREGROUND, _FONT, _RECORD})
_CELL = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_DRAGGABLE_CELL = _CELL | Qt.ItemFlag.ItemIsDragEnabled
_DROP_HERE, _NO_FLAGS = Qt.ItemFlag.ItemIsDropEnabled, Qt.ItemFlag.NoItemFlags
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class _Page:
    """Consecutive rows read in one query, with their cell texts made when first shown."""

    __slots__ = ("end", "first", "records", "texts", "titles")

    def __init__(self, first: int, records: list[Any], titles: dict[tuple[str, int], str]):
        self.first = first
        self.end = first + len(records)
        self.records = records
        self.texts: list[tuple[str, ...] | None] = [None] * len(records)
        self.titles = titles  # (entity, id) -> title of the records a REF column shows


class EntityTableModel(QAbstractTableModel):
    PAGE = 200  # rows read at once
    MAX_PAGES = 20  # pages kept: a few screens around where the user looks

    def __init__(
        self, spec: EntitySpec, store: Store | None = None, lang: str = "en", parent: Any = None
    ):
        super().__init__(parent)
        self.spec = spec
        self.store = store
        self.lang = lang
        self.columns: tuple[FieldSpec, ...] = spec.table_fields
        self.dossier_id: int | None = None
        self.text = ""
        self.fixed: dict[str, Any] = {}
        self.equals: dict[str, Any] = {}
        self.order_by: str | None = None
        self.descending = False
        self._total = 0
        self._pages: OrderedDict[int, _Page] = OrderedDict()  # page number -> page
        self._last: _Page | None = None  # the page data() used last (most calls hit it)
        self._aligns = tuple(
            _RIGHT if c.kind in (Kind.NUMBER, Kind.INTEGER) else _LEFT for c in self.columns
        )
        self._refs = [
            (c.name, ENTITIES[c.ref])
            for c in self.columns
            if c.kind is Kind.REF and c.ref in ENTITIES
        ]
        self._muted_style: tuple[QBrush, QFont] | None = None
        # Rows to show muted (e.g. talking points that are background only).
        self.muted: Callable[[Any], bool] | None = None
        # Set by views whose rows the user may drag into a new order: called with
        # the dragged record and the row it was dropped on (the store does the move).
        self.move_to: Callable[[Any, int], None] | None = None

    # -- what to show ------------------------------------------------------
    def set_store(self, store: Store | None, dossier_id: int | None = None) -> None:
        self.store, self.dossier_id = store, dossier_id
        self.reload()

    def set_source(self, store: Store | None, dossier_id: int | None) -> None:
        """Point at a store and dossier without reading yet (a hidden tab loads on show)."""
        self.beginResetModel()
        self.store, self.dossier_id = store, dossier_id
        self._forget()
        self._total = 0
        self.endResetModel()

    def set_dossier(self, dossier_id: int | None) -> None:
        self.dossier_id = dossier_id
        self.reload()

    def set_filter(self, text: str) -> None:
        self.text = text.strip()
        self.reload()

    def set_fixed(self, fixed: dict[str, Any]) -> None:
        """The view's own condition (e.g. talking points of one kind), kept under the
        quick filters: field -> the value it must have."""
        self.fixed = {k: v for k, v in fixed.items() if v is not None}
        self.reload()

    def set_equals(self, equals: dict[str, Any]) -> None:
        """Quick filters: only the rows whose fields have these values."""
        self.equals = {k: v for k, v in equals.items() if v is not None}
        self.reload()

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        for page in self._pages.values():  # texts are made again, in the new language
            page.texts = [None] * len(page.records)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._total:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._total - 1, len(self.columns) - 1)
            )

    @property
    def total(self) -> int:
        """Rows matching the filter (every one of them is a row of the model)."""
        return self._total

    @property
    def kept_rows(self) -> int:
        """Rows held in memory now: a few pages, however long the list."""
        return sum(len(page.records) for page in self._pages.values())

    def _active(self) -> bool:
        return self.store is not None and self.dossier_id is not None

    def _repo(self, spec: EntitySpec | None = None) -> Repository[Any]:
        """The store's repository of `spec` (default: this table's); only while active."""
        if self.store is None:
            raise StoreError(tr("No store is open."))
        return self.store.repo(spec or self.spec)

    def _query(self) -> dict[str, Any]:
        where: str | None = None
        params: tuple[Any, ...] = ()
        if self.fixed or self.equals:
            from dossier.store.filters import with_equals

            where, params = with_equals(self.spec, None, (), {**self.fixed, **self.equals})
        return {"text": self.text or None, "where": where, "params": params}

    def _forget(self) -> None:
        self._pages.clear()
        self._last = None

    def reload(self) -> None:
        """Count the rows again and forget every page read (a change, filter or order)."""
        self.beginResetModel()
        self._forget()
        self._total = 0
        if self._active():
            repo = self._repo()
            if self.text:
                # Matches of a word: their ids in order cost what counting them does,
                # and every page then comes from them (no second search per page).
                self._total = len(
                    repo.ids(
                        self.dossier_id,
                        order_by=self.order_by,
                        descending=self.descending,
                        **self._query(),
                    )
                )
            else:
                self._total = repo.count(self.dossier_id, **self._query())
            self._load(0)  # the first screen, read with the count
        self.endResetModel()

    def _load(self, number: int) -> _Page | None:
        """Read page `number` (or return it, if kept), dropping the page used least recently."""
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        if not self._active() or not 0 <= number * self.PAGE < self._total:
            return None
        repo = self._repo()
        try:
            records = repo.list(
                self.dossier_id,
                order_by=self.order_by,
                descending=self.descending,
                limit=self.PAGE,
                offset=number * self.PAGE,
                **self._query(),
            )
            titles = self._titles_of(records)
        except failures():  # closed or broken under us: show nothing
            return None
        page = _Page(number * self.PAGE, records, titles)
        self._pages[number] = page
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def _titles_of(self, records: list[Any]) -> dict[tuple[str, int], str]:
        """The titles a reference column shows, one query per page and column.

        Reading each cited source whole (20 KB of text) took most of a page's time.
        """
        titles: dict[tuple[str, int], str] = {}
        for name, ref in self._refs:
            wanted = {getattr(r, name) for r in records} - {None}
            if not wanted:
                continue
            found = self._repo(ref).titles(wanted)
            for record_id in wanted:
                titles[(ref.name, record_id)] = " ".join(found.get(record_id, "?").split())
        return titles

    def _page_at(self, row: int) -> _Page | None:
        page = self._last
        if page is not None and page.first <= row < page.end:
            return page
        page = self._load(row // self.PAGE)
        if page is None or not page.first <= row < page.end:
            return None  # rows deleted by another program since the count
        self._last = page
        return page

    # -- everything is counted up front: nothing to fetch more of --------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return False

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        return

    # -- Qt model API -------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        spec = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.label(self.lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            return spec.label(self.lang)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks for seven roles of every cell it paints: the text comes first
        # and fast (an invalid index has row -1, on no page), the rest mostly None.
        if role == _DISPLAY:
            row = index.row()
            page = self._last
            if page is None or not page.first <= row < page.end:
                page = self._page_at(row)
                if page is None:
                    return None
            return self._page_texts(page, row - page.first)[index.column()]
        if role == _ALIGN:
            return self._aligns[index.column()] if index.isValid() else None
        if (
            role not in _ROLES
            or not index.isValid()
            or (self.muted is None and role in (_FOREGROUND, _FONT))
        ):
            return None
        column = index.column()
        page = self._page_at(index.row())
        if page is None:
            return None
        record = page.records[index.row() - page.first]
        if role == _RECORD:
            return record
        if role == _TOOLTIP:
            spec = self.columns[column]
            value = getattr(record, spec.name)
            if spec.kind in (Kind.LONGTEXT, Kind.TEXT, Kind.REF) and value:
                text = self._display(record, spec, value, page.titles, short=False)
                return text if len(text) > 40 else None
            return None
        if self.muted is not None and self.muted(record):
            brush, font = self._muted_looks()
            return brush if role == _FOREGROUND else font
        return None

    def _muted_looks(self) -> tuple[QBrush, QFont]:
        if self._muted_style is None:  # made on first use: QFont wants a running app
            font = QFont()
            font.setItalic(True)
            self._muted_style = (QBrush(QColor("#6b6b6b")), font)
        return self._muted_style

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Asked once per cell painted: the flags are made once (enum arithmetic is slow).
        if not index.isValid():
            # Dropping between or after rows.
            return _DROP_HERE if self.move_to else _NO_FLAGS
        return _CELL if self.move_to is None else _DRAGGABLE_CELL

    # -- dragging rows into a new order ---------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(ROW_MIME, QByteArray(str(rows[0] if rows else -1).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if (
            self.move_to is None
            or action != Qt.DropAction.MoveAction
            or not data.hasFormat(ROW_MIME)
        ):
            return False
        source = int(bytes(data.data(ROW_MIME).data()).decode() or -1)
        record = self.record(source)
        target = parent.row() if parent.isValid() else row
        if record is None:
            return False
        if target < 0:  # dropped below the last row
            target = self._total
        if target == source:
            return False
        # Dropped below itself: the row lands before the target row as Qt counts it.
        if target > source and not parent.isValid():
            target -= 1
        self.move_to(record, max(0, min(target, self._total - 1)))
        # False: the store has moved the row and the model reloads; Qt must not also
        # remove the dragged row itself.
        return False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            self.order_by, self.descending = None, False  # back to the natural order
        else:
            self.order_by = self.columns[column].name
            self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # -- helpers for views ---------------------------------------------------
    def _texts(self, record: Any, titles: dict[tuple[str, int], str]) -> tuple[str, ...]:
        return tuple(
            self._display(record, spec, getattr(record, spec.name), titles) for spec in self.columns
        )

    def display(self, record: Any, spec: FieldSpec, value: Any, short: bool = True) -> str:
        """A cell's text for any record (the titles of references read as needed)."""
        titles: dict[tuple[str, int], str] = {}
        if spec.kind is Kind.REF and value is not None and self.store is not None:
            titles = self._titles_of([record])
        return self._display(record, spec, value, titles, short)

    def _display(
        self,
        record: Any,
        spec: FieldSpec,
        value: Any,
        titles: dict[tuple[str, int], str],
        short: bool = True,
    ) -> str:
        if value is None or value == "":
            return ""
        if spec.kind is Kind.REF:
            return titles.get((spec.ref or "", value), "?")
        if spec.kind is Kind.READONLY and isinstance(value, str) and "T" in value:
            return value.replace("T", " ")[:16]  # a stored timestamp, to the minute
        text = format_value(spec, value, self.lang)
        if spec.unit_field and all(c.name != spec.unit_field for c in self.columns):
            unit = getattr(record, spec.unit_field, None)
            if unit:
                text += f" {unit}"
        if short and spec.kind is Kind.LONGTEXT:
            text = " ".join(text.split())
            if len(text) > _SHORT:
                text = text[: _SHORT - 1] + "…"
        return text

    def row_texts(self, row: int) -> tuple[str, ...] | None:
        """The texts of a row's cells, as shown (for fitting columns to what is in sight)."""
        page = self._page_at(row) if 0 <= row < self._total else None
        if page is None:
            return None
        return self._page_texts(page, row - page.first)

    def _page_texts(self, page: Any, i: int) -> tuple[str, ...]:
        """The cell texts of a page's i-th row, made on first need and kept with it."""
        texts = page.texts[i]
        if texts is None:
            texts = page.texts[i] = self._texts(page.records[i], page.titles)
        return texts

    def record(self, row: int) -> Any:
        """The record shown in a row (read from the store if its page is not kept)."""
        page = self._page_at(row) if 0 <= row < self._total else None
        return page.records[row - page.first] if page is not None else None

    def row_of(self, record_id: int) -> int | None:
        """The row showing a record in the current filter and order, or None."""
        for page in self._pages.values():  # on screen already: no query
            for i, rec in enumerate(page.records):
                if rec.id == record_id:
                    return page.first + i
        if not self._active():
            return None
        try:
            row = self._repo().position(
                record_id,
                self.dossier_id,
                order_by=self.order_by,
                descending=self.descending,
                **self._query(),
            )
        except failures():
            return None
        return row if row is not None and row < self._total else None
