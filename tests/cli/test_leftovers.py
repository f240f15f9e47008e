"""Temporary files of writes cut short are removed by the next run, unless their
writer may still be running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.files import remove_leftovers, write_atomic

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX process ids")


def _dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _leftovers(store: Path, pid: int) -> list[Path]:
    backups = store.parent / "backups"
    backups.mkdir(exist_ok=True)
    made = [
        store.with_name(f".{store.name}.encrypt.{pid}.part"),  # encrypt, passwd
        store.with_name(f".{store.name}.encrypt.{pid}.part-journal"),
        store.with_name(f".{store.name}.restore.{pid}.part"),
        backups / f".{store.stem}.db.backup-140.{pid}.part",  # a backup
    ]
    for path in made:
        path.write_bytes(b"half-written")
    return made


def test_the_next_command_removes_what_a_killed_one_left(
    capsys: pytest.CaptureFixture[str], store_file: Path, tmp_path: Path
) -> None:
    made = _leftovers(store_file, _dead_pid())
    brief = tmp_path / "out" / "brief.pdf"
    brief.parent.mkdir()
    export = brief.with_name(f".brief.pdf.x1y2z3.{_dead_pid()}.part")
    export.write_bytes(b"%PDF-half")
    assert main(["--store", str(store_file), "list"]) == 0
    assert [p for p in made if p.exists()] == []
    assert main(["--store", str(store_file), "export-json", "AZ", "--out", str(brief)]) == 0
    assert not export.exists()
    capsys.readouterr()


def test_the_window_removes_them_when_it_opens_the_store(store_file: Path) -> None:
    from dossier.ui.store_open import try_open

    made = _leftovers(store_file, _dead_pid())
    store, reason = try_open(store_file)
    assert store is not None, reason
    store.close()
    assert [p for p in made if p.exists()] == []


def test_a_live_writers_file_is_left_alone(store_file: Path, tmp_path: Path) -> None:
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        time.sleep(0.1)  # the file is written after the writer started, as a real one is
        live = _leftovers(store_file, writer.pid)
        mine = _leftovers(store_file, os.getpid())
        other = tmp_path / ".other.db.encrypt.1.part"  # another file's: not ours to judge
        other.write_bytes(b"x")
        removed = remove_leftovers(store_file.parent, store_file.name)
        removed += remove_leftovers(store_file.parent / "backups", "dossier.db")
        assert removed == []
        assert all(p.exists() for p in [*live, *mine, other])
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    # Once the writer is gone, its files go too; this process's stay.
    remove_leftovers(store_file.parent, store_file.name)
    remove_leftovers(store_file.parent / "backups", "dossier.db")
    assert not any(p.exists() for p in live)
    assert all(p.exists() for p in mine)


def test_a_reused_process_id_does_not_protect_an_old_file(store_file: Path) -> None:
    # The file was written before the process now holding its id started.
    made = _leftovers(store_file, os.getppid())
    for path in made:
        os.utime(path, (1_000_000_000, 1_000_000_000))  # 2001
    remove_leftovers(store_file.parent, store_file.name)
    assert not any(p.exists() for p in made[:3])


def test_atomic_writes_name_their_temporary_file_with_the_process_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def replace(src: str, dst: object) -> None:
        seen.append(Path(src).name)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    write_atomic(tmp_path / "a.json", b"{}")
    assert seen[0].startswith(".a.json.")
    assert seen[0].endswith(f".{os.getpid()}.part")
