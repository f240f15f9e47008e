"""Writing files so that a failure never leaves a half-written file in place of a good one,
and removing the temporary files of writes that were cut short."""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

# Temporary files carry the writer's process id: `.NAME.WHAT.PID.part` (SQLite may
# add -journal, -wal or -shm), so a later run can tell a dead writer's from a live one.
_LEFTOVER = re.compile(r"^\..+\.(\d+)\.part(?:-journal|-wal|-shm)?$")


def temp_suffix() -> str:
    """The end of every temporary file's name: this process's id, then `.part`."""
    return f".{os.getpid()}.part"


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, fsync it, then rename it over `path`.
    (The command line refuses an --out into a missing folder before it gets here.)"""
    import tempfile  # only when writing: the window's start-up needs just the clean-up

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=temp_suffix(), dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
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
        stat = Path(f"/proc/{pid}/stat").read_text()
        ticks = int(stat[stat.rindex(")") + 2 :].split()[19])  # field 22, starttime
        boot = next(
            int(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime ")
        )
        return boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None
