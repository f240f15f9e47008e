"""One generic repository, driven by an entity's spec: list, get, add, update, delete.

Every write runs in one transaction together with its audit rows in `changes`.
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from dossier.fields import Kind
from dossier.model import EntitySpec, R
from dossier.store import bulk
from dossier.store.audit import write_audit
from dossier.store.connection import fold
from dossier.store.db import Db
from dossier.store.errors import NotFound
from dossier.store.listing import PagedList
from dossier.store.oplog import OperationLog, to_json
from dossier.store.search import KIND_NUMBERS, fts_query

# How a table is ordered when the user has not chosen a column. Text is ordered
# by fold() (case- and ё-insensitive) and then as written, which is the order of
# the `unicode` collation, but fold runs once per row instead of twice per
# comparison: sorting 100,000 names takes a fifth of the time. `id` last makes
# the order total, so pages fetched one after another never repeat or skip a row.
DEFAULT_ORDER = {
    "dossiers": "fold(name), name, id",
    "sources": "published_on DESC, id",
    "officials": "side, name_key, name, id",
    "trade_figures": "period_start, period_end, flow, id",
    "projects": "status, fold(title), title, id",
    "talking_points": "position, id",
    "events": "start_date, id",
}
# Free text sorts as a reader expects; a choice sorts by its stored code (plain
# lowercase ASCII, so binary order is the same and an index can serve it).
_TEXT_KINDS = {Kind.TEXT, Kind.LONGTEXT}
# Stored fold() of a column, kept by the repository and indexed (migration 0002),
# so the longest tabs sort from an index: table -> {key column: text column}.
SORT_KEYS = {"officials": {"name_key": "name"}}


def _audit_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{len(value)} bytes>"
    return str(value)


class Repository(PagedList[R]):
    def __init__(
        self,
        db: Db,
        spec: EntitySpec,
        touched: Callable[[int | None], None] | None = None,
        log: OperationLog | None = None,
    ):
        self.db = db
        self.log = log
        self.spec = spec
        self.table = spec.table
        self._touched = touched or (lambda _dossier_id: None)
        self._columns = [f.name for f in spec.fields if f.kind is not Kind.READONLY]
        self._scoped = any(f.name == "dossier_id" for f in dataclasses.fields(spec.record))
        self._bools = [f.name for f in spec.fields if f.kind is Kind.BOOL]
        self._kept_dates = [
            f.name for f in spec.fields if f.kind is Kind.READONLY and f.name != "updated_at"
        ]
        self._keys = SORT_KEYS.get(self.table, {})
        # (query key, ids in order) of the last long list paged through; see _page.
        self._order_cache: tuple[tuple[Any, ...], builtins.list[int]] | None = None
        self._plans: dict[tuple[str, str, int], bool] = {}  # see _sorts_rows

    # -- reading -----------------------------------------------------------
    def _record(self, row: dict[str, Any]) -> R:
        for key in self._keys:
            del row[key]
        for name in self._bools:
            row[name] = bool(row[name])
        record: R = self.spec.record(**row)
        return record

    def get(self, record_id: int | None) -> R:
        """The record with this id; NotFound if it is gone (or was never saved: None)."""
        if record_id is None:
            raise NotFound(f"This {self.spec.en.lower()} has not been saved yet.")
        cursor = self.db.execute(f"SELECT * FROM [{self.table}] WHERE id = ?", [record_id])
        row = cursor.fetchone()
        if row is None:
            raise NotFound(f"{self.spec.en} #{record_id} no longer exists.")
        names = [d[0] for d in cursor.description]
        return self._record(dict(zip(names, row, strict=True)))

    def _where(
        self, dossier_id: int | None, text: str | None, where: str | None
    ) -> tuple[str, builtins.list[Any]]:
        clauses: builtins.list[str] = []
        params: builtins.list[Any] = []
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
                    "AND rowid % 8 = ?)"
                )
                params += [query, KIND_NUMBERS[self.spec.name]]
        if where:
            clauses.append(where)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def order_clause(self, order_by: str | None, descending: bool) -> str:
        if order_by is None:
            return DEFAULT_ORDER[self.table]
        spec = self.spec.field(order_by)  # KeyError for unknown columns: never raw SQL
        direction = "DESC" if descending else "ASC"
        for key, column in self._keys.items():
            if column == spec.name:
                return f"{key} {direction}, [{column}] {direction}, id {direction}"
        natural = [term.strip() for term in DEFAULT_ORDER[self.table].split(",")]
        if natural[0] == spec.name and all(t.isidentifier() for t in natural):
            # Sorting by the column the natural order starts with: ties keep the
            # natural order, which its index serves (trade by period, officials by side).
            return ", ".join(f"{term} {direction}" for term in natural)
        if spec.kind in _TEXT_KINDS:
            return f"fold([{spec.name}]) {direction}, [{spec.name}] {direction}, id {direction}"
        return f"[{spec.name}] {direction}, id {direction}"

    def list(
        self,
        dossier_id: int | None = None,
        *,
        text: str | None = None,
        order_by: str | None = None,
        descending: bool = False,
        limit: int | None = None,
        offset: int = 0,
        where: str | None = None,
        params: Sequence[Any] = (),
    ) -> builtins.list[R]:
        clause, found = self._where(dossier_id, text, where)
        args = found + builtins.list(params)
        order = self.order_clause(order_by, descending)
        if limit is not None and (
            self._cached_ids(clause, args, order) is not None
            or (offset > 0 and self._sorts_rows(clause, args, order))
        ):
            return self._page(clause, args, order, limit, offset)
        sql = f"SELECT * FROM [{self.table}]{clause} ORDER BY {order}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        return self._records(self.db.execute(sql, args))

    def matching(self, dossier_id: int | None, **equal: Any) -> builtins.list[R]:
        """The records whose fields equal the values given (e.g. a source by title),
        in the natural order: callers outside the store never write a WHERE clause."""
        for name in equal:
            self.spec.field(name)  # KeyError for unknown columns: never raw SQL
        where = " AND ".join(f"[{name}] IS ?" for name in equal) or None
        return self.list(dossier_id, where=where, params=list(equal.values()))

    def columns(
        self, dossier_id: int | None, names: Sequence[str]
    ) -> builtins.list[tuple[Any, ...]]:
        """Some columns of every record, in the natural order: a list of 30,000
        names to tick need not read 30,000 whole records (biographies, photos)."""
        for name in names:
            if name != "id":
                self.spec.field(name)  # KeyError for unknown columns: never raw SQL
        clause, args = self._where(dossier_id, None, None)
        wanted = ", ".join(f"[{name}]" for name in names)
        rows: builtins.list[tuple[Any, ...]] = self.db.execute(
            f"SELECT {wanted} FROM [{self.table}]{clause} "
            f"ORDER BY {self.order_clause(None, False)}",
            args,
        ).fetchall()
        return rows

    def ids(
        self,
        dossier_id: int | None = None,
        *,
        text: str | None = None,
        order_by: str | None = None,
        descending: bool = False,
        where: str | None = None,
        params: Sequence[Any] = (),
    ) -> builtins.list[int]:
        """The ids of a list in its order (sorted once, kept until the next write).

        Callers must not change the list: it is the cache itself.
        """
        clause, args = self._where(dossier_id, text, where)
        return self._ordered_ids(
            clause, args + builtins.list(params), self.order_clause(order_by, descending)
        )

    def position(
        self,
        record_id: int,
        dossier_id: int | None = None,
        *,
        text: str | None = None,
        order_by: str | None = None,
        descending: bool = False,
        where: str | None = None,
        params: Sequence[Any] = (),
    ) -> int | None:
        """Where a record sits in a list (its row in a table), or None if not in it."""
        ids = self.ids(
            dossier_id,
            text=text,
            order_by=order_by,
            descending=descending,
            where=where,
            params=params,
        )
        try:
            return ids.index(record_id)
        except ValueError:
            return None

    def _records(self, cursor: Any) -> builtins.list[R]:
        names = [d[0] for d in cursor.description]
        return [self._record(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]

    def count(
        self,
        dossier_id: int | None = None,
        *,
        text: str | None = None,
        where: str | None = None,
        params: Sequence[Any] = (),
    ) -> int:
        clause, args = self._where(dossier_id, text, where)
        return int(
            self.db.execute(
                f"SELECT count(*) FROM [{self.table}]{clause}", args + builtins.list(params)
            ).fetchone()[0]
        )

    # -- writing -----------------------------------------------------------
    def _values(self, record: R) -> dict[str, Any]:
        values = self.spec.validate(dataclasses.asdict(record))
        if self._scoped:
            values["dossier_id"] = getattr(record, "dossier_id")  # noqa: B009 - not every R has one
        return values

    def _sort_keys(self, values: dict[str, Any]) -> dict[str, Any]:
        return {key: fold(values.get(column)) for key, column in self._keys.items()}

    def _operation(self) -> contextlib.AbstractContextManager[Any]:
        """Every write is (part of) an operation of the store's log, which can undo it."""
        return self.log.operation() if self.log is not None else self.db.atomic()

    def _audit(
        self,
        action: str,
        record_id: int,
        dossier_id: int | None,
        diffs: Sequence[tuple[str | None, Any, Any]],
    ) -> None:
        op_id = self.log.op_id if self.log is not None else None
        write_audit(
            self.db,
            (
                (
                    self.table,
                    record_id,
                    dossier_id,
                    action,
                    name,
                    _audit_text(old) if name is not None else None,
                    _audit_text(new),
                    op_id,
                    None if old is None else to_json(old),
                    None if new is None else to_json(new),
                )
                for name, old, new in diffs
            ),
        )
        if self.log is not None:
            if action == "delete":
                before = diffs[0][1]
            else:
                before = {n: old for n, old, _ in diffs if n is not None}
            self.log.note(action, self.table, record_id, before, None)

    def _dossier_of(self, record: Any) -> int | None:
        found: int | None = record.dossier_id if self._scoped else record.id
        return found

    def add(self, record: R) -> R:
        values = self.values_of(record)
        if record.id is not None:
            values["id"] = record.id
        with self._operation():
            cols = list(values) + list(self._keys)
            values.update(self._sort_keys(values))
            cursor = self.db.execute(
                f"INSERT INTO [{self.table}] ({', '.join(f'[{c}]' for c in cols)}) "
                f"VALUES ({', '.join('?' for _ in cols)})",
                [values[c] for c in cols],
            )
            new_id = cursor.lastrowid
            dossier_id = values.get("dossier_id") if self._scoped else new_id
            self._audit(
                "insert",
                new_id,
                dossier_id,
                [
                    (n, None, v)
                    for n, v in values.items()
                    if v not in (None, "", False) and n not in ("id", "dossier_id", *self._keys)
                ],
            )
            self._touched(dossier_id)
        return self.get(new_id)

    def update(self, record: R) -> R:
        if record.id is None:
            raise NotFound(f"This {self.spec.en.lower()} has not been saved yet.")
        with self._operation():
            old = self.get(record.id)
            values = self._values(record)
            diffs = [
                (n, getattr(old, n), v)
                for n, v in values.items()
                if getattr(old, n) != v and n != "id"
            ]
            if diffs:
                changed: dict[str, Any] = {n: v for n, _, v in diffs} | self._sort_keys(values)
                sets = ", ".join(f"[{n}] = ?" for n in changed)
                self.db.execute(
                    f"UPDATE [{self.table}] SET {sets} WHERE id = ?", [*changed.values(), record.id]
                )
                self._audit("update", record.id, self._dossier_of(old), diffs)
                self._touched(self._dossier_of(old))
        return self.get(record.id)

    def delete(self, record_id: int | None) -> R:
        """Delete a record; returns it as it was, so the caller can offer undo."""
        if record_id is None:
            raise NotFound(f"This {self.spec.en.lower()} has not been saved yet.")
        with self._operation():
            old = self.get(record_id)
            self.db.execute(f"DELETE FROM [{self.table}] WHERE id = ?", [record_id])
            # The whole record, so an undo can put it back as it was.
            self._audit(
                "delete", record_id, self._dossier_of(old), [(None, dataclasses.asdict(old), None)]
            )
            if self._scoped:
                self._touched(self._dossier_of(old))
        return old

    def values_of(self, record: R) -> dict[str, Any]:
        """A record's validated column values, as `add` and `insert_many` write them.

        A record put back (undo) or brought in (import) keeps the date it was first
        added; `updated_at` always says when this store last changed it.
        """
        values = self._values(record)
        for name in self._kept_dates:
            if getattr(record, name, None) is not None:
                values[name] = getattr(record, name)
        return values

    def delete_many(
        self, ids: Sequence[int], known: dict[int, dict[str, Any]] | None = None
    ) -> int:
        """Delete records in bulk, each audited with its whole record (for undo).
        `known`: their values as values_many read them in this transaction."""
        with self._operation():
            return bulk.delete_records(self, ids, known)

    def values_many(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """id -> the fields of each record that exists among `ids` (as `vars` of the
        record), read by id ranges without making records: what undo compares."""
        return bulk.read_values(self, ids)

    def logged_as_now(self, op_id: int, names: Sequence[str]) -> set[int]:
        """The ids of the operation's bulk-insert audit rows of this table that log,
        byte for byte, what their records hold now (`names`: the fields logged, in
        order): what undo need not parse and compare (store/bulk.py)."""
        return bulk.logged_as_now(self, op_id, names)

    def add_many(self, records: Iterable[R]) -> builtins.list[int]:
        """Add records in one transaction (imports): all or nothing."""
        with self._operation():
            return [self.add(r).id for r in records]  # type: ignore[misc]

    def insert_many(
        self,
        rows: Sequence[dict[str, Any]],
        batch_size: int = 5000,
        on_batch: Callable[[int], None] | None = None,
    ) -> int:
        """Insert already validated rows in bulk (imports of tens of thousands).

        Each new record gets one audit row holding all its values (not one per
        field), which is what undo and redo need, and the dossiers are touched
        once. Part of the open operation (or one of its own). `on_batch(done)` is
        called before each batch; raising there (a cancel) rolls everything back.

        Many rows per prepared INSERT, a batch at a time (store/bulk.py; why not
        sqlite-utils' insert_all: docs/store.md).
        """
        if not rows:
            return 0
        with self._operation():
            bulk.insert_records(self, rows, batch_size, on_batch)
        return len(rows)

    def insert_columns(
        self,
        names: Sequence[str],
        columns: Sequence[Sequence[Any]],
        batch_size: int = 5000,
        on_batch: Callable[[int], None] | None = None,
    ) -> int:
        """insert_many of rows given as columns (`names[i]` -> `columns[i]`, one value
        per row; what EntitySpec.validate_columns gives): no dict made per row. A
        column NULL in every row is left to its NULL default (a third of the time of
        inserting an import's figures went to binding such NULLs)."""
        count = len(columns[0]) if columns else 0
        if not count:
            return 0
        nullable = bulk.null_by_default(self.db, self.table)
        nulls = {
            n
            for n, c in zip(names, columns, strict=True)
            if n in nullable and c.count(None) == count
        }
        bound = [c for n, c in zip(names, columns, strict=True) if n not in nulls]
        tuples = list(zip(*bound, strict=True))
        with self._operation():
            bulk.insert_tuples(self, names, tuples, batch_size, on_batch, nulls=nulls)
        return count
