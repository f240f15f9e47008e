"""Talking points keep a user-chosen order within their dossier."""

from __future__ import annotations

from dossier.model import TalkingPoint
from dossier.store.repository import Repository


class TalkingPoints(Repository[TalkingPoint]):
    def add(self, record: TalkingPoint) -> TalkingPoint:
        if record.position is None:
            record.position = self.db.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM talking_points WHERE dossier_id = ?",
                [record.dossier_id],
            ).fetchone()[0]
        return super().add(record)

    def move(self, point_id: int, index: int) -> None:
        """Put a point at `index` (0-based) in its dossier's order; renumbers 1..n."""
        with self._operation():
            point = self.get(point_id)
            order = [p.id for p in self.list(point.dossier_id) if p.id != point_id]
            index = max(0, min(index, len(order)))
            order.insert(index, point_id)
            for position, pid in enumerate(order, start=1):
                current = self.get(pid)
                if current.position != position:
                    current.position = position
                    self.update(current)
