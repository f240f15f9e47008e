"""Encrypt, decrypt and change the passphrase of a store and all its backups as one step.

The store and its backups must never disagree: an encrypted store with a plain
backup beside it is a readable copy of everything. So a change of key is done in
two phases, with an intent journal (`<store>.rekey-journal`, JSON, no secrets):

1. prepare: the journal lists every file to change; each gets a verified copy
   under the new key, written beside it as `.<name>.rekey.part` (backups first,
   then the store, which is held exclusively from its copy to its switch);
2. commit: the journal is rewritten as committed (one atomic rename: the point of
   no return), then every copy is renamed over its file, backups before the store.

Killed anywhere, the next open (or the next command) settles it without any
passphrase: before the commit the copies are deleted (nothing changed); after it
the remaining renames are done (everything changed). A directory lock (flock)
keeps recovery from running while a conversion in another process is under way.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.plural import counted, en_count
from dossier.said import Said, said
from dossier.store.crypto import (
    _fsync_dir,
    _temp_beside,
    already_encrypted,
    already_exists,
    check_new_passphrase,
    encrypt_first,
    is_encrypted,
    not_encrypted,
    open_for_copy,
    passphrase_opens,
    stage_copy,
)
from dossier.store.errors import StoreError, wrong_passphrase

# The journal's name: the store's opening looks for one on every open, without this module.
from dossier.store.private import half_written_journals, journal_path
from dossier.value_methods import Compared

STAGED_SUFFIX = ".rekey.part"
log = logging.getLogger(__name__)


@dataclass(repr=False, eq=False)
class Outcome(Compared):
    """What a conversion changed: the backups that followed the store, and those that
    could not (another passphrase than the one given: `dossier check` names them)."""

    backups: int = 0
    left: int = 0


def staged_path(final: Path) -> Path:
    return final.with_name(f".{final.name}{STAGED_SUFFIX}")


@contextlib.contextmanager
def _folder_lock(folder: Path, *, wait: bool = True) -> Iterator[bool]:
    """An advisory lock on the store's folder for the length of a conversion or a
    recovery (released by the kernel if the process dies). Yields False when
    `wait` is False and another process holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - no flock (Windows): conversions are rare
        yield True
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # a directory, never a store file: no SQLite lock is dropped


def _write_journal(store_path: Path, state: str, op: str, moves: list[tuple[Path, Path]]) -> None:
    from dossier.files import write_atomic

    data = {"op": op, "state": state, "moves": [[str(a), str(b)] for a, b in moves]}
    write_atomic(journal_path(store_path), json.dumps(data).encode("utf-8"))


def _read_journal(store_path: Path) -> dict[str, Any] | None:
    path = journal_path(store_path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        # Written atomically, so a torn journal was never committed: roll back what
        # can be found (staged copies have a fixed name).
        return {"op": "?", "state": "prepare", "moves": []}
    return data if isinstance(data, dict) else {"op": "?", "state": "prepare", "moves": []}


def _switch(moves: list[tuple[Path, Path]]) -> None:
    """Rename every staged copy over its file (idempotent: a missing copy is done)."""
    folders = set()
    for staged, final in moves:
        if not staged.exists():
            continue
        for extra in ("-wal", "-shm", "-journal"):
            # A log of the old file would be replayed into the new one.
            Path(f"{final}{extra}").unlink(missing_ok=True)
        os.replace(staged, final)
        folders.add(final.parent)
    for folder in folders:
        _fsync_dir(folder)


def _discard(moves: list[tuple[Path, Path]], store_path: Path) -> None:
    for staged, _final in moves:
        for extra in ("", "-journal"):
            Path(f"{staged}{extra}").unlink(missing_ok=True)
    # Copies made before the journal listed them (or by a torn journal).
    from dossier.store.private import backup_dir

    for folder in (store_path.parent, backup_dir(store_path)):
        if folder.is_dir():
            for leftover in folder.glob(f".*{STAGED_SUFFIX}*"):
                leftover.unlink(missing_ok=True)


def recover_interrupted(store_path: Path | str) -> str | None:
    """Finish (after its commit) or roll back (before it) a conversion that was killed.

    Needs no passphrase. Returns a one-line account of what was done, or None when
    there was nothing to do (or another process is converting right now).
    """
    store_path = Path(store_path)
    half_written = half_written_journals(store_path)
    if half_written:
        # A journal killed while being written (it is renamed into place when whole).
        with _folder_lock(store_path.parent, wait=False) as free:
            for temp in half_written if free else []:
                temp.unlink(missing_ok=True)
    if not journal_path(store_path).exists():
        return None
    with _folder_lock(store_path.parent, wait=False) as free:
        if not free:
            return None
        journal = _read_journal(store_path)
        if journal is None:
            return None
        moves = [(Path(a), Path(b)) for a, b in journal.get("moves", [])]
        op = journal.get("op", "?")
        if journal.get("state") == "commit":
            _switch(moves)
            message = said(
                "An interrupted `{op}` of {name} was finished.",
                "Прерванная операция `{op}` над {name} доведена до конца.",
                op=op,
                name=store_path.name,
            )
        else:
            _discard(moves, store_path)
            message = said(
                "An interrupted `{op}` of {name} was undone; nothing changed.",
                "Прерванная операция `{op}` над {name} отменена; ничего не изменилось.",
                op=op,
                name=store_path.name,
            )
        journal_path(store_path).unlink(missing_ok=True)
        _fsync_dir(store_path.parent)
    log.info(message)
    return message


def _stage(conn: Any, src: Path, staged: Path, new: str | None) -> None:
    tmp = _temp_beside(staged, "stage")
    try:
        stage_copy(conn, src, tmp, new)
        os.replace(tmp, staged)
    finally:
        for extra in ("", "-journal"):
            Path(f"{tmp}{extra}").unlink(missing_ok=True)


def _convert_all(
    store_path: Path,
    op: str,
    old: str | None,
    new: str | None,
    backups: Sequence[tuple[Path, str | None]],
) -> Outcome:
    """Stage the store and `backups` (path, its current passphrase) under `new`, commit,
    switch. The store is held exclusively from its copy until its switch."""
    from dossier.store.keys import RawKey, new_key

    store_path = Path(store_path)
    recover_interrupted(store_path)
    if new is not None and not isinstance(new, RawKey):
        new = new_key(new)  # one key and header for the store and every backup
    with _folder_lock(store_path.parent):
        holder = open_for_copy(store_path, old, exclusive=True)
        moves = [(staged_path(b), b) for b, _ in backups] + [(staged_path(store_path), store_path)]
        committed = False
        try:
            _write_journal(store_path, "prepare", op, moves)
            for backup, key in backups:
                conn = open_for_copy(backup, key)
                try:
                    _stage(conn, backup, staged_path(backup), new)
                finally:
                    conn.close()
            _stage(holder, store_path, staged_path(store_path), new)
            _write_journal(store_path, "commit", op, moves)
            committed = True
            _switch(moves)
            journal_path(store_path).unlink(missing_ok=True)
            _fsync_dir(store_path.parent)
        finally:
            holder.close()
            if not committed:
                _discard(moves, store_path)
                journal_path(store_path).unlink(missing_ok=True)
    return Outcome(backups=len(backups))


def encrypt_all(store_path: Path | str, passphrase: str) -> Outcome:
    """Encrypt the (closed) plain store and every plain backup of it, all or nothing."""
    from dossier.store.backup import list_backups

    store_path = Path(store_path)
    recover_interrupted(store_path)
    if is_encrypted(store_path):
        raise StoreError(already_encrypted(store_path))
    check_new_passphrase(passphrase)
    infos = list_backups(store_path)
    plain = [(b.path, None) for b in infos if not b.encrypted]
    outcome = _convert_all(store_path, "encrypt", None, passphrase, plain)
    outcome.left = len(infos) - len(plain)
    return outcome


def _old_key(path: Path, passphrase: str, known: dict[bytes | None, str]) -> str:
    """The key of `path` for `passphrase`, derived once per header (a store and its
    backups share one)."""
    from dossier.store.keys import key_for, read_header

    header = read_header(path)
    if header is None:
        return passphrase  # a file keyed before Argon2id
    if header not in known:
        known[header] = key_for(path, passphrase)
    return known[header]


def change_all(store_path: Path | str, old: str, new: str, *, check: bool = True) -> Outcome:
    """Re-key the (closed) encrypted store and every backup the old passphrase opens;
    plain backups (a readable copy beside an encrypted store) are encrypted too."""
    from dossier.store.backup import list_backups

    store_path = Path(store_path)
    recover_interrupted(store_path)
    if not is_encrypted(store_path):
        raise StoreError(encrypt_first(store_path))
    if not passphrase_opens(store_path, _old_key(store_path, old, {})):
        raise StoreError(wrong_passphrase(store_path))
    if check:
        check_new_passphrase(new)
    todo: list[tuple[Path, str | None]] = []
    left = 0
    keys_by_header: dict[bytes | None, str] = {}
    for info in list_backups(store_path):
        if not info.encrypted:
            todo.append((info.path, None))
            continue
        key = _old_key(info.path, old, keys_by_header)
        if passphrase_opens(info.path, key):
            todo.append((info.path, key))
        else:
            left += 1
    outcome = _convert_all(
        store_path, "passwd", _old_key(store_path, old, keys_by_header), new, todo
    )
    outcome.left = left
    return outcome


def decrypt_copy(store_path: Path | str, passphrase: str, out: Path | str) -> None:
    """A plain copy of the encrypted store at `out` (the store and backups stay as they
    are); the half-written copy of a killed run is deleted on the next open."""
    store_path, out = Path(store_path), Path(out)
    recover_interrupted(store_path)
    if not is_encrypted(store_path):
        raise StoreError(not_encrypted(store_path))
    if out.exists():
        raise StoreError(already_exists(out))
    moves = [(staged_path(out), out)]
    with _folder_lock(store_path.parent):
        conn = open_for_copy(store_path, passphrase)
        committed = False
        try:
            _write_journal(store_path, "prepare", "decrypt", moves)
            _stage(conn, store_path, staged_path(out), None)
            committed = True
            _switch(moves)
            journal_path(store_path).unlink(missing_ok=True)
        finally:
            conn.close()
            if not committed:
                _discard(moves, store_path)
                journal_path(store_path).unlink(missing_ok=True)


def backup_mismatches(store: Any) -> list[str]:
    """One line per backup whose encryption or passphrase differs from the open store's:
    a plain backup of an encrypted store is a readable copy of everything, and a backup
    on another passphrase is one the user may not be able to open when it is needed."""
    from dossier.store.backup import list_backups
    from dossier.store.connection import db_errors, sql_string
    from dossier.store.crypto import is_encrypted_connection

    if store.path is None:
        return []
    conn = store.db.conn
    encrypted = is_encrypted_connection(conn) and is_encrypted(store.path)
    found = []
    for info in list_backups(store.path):
        if not encrypted:
            if info.encrypted:
                found.append(f"backup {info.path.name} is encrypted while the store is not")
            continue
        if not info.encrypted:
            found.append(
                f"backup {info.path.name} is NOT encrypted while the store is "
                "(`dossier passwd` encrypts it)"
            )
            continue
        # Attached without a KEY clause, a file is read with the store's own key.
        try:
            conn.execute(f"ATTACH DATABASE {sql_string(str(info.path))} AS keycheck")
            try:
                conn.execute("SELECT count(*) FROM keycheck.sqlite_master").fetchone()
            finally:
                conn.execute("DETACH DATABASE keycheck")
        except db_errors():
            found.append(
                f"backup {info.path.name} does not open with the store's passphrase "
                "(another passphrase, or damaged)"
            )
    return found


def upgrade_key(store_path: Path | str, passphrase: str) -> str | None:
    """Re-key a store made before Argon2id (SQLCipher's PBKDF2) and its backups with an
    Argon2id key from the same passphrase. None if there was nothing to do, the
    passphrase is wrong (the open says so) or the store is open elsewhere."""
    from dossier.store.connection import StoreInUse
    from dossier.store.keys import is_legacy

    store_path = Path(store_path)
    if not is_legacy(store_path) or not passphrase_opens(store_path, passphrase):
        return None
    try:
        outcome = change_all(store_path, passphrase, passphrase, check=False)
    except StoreInUse:
        return None
    except (StoreError, OSError) as exc:
        # A damaged backup, a full disk: the store still opens as it is (the upgrade
        # is tried again on the next unlock; nothing was changed).
        log.warning("key upgrade of %s not done: %s", store_path, exc)
        return None
    followed = (
        said(
            "; {count} followed.",
            "; вместе с ним — {count}.",
            count=Said(
                en_count(outcome.backups, "backup", "backups"),
                counted(
                    outcome.backups,
                    "ru",
                    ("", ""),
                    ("резервная копия", "резервные копии", "резервных копий"),
                ),
            ),
        )
        if outcome.backups
        else Said(".", ".")
    )
    return said(
        "The key of {name} is now derived with Argon2id (far costlier to guess){followed}",
        "Ключ хранилища {name} теперь выводится по Argon2id (подобрать его гораздо труднее){followed}",
        name=store_path.name,
        followed=followed,
    )
