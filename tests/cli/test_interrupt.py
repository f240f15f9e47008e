"""A command stopped by Ctrl+C, a logout or `kill` rolls back: nothing half-written."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.store import open_store

# A trade file without reporter and partner columns names its pair (issue 16).
PAIR = ["--reporter", "BY", "--partner", "AZ", "--currency", "USD"]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

# `dossier` with each multi-row INSERT of the figures held for 50 ms: the signal
# always lands while the import is writing. Unslowed, a machine busy with other
# tests could let the whole write finish before the signal was delivered (exit 0).
SLOW_WRITES = """
import sys, time
from dossier.store import bulk
real = bulk.insert_rows
def slow(*args, **kwargs):
    real(*args, **kwargs)
    time.sleep(0.05)
bulk.insert_rows = slow
from dossier.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _figures(path: Path) -> int:
    store = open_store(path, create=False)
    try:
        return store.trade.count(store.find_dossier("AZ").id)
    finally:
        store.close()


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_an_interrupted_import_writes_nothing(
    store_file: Path, tmp_path: Path, signum: int
) -> None:
    table = tmp_path / "trade.csv"
    rows = "".join(f"{1000 + n // 12}-{n % 12 + 1:02d},{n},{n + 1}\n" for n in range(12_000))
    table.write_text("period,export,import\n" + rows, encoding="utf-8")
    before = _figures(store_file)
    command = [sys.executable, "-c", SLOW_WRITES, "--store", str(store_file), "import-trade"]
    job = subprocess.Popen(
        [*command, str(table), "--country", "AZ", *PAIR, "--unit", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert job.stderr is not None
        # The backup is made just before the figures are written: stop it there.
        line = job.stderr.readline()
        assert line.startswith("Backed up the store first"), line
        job.send_signal(signum)
        _, err = job.communicate(timeout=60)
    finally:
        if job.poll() is None:
            job.kill()
            job.wait()
    assert job.returncode == 130, err
    assert err == "dossier: interrupted; nothing half-written was kept.\n"
    assert _figures(store_file) == before
    store = open_store(store_file, create=False)
    assert store.check() == []
    store.close()
    assert not list(tmp_path.rglob("*.part"))
