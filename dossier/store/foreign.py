"""Opening an SQLite file someone else made (a colleague's .dossier, a backup given by
path) without trusting it.

A crafted database can make a harmless-looking read run forever or eat memory: a
view over a recursive query, a generated column, a trigger or an index calling
functions. So a foreign file is opened

* only below a size limit (checked before it is opened);
* read-only and immutable (no lock, no journal, nothing written beside it);
* with `trusted_schema = OFF` (functions in its schema cannot run), `query_only`,
  and on Python's sqlite3 a cap on the length of any value;
* with a progress handler that interrupts any statement after a budget of
  virtual-machine steps;

and its schema is checked before any record is read: our tables must be plain
tables with the columns this version knows (no hidden or generated ones), and
there must be no view and no trigger we did not create.
"""

from __future__ import annotations

import sqlite3
import urllib.parse
from pathlib import Path
from typing import Any

from dossier.said import Said, said
from dossier.store.connection import configure, db_errors, sql_string
from dossier.store.db import Db
from dossier.store.errors import StoreError, WrongPassphrase

# Larger than any real dossier (a 100,000-row dossier is a few tens of MB).
MAX_FOREIGN_BYTES = 1 << 30
# Virtual-machine steps a foreign file may cost in all, counted per 10,000.
STEP_CHUNK = 10_000
STEP_BUDGET = 20_000  # 200 million steps: far more than reading any real dossier
MAX_VALUE_BYTES = 64 << 20  # a 20 MB photo is the largest value a store holds


class ForeignFileError(StoreError):
    """A foreign file that is refused: too big, crafted, or not one of ours."""


class ForeignWrongPassphrase(ForeignFileError, WrongPassphrase):
    """The passphrase given does not open the foreign file."""


class _Budget:
    def __init__(self) -> None:
        self.left = STEP_BUDGET
        self.spent = False

    def __call__(self) -> int:
        self.left -= 1
        if self.left < 0:
            self.spent = True
            return 1  # non-zero interrupts the running statement
        return 0


def _uri(path: Path) -> str:
    return f"file:{urllib.parse.quote(str(path.resolve()))}?mode=ro&immutable=1"


def open_foreign(path: Path | str, passphrase: str | None = None) -> Db:
    """A read-only, defensive connection to the foreign file at `path` whose schema
    passed `foreign_problems`; ForeignFileError (one line) otherwise."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_FOREIGN_BYTES:
        raise ForeignFileError(
            said(
                "{name} is {mb:,.0f} MB, larger than any dossier "
                "({most:,.0f} MB at most); it was not opened.",
                "{name} занимает {mb:,.0f} МБ — больше любого досье "
                "(не больше {most:,.0f} МБ); файл не открыт.",
                name=path.name,
                mb=size / 1e6,
                most=MAX_FOREIGN_BYTES / 1e6,
            )
        )
    if passphrase is None:
        conn: Any = sqlite3.connect(_uri(path), uri=True, isolation_level=None)
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    else:
        from sqlcipher3 import dbapi2

        conn = dbapi2.connect(_uri(path), uri=True, isolation_level=None)
    budget = _Budget()
    try:
        conn.set_progress_handler(budget, STEP_CHUNK)
        if passphrase is not None:
            conn.execute("PRAGMA cipher_log_level = NONE")
            from dossier.store.keys import key_for

            conn.execute(f"PRAGMA key = {sql_string(key_for(path, passphrase, probe=conn))}")
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA query_only = ON")
        db = configure(conn)
        problems = foreign_problems(db)
    except db_errors() as exc:
        conn.close()
        if budget.spent:
            raise ForeignFileError(too_much_work(path)) from None
        if passphrase is not None:
            from dossier.store.errors import wrong_passphrase

            raise ForeignWrongPassphrase(wrong_passphrase(path.name)) from None
        raise ForeignFileError(
            said(
                "{name} is not a Dossier file or is damaged ({exc}).",
                "{name} не файл Dossier или повреждён ({exc}).",
                name=path.name,
                exc=exc,
            )
        ) from None
    except BaseException:
        conn.close()
        raise
    if problems:
        conn.close()
        more = (
            said(" (and {n} more)", " (и ещё {n})", n=len(problems) - 1)
            if len(problems) > 1
            else Said("", "")
        )
        raise ForeignFileError(
            said(
                "{name} was refused: {problem}{more}. Nothing was changed.",
                "{name} отклонён: {problem}{more}. Ничего не изменено.",
                name=path.name,
                problem=problems[0],
                more=more,
            )
        )
    db.budget = budget  # type: ignore[attr-defined]
    return db


def too_much_work(path: Path) -> Said:
    """The refusal of a file whose reading ran out of its work budget."""
    return said(
        "{name} takes too much work to read: a crafted or damaged file. Nothing was changed.",
        "Чтение {name} требует слишком много работы: файл подделан или повреждён. "
        "Ничего не изменено.",
        name=path.name,
    )


def interrupted(db: Db) -> bool:
    """Whether the last error on `db` came from the work budget running out."""
    return bool(getattr(getattr(db, "budget", None), "spent", False))


def _our_schema() -> tuple[set[str], set[str]]:
    """The names of the tables and triggers our migrations create (the same reference
    store `dossier check` compares with, built once per process)."""
    from dossier.store.schema_check import reference_shape

    ours = reference_shape()
    return set(ours.columns), set(ours.triggers)


def foreign_problems(db: Db) -> list[str]:
    """What makes a foreign file unsafe or not ours to read (empty: fine)."""
    from dossier.store import migrations
    from dossier.store.integrity import schema_problems

    tables, triggers = _our_schema()
    problems: list[str] = []
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > migrations.latest_version():
        problems.append(
            said(
                "it was written by a newer version of Dossier",
                "он записан более новой версией Dossier",
            )
        )
    for kind, name, sql in db.execute("SELECT type, name, sql FROM sqlite_master").fetchall():
        if kind == "view":
            problems.append(
                said(
                    "it holds a view ({name}), which Dossier files never have",
                    "в нём есть представление ({name}), какого в файлах Dossier не бывает",
                    name=name,
                )
            )
        elif kind == "trigger" and name not in triggers:
            problems.append(
                said(
                    "it holds a trigger Dossier does not make ({name})",
                    "в нём есть триггер, которого Dossier не создаёт ({name})",
                    name=name,
                )
            )
        elif (
            kind == "table"
            and name in tables - {"search_index"}
            and (sql or "").lstrip().upper().startswith("CREATE VIRTUAL")
        ):
            problems.append(
                said("{name} is not a plain table", "{name} не обычная таблица", name=name)
            )
    for table in tables - {"search_index"}:
        for row in db.execute(f"PRAGMA table_xinfo({sql_string(table)})").fetchall():
            if row[6]:  # hidden: a generated column, computed on every read
                problems.append(
                    said(
                        "table {table} has a computed column ({column})",
                        "в таблице {table} есть вычисляемый столбец ({column})",
                        table=table,
                        column=row[1],
                    )
                )
    if not problems and version == migrations.latest_version():
        # An older file is migrated on a copy, whose open checks its tables then.
        problems = schema_problems(db)
    return problems


def exchange_info(db: Db) -> dict[str, str]:
    """The key/value table a .dossier file carries about itself (empty if none)."""
    present = db.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'exchange_info'"
    ).fetchone()[0]
    if not present:
        return {}
    return {str(k): str(v) for k, v in db.execute("SELECT key, value FROM exchange_info")}


def seal_exchange(store: Any, info: dict[str, str]) -> None:
    """Finish a .dossier file written through `store`: no audit trail (the colleague
    needs none), its `exchange_info`, and one self-contained file (no WAL beside it)."""
    db = store.db
    db.execute("DELETE FROM changes")
    db.execute("CREATE TABLE exchange_info (key TEXT PRIMARY KEY, value TEXT)")
    db.conn.executemany("INSERT INTO exchange_info VALUES (?, ?)", list(info.items()))
    db.execute("PRAGMA journal_mode = DELETE")
