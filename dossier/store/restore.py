"""Restoring a backup without ever changing the store's encryption behind the user's back.

* An encrypted store stays encrypted: a plain backup put back into it is encrypted
  on the way in, with the store's passphrase (which must be given).
* The current store is kept: backed up when it opens, moved aside as
  `<name>.unreadable-<time>` only when it really cannot be read. An encrypted store
  that the given passphrase does not open is "unreadable" only if the same
  passphrase opens one of its encrypted backups (then the passphrase is the right
  one and the file is damaged); otherwise the passphrase is wrong and nothing changes.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from dossier.progress import Progress, report, scaled
from dossier.said import said
from dossier.store.crypto import (
    PassphraseNeeded,
    _fsync_dir,
    _open_checked,
    _temp_beside,
    is_encrypted,
    open_for_copy,
    passphrase_opens,
    stage_copy,
)
from dossier.store.errors import StoreError, WrongPassphrase, wrong_passphrase
from dossier.store.foreign import open_foreign


def restore_backup(
    store_path: Path, backup: Path, passphrase: str | None = None, progress: Progress | None = None
) -> Path | None:
    """Put `backup` in place of the store at `store_path` (which must be closed).

    `passphrase`: the store's, when it is encrypted, and the backup's, when it is
    (one passphrase opens a store and its backups). The backup is checked first.
    Returns the path the current store was moved to when it was unreadable, else
    None. `progress` returning False cancels (Cancelled) before the store is
    replaced: it stays as it was.
    """
    from dossier.store.backup import list_backups
    from dossier.store.rekey import recover_interrupted

    store_path, backup = Path(store_path), Path(backup)
    recover_interrupted(store_path)
    store_encrypted = is_encrypted(store_path)
    backup_encrypted = is_encrypted(backup)
    if backup_encrypted and not passphrase:
        raise PassphraseNeeded(
            said(
                "The backup {name} is encrypted: its passphrase is needed.",
                "Резервная копия {name} зашифрована: нужен её пароль.",
                name=backup.name,
            )
        )
    if store_encrypted and not passphrase:
        raise PassphraseNeeded(
            said(
                "The store {store} is encrypted: its passphrase is needed to restore "
                "{backup} (a plain backup is encrypted with it on the way in).",
                "Хранилище {store} зашифровано: чтобы восстановить {backup}, нужен его "
                "пароль (незашифрованная копия при восстановлении шифруется им).",
                store=store_path.name,
                backup=backup.name,
            )
        )
    if passphrase:
        # Derived once (Argon2id costs half a second): a store and its backups share
        # one header, hence one key.
        from dossier.store.keys import key_for, read_header

        store_key = key_for(store_path, passphrase) if store_encrypted else None
        same = store_key is not None and read_header(backup) == read_header(store_path)
        backup_key = (
            store_key if same else (key_for(backup, passphrase) if backup_encrypted else None)
        )
        passphrase = store_key or backup_key or passphrase
    else:
        backup_key = None
    # A backup given by path may come from anywhere: read it as a foreign file first.
    open_foreign(backup, backup_key).close()
    conn = _open_checked(backup, backup_key)
    conn.close()
    if store_encrypted and not passphrase_opens(store_path, passphrase):
        proven = any(
            b.encrypted and passphrase_opens(b.path, passphrase) for b in list_backups(store_path)
        )
        if not proven:
            raise WrongPassphrase(
                said(
                    "{wrong}. The store's own passphrase is needed "
                    "to restore into it; nothing was changed.",
                    "{wrong}. Для восстановления нужен пароль самого "
                    "хранилища; ничего не изменено.",
                    wrong=wrong_passphrase(store_path),
                )
            )
    report(progress, 5, 100)
    key = passphrase if (store_encrypted or backup_encrypted) else None
    moved_aside, holder = _keep_current(
        store_path, passphrase if store_encrypted else None, scaled(progress, 5, 45)
    )
    tmp = _temp_beside(store_path, "restore")
    try:
        if backup_encrypted or key is None:
            _copy_bytes(backup, tmp, progress)
        else:
            # A plain backup into an encrypted store: encrypted with the store's key.
            src = open_for_copy(backup, None)
            try:
                stage_copy(src, backup, tmp, key)
            finally:
                src.close()
        report(progress, 100, 100)  # the last moment Cancel leaves the store as it was
        for extra in ("-wal", "-shm"):
            # The log of the replaced file must not be replayed into the backup.
            Path(f"{store_path}{extra}").unlink(missing_ok=True)
        os.replace(tmp, store_path)
        _fsync_dir(store_path.parent)
    finally:
        if holder is not None:
            holder.close()
        for extra in ("", "-journal"):
            Path(f"{tmp}{extra}").unlink(missing_ok=True)
    return moved_aside


def _copy_bytes(backup: Path, tmp: Path, progress: Progress | None) -> None:
    from dossier.files import private_open

    size = max(backup.stat().st_size, 1)
    with backup.open("rb") as src, private_open(tmp, "wb") as dst:
        while chunk := src.read(1 << 20):
            report(progress, 50 + 45 * src.tell() // size, 100)
            dst.write(chunk)
        dst.flush()
        os.fsync(dst.fileno())


def _keep_current(
    store_path: Path, passphrase: str | None, progress: Progress | None = None
) -> tuple[Path | None, Any]:
    """Back up a healthy current store, or move an unreadable one aside.

    Returns the path it was moved to (or None) and, for a healthy store, a
    connection holding the file exclusively until the backup has replaced it.
    """
    from dossier.store.backup import make_backup
    from dossier.store.connection import lock_exclusively, raw_connection
    from dossier.store.facade import open_store

    if not store_path.exists():
        return None, None
    try:
        store = open_store(store_path, create=False, passphrase=passphrase)
    except PassphraseNeeded:
        raise
    except StoreError:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
        aside = store_path.with_name(f"{store_path.name}.unreadable-{stamp}")
        os.replace(store_path, aside)
        for extra in ("-wal", "-shm"):
            src = Path(f"{store_path}{extra}")
            if src.exists():
                os.replace(src, Path(f"{aside}{extra}"))
        return aside, None
    try:
        make_backup(store, progress=progress)
    finally:
        store.close()
    # Held until the backup has replaced the file: nobody may write the old one.
    holder = raw_connection(store_path, passphrase)
    try:
        lock_exclusively(holder, store_path)
    except BaseException:
        holder.close()
        raise
    return None, holder
