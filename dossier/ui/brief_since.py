"""The brief dialog's "Changes since" choice, and the record a saved brief leaves.

The same choices as `dossier brief --since`: the last brief written, the brief of a
given day (each one the dossier has), or none.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from dossier.ui.i18n import tr


class SinceCombo(QComboBox):
    """Which earlier brief the new one lists the changes since."""

    def __init__(self, store: Any, dossier_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("since_combo")
        self.addItem(tr("The last brief"), "last")
        days = dict.fromkeys(day for day, _lang in store.briefs.written(dossier_id))
        for day in days:
            self.addItem(tr("The brief of %s") % day, day)
        self.addItem(tr("None (no comparison)"), "none")

    def since(self) -> str | None:
        """The BriefOptions.since of the choice."""
        value = self.currentData()
        return None if value == "none" else str(value)


def record_saved(store: Any, dossier: Any, options: Any) -> None:
    """Keep what a saved brief contained, so the next one says what changed since."""
    from dossier.brief.changes_section import record

    record(store, dossier, options)
