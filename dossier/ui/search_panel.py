"""Search everything (Ctrl+F): results as you type, grouped by kind; Enter jumps."""

from __future__ import annotations

import contextlib
import html

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QKeyEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from dossier.model import ENTITIES, EntitySpec
from dossier.store import HIT_END, HIT_START, NotFound, SearchHit, Store
from dossier.ui.describe import record_title
from dossier.ui.i18n import tr

DELAY_MS = 250  # typing pause before searching
LIMIT = 200
HIT_ROLE = Qt.ItemDataRole.UserRole + 4  # (kind, record id, dossier id)
# Results in the order of the dossier's tabs; whole dossiers (their summaries) last.
KIND_ORDER = ("official", "trade", "project", "talking_point", "source", "event", "dossier")


HTML_ROLE = Qt.ItemDataRole.UserRole + 5  # the result as rich text
# What a delegate is handed (its base class takes either kind of index).
Index = QModelIndex | QPersistentModelIndex


def plain_snippet(snippet: str) -> str:
    """A snippet without its match markers."""
    return " ".join(snippet.replace(HIT_START, "").replace(HIT_END, "").split())


def html_snippet(snippet: str) -> str:
    """A snippet with the matched words in bold (everything else escaped)."""
    text = html.escape(" ".join(snippet.split()))
    return text.replace(HIT_START, "<b>").replace(HIT_END, "</b>")


class HitDelegate(QStyledItemDelegate):
    """Draws a result as a title line and a snippet line with the matches in bold."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        doc.setHtml(index.data(HTML_ROLE))
        doc.setTextWidth(max(option.rect.width(), 120))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.data(HTML_ROLE) is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(opt, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(opt.rect.translated(-opt.rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        if index.data(HTML_ROLE) is None:
            return super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = self.parent()
        if isinstance(view, QTreeView):  # wrap to the width the row will really get
            opt.rect.setWidth(view.viewport().width() - 2 * view.indentation())
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)


class SearchPanel(QWidget):
    jump_requested = Signal(str, int, int)  # kind, record id, dossier id
    close_requested = Signal()  # Escape in the field

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.store: Store | None = None
        self.lang = "en"
        self.timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.field = QLineEdit()
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.timer.start)
        self.field.returnPressed.connect(self._enter_in_field)
        self.field.installEventFilter(self)
        layout.addWidget(self.field)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.results = QStandardItemModel(self)
        self.view = QTreeView()
        self.view.setModel(self.results)
        self.view.setHeaderHidden(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setUniformRowHeights(False)
        self.view.setItemDelegate(HitDelegate(self.view))
        self.view.activated.connect(self._activated)
        layout.addWidget(self.view, 1)
        self.setMinimumWidth(240)  # within a 1024 px window beside the dossier
        self.retranslate("en")

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        self.field.setPlaceholderText(tr("Search all dossiers…"))
        if self.field.text():
            self.run_search()

    def set_store(self, store: Store | None) -> None:
        self.store = store
        self.run_search()

    def start(self, text: str | None = None) -> None:
        """Focus the field (and optionally type into it), as Ctrl+F does."""
        if text is not None:
            self.field.setText(text)
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    @Slot()
    def run_search(self) -> None:
        self.timer.stop()
        self.results.clear()
        text = self.field.text().strip()
        if not text or self.store is None:
            self.summary.setText("")
            return
        hits = self.store.search(text, limit=LIMIT)
        dossiers = {d.id: d.code for d in self.store.dossiers.list()}
        groups: dict[str, QStandardItem] = {}
        for kind in KIND_ORDER:
            of_kind = [h for h in hits if h.kind == kind]
            if not of_kind:
                continue
            spec = ENTITIES[kind]
            group = QStandardItem(f"{spec.label(self.lang, plural=True)} ({len(of_kind)})")
            font = QFont(group.font())
            font.setBold(True)
            group.setFont(font)
            group.setSelectable(False)
            groups[kind] = group
            self.results.appendRow(group)
            for hit in of_kind:
                title = self._title(spec, hit)
                if len(title) > 100:
                    title = title[:99] + "…"
                code = dossiers.get(hit.dossier_id, "")
                item = QStandardItem(f"{title}  [{code}]\n{plain_snippet(hit.snippet)}")
                item.setData(
                    f"<b>{html.escape(title)}</b> &nbsp;<span style='color:#777'>"
                    f"{html.escape(code)}</span><br>{html_snippet(hit.snippet)}",
                    HTML_ROLE,
                )
                item.setToolTip(plain_snippet(hit.snippet))
                item.setData((hit.kind, hit.id, hit.dossier_id), HIT_ROLE)
                group.appendRow(item)
        self.view.expandAll()
        self.summary.setText(tr("%n result(s)", None, len(hits)) if hits else tr("Nothing found."))

    def _title(self, spec: EntitySpec, hit: SearchHit) -> str:
        if spec.name == "trade" and self.store is not None:  # raw codes and dates indexed
            with contextlib.suppress(NotFound):
                return record_title(spec, self.store.trade.get(hit.id), self.lang)
        return " ".join(hit.title.split()) or "—"

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.view.doItemsLayout()  # results wrap to the new width

    def first_hit(self) -> QModelIndex:
        for row in range(self.results.rowCount()):
            group = self.results.index(row, 0)
            if self.results.rowCount(group):
                return self.results.index(0, 0, group)
        return QModelIndex()

    def _enter_in_field(self) -> None:
        if self.timer.isActive():
            self.run_search()
        index = self.view.currentIndex()
        if not index.isValid() or index.data(HIT_ROLE) is None:
            index = self.first_hit()
        if index.isValid():
            self._activated(index)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # Down arrow from the field walks into the results, as in a browser's bar.
        if (
            obj is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.close_requested.emit()
            return True
        if (
            obj is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        ):
            first = self.first_hit()
            if first.isValid():
                self.view.setCurrentIndex(first)
                self.view.setFocus()
                return True
        return super().eventFilter(obj, event)

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit:
            self.jump_requested.emit(*hit)
