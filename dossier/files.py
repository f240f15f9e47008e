"""Writing files privately, and so that a failure never leaves a half-written file in
place of a good one.

Everything Dossier writes is read by its user only: store files, backups, exchange
files and exports are created 0600 and their folders 0700 (a shared machine has
other local users). An export that replaces an existing file keeps that file's mode:
the user may have chosen to share it.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


_umask_lock = threading.Lock()
_umask_users = 0
_umask_saved = 0


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    """Files and folders created inside (by us or by SQLite: -wal, -shm, journals,
    ATTACHed copies) get no group or other permissions.

    The umask belongs to the process: while any thread is inside, it stays 077, and
    the last one out puts back the user's (a backup on a worker thread may overlap
    an export on the window's thread).
    """
    global _umask_users, _umask_saved
    with _umask_lock:
        if _umask_users == 0:
            _umask_saved = os.umask(0o077)
        _umask_users += 1
    try:
        yield
    finally:
        with _umask_lock:
            _umask_users -= 1
            if _umask_users == 0:
                os.umask(_umask_saved)


def private_open(path: Path | str, mode: str = "wb") -> IO[Any]:
    """Open `path` for writing, created 0600 (truncated if it exists)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    return os.fdopen(fd, mode)


def private_dir(path: Path | str) -> Path:
    """Create the folder `path` (and parents) 0700 if missing; returns it."""
    path = Path(path)
    if not path.is_dir():
        with private_umask():
            path.mkdir(parents=True, exist_ok=True)
    return path


def tighten(path: Path | str, private: int = PRIVATE_FILE) -> str | None:
    """Remove group/other permissions beyond `private` from an existing file or folder;
    a one-line notice if it had any (None if it was private already or is missing)."""
    path = Path(path)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return None
    if not mode & 0o077:
        return None
    os.chmod(path, mode & private)
    return (
        f"{path} could be read by other users of this computer (mode {mode:o}); "
        f"it is now private ({mode & private:o})."
    )


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, fsync it, then rename it over `path`.

    A new file is 0600; a file replaced keeps the mode it had.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        keep: int | None = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        keep = None
    # mkstemp creates the file 0600: private on purpose, not by accident.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if keep is not None and hasattr(os, "fchmod"):
                os.fchmod(fh.fileno(), keep)
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
