"""The store's database handle: the few calls every start makes, sqlite-utils for the rest.

Opening a window reads a handful of rows. Importing sqlite-utils and building its
`Database` costs more than that (~120 ms: click, dateutil, and a scan of every
installed package's entry points for plugins), so the calls made on every start
(execute, query, atomic, close) go straight to the driver connection, and
anything else (tables, inserts, `table_names()`, ...) reaches a sqlite-utils
`Database` made over the same connection on first use.
"""

from __future__ import annotations

import contextlib
import itertools
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from dossier.store.errors import StoreError

_savepoints = itertools.count(1)


def _import_sqlite_utils() -> Any:
    if "numpy" in sys.modules:
        import sqlite_utils

        return sqlite_utils
    # sqlite-utils imports numpy (150+ ms) only to map numpy types to column types;
    # the store never passes numpy values. A None entry makes that optional import
    # fail fast; numpy stays importable later.
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils
    finally:
        del sys.modules["numpy"]
    return sqlite_utils


def _raise_busy(exc: BaseException) -> None:
    """A StoreError worded for the user in place of the driver's "database is locked"
    (StoreBusy), "disk I/O error" or "database or disk is full" (nothing was written)."""
    from dossier.store.errors import StoreBusy, driver_message, is_busy

    if is_busy(exc):
        raise StoreBusy() from None
    text = str(exc).lower()
    if "disk i/o error" in text or "disk is full" in text or "readonly" in text:
        raise StoreError(driver_message(exc)) from None


class Db:
    """A store connection (sqlite3 or sqlcipher3), with sqlite-utils behind it."""

    # (device, inode) of the store file while this handle holds it (see store/live.py).
    _live_key: tuple[int, int] | None = None
    _live_path: Any = None

    def __init__(self, conn: Any):
        self.conn = conn
        self._utils: Any = None

    @property
    def utils(self) -> Any:
        """The sqlite-utils `Database` over this connection (made on first use)."""
        if self._utils is None:
            # No sqlite-utils plugin installed on this machine runs on a store's
            # connection (recursive triggers: already on, store/connection.py).
            self._utils = _import_sqlite_utils().Database(self.conn, execute_plugins=False)
        return self._utils

    def __getattr__(self, name: str) -> Any:
        # Only reached for names this class lacks: the rest of sqlite-utils' API.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.utils, name)

    def __getitem__(self, table: str) -> Any:
        return self.utils[table]

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        if parameters is None:
            return self.conn.execute(sql)
        return self.conn.execute(sql, parameters)

    def query(
        self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None
    ) -> Iterator[dict[str, Any]]:
        """Rows as dicts (column name -> value), like sqlite-utils' `query`."""
        cursor = self.execute(sql, params)
        keys = [d[0] for d in cursor.description or ()]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Db]:
        """One transaction; nested blocks are savepoints (as sqlite-utils' `atomic`)."""
        conn = self.conn
        if conn.in_transaction:
            name = f"dossier_{next(_savepoints)}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                # A RAISE(ROLLBACK) trigger can end the whole transaction, savepoint
                # included; cleaning up then would hide the real error.
                if conn.in_transaction:
                    conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        # IMMEDIATE: the write lock is taken first, while waiting is still possible.
        # A plain BEGIN reads first and asks for the lock at the first write; if
        # another process committed meanwhile SQLite cannot wait (the snapshot is
        # stale) and fails at once with "database is locked".
        try:
            conn.execute("BEGIN IMMEDIATE")
        except Exception as exc:
            _raise_busy(exc)
            raise
        try:
            # Under the write lock, so no Dossier process can swap the file now; a
            # file moved or copied over by hand must not swallow this change.
            self._refuse_if_replaced()
            yield self
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            _raise_busy(exc)
            raise
        try:
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            _raise_busy(exc)
            raise

    def _refuse_if_replaced(self) -> None:
        """StoreReplaced if the store file at this handle's path is no longer its file."""
        from dossier.store import live

        if self._live_key is None or self._live_path is None:
            return
        if live.file_key(self._live_path) != self._live_key:
            from dossier.said import said
            from dossier.store.errors import StoreReplaced

            raise StoreReplaced(
                said(
                    "The store file {path} was replaced or removed while it was "
                    "open; this change was not saved. Close the store and open it again to "
                    "see the file as it is now.",
                    "Файл хранилища {path} был заменён или удалён, пока был открыт; это "
                    "изменение не сохранено. Закройте хранилище и откройте его снова, "
                    "чтобы увидеть файл в его нынешнем виде.",
                    path=self._live_path,
                )
            )

    def close(self) -> None:
        from dossier.store import live

        path = live.forget(self)
        self.conn.close()
        if path is not None:
            from dossier.store.integrity import mark_verified

            # Closed normally: the file is as a checked Dossier connection left it.
            mark_verified(path)
