"""The Events tab: the visit and its programme (date, time, place, participants, kind,
notes), which the brief prints as its programme section."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dossier.model import EVENT
from dossier.ui.entity_tab import EntityTab


class EventsTab(EntityTab):
    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(EVENT, lang, parent)
        # Background-only events are greyed and italic, as background points are: they
        # stay out of a releasable brief.
        self.model.muted = lambda event: EVENT.is_background(event)
