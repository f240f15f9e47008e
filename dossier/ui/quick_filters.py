"""Quick filters above a table: one drop-down per choice field of the entity
(officials: status and side; trade: flow...), so fields added to a spec get theirs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from dossier.fields import FieldSpec, Kind
from dossier.model import EntitySpec
from dossier.ui.i18n import tr

MAX_CHOICES = 12  # beyond this a drop-down is a search, not a quick filter


def filter_fields(spec: EntitySpec, skip: frozenset[str] = frozenset()) -> list[FieldSpec]:
    """The fields of `spec` that get a quick filter: choices shown in the table."""
    return [
        f
        for f in spec.table_fields
        if f.kind is Kind.CHOICE and f.name not in skip and 1 < len(f.choices) <= MAX_CHOICES
    ]


class QuickFilters(QWidget):
    changed = Signal(dict)  # field name -> chosen value (fields left at "all" absent)

    def __init__(self, fields: list[FieldSpec], lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.fields = fields
        self.combos: dict[str, QComboBox] = {}
        self.value_names: set[str] = set()  # filters whose choices come from the rows
        row = QHBoxLayout(self)
        self.row = row
        row.setContentsMargins(0, 0, 0, 0)
        for field in fields:
            combo = QComboBox()
            combo.setObjectName(f"quick_{field.name}")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._changed)
            row.addWidget(combo)
            self.combos[field.name] = combo
        self.retranslate(lang)

    def retranslate(self, lang: str) -> None:
        for field in self.fields:
            combo = self.combos[field.name]
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            label = field.label(lang)
            combo.addItem(tr("%s: all") % label, None)
            for choice in field.choices:
                combo.addItem(f"{label}: {choice.label(lang)}", choice.value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.setAccessibleName(tr("Show only rows with this %s") % label.lower())
            combo.setToolTip(combo.accessibleName())
            combo.blockSignals(False)

    def set_values(self, name: str, label: str, options: list[tuple[str, dict[str, Any]]]) -> None:
        """A filter whose choices are found in the dossier's rows (a trade pair, a
        talking point's audience): `options` are (text, {field: value, ...}). The
        choice made is kept if it is still there."""
        combo = self.combos.get(name)
        if combo is None:
            combo = QComboBox()
            combo.setObjectName(f"quick_{name}")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._changed)
            self.row.addWidget(combo)
            self.combos[name] = combo
            self.value_names.add(name)
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(tr("%s: all") % label, None)
        for text, equals in options:
            combo.addItem(f"{label}: {text}", equals)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.setAccessibleName(tr("Show only rows with this %s") % label.lower())
        combo.setToolTip(combo.accessibleName())
        combo.setVisible(bool(options))
        combo.blockSignals(False)
        if index < 0 and current is not None:
            self._changed()  # the chosen value has gone: every row again

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, combo in self.combos.items():
            data = combo.currentData()
            if data is None:
                continue
            if name in self.value_names:
                out.update(data)  # several fields (a pair's reporter and partner)
            else:
                out[name] = data
        return out

    def choose(self, name: str, value: Any) -> None:
        """Set one filter as the user would (None: all)."""
        combo = self.combos[name]
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def clear(self) -> None:
        """Every filter back to "all", the table read again once (not once per filter:
        each reading of 30,000 rows is a pause of its own)."""
        changed = False
        for combo in self.combos.values():
            if combo.currentIndex() != 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
                changed = True
        if changed:
            self._changed()

    @Slot()
    def _changed(self) -> None:
        self.changed.emit(self.values())
