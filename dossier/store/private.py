"""Keeping a store's files private, and settling what a killed conversion left.

The store, its -wal and -shm, the window's lock file and every backup are 0600,
the backups folder (and the user's data folder) 0700: on a shared machine other
local users must not read them. Files are created so (umask, `os.open` modes);
a looser mode found when a store is opened (an older Dossier, a copy made by
hand) is tightened with a one-line notice.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from dossier.files import PRIVATE_DIR, private_umask, tighten
from dossier.plural import en_count, group_digits
from dossier.said import Said, said
from dossier.store.connection import connect
from dossier.store.db import Db

STORE_COMPANIONS = ("", "-wal", "-shm", ".lock")
BACKUP_DIR = "backups"  # beside the store (dossier.store.backup keeps them)
JOURNAL_SUFFIX = ".rekey-journal"  # a conversion's journal (dossier.store.rekey)
_TEMP = re.compile(r"^\..+\.(?P<pid>\d+)\.part$")


def settle_and_tighten(path: Path) -> list[str]:
    """Before a store file is opened: finish or undo an interrupted conversion, and
    make its files private. Returns one-line notices of what was done."""
    from dossier.paths import user_data_dir

    notices = []
    if journal_path(path).exists() or half_written_journals(path):
        # Only then the converter's module (~2 M instructions of every start).
        from dossier.store.rekey import recover_interrupted

        settled = recover_interrupted(path)
        if settled:
            notices.append(settled)
    remove_stale_temps(path)
    if path.parent == user_data_dir() and path.parent.is_dir():
        notices.append(tighten(path.parent, PRIVATE_DIR) or "")
    for extra in STORE_COMPANIONS:
        notices.append(tighten(Path(f"{path}{extra}")) or "")
    folder = backup_dir(path)
    if folder.is_dir():
        notices.append(tighten(folder, PRIVATE_DIR) or "")
        loose = [p for p in folder.glob(f"{path.stem}-*.db") if tighten(p)]
        if loose:
            count = Said(en_count(len(loose), "backup", "backups"), group_digits(len(loose), "ru"))
            notices.append(
                said(
                    "{count} in {folder} could be read by other "
                    "users of this computer; they are now private (0600).",
                    "Резервные копии в {folder} (всего: {count}) были доступны для чтения "
                    "другим пользователям этого компьютера; теперь доступ к ним закрыт (0600).",
                    count=count,
                    folder=folder,
                )
            )
    return [n for n in notices if n]


def journal_path(store_path: Path | str) -> Path:
    """Where a conversion (encrypt, change passphrase) keeps its journal."""
    return Path(f"{store_path}{JOURNAL_SUFFIX}")


def half_written_journals(store_path: Path | str) -> list[Path]:
    """Journals a killed conversion left half written (a journal is written beside its
    place and renamed into it when whole)."""
    journal = journal_path(store_path)
    return list(journal.parent.glob(f".{journal.name}.*.part"))


def backup_dir(store_path: Path | str) -> Path:
    """The folder of a store's backups."""
    return Path(store_path).parent / BACKUP_DIR


def private_connect(path: Path | str, passphrase: str | None = None) -> Db:
    """`connection.connect` with files created 0600 (the store, its -wal and -shm)."""
    with private_umask():
        return connect(path, passphrase)


def _alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # os.kill(pid, 0) would end the process there: never delete
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temps(path: Path) -> int:
    """Delete the temporary copies (`.<name>.<tag>.<pid>.part`) that a process killed
    mid-backup, mid-restore or mid-conversion left beside the store or its backups.
    Only those of processes that are gone: a running one may still need its own."""
    removed = 0
    for folder in (path.parent, backup_dir(path)):
        if not folder.is_dir():
            continue
        for temp in folder.glob(f".{path.stem}*.part"):
            match = _TEMP.match(temp.name)
            if match and not _alive(int(match["pid"])):
                temp.unlink(missing_ok=True)
                removed += 1
    return removed
