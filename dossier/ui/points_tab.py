"""The Talking points tab: filter by kind, move points up and down in their order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QStyle, QWidget

from dossier.model import POINT_KINDS, TALKING_POINT
from dossier.ui.entity_tab import EntityTab
from dossier.ui.i18n import tr


class PointsTab(EntityTab):
    OWN_FILTERS = frozenset({"kind"})  # the kind selector below
    move_requested = Signal(object, int)  # the point, its new index in the dossier's order

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(TALKING_POINT, lang, parent)
        # Background-only points are greyed and italic: never read them out by mistake.
        self.model.muted = lambda point: not point.releasable
        # Points can be dragged into a new order, as well as moved with the arrows.
        self.model.move_to = self._dropped
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)

    def value_filters(self, store: Any, dossier_id: int) -> dict[str, Any]:
        """Whom the points are for (their audience), as a quick filter (issue 21)."""
        used = {a for (a,) in store.talking_points.columns(dossier_id, ("audience_id",)) if a}
        options = sorted(
            ((name, {"audience_id": a}) for a, name in _names(store, dossier_id, used).items()),
            key=lambda o: o[0],
        )
        return {"audience": (tr("Audience"), options)}

    def _setup_ui(self) -> None:
        super()._setup_ui()
        self.kind_combo = QComboBox()
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.bar.insertWidget(1, self.kind_combo)
        style = self.style()
        self.up_button = self._tool(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp))
        self.down_button = self._tool(style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown))
        for button in (self.up_button, self.down_button):  # arrows say it; tooltips too
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        # Alt+Up/Down: the move shortcut of list editors (Alt keeps plain arrows for browsing).
        QShortcut(
            QKeySequence("Alt+Up"),
            self.view,
            self.move_up,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence("Alt+Down"),
            self.view,
            self.move_down,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

    def _connect(self) -> None:
        super()._connect()
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.up_button.clicked.connect(self.move_up)
        self.down_button.clicked.connect(self.move_down)

    def retranslate(self, lang: str) -> None:
        current = self.kind_combo.currentData()
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        self.kind_combo.addItem(tr("All kinds"), None)
        for choice in POINT_KINDS:
            self.kind_combo.addItem(choice.label(lang), choice.value)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(current), 0))
        self.kind_combo.blockSignals(False)
        self.up_button.setText(tr("Up"))
        self.up_button.setToolTip(tr("Move the point up (Alt+Up)"))
        self.down_button.setText(tr("Down"))
        self.down_button.setToolTip(tr("Move the point down (Alt+Down)"))
        super().retranslate(lang)

    def set_kind(self, kind: str | None) -> None:
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))

    def _kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        self.model.set_fixed({"kind": kind or None})

    def _can_move(self) -> bool:
        # Moving only makes sense in the points' own order, not sorted by a column.
        return self.model.order_by is None and not self.model.text

    def _selection_changed(self, *args: object) -> None:
        super()._selection_changed(*args)
        record = self.current_record()
        row = self.model.row_of(record.id) if record is not None else None
        movable = record is not None and self._can_move()
        self.up_button.setEnabled(movable and row is not None and row > 0)
        self.down_button.setEnabled(
            movable
            and row is not None
            and (row < self.model.rowCount() - 1 or self.model.canFetchMore())
        )

    def _dropped(self, record: object, row: int) -> None:
        """A point dragged onto `row` of this view takes that row's place in the order."""
        if not self._can_move():
            return
        neighbour = self.model.record(row)
        if neighbour is None or neighbour.id == record.id:  # type: ignore[attr-defined]
            return
        store = self.model.store
        if store is None:
            return
        order = [p.id for p in store.talking_points.list(self.model.dossier_id)]
        index = order.index(neighbour.id)
        # After the drop has finished: the move reloads the rows under the view.
        QTimer.singleShot(0, self, lambda: self.move_requested.emit(record, index))

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(+1)

    def _move(self, step: int) -> None:
        record = self.current_record()
        if record is None or not self._can_move():
            return
        row = self.model.row_of(record.id)
        if row is None:
            return
        if step > 0 and row + 1 >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        neighbour = self.model.record(row + step)
        if neighbour is None:
            return
        # The index is in the dossier's whole order, so a move within one kind
        # swaps the point with its visible neighbour, wherever that one sits.
        store = self.model.store
        if store is None:
            return
        order = [p.id for p in store.talking_points.list(self.model.dossier_id)]
        self.move_requested.emit(record, order.index(neighbour.id))


# Up to this many audiences are looked up one by one; more, and every name of the
# dossier is read at once. Reading the names of all 30,000 officials of a big dossier
# for the few dozen a dossier's points are for was most of the tab's first opening.
ONE_BY_ONE = 200


def _names(store: Any, dossier_id: int, ids: set[int]) -> dict[int, str]:
    """The names of the officials `ids` ("#id" for one that has gone)."""
    from dossier.store.errors import NotFound

    if len(ids) > ONE_BY_ONE:
        names = dict(store.officials.columns(dossier_id, ("id", "name")))
        return {a: names.get(a, f"#{a}") for a in ids}
    out: dict[int, str] = {}
    for a in ids:
        try:
            out[a] = store.officials.get(a).name
        except NotFound:
            out[a] = f"#{a}"
    return out
