"""The Store: one open store file and a repository per entity."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dossier.model import (
    DOSSIER,
    DOSSIER_PARTS,
    EVENT,
    OFFICIAL,
    PROJECT,
    SOURCE,
    TALKING_POINT,
    TRADE,
    Dossier,
    EntitySpec,
    Event,
    Official,
    Project,
    Source,
)
from dossier.said import Said, said
from dossier.store import migrations
from dossier.store.db import Db
from dossier.store.errors import NotFound, StoreError
from dossier.store.oplog import Changes, Operation, OperationLog
from dossier.store.points import TalkingPoints
from dossier.store.private import private_connect
from dossier.store.repository import Repository
from dossier.store.search import SearchHit, search
from dossier.store.trade import TradeFigures

if TYPE_CHECKING:
    from dossier.store.briefs import BriefRecords


def plain_with_passphrase(path: object) -> Said:
    """The notice for a passphrase given to a plain store (opened without one)."""
    return said(
        "A passphrase was given but {path} is not encrypted: it was opened without one "
        "(`dossier encrypt` encrypts it).",
        "Пароль указан, но {path} не зашифрован: он открыт без него "
        "(зашифровать его можно командой `dossier encrypt`).",
        path=path,
    )


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Store:
    """A migrated store with one repository per entity; returns plain dataclasses."""

    def __init__(self, db: Db, path: Path | None = None):
        self.db = db
        self.path = path
        # Every write belongs to an operation of this log (see dossier.store.oplog).
        self.log = OperationLog(db)
        log, touch = self.log, self._touch
        self.dossiers: Repository[Dossier] = Repository(db, DOSSIER, touch, log)
        self.sources: Repository[Source] = Repository(db, SOURCE, touch, log)
        self.officials: Repository[Official] = Repository(db, OFFICIAL, touch, log)
        self.trade = TradeFigures(db, TRADE, touch, log)  # its own sums (pair_sums, ...)
        self.projects: Repository[Project] = Repository(db, PROJECT, touch, log)
        self.talking_points = TalkingPoints(db, TALKING_POINT, touch, log)
        self.events: Repository[Event] = Repository(db, EVENT, touch, log)
        self._briefs: BriefRecords | None = None
        # One-line notices from opening (a looser file mode tightened, an interrupted
        # conversion settled), for the CLI or the window to show.
        self.notices: list[str] = []
        # A passphrase was given but the store is plain: the window offers to encrypt it.
        self.passphrase_ignored = False

    @property
    def briefs(self) -> BriefRecords:
        """What each brief printed (store/briefs.py): loaded when a brief is first made
        or read, not on every opening (~2.5 M instructions of every start)."""
        if self._briefs is None:
            from dossier.store.briefs import BriefRecords

            self._briefs = BriefRecords(self.db)
        return self._briefs

    def _touch(self, dossier_id: int | None) -> None:
        if dossier_id is not None:
            self.db.execute("UPDATE dossiers SET updated_at = ? WHERE id = ?", [_now(), dossier_id])

    def repo(self, spec: EntitySpec) -> Repository[Any]:
        repos: dict[str, Repository[Any]] = {
            "dossier": self.dossiers,
            "source": self.sources,
            "official": self.officials,
            "trade": self.trade,
            "project": self.projects,
            "talking_point": self.talking_points,
            "event": self.events,
        }
        return repos[spec.name]

    @contextlib.contextmanager
    def transaction(self, label: str | None = None) -> Iterator[Changes]:
        """Several writes as one user action (one undoable operation): all land, or none."""
        with self.log.operation(label) as changes:
            yield changes

    def wait_until_writable(self) -> None:
        """Wait for the write lock as a change would, and let it go at once: StoreBusy
        (after the busy timeout) or a read-only StoreError before any work is done,
        such as a backup taken ahead of a change that could not be made."""
        with self.db.atomic():
            pass

    def undo(self, origin: str | None = None) -> Changes:
        """Take back the newest operation (of `origin` only, if given; UndoConflict if
        its records changed since, NothingToUndo if there is none)."""
        from dossier.store import undo

        return undo.undo(self, origin)

    def redo(self, origin: str | None = None) -> Changes:
        from dossier.store import undo

        return undo.redo(self, origin)

    def history(self, dossier_id: int | None = None, limit: int = 20) -> list[Operation]:
        return self.log.history(dossier_id, limit)

    def file_replaced(self) -> bool:
        """True once the store file on disk is no longer the one this store has open
        (replaced or removed by another program); writes are then refused."""
        from dossier.store import live

        key = self.db._live_key
        return key is not None and live.file_key(self.db._live_path) != key

    def outside_version(self) -> int:
        """A number that moves whenever another connection or process commits to the file
        (SQLite's data_version; this connection's own commits leave it as it is)."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    @property
    def schema_version(self) -> int:
        return migrations.schema_version(self.db)

    def close(self) -> None:
        self.db.close()

    # -- finding things ----------------------------------------------------
    def search(
        self,
        text: str,
        *,
        limit: int = 50,
        dossier_id: int | None = None,
        kinds: tuple[str, ...] | None = None,
    ) -> list[SearchHit]:
        return search(self.db, text, limit=limit, dossier_id=dossier_id, kinds=kinds)

    def find_dossier(self, key: str) -> Dossier:
        """A dossier by ISO code (AZ) or by name in either language, any case."""
        wanted = key.strip().casefold()
        for d in self.dossiers.list():
            if wanted in (d.code.casefold(), d.name.casefold(), (d.name_en or "").casefold()):
                return d
        raise NotFound(
            said(
                "No dossier for “{key}”. Try `dossier list` to see the codes.",
                "Досье «{key}» нет. Список кодов выдаёт `dossier list`.",
                key=key,
            )
        )

    def citing(self, source_id: int) -> list[tuple[EntitySpec, Any]]:
        """Every fact that cites a source, so the user can see what depends on it."""
        out: list[tuple[EntitySpec, Any]] = []
        for spec in DOSSIER_PARTS:  # the events included
            if spec is SOURCE:
                continue
            out += [
                (spec, r) for r in self.repo(spec).list(where="source_id = ?", params=[source_id])
            ]
        return out

    def changes(
        self, dossier_id: int | None = None, since: str | None = None, limit: int = 1000
    ) -> list[dict[str, Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if dossier_id is not None:
            clauses.append("dossier_id = ?")
            params.append(dossier_id)
        if since:
            clauses.append("at >= ?")
            params.append(since)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        return list(
            self.db.query(
                f"SELECT * FROM changes{where} ORDER BY id DESC LIMIT ?", [*params, limit]
            )
        )

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity and foreign-key checks, and where the
        schema differs from the one the migrations make (empty: healthy)."""
        from dossier.store.connection import db_errors

        conn = self.db.conn
        # One snapshot for every check. FTS5 keeps what it last read of the search
        # index across statements and SQLite's integrity check does not refresh it: a
        # commit by another process in between reads as "checksum mismatch". A search
        # refreshes it for this snapshot.
        conn.execute("BEGIN")
        try:
            with contextlib.suppress(*db_errors()):
                conn.execute(
                    "SELECT count(*) FROM search_index WHERE search_index MATCH 'x'"
                ).fetchone()
            problems = [
                row[0]
                for row in conn.execute("PRAGMA integrity_check").fetchall()
                if row[0] != "ok"
            ]
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall():
                problems.append(f"{table} row {rowid} points to a missing {parent} record")
            problems += self._unreadable_text()
        finally:
            conn.execute("COMMIT")
        try:
            self.db.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")
        except Exception as exc:
            problems.append(f"search index: {exc}")
        from dossier.store.schema_check import schema_drift

        return problems + schema_drift(self.db.utils)

    def _unreadable_text(self) -> list[str]:
        """Tables holding text that is not valid UTF-8 (SQLite stores it; Python cannot read it)."""
        from dossier.store.connection import db_errors

        found = []
        for spec in (DOSSIER, *DOSSIER_PARTS, EVENT):
            cursor = self.db.execute(f"SELECT * FROM [{spec.table}]")
            try:
                while cursor.fetchmany(500):
                    pass
            except db_errors(UnicodeError) as exc:
                found.append(f"table {spec.table}: {' '.join(str(exc).split())}")
        return found


def open_store(path: Path | str, *, create: bool = True, passphrase: str | None = None) -> Store:
    """Open (and migrate) the store at `path`; StoreError with the reason if it can't be.

    An encrypted store needs its `passphrase` (PassphraseNeeded without one; one
    clear "Wrong passphrase or damaged file" with a wrong one, nothing written).
    A new store is created encrypted when a passphrase is given; an existing plain
    store opens plain whatever the passphrase. A damaged file raises DamagedStore
    before anything is written.
    """
    from dossier.store.connection import DamagedStore
    from dossier.store.crypto import PassphraseNeeded, is_encrypted
    from dossier.store.integrity import schema_problems

    path = Path(path) if str(path) != ":memory:" else path
    notices: list[str] = []
    if isinstance(path, Path):
        from dossier.store.private import settle_and_tighten

        # Before the encryption is judged: an interrupted conversion may change it.
        notices = settle_and_tighten(path)
        if not path.exists() and not create:
            raise StoreError(said("No store at {path}.", "Хранилища {path} нет.", path=path))
        if path.exists() and path.is_dir():
            raise StoreError(
                said(
                    "{path} is a folder, not a store file.",
                    "{path} — это папка, а не файл хранилища.",
                    path=path,
                )
            )
        if not path.exists():
            from dossier.files import private_dir

            private_dir(path.parent)
        elif is_encrypted(path):
            if not passphrase:
                raise PassphraseNeeded(
                    said(
                        "{path} is encrypted: its passphrase is needed.",
                        "{path} зашифрован: нужен его пароль.",
                        path=path,
                    )
                )
            from dossier.store.rekey import upgrade_key

            notices.append(upgrade_key(path, passphrase) or "")  # a PBKDF2 key of old
        elif path.stat().st_size:
            if passphrase:
                notices.append(plain_with_passphrase(path))
            passphrase = None  # a plain store stays plain
    else:
        passphrase = None
    db = private_connect(path, passphrase)
    try:
        migrations.migrate(db)
        problems = schema_problems(db)
    except BaseException:
        db.close()
        raise
    if problems and isinstance(path, Path):
        db.close()
        raise DamagedStore.found(path, problems)
    store = Store(db, path if isinstance(path, Path) else None)
    store.notices = [n for n in notices if n]
    store.passphrase_ignored = plain_with_passphrase(path) in notices
    return store


def memory_store() -> Store:
    """A migrated in-memory store, for tests and previews."""
    return open_store(":memory:")
