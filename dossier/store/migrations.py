"""Numbered SQL migrations, each applied atomically with its user_version bump."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from dossier.paths import migrations_dir
from dossier.said import said
from dossier.store.connection import db_errors
from dossier.store.db import Db
from dossier.store.errors import NewerSchema, StoreError
from dossier.value_methods import Hashed
from dossier.written_init import record_class

_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")


@record_class(frozen=True)
class Migration(Hashed):
    """One schema change: its version and its SQL file."""

    version: int
    path: Path

    def statements(self) -> list[str]:
        """The file's statements; triggers (BEGIN ... END) stay whole."""
        out, pending = [], ""
        for line in self.path.read_text(encoding="utf-8").splitlines(keepends=True):
            if not pending and line.lstrip().startswith("--"):
                continue
            pending += line
            if sqlite3.complete_statement(pending):
                out.append(pending.strip())
                pending = ""
        if pending.strip():
            raise StoreError(
                said(
                    "Migration {name} ends in an unfinished statement.",
                    "Миграция {name} заканчивается незавершённой инструкцией.",
                    name=self.path.name,
                )
            )
        return out


def available(directory: Path | None = None) -> list[Migration]:
    directory = directory or migrations_dir()
    found = []
    for path in sorted(directory.glob("*.sql")):
        m = _NAME.match(path.name)
        if m:
            found.append(Migration(int(m[1]), path))
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(
            said(
                "Migrations in {directory} are not numbered 0001, 0002, ...",
                "Миграции в {directory} пронумерованы не по порядку 0001, 0002, ...",
                directory=directory,
            )
        )
    return found


def schema_version(db: Db) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def latest_version(directory: Path | None = None) -> int:
    return len(available(directory))


def migrate(db: Db, directory: Path | None = None) -> list[int]:
    """Bring the schema up to date; returns the versions applied.

    Each migration and its user_version bump commit together, so a failure or a
    power cut leaves the store at the previous version, untouched.
    """
    migrations = available(directory)
    current = schema_version(db)
    if current > len(migrations):
        raise NewerSchema(
            said(
                "This store was written by a newer version of Dossier (schema {current}; "
                "this app knows up to {known}). Update Dossier to open it; "
                "the file has not been changed.",
                "Это хранилище записано более новой версией Dossier (схема {current}; "
                "эта программа знает схемы до {known}). Чтобы открыть его, обновите Dossier; "
                "файл не изменён.",
                current=current,
                known=len(migrations),
            )
        )
    applied = []
    for migration in migrations[current:]:
        statements = migration.statements()
        conn = db.conn
        conn.execute("BEGIN IMMEDIATE")
        if schema_version(db) >= migration.version:
            # Another process (a second window, a CLI command) applied it while this
            # one waited for the write lock.
            conn.execute("COMMIT")
            current = max(current, migration.version)
            continue
        try:
            for sql in statements:
                conn.execute(sql)
            conn.execute(f"PRAGMA user_version = {migration.version}")
        except BaseException as exc:
            conn.execute("ROLLBACK")
            if isinstance(exc, db_errors()):
                raise StoreError(
                    said(
                        "Upgrading the store to schema {version} failed ({exc}); "
                        "it stays at schema {current}, unchanged.",
                        "Не удалось обновить хранилище до схемы {version} ({exc}); "
                        "оно осталось на схеме {current} без изменений.",
                        version=migration.version,
                        exc=exc,
                        current=current,
                    )
                ) from exc
            raise
        conn.execute("COMMIT")
        current = migration.version
        applied.append(migration.version)
    return applied
