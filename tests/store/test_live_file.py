"""No second descriptor on a live store (issue 14, item 1).

Closing any descriptor of a file drops all of the process's locks on it: the next
process to close the store then deletes the -wal and -shm files this one still
writes into. Every path that probes a store file must ask the open connection.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.about import about_info, store_file_facts
from dossier.ingest.exchange import ExchangeError, read_exchange
from dossier.ingest.tables import TableError, read_table
from dossier.model import Official
from dossier.store import StoreError, open_store
from dossier.store.backup import list_backups, make_backup, newest_good_backup, restore
from dossier.store.crypto import change_passphrase, encrypt_file, is_encrypted, passphrase_opens
from dossier.store.sample import load_sample

PASSPHRASE = "correct horse battery staple"

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")


def deleted_logs(path: Path) -> list[str]:
    """The process's open descriptors on files of this store that were deleted."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            target = os.readlink(f"/proc/self/fd/{fd}")
            if target.startswith(str(path)) and target.endswith("(deleted)"):
                found.append(target)
    return found


def run_cli(path: Path, passphrase: str | None, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if passphrase:
        env["DOSSIER_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "dossier", "--store", str(path), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def probe_everything(path: Path, store, passphrase: str | None) -> list[str]:
    """Every code path that looks at the store file while the window has it open;
    returns the messages of those that refused (they must not touch the file)."""
    refused = []
    assert is_encrypted(path) is bool(passphrase)
    about_info(store)
    store_file_facts(path)
    make_backup(store)
    assert list_backups(path)
    newest_good_backup(path, passphrase)
    passphrase_opens(path, None)
    passphrase_opens(path, PASSPHRASE)
    for mistaken in (lambda: read_exchange(path, "x"), lambda: read_table(path)):
        with pytest.raises((ExchangeError, TableError), match="is the store open here"):
            mistaken()  # the store picked as the file to import
    backup = list_backups(path)[0].path
    for action in (
        lambda: encrypt_file(path, "another long passphrase"),
        lambda: change_passphrase(path, PASSPHRASE, "another long passphrase"),
        lambda: restore(path, backup, passphrase),
    ):
        try:
            action()
        except StoreError as exc:
            refused.append(str(exc))
    return refused


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE], ids=["plain", "encrypted"])
def test_probing_a_live_store_keeps_its_log_files(tmp_path: Path, passphrase: str | None) -> None:
    path = tmp_path / "dossier.db"
    store = open_store(path, passphrase=passphrase)  # as the window opens it
    dossier = load_sample(store)
    inode = path.stat().st_ino

    refused = probe_everything(path, store, passphrase)

    # Encrypting, re-keying or restoring the file under the open window is refused.
    assert len(refused) == 3, refused
    assert path.stat().st_ino == inode  # the file was not replaced under the window
    done = run_cli(path, passphrase, "list")  # another process opens and closes the store
    assert done.returncode == 0, done.stderr
    assert deleted_logs(path) == []
    with store.transaction():
        store.officials.add(Official(dossier_id=dossier.id, name="Written after the probes"))
    store.close()
    checked = run_cli(path, passphrase, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    again = open_store(path, passphrase=passphrase)
    names = [o.name for o in again.officials.list()]
    again.close()
    assert "Written after the probes" in names
