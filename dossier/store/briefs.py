"""What each written brief contained, for the next brief's "changed since" section."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from dossier.store.db import Db
from dossier.value_methods import Hashed

# fact key -> (kind of fact, its values: dossier.brief.changes); the store keeps them
# as JSON and does not look inside.
Facts = dict[str, tuple[str, Any]]


@dataclass(frozen=True, repr=False, eq=False)
class BriefRecord(Hashed):
    written_on: str  # ISO date
    lang: str
    facts: Facts


class BriefRecords:
    def __init__(self, db: Db):
        self.db = db

    def record(self, dossier_id: int, written_on: str, lang: str, facts: Facts) -> None:
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO brief_records(dossier_id, written_on, lang, facts) VALUES (?, ?, ?, ?)",
                [dossier_id, written_on, lang, json.dumps(facts, ensure_ascii=False)],
            )

    def written(self, dossier_id: int) -> list[tuple[str, str]]:
        """(date, language) of each brief written of the dossier, newest first."""
        rows = self.db.execute(
            "SELECT written_on, lang FROM brief_records WHERE dossier_id = ? "
            "ORDER BY written_on DESC, id DESC",
            [dossier_id],
        ).fetchall()
        return [(row[0], row[1]) for row in rows]

    def find(self, dossier_id: int, since: str) -> BriefRecord | None:
        """The brief to compare with: "last" (the newest written), or the newest
        written on or before the ISO date `since`; None if there is none."""
        clause = ""
        params: list[Any] = [dossier_id]
        if since != "last":
            clause = " AND written_on <= ?"
            params.append(since)
        row = self.db.execute(
            f"SELECT written_on, lang, facts FROM brief_records WHERE dossier_id = ?{clause} "
            "ORDER BY written_on DESC, id DESC LIMIT 1",
            params,
        ).fetchone()
        if row is None:
            return None
        facts = {k: (v[0], v[1]) for k, v in json.loads(row[2]).items()}
        return BriefRecord(row[0], row[1], facts)
