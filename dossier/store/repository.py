"""One generic repository, driven by an entity's spec: list, get, add, update, delete.

Every write runs in one transaction together with its audit rows in `changes`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic

from sqlite_utils import Database

from dossier.fields import Kind
from dossier.model import EntitySpec, R
from dossier.store.errors import NotFound
from dossier.store.search import KIND_NUMBERS, fts_query

# How a table is ordered when the user has not chosen a column.
DEFAULT_ORDER = {
    "dossiers": "name COLLATE unicode",
    "sources": "published_on DESC, id",
    "officials": "side, name COLLATE unicode",
    "trade_figures": "period_start, period_end, flow",
    "projects": "status, title COLLATE unicode",
    "talking_points": "position, id",
    "events": "start_date, id",
}
_TEXT_KINDS = {Kind.TEXT, Kind.LONGTEXT, Kind.CHOICE}


def _audit_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{len(value)} bytes>"
    return str(value)


class Repository(Generic[R]):
    def __init__(self, db: Database, spec: EntitySpec,
                 touched: Callable[[int | None], None] | None = None):
        self.db = db
        self.spec = spec
        self.table = spec.table
        self._touched = touched or (lambda _dossier_id: None)
        self._columns = [f.name for f in spec.fields if f.kind is not Kind.READONLY]
        self._scoped = any(f.name == "dossier_id" for f in dataclasses.fields(spec.record))
        self._bools = [f.name for f in spec.fields if f.kind is Kind.BOOL]

    # -- reading -----------------------------------------------------------
    def _record(self, row: dict[str, Any]) -> R:
        for name in self._bools:
            row[name] = bool(row[name])
        return self.spec.record(**row)

    def get(self, record_id: int) -> R:
        row = self.db.execute(f"SELECT * FROM [{self.table}] WHERE id = ?",
                              [record_id]).fetchone()
        if row is None:
            raise NotFound(f"{self.spec.en} #{record_id} no longer exists.")
        cursor = self.db.execute(f"SELECT * FROM [{self.table}] LIMIT 0")
        names = [d[0] for d in cursor.description]
        return self._record(dict(zip(names, row, strict=True)))

    def _where(self, dossier_id: int | None, text: str | None,
               where: str | None) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if dossier_id is not None and self._scoped:
            clauses.append("dossier_id = ?")
            params.append(dossier_id)
        if text and text.strip():
            query = fts_query(text)
            if query is None:
                clauses.append("0")
            else:
                clauses.append(
                    "id IN (SELECT rowid / 8 FROM search_index WHERE search_index MATCH ? "
                    "AND rowid % 8 = ?)")
                params += [query, KIND_NUMBERS[self.spec.name]]
        if where:
            clauses.append(where)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def order_clause(self, order_by: str | None, descending: bool) -> str:
        if order_by is None:
            return DEFAULT_ORDER[self.table]
        spec = self.spec.field(order_by)  # KeyError for unknown columns: never raw SQL
        direction = "DESC" if descending else "ASC"
        collate = " COLLATE unicode" if spec.kind in _TEXT_KINDS else ""
        return f"[{spec.name}]{collate} {direction}, id {direction}"

    def list(self, dossier_id: int | None = None, *, text: str | None = None,
             order_by: str | None = None, descending: bool = False,
             limit: int | None = None, offset: int = 0,
             where: str | None = None, params: Sequence[Any] = ()) -> list[R]:
        clause, args = self._where(dossier_id, text, where)
        order = self.order_clause(order_by, descending)
        sql = f"SELECT * FROM [{self.table}]{clause} ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
        args = [*args, *params] + ([limit, offset] if limit is not None else [])
        cursor = self.db.execute(sql, args)
        names = [d[0] for d in cursor.description]
        return [self._record(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]

    def count(self, dossier_id: int | None = None, *, text: str | None = None,
              where: str | None = None, params: Sequence[Any] = ()) -> int:
        clause, args = self._where(dossier_id, text, where)
        return self.db.execute(f"SELECT count(*) FROM [{self.table}]{clause}",
                               [*args, *params]).fetchone()[0]

    # -- writing -----------------------------------------------------------
    def _values(self, record: R) -> dict[str, Any]:
        values = self.spec.validate(dataclasses.asdict(record))
        if self._scoped:
            values["dossier_id"] = record.dossier_id  # type: ignore[union-attr]
        return values

    def _audit(self, action: str, record_id: int, dossier_id: int | None,
               diffs: Iterable[tuple[str | None, Any, Any]]) -> None:
        self.db.conn.executemany(
            "INSERT INTO changes(table_name, row_id, dossier_id, action, field, old, new) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(self.table, record_id, dossier_id, action, name, _audit_text(old), _audit_text(new))
             for name, old, new in diffs],
        )

    def _dossier_of(self, record: Any) -> int | None:
        return record.dossier_id if self._scoped else record.id

    def add(self, record: R) -> R:
        values = self._values(record)
        if record.id is not None:
            values["id"] = record.id
        with self.db.atomic():
            cols = list(values)
            cursor = self.db.execute(
                f"INSERT INTO [{self.table}] ({', '.join(f'[{c}]' for c in cols)}) "
                f"VALUES ({', '.join('?' for _ in cols)})",
                [values[c] for c in cols])
            new_id = cursor.lastrowid
            dossier_id = values.get("dossier_id") if self._scoped else new_id
            self._audit("insert", new_id, dossier_id,
                        [(n, None, v) for n, v in values.items() if v not in (None, "", False)
                         and n not in ("id", "dossier_id")])
            self._touched(dossier_id)
        return self.get(new_id)

    def update(self, record: R) -> R:
        if record.id is None:
            raise NotFound(f"This {self.spec.en.lower()} has not been saved yet.")
        with self.db.atomic():
            old = self.get(record.id)
            values = self._values(record)
            diffs = [(n, getattr(old, n), v) for n, v in values.items()
                     if getattr(old, n) != v and n != "id"]
            if diffs:
                sets = ", ".join(f"[{n}] = ?" for n, _, _ in diffs)
                self.db.execute(f"UPDATE [{self.table}] SET {sets} WHERE id = ?",
                                [v for _, _, v in diffs] + [record.id])
                self._audit("update", record.id, self._dossier_of(old), diffs)
                self._touched(self._dossier_of(old))
        return self.get(record.id)

    def delete(self, record_id: int) -> R:
        """Delete a record; returns it as it was, so the caller can offer undo."""
        with self.db.atomic():
            old = self.get(record_id)
            self.db.execute(f"DELETE FROM [{self.table}] WHERE id = ?", [record_id])
            self._audit("delete", record_id, self._dossier_of(old),
                        [(None, None, None)])
            if self._scoped:
                self._touched(self._dossier_of(old))
        return old

    def add_many(self, records: Iterable[R]) -> list[int]:
        """Add records in one transaction (imports): all or nothing."""
        with self.db.atomic():
            return [self.add(r).id for r in records]  # type: ignore[misc]
