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
from collections.abc import Iterator
from contextlib import contextmanager

from dossier.store.db import Db

# Below this many rows the indexes are kept up as the rows arrive: building six
# indexes again costs something even on an empty table.
MIN_ROWS = 20_000

_ROW_TRIGGER = re.compile(
    r"CREATE TRIGGER \S+ AFTER INSERT ON \S+ BEGIN\s+"
    r"(?P<insert>INSERT INTO [^;()]+\([^;()]*\))\s+VALUES\s*\((?P<values>[^;]*)\);\s*END",
    re.DOTALL | re.IGNORECASE,
)


def worth_it(adding: int, existing: int) -> bool:
    """Whether an insert of `adding` rows into a table of about `existing` rows goes
    faster without its indexes: large, and at least as large as the table (building
    an index again reads the whole table, the rows already there included)."""
    return adding >= MIN_ROWS and adding >= existing


def set_wise(table: str, trigger_sql: str) -> str | None:
    """The trigger's `INSERT ... VALUES (new.…)` as one `INSERT ... SELECT` over the
    table's rows with ids between ?1 and ?2 (ascending, as the trigger ran), or None
    where its body is anything else."""
    found = _ROW_TRIGGER.fullmatch(trigger_sql.strip())
    if found is None:
        return None
    return (
        f"{found['insert']} SELECT {found['values']} FROM [{table}] AS new "
        "WHERE new.id BETWEEN ?1 AND ?2 ORDER BY new.id"
    )


@contextmanager
def without_indexes(db: Db, table: str) -> Iterator[list[tuple[int, int]]]:
    """Inside: `table` has no secondary index and no AFTER INSERT trigger of the
    `set_wise` kind; the caller adds the (first, last) id ranges it inserted to the
    list given. After: the triggers' work done for those rows, then the indexes and
    triggers made again from the same SQL."""
    schema = db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL "
        "AND type IN ('index', 'trigger') ORDER BY rowid",
        [table],
    ).fetchall()
    indexes = [(name, sql) for kind, name, sql in schema if kind == "index"]
    triggers = [
        (name, sql, fill)
        for kind, name, sql in schema
        if kind == "trigger" and (fill := set_wise(table, sql)) is not None
    ]
    with db.atomic():  # a savepoint: an error or a cancel inside puts all of it back
        for name, _sql in indexes:
            db.execute(f"DROP INDEX [{name}]")
        for name, _sql, _fill in triggers:
            db.execute(f"DROP TRIGGER [{name}]")
        added: list[tuple[int, int]] = []
        yield added
        for _name, _sql, fill in triggers:
            db.conn.executemany(fill, added)
        for _name, sql in indexes:
            db.execute(sql)
        for _name, sql, _fill in triggers:
            db.execute(sql)
