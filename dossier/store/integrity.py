"""Checks that a store's tables are the ones this version of Dossier reads.

SQLite's quick check finds broken pages, not a damaged schema text: one flipped
byte in a plain file can rename a column ("biography" -> "biograpGy") and the file
still opens. Comparing every table with the model catches that before any record
is shown (and before a record with a missing column is saved).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from dossier.model import ENTITIES


def schema_problems(db: Any) -> list[str]:
    """Tables missing or with other columns than the model's records (empty: fine)."""
    from dossier.store import repository

    # Extra columns the repository maintains itself (sort keys), beside the record's.
    extra: dict[str, dict[str, str]] = getattr(repository, "SORT_KEYS", {})
    problems = []
    for spec in ENTITIES.values():
        wanted = {f.name for f in dataclasses.fields(spec.record)} | set(extra.get(spec.table, {}))
        got = {row[1] for row in db.execute(f"PRAGMA table_info([{spec.table}])").fetchall()}
        if not got:
            problems.append(f"table {spec.table} is missing")
        elif got != wanted:
            odd = sorted(got ^ wanted)
            problems.append(f"table {spec.table} has unexpected columns ({', '.join(odd)})")
    return problems
