"""Bulk writes of the store: many rows per INSERT, the log's JSON built column by
column, records read and deleted by id ranges.

An import of 100,000 trade figures and its undo spend their time here. Raw SQL
rather than sqlite-utils' `insert_all`, measured in docs/store.md: `insert_all`
looks at every value of every row in Python (`jsonify_if_needed`) and builds its
statement per batch, about as long as SQLite's own work on a table with seven
indexes and a search trigger; a prepared statement of many rows, reused, leaves
SQLite's work alone.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
import operator
import sqlite3
from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from dossier.fields import Kind
from dossier.store.bulk_indexes import delete_ranges, without_indexes, worth_it
from dossier.store.db import Db
from dossier.store.oplog import to_json

if TYPE_CHECKING:
    from dossier.store.repository import Repository

# Values bound per statement: within the 999 of SQLite builds before 3.32.
_MAX_VARIABLES = 999
_MAX_ROWS = 100  # beyond this a longer statement saves nothing measurable


def id_ranges(ids: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted ids as (first, last) runs: an import's 100,000 ids are one range."""
    if isinstance(ids, range) and ids.step == 1:  # new rows' ids (insert_tuples)
        return [(ids.start, ids.stop - 1)] if ids else []
    if (  # one ascending run (a bulk insert's ids, read back by its undo)
        isinstance(ids, list)
        and ids
        and ids[-1] - ids[0] == len(ids) - 1
        and all(map(operator.lt, ids, itertools.islice(ids, 1, None)))
    ):
        return [(ids[0], ids[-1])]
    ranges: list[tuple[int, int]] = []
    for row_id in sorted(set(ids)):
        if ranges and ranges[-1][1] == row_id - 1:
            ranges[-1] = (ranges[-1][0], row_id)
        else:
            ranges.append((row_id, row_id))
    return ranges


def insert_rows(db: Db, table: str, names: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """INSERT rows (tuples in the order of `names`), many per statement.

    One statement of `per` rows, prepared once and run for every full group
    (the driver caches it), then one for the rest.
    """
    if not rows:
        return
    width = len(names)
    per = max(1, min(_MAX_ROWS, _MAX_VARIABLES // width))
    head = f"INSERT INTO [{table}] ({', '.join(f'[{n}]' for n in names)}) VALUES "
    one = "(" + ", ".join("?" * width) + ")"
    full = len(rows) - len(rows) % per
    if full:
        chain = itertools.chain.from_iterable
        db.conn.executemany(
            head + ", ".join([one] * per),
            (tuple(chain(rows[i : i + per])) for i in range(0, full, per)),
        )
    if full < len(rows):
        rest = rows[full:]
        db.execute(head + ", ".join([one] * len(rest)), list(itertools.chain(*rest)))


def json_rows(names: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    """`to_json(dict(zip(names, row)))` of every row, the same text, built a column at
    a time: each distinct text encoded once, numbers by repr (as json does)."""
    if not rows:
        return []
    columns = [_json_column(list(column)) for column in zip(*rows, strict=True)]
    assert all(n.isidentifier() for n in names)  # column names: no % to escape
    template = "{" + ", ".join(f'"{n}": %s' for n in names) + "}"
    return [template % values for values in zip(*columns, strict=True)]


def _json_column(values: list[Any]) -> list[str]:
    types = set(map(type, values)) - {type(None)}
    if types <= {str}:
        encoded = {v: json.dumps(v, ensure_ascii=False) for v in set(values) if v is not None}
        encoded[None] = "null"
        return list(map(encoded.__getitem__, values))
    if types == {float} and all(v is None or math.isfinite(v) for v in values):
        return ["null" if v is None else float.__repr__(v) for v in values]
    if types == {int}:
        return ["null" if v is None else int.__repr__(v) for v in values]
    return [to_json(v) for v in values]  # bools, bytes (photos), the rest: as to_json does


# -- a repository's bulk writes (Repository.insert_many, delete_many, values_many) --
# They read the repository's own parts (_keys, _touched, ...): one class's methods,
# kept here so the repository stays a size a reader can hold.
_IMPORTED = ["table_name", "row_id", "dossier_id", "action", "new", "op_id", "new_json"]
_DELETED = ["table_name", "row_id", "dossier_id", "action", "op_id", "old_json"]


def _getter(positions: Sequence[Any]) -> Callable[[Any], tuple[Any, ...]]:
    """itemgetter that always gives a tuple (itemgetter of one key gives the value)."""
    if len(positions) == 1:
        key = positions[0]
        return lambda row: (row[key],)
    return itemgetter(*positions)


def insert_records(
    repo: Repository[Any],
    rows: Sequence[dict[str, Any]],
    batch_size: int,
    on_batch: Callable[[int], None] | None,
) -> None:
    """Repository.insert_many: the rows in batches, then one audit row per record
    holding its values (what undo and redo replay), the dossiers touched once."""
    names = list(rows[0])
    if any(len(row) != len(names) for row in rows):
        names = list(dict.fromkeys(name for row in rows for name in row))
        rows = [dict.fromkeys(names) | row for row in rows]
    tuples = list(map(_getter(names), rows))
    keys = [tuple(repo._sort_keys(row).values()) for row in rows] if repo._keys else None
    insert_tuples(repo, names, tuples, batch_size, on_batch, keys)


def insert_tuples(
    repo: Repository[Any],
    names: Sequence[str],
    tuples: Sequence[tuple[Any, ...]],
    batch_size: int,
    on_batch: Callable[[int], None] | None,
    keys: Sequence[tuple[Any, ...]] | None = None,
    nulls: Collection[str] = (),
) -> None:
    """insert_records of rows given as tuples of the values of `names` (no dict per
    row: Repository.insert_columns); `keys`: each row's sort keys, if already made.
    `nulls`: names NULL in every row and NULL by default, not in the tuples: left out
    of the INSERT (fewer values bound), logged as the other fields are."""
    db, table = repo.db, repo.table
    everything = list(names)
    names = [n for n in everything if n not in nulls]
    keyed: Sequence[tuple[Any, ...]] = tuples
    if repo._keys:
        if keys is None:
            keys = [
                tuple(repo._sort_keys(dict(zip(names, t, strict=True))).values()) for t in tuples
            ]
        keyed = [t + k for t, k in zip(tuples, keys, strict=True)]
    columns = names + list(repo._keys)
    first = db.execute(f"SELECT coalesce(max(id), 0) FROM [{table}]").fetchone()[0]
    # Rows put back (undo) keep their ids; new ones follow the highest id (the write
    # lock is held since the transaction began: no other process adds rows between).
    ids: Sequence[int] = (
        list(map(itemgetter(names.index("id")), tuples))
        if "id" in names
        else range(first + 1, first + 1 + len(tuples))
    )
    ranges = id_ranges(ids)
    # A large insert into a table not larger than it: indexes and search trigger
    # dropped meanwhile, built again after (bulk_indexes; the same transaction).
    quick: AbstractContextManager[list[tuple[int, int]]] = (
        without_indexes(db, table) if worth_it(len(tuples), first) else nullcontext([])
    )
    with quick as added:
        for start in range(0, len(keyed), batch_size):
            if on_batch is not None:
                on_batch(start)
            insert_rows(db, table, columns, keyed[start : start + batch_size])
        added.extend(ranges)
    logged = [n for n in everything if n not in ("id", "dossier_id")]
    op_id = repo.log.op_id if repo.log is not None else None
    dossier = "t.dossier_id" if "dossier_id" in names else "NULL"
    if not _audit_set(repo, "insert", dossier, logged, ranges, op_id):
        if nulls:  # each row's NULLs back in their places
            where = {n: i for i, n in enumerate(names)}
            tuples = [
                tuple(t[where[n]] if n in where else None for n in everything) for t in tuples
            ]
            names = everything
        texts = json_rows(logged, list(map(_getter([names.index(n) for n in logged]), tuples)))
        at = names.index("dossier_id") if "dossier_id" in names else None
        insert_rows(
            db,
            "changes",
            _IMPORTED,
            [
                (table, row_id, None if at is None else t[at], "insert", "import", op_id, text)
                for row_id, t, text in zip(ids, tuples, texts, strict=True)
            ],
        )
    dossiers = (
        set(map(itemgetter(names.index("dossier_id")), tuples)) if "dossier_id" in names else {None}
    )
    if repo.log is not None:
        repo.log.note_added(table, ids)
    for dossier_id in dossiers:
        repo._touched(dossier_id)


def null_by_default(db: Db, table: str) -> set[str]:
    """The columns of `table` that may be NULL and are NULL when not given."""
    return {
        name
        for _cid, name, _type, notnull, default, pk in db.execute(f"PRAGMA table_info([{table}])")
        if not notnull and default is None and not pk
    }


_TEXT_KINDS = (Kind.TEXT, Kind.LONGTEXT, Kind.CHOICE, Kind.DATE)


def _json_sql(repo: Repository[Any], names: Sequence[str]) -> str | None:
    """SQL building `to_json` of a record's `names` from its row (as t), or None where
    SQLite cannot (photos: bytes are logged as base64; more columns than a function's
    127 arguments hold). A real goes through printf('%!.17g'): SQLite's own JSON
    writes 15 digits (0.1 + 0.2 would come back 0.3); 17 read back exactly."""
    if 2 * len(names) > 126 or any(f.kind is Kind.PHOTO for f in repo.spec.fields):
        return None
    # Text columns convert what they are given to text: only the others can hold a real.
    texts = {f.name for f in repo.spec.fields if f.kind in _TEXT_KINDS}
    parts = []
    for n in names:
        if n in repo._bools:  # a record holds True/False (Repository._record)
            value = f"json(CASE WHEN t.[{n}] THEN 'true' ELSE 'false' END)"
        elif n in texts:
            value = f"t.[{n}]"
        else:
            value = (
                f"CASE WHEN typeof(t.[{n}]) = 'real' THEN json(printf('%!.17g', t.[{n}])) "
                f"ELSE t.[{n}] END"
            )
        parts.append(f"'{n}', {value}")
    return f"json_object({', '.join(parts)})"


def _audit_set(
    repo: Repository[Any],
    action: str,
    dossier: str,
    names: Sequence[str],
    ranges: list[tuple[int, int]],
    op_id: int | None,
) -> int | None:
    """The audit rows of records inserted or about to be deleted, written in one
    statement from the rows themselves (no value passes through Python): how many,
    or None where _json_sql cannot build them."""
    values = _json_sql(repo, names)
    if values is None:
        return None
    new, column = ("'import'", "new_json") if action == "insert" else ("NULL", "old_json")
    cursor = repo.db.execute(
        f"INSERT INTO changes(at, table_name, row_id, dossier_id, action, new, op_id, {column}) "
        f"SELECT ?, ?, t.id, {dossier}, '{action}', {new}, ?, {values} "
        f"FROM [{repo.table}] AS t, json_each(?) AS r "
        "WHERE t.id BETWEEN json_extract(r.value, '$[0]') AND json_extract(r.value, '$[1]')",
        [_now(repo.db), repo.table, op_id, json.dumps(ranges)],
    )
    return int(cursor.rowcount)


def logged_as_now(repo: Repository[Any], op_id: int, names: Sequence[str]) -> set[int]:
    """Repository.logged_as_now: the ids of operation `op_id`'s bulk-insert audit rows
    of this table whose text is, byte for byte, what _audit_set would log of the record
    now (`names` in that order) and whose dossier is the record's: records as the
    insert left them. A text that differs (logged by json_rows, a field renamed, a
    value changed) is not here; what it means is for the caller to find out."""
    columns = {f.name for f in dataclasses.fields(repo.spec.record)} - {"id", "dossier_id"}
    values = _json_sql(repo, names) if names and set(names) <= columns else None
    if values is None:
        return set()
    dossier = " AND t.dossier_id IS c.dossier_id" if repo._scoped else ""
    try:
        rows = repo.db.execute(
            f"SELECT c.id FROM changes AS c JOIN [{repo.table}] AS t ON t.id = c.row_id "
            "WHERE c.op_id = ? AND c.table_name = ? AND c.action = 'insert' "
            f"AND c.field IS NULL AND c.old_json IS NULL AND c.new_json = {values}{dossier}",
            [op_id, repo.table],
        ).fetchall()
    except sqlite3.Error:  # a value json_object refuses (a blob where text was logged)
        return set()
    return set(map(itemgetter(0), rows))


def _now(db: Db) -> str:
    """`changes.at` as its default makes it, made once: within one INSERT ... SELECT
    every row gets the same 'now', and the default, evaluated per row, cost a tenth
    of the audit rows' time."""
    default = next(
        d for _c, n, _t, _nn, d, _pk in db.execute("PRAGMA table_info(changes)") if n == "at"
    )
    return str(db.execute(f"SELECT {default}").fetchone()[0])


def _count(repo: Repository[Any], ranges: list[tuple[int, int]]) -> int:
    """How many records the id ranges hold."""
    return int(
        repo.db.execute(
            f"SELECT count(*) FROM [{repo.table}] AS t, json_each(?) AS r WHERE t.id "
            "BETWEEN json_extract(r.value, '$[0]') AND json_extract(r.value, '$[1]')",
            [json.dumps(ranges)],
        ).fetchone()[0]
    )


def _select(repo: Repository[Any], ids: Iterable[int]) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The records among `ids` as tuples of their fields (a record's order), ranges of
    ids read in one statement."""
    names = [f.name for f in dataclasses.fields(repo.spec.record)]
    ranges = id_ranges(ids)
    if not ranges:
        return names, []
    rows = repo.db.execute(
        f"SELECT {', '.join(f't.[{n}]' for n in names)} FROM [{repo.table}] AS t, "
        "json_each(?) AS r WHERE t.id BETWEEN json_extract(r.value, '$[0]') "
        "AND json_extract(r.value, '$[1]')",
        [json.dumps(ranges)],
    ).fetchall()
    bools = [names.index(n) for n in repo._bools]
    if bools:  # as Repository._record reads them
        rows = [tuple(bool(v) if i in bools else v for i, v in enumerate(r)) for r in rows]
    return names, rows


def read_values(repo: Repository[Any], ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Repository.values_many: id -> the record's fields (`vars` of the record), without
    making 100,000 records (what undo compares with its log)."""
    names, rows = _select(repo, ids)
    # Every row as long as `names` (one SELECT of them): a dict per row made in C.
    records = map(dict, map(zip, itertools.repeat(names), rows))
    return dict(zip(map(itemgetter(names.index("id")), rows), records, strict=True))


def delete_records(
    repo: Repository[Any], ids: Iterable[int], known: dict[int, dict[str, Any]] | None = None
) -> int:
    """Repository.delete_many: each record audited whole (undo puts it back from that),
    then deleted by id ranges. `known`: the records' values as values_many read them
    in this transaction (undo's check did), so they need not be read again."""
    db, table = repo.db, repo.table
    names = [f.name for f in dataclasses.fields(repo.spec.record)]
    op_id = repo.log.op_id if repo.log is not None else None
    dossier = "t.dossier_id" if repo._scoped else "t.id"
    wanted = sorted(set(ids))
    records: dict[int, dict[str, Any]] | None = None
    written = None
    if known is not None:
        records = {i: known[i] for i in wanted if i in known}
        ranges = id_ranges(wanted if len(records) == len(wanted) else list(records))
        # Still all there (a cascade since the read would have taken some): then the
        # audit comes from the rows in one statement, and `known` serves the rest.
        if _count(repo, ranges) == len(records):
            written = _audit_set(repo, "delete", dossier, names, ranges, op_id)
    if records is None or written is None:
        names, rows = _select(repo, wanted)
        at = names.index("id")
        records = {row[at]: dict(zip(names, row, strict=True)) for row in rows}
        ranges = id_ranges(records)
        if _audit_set(repo, "delete", dossier, names, ranges, op_id) is None:
            insert_rows(
                db,
                "changes",
                _DELETED,
                [
                    (table, row[at], row[names.index(dossier[2:])], "delete", op_id, text)
                    for row, text in zip(rows, json_rows(names, rows), strict=True)
                ],
            )
    delete_ranges(db, table, ranges, len(records))
    if repo.log is not None:
        repo.log.note_deleted(table, records)
    if repo._scoped:
        for dossier_id in {values["dossier_id"] for values in records.values()}:
            repo._touched(dossier_id)
    return len(records)
