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
from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from dossier.store.db import Db
from dossier.store.oplog import to_json

if TYPE_CHECKING:
    from dossier.store.repository import Repository

# Values bound per statement: within the 999 of SQLite builds before 3.32.
_MAX_VARIABLES = 999
_MAX_ROWS = 100  # beyond this a longer statement saves nothing measurable


def id_ranges(ids: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted ids as (first, last) runs: an import's 100,000 ids are one range."""
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
        encoded[None] = "null"  # type: ignore[index]
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
    db, table = repo.db, repo.table
    names = list(rows[0])
    if any(len(row) != len(names) for row in rows):
        names = list(dict.fromkeys(name for row in rows for name in row))
        rows = [dict.fromkeys(names) | row for row in rows]
    tuples = list(map(_getter(names), rows))
    if repo._keys:
        keyed = [
            t + tuple(repo._sort_keys(row).values()) for t, row in zip(tuples, rows, strict=True)
        ]
    else:
        keyed = tuples
    columns = names + list(repo._keys)
    first = db.execute(f"SELECT coalesce(max(id), 0) FROM [{table}]").fetchone()[0]
    for start in range(0, len(keyed), batch_size):
        if on_batch is not None:
            on_batch(start)
        insert_rows(db, table, columns, keyed[start : start + batch_size])
    # Rows put back (undo) keep their ids; new ones follow the highest id (the write
    # lock is held since the transaction began: no other process adds rows between).
    ids: Sequence[int] = (
        [row["id"] for row in rows] if "id" in names else range(first + 1, first + 1 + len(rows))
    )
    logged = [n for n in names if n not in ("id", "dossier_id")]
    texts = json_rows(logged, list(map(_getter([names.index(n) for n in logged]), tuples)))
    dossiers = (
        [t[names.index("dossier_id")] for t in tuples]
        if "dossier_id" in names
        else [None] * len(rows)
    )
    op_id = repo.log.op_id if repo.log is not None else None
    insert_rows(
        db,
        "changes",
        _IMPORTED,
        [
            (table, row_id, dossier_id, "insert", "import", op_id, text)
            for row_id, dossier_id, text in zip(ids, dossiers, texts, strict=True)
        ],
    )
    if repo.log is not None:
        repo.log.note_added(table, ids)
    for dossier_id in set(dossiers):
        repo._touched(dossier_id)


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
    at = names.index("id")
    return {row[at]: dict(zip(names, row, strict=True)) for row in rows}


def delete_records(repo: Repository[Any], ids: Iterable[int]) -> int:
    """Repository.delete_many: deleted by id ranges, each record audited whole (undo
    puts it back from that)."""
    db, table = repo.db, repo.table
    names, rows = _select(repo, ids)
    at = names.index("id")
    present = [row[at] for row in rows]
    db.conn.executemany(f"DELETE FROM [{table}] WHERE id BETWEEN ? AND ?", id_ranges(present))
    dossier_at = names.index("dossier_id") if repo._scoped else at
    op_id = repo.log.op_id if repo.log is not None else None
    insert_rows(
        db,
        "changes",
        _DELETED,
        [
            (table, row[at], row[dossier_at], "delete", op_id, text)
            for row, text in zip(rows, json_rows(names, rows), strict=True)
        ],
    )
    if repo.log is not None:
        for row in rows:
            repo.log.note("delete", table, row[at], dict(zip(names, row, strict=True)), None)
    if repo._scoped:
        for dossier_id in {row[dossier_at] for row in rows}:
            repo._touched(dossier_id)
    return len(rows)
