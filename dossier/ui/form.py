"""The edit form of any record, generated from its entity spec.

Required fields are marked, every problem is shown under its own field, and the
dialog closes only once the store has taken the record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dossier.fields import FieldSpec, Kind, ValidationError, english_of
from dossier.model import SOURCE, EntitySpec
from dossier.store import Store
from dossier.ui.field_widgets import (
    BoolField,
    ChoiceField,
    DateField,
    FieldWidget,
    LineField,
    LongTextField,
    NumberWithUnitField,
    PhotoField,
    RefField,
    SideBySide,
)
from dossier.ui.i18n import tr

# Kept by the app, never typed: the order of talking points is set by moving them.
_HIDDEN = {("talking_point", "position")}
ERROR_STYLE = "color: #b00020;"

# Saves the cleaned values; returns the saved record, or None if the store refused.
Save = Callable[[dict[str, Any]], Any]
# Opens a form for a new source and returns the saved source (or None).
NewSource = Callable[[QWidget], Any]


class EntityForm(QDialog):
    def __init__(
        self,
        spec: EntitySpec,
        store: Store,
        dossier_id: int | None,
        lang: str,
        save: Save,
        record: Any = None,
        new_source: NewSource | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.spec, self.store, self.dossier_id, self.lang = spec, store, dossier_id, lang
        self.record = record
        self._save = save
        self._new_source = new_source
        self.widgets: dict[str, FieldWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.saved: Any = None
        self._setup_ui()
        self._load(record)
        self._initial = self.values()  # what Cancel compares with before asking

    # -- building ------------------------------------------------------------------
    def _setup_ui(self) -> None:
        name = self.spec.label(self.lang)
        self.setWindowTitle((tr("New: %s") if self.record is None else tr("Edit: %s")) % name)
        self.setObjectName(f"form_{self.spec.name}")
        outer = QVBoxLayout(self)
        body = QWidget()
        self.layout_ = QFormLayout(body)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.layout_.setVerticalSpacing(6)
        units = {f.unit_field for f in self.spec.fields if f.unit_field}
        for field in self.spec.fields:
            hidden = (self.spec.name, field.name) in _HIDDEN or field.name in units
            # An English version is edited beside its original, not on a row of its own.
            hidden = hidden or bool(field.english_for)
            if field.kind is Kind.READONLY or hidden:
                continue
            self._add_row(field)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Not a stop of its own: the dialog's first focus goes to the first field.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(body)
        self.scroll_area = scroll
        outer.addWidget(scroll, 1)
        note = QLabel(tr("Fields marked * are required."))
        note.setObjectName("required_note")
        from dossier.ui.hints import make_hint

        make_hint(note)  # readable, unlike a disabled label's grey
        outer.addWidget(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        long_fields = sum(1 for f in self.spec.fields if f.kind is Kind.LONGTEXT)
        # Within the screen (a 700 px laptop screen cut off Save): the fields scroll.
        room = self.screen().availableGeometry().height() - 60
        # Wider where originals and their English versions share the rows.
        width = 900 if any(f.english_for for f in self.spec.fields) else 700
        self.resize(width, min(760, room, 140 + 44 * len(self.widgets) + 60 * long_fields))

    def _widget_for(self, field: FieldSpec) -> FieldWidget:
        kind = field.kind
        if kind is Kind.LONGTEXT:
            lines = 12 if field.name == "body" else 4
            return LongTextField(field, self.lang, lines=lines)
        if kind is Kind.CHOICE:
            return ChoiceField(field, self.lang)
        if kind is Kind.BOOL:
            return BoolField(field, self.lang)
        if kind is Kind.DATE:
            return DateField(field, self.lang)
        if kind is Kind.PHOTO:
            return PhotoField(field, self.lang)
        if kind is Kind.REF and self.dossier_id is not None:
            ref = RefField(field, self.lang, self.store, self.dossier_id)
            if self._new_source is not None:
                ref.new_requested.connect(lambda r=ref: self._create_source(r))
            elif ref.new_button is not None:
                ref.new_button.hide()
            return ref
        if field.unit_field:
            return NumberWithUnitField(field, self.spec.field(field.unit_field), self.lang)
        return LineField(field, self.lang)

    def _add_row(self, field: FieldSpec) -> None:
        widget = self._widget_for(field)
        label = QLabel(field.label(self.lang) + (" *" if field.required else ""))
        if field.required:
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        label.setBuddy(widget.editor)
        english = english_of(self.spec.fields, field.name)
        shown: QWidget = widget
        if english is not None:
            shown = SideBySide(widget, self._widget_for(self.spec.field(english)))
        error = QLabel()
        error.setObjectName(f"error_{field.name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        cell = QWidget()
        col = QVBoxLayout(cell)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(shown)
        col.addWidget(error)
        widget.changed.connect(lambda name=field.name: self._clear_error(name))
        self.layout_.addRow(label, cell)
        self.widgets[field.name] = widget
        self.errors[field.name] = error
        if english is not None and isinstance(shown, SideBySide):  # after the original
            self.widgets[english] = shown.english
            self.errors[english] = error  # its problems show under the pair
            shown.english.changed.connect(lambda name=field.name: self._clear_error(name))

    # -- values --------------------------------------------------------------------
    def _load(self, record: Any) -> None:
        defaults = self.spec.record() if record is None else record
        for name, widget in self.widgets.items():
            widget.set_value(getattr(defaults, name))
            if isinstance(widget, NumberWithUnitField):
                unit = getattr(defaults, widget.spec.unit_field or "", None)
                widget.unit.setText(unit or "")
        for label in self.errors.values():
            label.hide()

    def values(self) -> dict[str, Any]:
        """What the user typed, raw (the spec cleans it); unseen fields keep their values."""
        base = self.spec.record() if self.record is None else self.record
        out = {f.name: getattr(base, f.name) for f in self.spec.fields}
        for name, widget in self.widgets.items():
            out[name] = widget.value()
            if isinstance(widget, NumberWithUnitField) and widget.spec.unit_field:
                out[widget.spec.unit_field] = widget.unit.text()
        return out

    def show_errors(self, errors: dict[str, str]) -> None:
        first = None
        for name, message in errors.items():
            target = name if name in self.errors else self._owner_of(name)
            if target is None:
                continue
            self.errors[target].setText(message)
            self.errors[target].show()
            first = first or target
        if first:
            # Below the visible part the error would go unseen and Save look dead.
            self.scroll_area.ensureWidgetVisible(self.errors[first])
            self.scroll_area.ensureWidgetVisible(self.widgets[first])
            self.widgets[first].focus()

    def _owner_of(self, name: str) -> str | None:
        # A unit (currency) error is shown under the amount it belongs to.
        for owner, widget in self.widgets.items():
            if widget.spec.unit_field == name:
                return owner
        return None

    def _clear_error(self, name: str) -> None:
        self.errors[name].hide()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.widgets and not self.isAncestorOf(self.focusWidget()):
            next(iter(self.widgets.values())).focus()

    def changed(self) -> bool:
        """Whether anything was typed or chosen since the form opened."""
        return self.values() != self._initial

    @Slot()
    def reject(self) -> None:
        """Esc, Cancel or the close button: ask before throwing typing away."""
        if self.saved is None and self.changed():
            answer = QMessageBox.question(
                self,
                tr("Discard changes?"),
                tr("Close this form and lose what you typed in it?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    def closeEvent(self, event: Any) -> None:
        # The title bar's close button: the same question as Cancel.
        event.ignore()
        self.reject()

    @Slot()
    def accept(self) -> None:
        readings = {
            name: note
            for name, widget in self.widgets.items()
            if (note := getattr(widget, "check_reading", lambda: None)())
        }
        if readings:  # shown back formatted before anything is saved
            self.show_errors(readings)
            return
        try:
            cleaned = self.spec.validate(self.values(), self.lang)
            saved = self._save(cleaned)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        if saved is None:
            return  # the store refused; the operations layer has said why
        self.saved = saved
        super().accept()

    def _create_source(self, ref: RefField) -> None:
        source = self._new_source(self) if self._new_source else None
        if source is not None:
            ref.reload(select=source.id)
            for widget in self.widgets.values():
                if isinstance(widget, RefField) and widget is not ref and widget.target is SOURCE:
                    widget.reload()
