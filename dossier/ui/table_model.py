"""One table model for every entity: columns from the spec, rows fetched from the store.

Rows arrive in batches as the view scrolls (canFetchMore/fetchMore); sorting and
text filtering are done by the repository in SQL, so a dossier of 100,000 rows
opens as fast as one of ten.
"""

from __future__ import annotations

from collections.abc import Callable
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
from dossier.store import NotFound, Store

Index = QModelIndex | QPersistentModelIndex
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # the dataclass behind a row
ROW_MIME = "application/x-dossier-row"  # a dragged row, within one table
_SHORT = 160  # characters of long text shown in a cell


class EntityTableModel(QAbstractTableModel):
    BATCH = 200

    def __init__(self, spec: EntitySpec, store: Store | None = None, lang: str = "en",
                 parent: Any = None):
        super().__init__(parent)
        self.spec = spec
        self.store = store
        self.lang = lang
        self.columns: tuple[FieldSpec, ...] = spec.table_fields
        self.dossier_id: int | None = None
        self.text = ""
        self.where: str | None = None
        self.params: tuple[Any, ...] = ()
        self.order_by: str | None = None
        self.descending = False
        self._rows: list[Any] = []
        self._total = 0
        self._titles: dict[tuple[str, int], str] = {}
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
        self._rows, self._titles, self._total = [], {}, 0
        self.endResetModel()

    def set_dossier(self, dossier_id: int | None) -> None:
        self.dossier_id = dossier_id
        self.reload()

    def set_filter(self, text: str) -> None:
        self.text = text.strip()
        self.reload()

    def set_where(self, where: str | None, params: tuple[Any, ...] = ()) -> None:
        """An extra SQL condition from the view (e.g. talking points of one kind)."""
        self.where, self.params = where, params
        self.reload()

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self.columns) - 1))

    @property
    def total(self) -> int:
        """Rows matching the filter, fetched or not."""
        return self._total

    def _active(self) -> bool:
        return self.store is not None and self.dossier_id is not None

    def reload(self) -> None:
        self.beginResetModel()
        self._rows, self._titles = [], {}
        self._total = 0
        if self._active():
            repo = self.store.repo(self.spec)
            self._total = repo.count(self.dossier_id, text=self.text or None,
                                     where=self.where, params=self.params)
            self._rows = self._fetch(0)
        self.endResetModel()

    def _fetch(self, offset: int) -> list[Any]:
        rows = self.store.repo(self.spec).list(
            self.dossier_id, text=self.text or None, order_by=self.order_by,
            descending=self.descending, limit=self.BATCH, offset=offset,
            where=self.where, params=self.params)
        # The titles a reference column shows, in one query per batch: reading each
        # cited source whole (20 KB of text) took most of a batch's time.
        for spec in self.columns:
            ref = ENTITIES.get(spec.ref or "") if spec.kind is Kind.REF else None
            if ref is None:
                continue
            wanted = {getattr(r, spec.name) for r in rows} - {None}
            wanted -= {key[1] for key in self._titles if key[0] == ref.name}
            found = self.store.repo(ref).titles(wanted)
            for record_id in wanted:
                self._titles[(ref.name, record_id)] = " ".join(
                    found.get(record_id, "?").split())
        return rows

    # -- fetching on demand ------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._active():
            return
        more = self._fetch(len(self._rows))
        if not more:
            self._total = len(self._rows)  # rows vanished under us; stop asking
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- Qt model API -------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        spec = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.label(self.lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            return spec.label(self.lang)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        spec = self.columns[index.column()]
        value = getattr(record, spec.name)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, spec, value)
        if role == Qt.ItemDataRole.ToolTipRole:
            if spec.kind in (Kind.LONGTEXT, Kind.TEXT, Kind.REF) and value:
                text = self.display(record, spec, value, short=False)
                return text if len(text) > 40 else None
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if spec.kind in (Kind.NUMBER, Kind.INTEGER):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == RECORD_ROLE:
            return record
        if self.muted is not None and self.muted(record):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#6b6b6b"))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            # Dropping between or after rows.
            return Qt.ItemFlag.ItemIsDropEnabled if self.move_to else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.move_to is not None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # -- dragging rows into a new order ---------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(ROW_MIME, QByteArray(str(rows[0] if rows else -1).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if self.move_to is None or action != Qt.DropAction.MoveAction or \
                not data.hasFormat(ROW_MIME):
            return False
        source = int(bytes(data.data(ROW_MIME)).decode() or -1)
        record = self.record(source)
        target = parent.row() if parent.isValid() else row
        if record is None:
            return False
        if target < 0:  # dropped below the last row
            target = len(self._rows)
        if target == source:
            return False
        # Dropped below itself: the row lands before the target row as Qt counts it.
        if target > source and not parent.isValid():
            target -= 1
        self.move_to(record, max(0, min(target, len(self._rows) - 1)))
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
    def display(self, record: Any, spec: FieldSpec, value: Any, short: bool = True) -> str:
        if value is None or value == "":
            return ""
        if spec.kind is Kind.REF:
            return self._title(spec.ref or "", value)
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
                text = text[:_SHORT - 1] + "…"
        return text

    def _title(self, entity: str, record_id: int) -> str:
        key = (entity, record_id)
        if key not in self._titles:
            spec = ENTITIES.get(entity)
            try:
                title = spec.title_of(self.store.repo(spec).get(record_id)) if spec else ""
            except NotFound:
                title = "?"
            self._titles[key] = " ".join(title.split())
        return self._titles[key]

    def record(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: int) -> int | None:
        """The row showing a record, fetching further batches until it is found."""
        while True:
            for row, rec in enumerate(self._rows):
                if rec.id == record_id:
                    return row
            if not self.canFetchMore():
                return None
            self.fetchMore()
