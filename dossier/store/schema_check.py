"""`dossier check`'s comparison of a store's whole schema with what the migrations make.

SQLite's integrity check reads pages; it cannot know which indexes and triggers a
Dossier store should have. A store whose search trigger was dropped (by a tool, a
hand-made repair, a damaged schema text that still parses) opens and passes
`integrity_check`, and every record added afterwards is silently missing from
search; a dropped index makes lists and charts read every row. So `check` compares
the file with a reference store built in memory by the same numbered migrations,
through sqlite-utils' introspection (tables, columns, indexes, triggers): the work
it does well. Only `check` pays for it: sqlite-utils is not imported on the way to
the first window (store/db.py).
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Shape(NamedTuple):
    """What a schema holds, by name."""

    columns: dict[str, dict[str, str]]  # table -> column -> declared type
    indexes: dict[str, tuple[str, tuple[str | None, ...], bool, bool]]  # name -> table, cols, …
    triggers: dict[str, tuple[str, str]]  # name -> (table, normalised SQL)


def shape_of(utils: Any) -> Shape:
    """The shape of the schema behind a sqlite-utils `Database`."""
    columns: dict[str, dict[str, str]] = {}
    indexes: dict[str, tuple[str, tuple[str | None, ...], bool, bool]] = {}
    for name in utils.table_names():
        table = utils[name]
        columns[name] = {c.name: (c.type or "").upper() for c in table.columns}
        for index in table.indexes:
            if index.origin != "c":  # made by SQLite for a PRIMARY KEY or UNIQUE column
                continue
            indexes[index.name] = (
                name,
                tuple(index.columns),
                bool(index.unique),
                bool(index.partial),
            )
    triggers = {t.name: (t.table, " ".join((t.sql or "").split())) for t in utils.triggers}
    return Shape(columns, indexes, triggers)


_reference: Shape | None = None


def reference_shape() -> Shape:
    """The shape this version's migrations give a new store (built once per process)."""
    global _reference
    if _reference is None:
        from dossier.store.facade import memory_store

        store = memory_store()
        try:
            _reference = shape_of(store.db.utils)
        finally:
            store.close()
    return _reference


def _trigger_role(sql: str) -> str:
    if "search_index" in sql:
        return "search would miss changes made to that table from now on"
    return "the store would stop doing what it does on each change of that table"


def schema_drift(utils: Any, reference: Shape | None = None) -> list[str]:
    """What differs from a new store's schema, worded for the user (empty: the same).

    Missing or changed tables, columns, indexes and triggers are problems, and so is
    a trigger Dossier does not make (it would run on every write). An extra index or
    table is not: it changes no record.
    """
    want = reference or reference_shape()
    have = shape_of(utils)
    problems: list[str] = []
    for table, wanted in want.columns.items():
        got = have.columns.get(table)
        if got is None:
            problems.append(f"table {table} is missing")
            continue
        for column, kind in wanted.items():
            if column not in got:
                problems.append(f"table {table} has no column {column}")
            elif got[column] != kind:
                problems.append(
                    f"column {table}.{column} is declared {got[column] or 'without a type'}, "
                    f"not {kind or 'without a type'}"
                )
        for column in sorted(set(got) - set(wanted)):
            problems.append(f"table {table} has a column Dossier does not make ({column})")
    for name, (table, cols, unique, partial) in want.indexes.items():
        found = have.indexes.get(name)
        if found is None:
            if table in have.columns:
                problems.append(
                    f"index {name} on {table} is missing: lists, searches and charts of "
                    "that table read every row"
                )
        elif found != (table, cols, unique, partial):
            problems.append(f"index {name} on {table} is not the one Dossier makes")
    for name, (table, sql) in want.triggers.items():
        found_trigger = have.triggers.get(name)
        if found_trigger is None:
            problems.append(f"trigger {name} on {table} is missing: {_trigger_role(sql)}")
        elif found_trigger != (table, sql):
            problems.append(f"trigger {name} on {table} is not the one Dossier makes")
    for name in sorted(set(have.triggers) - set(want.triggers)):
        table = have.triggers[name][0]
        problems.append(
            f"trigger {name} on {table} is not made by Dossier: it runs on every change "
            "of that table"
        )
    return problems
