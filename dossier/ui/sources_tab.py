"""The Sources tab: the list, the whole text of the chosen source and what cites it."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QListView, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from dossier.fields import format_value
from dossier.model import SOURCE
from dossier.ui.describe import record_title
from dossier.ui.entity_tab import EntityTab
from dossier.ui.i18n import tr

FACT_ROLE = Qt.ItemDataRole.UserRole + 2  # (entity name, record id)


class SourcesTab(EntityTab):
    jump_requested = Signal(str, int)  # entity name, record id

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(SOURCE, lang, parent)

    def _setup_ui(self) -> None:
        super()._setup_ui()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.body_layout.removeWidget(self.view)
        self.splitter.addWidget(self.view)
        side = QWidget()
        col = QVBoxLayout(side)
        col.setContentsMargins(0, 0, 0, 0)
        self.text_view = QTextBrowser()
        self.text_view.setOpenLinks(False)
        col.addWidget(self.text_view, 3)
        self.cited_label = QLabel()
        col.addWidget(self.cited_label)
        self.cited_model = QStandardItemModel(self)
        self.cited_view = QListView()
        self.cited_view.setModel(self.cited_model)
        self.cited_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.cited_view.setWordWrap(True)
        self.cited_view.setUniformItemSizes(False)
        col.addWidget(self.cited_view, 1)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.body_layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        super()._connect()
        self.cited_view.activated.connect(self._jump)
        self.cited_view.clicked.connect(self._jump)

    def retranslate(self, lang: str) -> None:
        self.cited_label.setText(tr("Facts citing this source:"))
        super().retranslate(lang)
        self._show_source()

    def _selection_changed(self, *args: object) -> None:
        super()._selection_changed(*args)
        self._show_source()

    def _show_source(self) -> None:
        self.cited_model.clear()
        source = self.current_record()
        if source is None:
            hint = html.escape(tr("Choose a source to read it."))
            self.text_view.setHtml(f"<p><i>{hint}</i></p>")
            return
        self.text_view.setHtml(self._source_html(source))
        store = self.model.store
        if store is None:
            return
        for spec, record in store.citing(source.id):
            title = record_title(spec, record, self.lang)
            item = QStandardItem(f"{spec.label(self.lang)}: {title}")
            item.setData((spec.name, record.id), FACT_ROLE)
            item.setToolTip(tr("Click to go to this fact"))
            self.cited_model.appendRow(item)
        if not self.cited_model.rowCount():
            item = QStandardItem(tr("No fact cites this source yet."))
            item.setEnabled(False)
            self.cited_model.appendRow(item)

    def _source_html(self, source: Any) -> str:
        spec = SOURCE
        facts = []
        for name in ("kind", "publisher", "published_on", "language", "url"):
            value = format_value(spec.field(name), getattr(source, name), self.lang)
            if value:
                facts.append(
                    f"<b>{html.escape(spec.field(name).label(self.lang))}:</b> {html.escape(value)}"
                )
        body = html.escape(source.body or "").replace("\n", "<br>")
        return f"<h3>{html.escape(source.title)}</h3><p>{'<br>'.join(facts)}</p><hr><p>{body}</p>"

    def _jump(self, index: QModelIndex) -> None:
        fact = index.data(FACT_ROLE)
        if fact:
            self.jump_requested.emit(fact[0], fact[1])
