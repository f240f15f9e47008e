"""The left half of File > Export brief…: what goes into the brief.

The title page's fields, the sections, the interlocutors and talking points to
print, as BriefOptions; `changed` fires on any edit so that the dialog can rebuild
its preview. The title, place, dates and language are remembered per dossier.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dossier.brief import PAPERS, SECTIONS, BriefOptions, section_title
from dossier.fields import format_value
from dossier.model import TALKING_POINT
from dossier.ui.brief_since import SinceCombo
from dossier.ui.checklist import CheckList
from dossier.ui.i18n import tr


class BriefOptionsForm(QScrollArea):
    """The brief's options, in a scroll area (big dossiers have long lists)."""

    changed = Signal()

    def __init__(self, store: Any, dossier: Any, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.dossier = dossier
        self.lang = lang
        d = dossier
        options = QWidget()
        column = QVBoxLayout(options)
        form = QFormLayout()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(tr("e.g. Official visit to Baku"))
        self.place_edit = QLineEdit()
        self.dates_edit = QLineEdit()
        self.dates_edit.setPlaceholderText(tr("e.g. 25–26 November"))
        self.prepared_for_edit = QLineEdit()
        self.prepared_by_edit = QLineEdit()
        self.version_edit = QLineEdit()
        self.marking_edit = QLineEdit(d.classification or "")
        self.lang_combo = QComboBox()
        self.lang_combo.addItem("Русский", "ru")
        self.lang_combo.addItem("English", "en")
        self.lang_combo.setCurrentIndex(self.lang_combo.findData(self.lang))
        self.paper_combo = QComboBox()
        for paper in PAPERS:
            self.paper_combo.addItem(paper, paper)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.since_combo = SinceCombo(self.store, d.id)
        self.releasable_check = QCheckBox(
            tr("Releasable version (leave background-only records and internal notes out)")
        )
        for label, widget in (
            (tr("Title"), self.title_edit),
            (tr("Place"), self.place_edit),
            (tr("Dates"), self.dates_edit),
            (tr("Prepared for"), self.prepared_for_edit),
            (tr("Prepared by"), self.prepared_by_edit),
            (tr("Version"), self.version_edit),
            (tr("Marking"), self.marking_edit),
            (tr("Language"), self.lang_combo),
            (tr("Paper"), self.paper_combo),
            (tr("Date on the brief"), self.date_edit),
            (tr("Changes since"), self.since_combo),
        ):
            form.addRow(label, widget)
        column.addLayout(form)
        column.addWidget(self.releasable_check)

        sections = QGroupBox(tr("Sections"))
        grid = QGridLayout(sections)
        self.section_checks: dict[str, QCheckBox] = {}
        for i, name in enumerate(SECTIONS):
            check = QCheckBox(section_title(name, self.lang))
            check.setChecked(True)
            self.section_checks[name] = check
            grid.addWidget(check, i // 2, i % 2)
        column.addWidget(sections)

        officials = self.store.officials.columns(d.id, ("id", "name", "position", "status"))
        # Ticked as the brief's default (every current official): while the ticks stay
        # so, the brief's own choice applies, with its limit on cards for big dossiers.
        self._default_officials = tuple(i for i, _n, _p, status in officials if status == "current")
        self.officials_list = self._checklist(
            column,
            tr("Interlocutors"),
            [
                (i, f"{name} — {position or ''}".rstrip(" —"), status == "current")
                for i, name, position, status in officials
            ],
        )
        kind = TALKING_POINT.field("kind")
        self.points_list = self._checklist(
            column,
            tr("Talking points"),
            [
                (
                    p.id,
                    f"[{format_value(kind, p.kind, self.lang)}] {p.text[:90]}",
                    p.status == "approved",
                )
                for p in self.store.talking_points.list(d.id)
            ],
        )
        column.addStretch(1)

        self.setAccessibleName(tr("Brief options"))
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(options)
        self.setMinimumWidth(options.sizeHint().width() + 24)

        for edit in (
            self.title_edit,
            self.place_edit,
            self.dates_edit,
            self.prepared_for_edit,
            self.prepared_by_edit,
            self.version_edit,
            self.marking_edit,
        ):
            edit.textChanged.connect(self._changed)
        for combo in (self.lang_combo, self.paper_combo, self.since_combo):
            combo.currentIndexChanged.connect(self._changed)
        self.date_edit.dateChanged.connect(self._changed)
        self.releasable_check.toggled.connect(self._changed)
        for check in self.section_checks.values():
            check.toggled.connect(self._changed)
        for checklist in (self.officials_list, self.points_list):
            checklist.changed.connect(self._changed)

    def _checklist(
        self, column: QVBoxLayout, title: str, rows: list[tuple[int, str, bool]]
    ) -> CheckList:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        checklist = CheckList(rows)
        checklist.setAccessibleName(title)  # a screen reader names the list, not "list"
        checklist.setMinimumHeight(90)
        # Long names and points end in "…" (the tooltip has the whole text).
        checklist.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        checklist.setTextElideMode(Qt.TextElideMode.ElideRight)
        inner.addWidget(checklist)
        column.addWidget(box)
        return checklist

    def _changed(self, *_args: Any) -> None:
        self.changed.emit()

    def options(self) -> BriefOptions:
        """The brief the user has chosen, as BriefOptions."""
        day = self.date_edit.date()
        ticked = self.officials_list.checked_ids()
        return BriefOptions(
            title=self.title_edit.text().strip(),
            place=self.place_edit.text().strip(),
            dates=self.dates_edit.text().strip(),
            prepared_for=self.prepared_for_edit.text().strip(),
            prepared_by=self.prepared_by_edit.text().strip(),
            version=self.version_edit.text().strip(),
            classification=self.marking_edit.text().strip(),
            lang=self.lang_combo.currentData(),
            paper=self.paper_combo.currentData(),
            sections=tuple(n for n, c in self.section_checks.items() if c.isChecked()),
            official_ids=None if ticked == self._default_officials else ticked,
            talking_point_ids=self.points_list.checked_ids(),
            include_background=not self.releasable_check.isChecked(),
            since=self.since_combo.since(),
            generated_on=dt.date(day.year(), day.month(), day.day()),
        )

    # -- what the user chose last time -------------------------------------------------
    def _remembered(self) -> dict[str, QLineEdit | QComboBox]:
        return {
            "title": self.title_edit,
            "place": self.place_edit,
            "dates": self.dates_edit,
            "lang": self.lang_combo,
        }

    def restore_choices(self) -> None:
        """The title, place, dates and language of this dossier's last brief."""
        from dossier.ui import settings

        for key, widget in self._remembered().items():
            value = settings.get(f"brief/{self.dossier.code}/{key}")
            if not isinstance(value, str) or not value:
                continue
            if isinstance(widget, QComboBox):
                if widget.findData(value) >= 0:
                    widget.setCurrentIndex(widget.findData(value))
            else:
                widget.setText(value)

    def remember_choices(self) -> None:
        from dossier.ui import settings

        for key, widget in self._remembered().items():
            value = widget.currentData() if isinstance(widget, QComboBox) else widget.text()
            settings.put(f"brief/{self.dossier.code}/{key}", value)
