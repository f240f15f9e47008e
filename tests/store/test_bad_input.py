"""Bad input for the store (issue 14): a read-only medium, a full disk, a store file
replaced under the open window, a lock file left by a dead process. Each gets one
clear message, and no write is acknowledged that was not made durable."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dossier.model import Official
from dossier.store import StoreError, open_store
from dossier.store.backup import backup_dir
from dossier.store.errors import StoreReplaced


def _can_mount_read_only() -> bool:
    if shutil.which("unshare") is None or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    done = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    return done.returncode == 0


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "dossier", *args]


def test_a_store_on_a_read_only_medium_is_one_clear_message(
    store_file: Path, tmp_path: Path
) -> None:
    if not _can_mount_read_only():
        pytest.skip("needs root and mount namespaces (unshare -m) to mount a folder read-only")
    folder = tmp_path / "medium"
    folder.mkdir()
    store = folder / "dossier.db"
    shutil.copyfile(store_file, store)
    csv = tmp_path / "officials.csv"
    csv.write_text("name,position\nИван Новый,советник\n", "utf-8")
    before = store.read_bytes()
    for args in (["list"], ["import-officials", str(csv), "--country", "AZ"]):
        command = " ".join(f"'{a}'" for a in cli("--store", str(store), *args))
        done = subprocess.run(
            [
                "unshare",
                "-m",
                "sh",
                "-c",
                f"mount --bind '{folder}' '{folder}' && "
                f"mount -o remount,ro,bind '{folder}' '{folder}' && exec {command}",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 1, done.stderr
        assert done.stderr.count("\n") == 1, done.stderr
        assert "read-only medium" in done.stderr
        assert "damaged" not in done.stderr  # it is not: do not send the user to backups
    assert store.read_bytes() == before


def _file_size_limit(limit: int) -> Any:
    def apply() -> None:
        # Without SIGXFSZ ignored the kernel kills the writer; with it, write() fails.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs RLIMIT_FSIZE")
@pytest.mark.parametrize(
    ("options", "message"),
    [
        # The backup made before the change is the first write to fail.
        ([], "The backup could not be written"),
        # Without one, the change itself meets the full disk.
        (["--no-backup"], "was not saved"),
    ],
    ids=["backup-first", "no-backup"],
)
def test_a_full_disk_saves_nothing_and_says_so(
    store_file: Path, tmp_path: Path, options: list[str], message: str
) -> None:
    csv = tmp_path / "officials.csv"
    rows = "".join(
        f"Человек{'абвгдежзик'[i % 10]}{i} Длиннофамильный{i},советник\n" for i in range(3000)
    )
    csv.write_text("name,position\n" + rows, "utf-8")
    command = ["import-officials", str(csv), "--country", "AZ", *options]
    done = subprocess.run(
        cli("--store", str(store_file), *command),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=_file_size_limit(64 * 1024),  # the log may not grow past 64 KB
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert message in done.stderr
    assert "Added" not in done.stdout  # no success reported
    folder = backup_dir(store_file)
    assert not (folder.is_dir() and list(folder.iterdir())), "a partial backup was left"
    store = open_store(store_file)
    try:
        assert not [o for o in store.officials.list() if "Длиннофамильный" in o.name]
        assert store.check() == []
    finally:
        store.close()


def test_a_store_replaced_under_the_open_window_takes_no_write(
    store_file: Path, tmp_path: Path
) -> None:
    store = open_store(store_file)  # as the window holds it
    dossier = store.dossiers.list()[0]
    other = tmp_path / "other.db"
    open_store(other).close()
    os.replace(other, store_file)  # copied over by hand, or restored by another tool
    with pytest.raises(StoreReplaced, match="was replaced or removed while it was open"):
        store.officials.add(Official(dossier_id=dossier.id, name="В никуда"))
    store.close()
    again = open_store(store_file)
    try:
        assert again.dossiers.count() == 0  # the file now there, as it was put there
    finally:
        again.close()


def test_a_deleted_store_takes_no_write_either(store_file: Path) -> None:
    store = open_store(store_file)
    dossier = store.dossiers.list()[0]
    store_file.unlink()
    with pytest.raises(StoreError, match="replaced or removed"):
        store.officials.add(Official(dossier_id=dossier.id, name="В никуда"))
    store.close()


@pytest.mark.gui
def test_an_empty_lock_file_left_by_a_dead_process_is_not_in_the_way(
    qtbot: Any, store_file: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dossier.ui import i18n
    from dossier.ui.app import make_window

    lock = Path(f"{store_file}.lock")
    lock.write_bytes(b"")  # the process died before writing who it was
    i18n.install("en")
    win = make_window(open_store(store_file), "en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    box = win.findChild(QMessageBox, "store_in_use")
    assert box is None or not box.isVisible()
    assert str(os.getpid()) in lock.read_text()  # this window holds the store now
    store = win.store
    win.close()
    store.close()
