"""`dossier brief` shows how far it is on stderr and stops cleanly on Ctrl+C."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.cli import main


def test_the_brief_shows_progress_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "brief.pdf"
    assert main(["brief", "--sample", "--out", str(out)]) == 0
    captured = capsys.readouterr()
    lines = captured.err.split("\n")
    assert "Laying out the brief: 0%" in lines[0]
    assert "Laying out the brief: 100%" in captured.err
    assert "Wrote the brief" in captured.out  # stdout stays for the result
    assert out.stat().st_size > 10_000


# `dossier` with each step of the layout held for 50 ms: the signal always lands
# while the brief is being laid out. Unslowed, a machine busy with other tests could
# let the sample's brief be written before the signal was delivered (exit 0).
SLOW_LAYOUT = """
import sys, time
from dossier.cli import brief
real = brief._progress_on_stderr
def slow():
    report = real()
    def progress(done, total):
        going = report(done, total)
        time.sleep(0.05)
        return going
    return progress
brief._progress_on_stderr = slow
from dossier.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("keep_old", [False, True])
def test_ctrl_c_leaves_no_brief_or_the_old_one(tmp_path: Path, keep_old: bool) -> None:
    out = tmp_path / "brief.pdf"
    if keep_old:
        out.write_bytes(b"%PDF- the brief of last week")
    job = subprocess.Popen(
        [sys.executable, "-c", SLOW_LAYOUT, "brief", "--sample", "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert job.stderr is not None
        line = job.stderr.readline()
        assert "Laying out the brief" in line, line
        job.send_signal(signal.SIGINT)
        stdout, err = job.communicate(timeout=120)
    finally:
        if job.poll() is None:
            job.kill()
            job.wait()
    assert job.returncode == 130, err
    assert err.strip().endswith("dossier: interrupted; nothing half-written was kept.")
    assert "Traceback" not in err
    assert stdout == ""
    if keep_old:
        assert out.read_bytes() == b"%PDF- the brief of last week"
    else:
        assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == (["brief.pdf"] if keep_old else [])
