"""The capture window's review tree: candidates by kind, checkable, editable in
place, each highlighted in the text it came from. A mixin of CaptureDialog, which
provides `tree`, `text_edit`, `capture`, `window` and `_filling`.
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QTreeWidgetItem, QWidget

from dossier.ui.i18n import tr


def _group_label(group: str) -> str:
    # Spelled out so that lupdate collects each text.
    return {
        "officials": tr("Officials"),
        "trade_figures": tr("Trade figures"),
        "projects": tr("Projects"),
        "quotes": tr("Statements"),
        "organisations": tr("Organisations (not stored)"),
    }[group]


# What the first two columns show and edit, per kind: (main attribute, detail attribute).
_EDITABLE = {
    "official": ("name", "position"),
    "project": ("title", "partner"),
    "quote": ("text", "speaker"),
    "organisation": ("name", None),
    "trade": (None, None),
}
_KEY_ROLE = Qt.ItemDataRole.UserRole
_SPAN_ROLE = Qt.ItemDataRole.UserRole + 1


class ReviewTree:
    """Filling and reading the review tree; highlighting spans in the text."""

    tree: Any
    text_edit: Any
    capture: Any
    window: Any
    form: Any
    accept_button: Any
    message: Any
    _filling: bool

    # -- review -------------------------------------------------------------
    def _fill_tree(self) -> None:
        self._filling = True
        self.tree.clear()
        for group, items in self.capture.groups():
            if not items:
                continue
            parent = QTreeWidgetItem(self.tree, [f"{_group_label(group)} ({len(items)})"])
            parent.setFlags(
                parent.flags() | Qt.ItemFlag.ItemIsAutoTristate | Qt.ItemFlag.ItemIsUserCheckable
            )
            parent.setFirstColumnSpanned(True)
            for index, candidate in enumerate(items):
                item = QTreeWidgetItem(parent, self._columns(candidate))
                flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
                if _EDITABLE[candidate.kind][0]:
                    flags |= Qt.ItemFlag.ItemIsEditable
                item.setFlags(flags)
                stored = group != "organisations" and (
                    candidate.kind == "official" or getattr(candidate, "existing", None) is None
                )
                item.setCheckState(
                    0,
                    Qt.CheckState.Checked
                    if stored and candidate.ticked
                    else Qt.CheckState.Unchecked,
                )
                item.setData(0, _KEY_ROLE, f"{group}:{index}")
                item.setData(0, _SPAN_ROLE, candidate.span)
                item.setToolTip(0, self.capture.text[candidate.span[0] : candidate.span[1]])
            parent.setExpanded(True)
        self._filling = False

    def _columns(self, candidate: Any) -> list[str]:
        main, detail = _EDITABLE[candidate.kind]
        first = str(getattr(candidate, main) or "") if main else candidate.label
        second = str(getattr(candidate, detail) or "") if detail else ""
        if candidate.kind == "project" and candidate.quantity:
            second = f"{second} · {candidate.quantity} {candidate.quantity_unit or ''}".strip(" ·")
        existing = getattr(candidate, "existing", None)
        if candidate.kind == "organisation":
            state = "—"
        elif existing is None:
            state = tr("new")
        elif candidate.kind == "official":
            name = self._official_name(existing)
            state = tr("update existing: %s") % name
        else:
            state = tr("already there (#%d)") % existing
        from dossier.ingest.capture.review import reason_text

        lang = getattr(self.window, "lang", "en")
        doubt = reason_text(candidate.reason, lang) if candidate.reason else ""
        return [first, second, f"{candidate.confidence:.0%}", state, doubt]

    def _official_name(self, official_id: int) -> str:
        try:
            return self.window.store.officials.get(official_id).name
        except Exception:
            return f"#{official_id}"

    def _candidate(self, item: QTreeWidgetItem) -> Any:
        key = item.data(0, _KEY_ROLE)
        if not key or self.capture is None:
            return None
        group, index = key.split(":")
        return dict(self.capture.groups())[group][int(index)]

    def _item_edited(self, item: QTreeWidgetItem, column: int) -> None:
        # An edited cell changes the candidate that will be stored.
        if self._filling or column not in (0, 1):
            return
        candidate = self._candidate(item)
        if candidate is None:
            return
        attr = _EDITABLE[candidate.kind][column]
        if attr:
            value = item.text(column).strip() or None
            if column == 0 and value is None:
                return
            setattr(candidate, attr, value)

    def edit_in_form(self, item: QTreeWidgetItem, _column: int = 0) -> Any:
        """Open a trade figure or project candidate in the record form; what is saved
        there changes the candidate (nothing is stored until Accept)."""
        from dossier.ingest.capture import accept as ca
        from dossier.model import PROJECT, TRADE
        from dossier.ui.form import EntityForm

        candidate = self._candidate(item)
        if candidate is None or candidate.kind not in ("trade", "project"):
            return None
        spec, values, apply = (
            (TRADE, ca.trade_values(candidate), ca.set_trade_values)
            if candidate.kind == "trade"
            else (PROJECT, ca.project_values(candidate), ca.set_project_values)
        )
        dossier = self.window.current_dossier()

        def save(cleaned: dict[str, Any]) -> Any:
            from dossier.ingest.capture.review import reviewed

            apply(candidate, cleaned)
            reviewed(candidate)
            return candidate

        form = EntityForm(
            spec,
            self.window.store,
            getattr(dossier, "id", None),
            getattr(self.window, "lang", "en"),
            save,
            record=spec.record(**values),
            parent=cast(QWidget, self),  # mixed into the capture dialog, a QWidget
        )
        form.setWindowTitle(tr("Review: %s") % spec.label(getattr(self.window, "lang", "en")))
        self.form = form
        form.finished.connect(lambda result: self._form_closed(item, candidate, bool(result)))
        form.open()
        return form

    def _form_closed(self, item: QTreeWidgetItem, candidate: Any, saved: bool = False) -> None:
        self.form = None
        self._filling = True
        for column, text in enumerate(self._columns(candidate)):
            item.setText(column, text)
        if saved and candidate.ticked and getattr(candidate, "existing", None) is None:
            item.setCheckState(0, Qt.CheckState.Checked)  # its doubts are settled
        self._filling = False

    def checked_keys(self) -> list[str]:
        keys = []
        for i in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(i)
            for j in range(parent.childCount()):
                item = parent.child(j)
                if item.checkState(0) == Qt.CheckState.Checked:
                    keys.append(item.data(0, _KEY_ROLE))
        return keys

    def _check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for i in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(i)
            for j in range(parent.childCount()):
                parent.child(j).setCheckState(0, state)

    def _text_changed(self) -> None:
        if self.capture is not None and self.text_edit.toPlainText() != self.capture.text:
            # Spans no longer match the text: the review must be redone.
            self.capture = None
            self.tree.clear()
            self.accept_button.setEnabled(False)
            self.text_edit.setExtraSelections([])
            self.message.setText(tr("The text changed; Analyse again."))

    # -- highlighting ---------------------------------------------------------
    def _selection(self, span: tuple[int, int], colour: str) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colour))
        selection.format = fmt
        cursor = QTextCursor(self.text_edit.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        return selection

    def _highlight_all(self, current: tuple[int, int] | None = None) -> None:
        if self.capture is None:
            return
        if self.text_edit.toPlainText() != self.capture.text:
            # Markup was stripped: show the text the spans refer to.
            self.text_edit.blockSignals(True)
            self.text_edit.setPlainText(self.capture.text)
            self.text_edit.blockSignals(False)
        selections = [self._selection(c.span, "#fff3b0") for _key, c in self.capture.candidates()]
        if current:
            selections.append(self._selection(current, "#ffb347"))
        self.text_edit.setExtraSelections(selections)

    def _highlight_current(self, item: QTreeWidgetItem | None, _previous: Any = None) -> None:
        span = item.data(0, _SPAN_ROLE) if item is not None else None
        self._highlight_all(tuple(span) if span else None)
        if span:
            cursor = self.text_edit.textCursor()
            cursor.setPosition(span[0])
            self.text_edit.setTextCursor(cursor)
            self.text_edit.ensureCursorVisible()
