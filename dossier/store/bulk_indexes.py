"""A large insert without the table's secondary indexes and search trigger, which are
built again afterwards in the same transaction (issue 15, Speed; item 6).

SQLite keeps each index in order as rows arrive: on the trade table's six indexes
and its search trigger an import of 135,000 figures spent about 1.85 s of its 2.7 s
of insert there. Built again from the finished table (one sort per index) and the
search index filled by one INSERT ... SELECT, the same work costs far less.

All of it happens inside the caller's write transaction, in a savepoint of its own:
other processes see the indexes and trigger as they were until the commit, which
brings them back with the rows; a failure or a cancel anywhere in between rolls the
savepoint back, indexes, trigger and rows alike. The indexes and triggers are re-made
from their own SQL in `sqlite_master`, so a migration that changes them needs nothing
here; a trigger whose body is not one `INSERT ... VALUES (new....)` is left to fire.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from dossier.store.db import Db

# Below this many rows the indexes are kept up as the rows arrive: building six
# indexes again costs something even on an empty table.
MIN_ROWS = 20_000

# Patterns as text, compiled (and kept) by `re` when first used: compiling them at
# import cost every start of the app ~3 M instructions, and only large writes use them.
_ROW_TRIGGER = (
    r"CREATE TRIGGER \S+ AFTER INSERT ON \S+ BEGIN\s+"
    r"(?P<insert>INSERT INTO [^;()]+\([^;()]*\))\s+VALUES\s*\((?P<values>[^;]*)\);\s*END"
)
_ROW_DELETE = (
    r"CREATE TRIGGER \S+ AFTER DELETE ON \S+ BEGIN\s+"
    r"DELETE FROM (?P<target>[^\s;]+) WHERE rowid = (?P<key>[^;]*);\s*END"
)
_FLAGS = re.DOTALL | re.IGNORECASE


def worth_it(adding: int, existing: int) -> bool:
    """Whether an insert of `adding` rows into a table of about `existing` rows goes
    faster without its indexes: large, and at least as large as the table (building
    an index again reads the whole table, the rows already there included)."""
    return adding >= MIN_ROWS and adding >= existing


def set_wise(table: str, trigger_sql: str) -> str | None:
    """The trigger's `INSERT ... VALUES (new.…)` as one `INSERT ... SELECT` over the
    table's rows with ids between ?1 and ?2 (ascending, as the trigger ran), or None
    where its body is anything else."""
    found = re.fullmatch(_ROW_TRIGGER, trigger_sql.strip(), _FLAGS)
    if found is None:
        return None
    return (
        f"{found['insert']} SELECT {found['values']} FROM [{table}] AS new "
        "WHERE new.id BETWEEN ?1 AND ?2 ORDER BY new.id"
    )


def set_wise_delete(table: str, trigger_sql: str) -> str | None:
    """The AFTER DELETE trigger's `DELETE FROM ... WHERE rowid = <old.…>` as one
    DELETE of the keys of the rows with ids between ?1 and ?2 (run before those rows
    go), or None where its body is anything else."""
    found = re.fullmatch(_ROW_DELETE, trigger_sql.strip(), _FLAGS)
    if found is None:
        return None
    return (
        f"DELETE FROM {found['target']} WHERE rowid IN (SELECT {found['key']} "
        f"FROM [{table}] AS old WHERE old.id BETWEEN ?1 AND ?2)"
    )


@contextmanager
def without_indexes(db: Db, table: str) -> Iterator[list[tuple[int, int]]]:
    """Inside: `table` has no secondary index and no AFTER INSERT trigger of the
    `set_wise` kind; the caller adds the (first, last) id ranges it inserted to the
    list given. After: the triggers' work done for those rows, then the indexes and
    triggers made again from the same SQL."""
    with _dropped(db, table, set_wise) as fills:
        added: list[tuple[int, int]] = []
        yield added
        for fill in fills:
            db.conn.executemany(fill, added)


def delete_ranges(db: Db, table: str, ranges: list[tuple[int, int]], deleting: int) -> None:
    """DELETE the rows of `table` with ids in `ranges` (`deleting` of them). When
    `worth_it` (the undo of a large import): the indexes and the AFTER DELETE trigger
    dropped meanwhile, the trigger's work done set-wise, then both made again."""
    delete = f"DELETE FROM [{table}] WHERE id BETWEEN ? AND ?"
    if deleting < MIN_ROWS:  # no count needed
        db.conn.executemany(delete, ranges)
        return
    remaining = db.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0] - deleting
    if not worth_it(deleting, remaining):
        db.conn.executemany(delete, ranges)
        return
    with _dropped(db, table, set_wise_delete) as fills:
        for fill in fills:
            db.conn.executemany(fill, ranges)
        db.conn.executemany(delete, ranges)


@contextmanager
def _dropped(db: Db, table: str, rewrite: Callable[[str, str], str | None]) -> Iterator[list[str]]:
    """`table` without its secondary indexes and the triggers `rewrite` can do
    set-wise (their set-wise SQL given); all made again from the same SQL after,
    unless something inside raises: then the savepoint puts everything back."""
    schema = db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL "
        "AND type IN ('index', 'trigger') ORDER BY rowid",
        [table],
    ).fetchall()
    indexes = [(name, sql) for kind, name, sql in schema if kind == "index"]
    triggers = [
        (name, sql, fill)
        for kind, name, sql in schema
        if kind == "trigger" and (fill := rewrite(table, sql)) is not None
    ]
    with db.atomic():  # a savepoint: an error or a cancel inside puts all of it back
        for name, _sql in indexes:
            db.execute(f"DROP INDEX [{name}]")
        for name, _sql, _fill in triggers:
            db.execute(f"DROP TRIGGER [{name}]")
        yield [fill for _name, _sql, fill in triggers]
        for _name, sql in indexes:
            db.execute(sql)
        for _name, sql, _fill in triggers:
            db.execute(sql)
