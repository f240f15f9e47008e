"""Trade figures: a figure whose pair is not given is the dossier's own trade."""

from __future__ import annotations

from typing import Any

from dossier.model import TradeFigure
from dossier.store.repository import Repository


class TradeFigures(Repository[TradeFigure]):
    def _values(self, record: TradeFigure) -> dict[str, Any]:
        values = super()._values(record)
        if values.get("reporter") is None and values.get("partner") is None:
            # Typed in the trade tab of a dossier: seen from the home country, with the
            # dossier's country as partner. Importers and capture name the pair
            # themselves. With no home country known, the pair stays unknown.
            row = self.db.execute(
                "SELECT home_code, code FROM dossiers WHERE id = ?", [record.dossier_id]
            ).fetchone()
            if row is not None and row[0]:
                values["reporter"], values["partner"] = row[0], row[1]
        return values
