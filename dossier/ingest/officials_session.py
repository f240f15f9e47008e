"""One officials import, as the terminal and the window both run it: load, plan, commit.

`load_officials` reads the table and guesses its columns; `plan_officials`
(officials_import.py) says who is new and who changes, with warnings; `commit_officials`
writes the plan and its source as one operation of the store's log, returning what
changed. The CLI (cli/imports.py) drives these calls; the import dialog does the same
steps (tests/ui/test_shared_importers.py compares the two).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dossier.ingest.officials_import import (
    OfficialsMapping,
    OfficialsPlan,
    guess_officials_mapping,
    store_officials,
)
from dossier.ingest.tables import Records, read_table, records_of
from dossier.ingest.trade_store import source_for
from dossier.model import Dossier
from dossier.progress import Progress
from dossier.store import Store
from dossier.store.oplog import Changes


@dataclass
class OfficialsFile:
    """An officials table read from a file, with the columns guessed from its header."""

    path: Path
    records: Records
    mapping: OfficialsMapping

    def for_dossier(self, dossier: Dossier, country: str | None = None) -> OfficialsMapping:
        """The mapping, keeping only the rows of `country` (default: the dossier's own
        name) when the file has a country column."""
        if self.mapping.country:
            self.mapping.country_value = country or dossier.name_en or dossier.name
        return self.mapping


def load_officials(path: Path, *, encoding: str | None = None) -> OfficialsFile:
    """Read an officials table; TableError (one line) if it cannot be."""
    records = records_of(read_table(path, encoding=encoding))
    return OfficialsFile(path, records, guess_officials_mapping(records.header))


@dataclass
class OfficialsResult:
    added: int
    updated: int
    changes: Changes  # the store's operation: what a view refreshes, what undo takes back


def commit_officials(
    store: Store,
    plan: OfficialsPlan,
    dossier_id: int | None,
    source_title: str,
    *,
    url: str | None = None,
    progress: Progress | None = None,
) -> OfficialsResult:
    """The source and the officials in one operation, or nothing."""
    with store.transaction() as changes:
        source = source_for(store, dossier_id, source_title, url=url)
        added, updated = store_officials(store, plan, source.id, progress)
    return OfficialsResult(added, updated, changes)
