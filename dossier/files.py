"""Writing files privately, and so that a failure never leaves a half-written file in
place of a good one; removing the temporary files of writes that were cut short.

Everything Dossier writes is read by its user only: store files, backups, exchange
files and exports are created 0600 and their folders 0700 (a shared machine has
other local users). An export that replaces an existing file keeps that file's mode:
the user may have chosen to share it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from dossier.said import said

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
    try:
        os.chmod(path, mode & private)
    except OSError as exc:
        if exc.errno == errno.EROFS:
            # Nothing can be written there, the store included: opening it says so
            # and asks for a copy in a writable folder, which is made private.
            return None
        return said(
            "{path} can be read by other users of this computer (mode {mode:o}) and "
            "could not be made private ({why}): move it to a folder of yours.",
            "{path} доступен для чтения другим пользователям этого компьютера (режим "
            "{mode:o}), и закрыть доступ не удалось ({why}): перенесите его в свою папку.",
            path=path,
            mode=mode,
            why=exc.strerror,
        )
    return said(
        "{path} could be read by other users of this computer (mode {mode:o}); "
        "it is now private ({now:o}).",
        "{path} был доступен для чтения другим пользователям этого компьютера (режим "
        "{mode:o}); теперь доступ закрыт ({now:o}).",
        path=path,
        mode=mode,
        now=mode & private,
    )


# Temporary files carry the writer's process id: `.NAME.WHAT.PID.part` (SQLite may
# add -journal, -wal or -shm), so a later run can tell a dead writer's from a live one.
_LEFTOVER = re.compile(r"^\..+\.(\d+)\.part(?:-journal|-wal|-shm)?$")


def temp_suffix() -> str:
    """The end of every temporary file's name: this process's id, then `.part`."""
    return f".{os.getpid()}.part"


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, fsync it, then rename it over `path`.
    (The command line refuses an --out into a missing folder before it gets here.)

    A new file is 0600; a file replaced keeps the mode it had.
    """
    import tempfile  # only when writing: the window's start-up needs just the clean-up

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        keep: int | None = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        keep = None
    # mkstemp creates the file 0600: private on purpose, not by accident.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=temp_suffix(), dir=path.parent)
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


def remove_leftovers(folder: Path, name: str) -> list[Path]:
    """Delete the temporary files of interrupted writes of `name` in `folder`.

    Only files whose writer is gone: a dead process, or a live one that started
    after the file was written (its id was reused). Files of this process, and of
    any process that may still be writing, are left alone. Returns what was deleted.
    """
    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    prefix = f".{name}."
    for path in entries:
        match = _LEFTOVER.match(path.name)
        if not match or not path.name.startswith(prefix):
            continue
        if _writer_may_be_running(int(match.group(1)), path):
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def _writer_may_be_running(pid: int, path: Path) -> bool:
    if pid == os.getpid():
        return True  # ours: a backup or an export of this run may be writing it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: alive
    # Alive: the writer, unless the process started after the file was last written
    # (a second's slack: the boot time is counted in whole seconds).
    started = _process_start(pid)
    try:
        return started is None or started <= path.stat().st_mtime + 1
    except OSError:
        return True


def _process_start(pid: int) -> float | None:
    """When process `pid` started (epoch seconds), where /proc tells; else None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text()
        ticks = int(fields[fields.rindex(")") + 2 :].split()[19])  # field 22, starttime
        boot = next(
            int(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime ")
        )
        return boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None
