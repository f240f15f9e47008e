"""Opening edit forms for records and saving them through the operations layer."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtWidgets import QWidget

from dossier.model import DOSSIER, SOURCE, EntitySpec, spec_for
from dossier.ui.form import EntityForm


class Editor:
    """Builds the form for a record; `window` gives store, lang, ops and the dossier."""

    def __init__(self, window: Any):
        self.window = window
        self.current: EntityForm | None = None  # the form on screen, if any

    def form(
        self, spec: EntitySpec, record: Any = None, parent: QWidget | None = None
    ) -> EntityForm:
        """The form for a new (record None) or existing record, not yet shown."""
        window = self.window
        dossier = window.current_dossier()
        dossier_id = None if spec is DOSSIER else getattr(dossier, "id", None)

        def save(values: dict[str, Any]) -> Any:
            if record is None:
                keys = {} if spec is DOSSIER else {"dossier_id": dossier_id}
                return window.ops.add(spec.record(**keys, **values))
            return window.ops.update(record, dataclasses.replace(record, **values))

        return EntityForm(
            spec,
            window.store,
            dossier_id,
            window.lang,
            save,
            record=record,
            new_source=self.new_source,
            parent=parent or window,
        )

    def add(self, spec: EntitySpec) -> EntityForm | None:
        """Open the form for a new record of this kind (window-modal); None if no dossier."""
        if self.window.store is None or (
            spec is not DOSSIER and self.window.current_dossier() is None
        ):
            return None
        return self._open(self.form(spec))

    def edit(self, record: Any) -> EntityForm | None:
        if self.window.store is None:
            return None
        return self._open(self.form(spec_for(record), record))

    def _open(self, form: EntityForm) -> EntityForm:
        # open(), not exec(): the window stays responsive to repaints and tests can
        # drive the form; `current` keeps it alive until it closes.
        self.current = form
        form.finished.connect(lambda _result, f=form: self._closed(f))
        form.open()
        return form

    def _closed(self, form: EntityForm) -> None:
        if getattr(self, "current", None) is form:
            self.current = None
        form.deleteLater()

    def new_source(self, parent: QWidget) -> Any:
        """From a fact's source picker: create a source and hand it back."""
        form = self.form(SOURCE, parent=parent)
        form.exec()
        return form.saved
