"""Keeping a store's files private, and settling what a killed conversion left.

The store, its -wal and -shm, the window's lock file and every backup are 0600,
the backups folder (and the user's data folder) 0700: on a shared machine other
local users must not read them. Files are created so (umask, `os.open` modes);
a looser mode found when a store is opened (an older Dossier, a copy made by
hand) is tightened with a one-line notice.
"""

from __future__ import annotations

from pathlib import Path

from dossier.files import PRIVATE_DIR, private_umask, tighten
from dossier.store.connection import connect
from dossier.store.db import Db

STORE_COMPANIONS = ("", "-wal", "-shm", ".lock")


def settle_and_tighten(path: Path) -> list[str]:
    """Before a store file is opened: finish or undo an interrupted conversion, and
    make its files private. Returns one-line notices of what was done."""
    from dossier.paths import user_data_dir
    from dossier.store.backup import backup_dir
    from dossier.store.rekey import recover_interrupted

    notices = []
    settled = recover_interrupted(path)
    if settled:
        notices.append(settled)
    if path.parent == user_data_dir() and path.parent.is_dir():
        notices.append(tighten(path.parent, PRIVATE_DIR) or "")
    for extra in STORE_COMPANIONS:
        notices.append(tighten(Path(f"{path}{extra}")) or "")
    folder = backup_dir(path)
    if folder.is_dir():
        notices.append(tighten(folder, PRIVATE_DIR) or "")
        loose = [p for p in folder.glob(f"{path.stem}-*.db") if tighten(p)]
        if loose:
            notices.append(
                f"{len(loose)} backup(s) in {folder} could be read by other users of this "
                "computer; they are now private (0600)."
            )
    return [n for n in notices if n]


def private_connect(path: Path | str, passphrase: str | None = None) -> Db:
    """`connection.connect` with files created 0600 (the store, its -wal and -shm)."""
    with private_umask():
        return connect(path, passphrase)
