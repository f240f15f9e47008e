"""Reading records in bulk: long lists paged in a chosen order (the ids sorted once,
each page read by id), and records or titles by id.

Split from the repository (store/repository.py), which this serves: a table of
100,000 rows scrolls and re-sorts without sorting the whole list for every page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic

from dossier.model import EntitySpec, R
from dossier.store.db import Db


class PagedList(Generic[R]):
    """The reading-in-bulk half of a Repository (which sets these attributes): pages
    of a long list, records and titles by id."""

    db: Db
    table: str
    spec: EntitySpec
    # (query key, ids in order) of the last long list paged through; see _page.
    _order_cache: tuple[tuple[Any, ...], list[int]] | None
    _plans: dict[tuple[str, str, int], bool]  # see _sorts_rows

    def _records(self, cursor: Any) -> list[R]:  # pragma: no cover - Repository's
        raise NotImplementedError

    def _version(self) -> tuple[int, int]:
        """Changes by this connection and commits by others: a cache key that moves on any write."""
        return (self.db.conn.total_changes, self.db.execute("PRAGMA data_version").fetchone()[0])

    def _sorts_rows(self, clause: str, args: list[Any], order: str) -> bool:
        """Whether SQLite must sort the rows for this order (no index walks them in it).

        An order an index serves pages cheaply with LIMIT/OFFSET (a deep page of
        100,000 rows in a few ms); any other is sorted once, by _page.
        """
        key = (clause, order, len(args))
        if key not in self._plans:
            plan = self.db.execute(
                f"EXPLAIN QUERY PLAN SELECT id FROM [{self.table}]{clause} ORDER BY {order}", args
            ).fetchall()
            self._plans[key] = any("TEMP B-TREE" in str(row[-1]) for row in plan)
        return self._plans[key]

    def _cached_ids(self, clause: str, args: list[Any], order: str) -> list[int] | None:
        """The ordered ids of this very list, if read since the last write."""
        key = (clause, tuple(args), order, self._version())
        if self._order_cache is not None and self._order_cache[0] == key:
            return self._order_cache[1]
        return None

    def _ordered_ids(self, clause: str, args: list[Any], order: str) -> list[int]:
        ids = self._cached_ids(clause, args, order)
        if ids is None:
            self._order_cache = None  # free the old list before reading the new one
            ids = [
                row[0]
                for row in self.db.execute(
                    f"SELECT id FROM [{self.table}]{clause} ORDER BY {order}", args
                ).fetchall()
            ]
            self._order_cache = ((clause, tuple(args), order, self._version()), ids)
        return ids

    def _page(self, clause: str, args: list[Any], order: str, limit: int, offset: int) -> list[R]:
        """A later page of a long list, from the list's ids in order (sorted once).

        With LIMIT/OFFSET every page of a sorted list would sort the whole list
        again and step over all rows before it: scrolling to the end of 100,000
        rows took minutes. The ids of the whole list are sorted once and kept
        until the next write; each page then reads just its own rows.
        """
        wanted = self._ordered_ids(clause, args, order)[offset : offset + limit]
        if not wanted:
            return []
        found = {
            r.id: r
            for r in self._records(
                self.db.execute(
                    f"SELECT * FROM [{self.table}] WHERE id IN ({', '.join('?' * len(wanted))})",
                    wanted,
                )
            )
        }
        # A row deleted by another connection since is simply left out.
        return [found[i] for i in wanted if i in found]

    def titles(self, ids: Iterable[int]) -> dict[int, str]:
        """id -> title of the records that exist, read without their other columns.

        For tables that show a reference (a source's title beside each fact):
        one query per batch instead of loading each record with its full text.
        """
        wanted = sorted(set(ids))
        out: dict[int, str] = {}
        for start in range(0, len(wanted), 500):  # within SQLite's parameter limit
            chunk = wanted[start : start + 500]
            out.update(
                self.db.execute(
                    f"SELECT id, coalesce([{self.spec.title_field}], '') FROM [{self.table}] "
                    f"WHERE id IN ({', '.join('?' * len(chunk))})",
                    chunk,
                ).fetchall()
            )
        return out

    def get_many(self, ids: Sequence[int]) -> list[R]:
        """The records that exist among `ids` (in chunks within SQLite's parameter limit)."""
        out: list[R] = []
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            out += self._records(
                self.db.execute(
                    f"SELECT * FROM [{self.table}] WHERE id IN ({', '.join('?' * len(chunk))})",
                    chunk,
                )
            )
        return out
