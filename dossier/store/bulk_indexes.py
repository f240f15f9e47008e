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

import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

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
_FTS5 = r"CREATE VIRTUAL TABLE \S+ USING fts5\s*\((?P<args>.*)\)"
_FLAGS = re.DOTALL | re.IGNORECASE
T = TypeVar("T")
_KEPT = "dossier_search_kept"  # a temporary table: the rows a search index keeps


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
    parts = _delete_parts(table, trigger_sql)
    return None if parts is None else parts[0]


def _delete_parts(table: str, trigger_sql: str) -> tuple[str, str, str] | None:
    """set_wise_delete's DELETE, with the table it deletes from and the key (of `old`)."""
    found = re.fullmatch(_ROW_DELETE, trigger_sql.strip(), _FLAGS)
    if found is None:
        return None
    target, key = found["target"], found["key"]
    return (
        f"DELETE FROM {target} WHERE rowid IN (SELECT {key} "
        f"FROM [{table}] AS old WHERE old.id BETWEEN ?1 AND ?2)",
        target,
        key,
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
    with _dropped(db, table, _delete_parts) as fills:
        for fill, target, key in fills:
            if not _made_again(db, table, target, key, ranges, deleting):
                db.conn.executemany(fill, ranges)
        db.conn.executemany(delete, ranges)


def _made_again(
    db: Db, table: str, target: str, key: str, ranges: list[tuple[int, int]], deleting: int
) -> bool:
    """The rows of `target` whose rowid is the `key` of a row of `table` (as `old`) in
    `ranges` removed by making `target` again with the rows it keeps, where that is quicker and
    loses nothing: a full-text (FTS5) table holding its own text, with no setting but
    its version, that loses at least as many rows as it keeps. An FTS5 delete reads
    and tokenizes the text of each row it removes (0.6 s of the undo of an import of
    135,000 figures); making the table again tokenizes the rows kept. False (nothing
    done): the caller deletes them."""
    name = target.strip('[]"`')
    row = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [name]
    ).fetchone()
    made = re.fullmatch(_FTS5, (row[0] or "").strip(), _FLAGS) if row else None
    if made is None or re.search(r"\bcontent(_rowid)?\s*=", made["args"], _FLAGS):
        return False  # not FTS5, or its text kept elsewhere (or nowhere)
    if db.execute(f"SELECT count(*) FROM [{name}_config] WHERE k <> 'version'").fetchone()[0]:
        return False  # a setting (automerge, rank, ...) that making it again would lose
    if not worth_it(
        deleting, db.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0] - deleting
    ):
        return False
    columns = ", ".join(f"[{r[1]}]" for r in db.execute(f"PRAGMA table_info([{name}])"))
    keys = (
        f"SELECT {key} FROM [{table}] AS old, json_each(?) AS r WHERE old.id "
        "BETWEEN json_extract(r.value, '$[0]') AND json_extract(r.value, '$[1]')"
    )
    db.execute(f"DROP TABLE IF EXISTS temp.[{_KEPT}]")
    db.execute(
        f"CREATE TEMP TABLE [{_KEPT}] AS SELECT rowid AS key_, {columns} FROM [{name}] "
        f"WHERE rowid NOT IN ({keys}) ORDER BY rowid",
        [json.dumps(ranges)],
    )
    db.execute(f"DROP TABLE [{name}]")
    db.execute(row[0])
    db.execute(f"INSERT INTO [{name}](rowid, {columns}) SELECT * FROM temp.[{_KEPT}]")
    db.execute(f"DROP TABLE temp.[{_KEPT}]")
    return True


@contextmanager
def _dropped(db: Db, table: str, rewrite: Callable[[str, str], T | None]) -> Iterator[list[T]]:
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
