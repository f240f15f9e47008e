"""Crash safety: a writer killed with SIGKILL at random moments loses nothing it acknowledged.

The cycles run in benchmarks/crash_cycles.py (one subprocess that forks a writer per
cycle, so each cycle costs milliseconds); the benchmark runs 1,000 of them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "crash_cycles.py"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")


def crash_cycles(tmp_path: Path, *args: str) -> dict:
    done = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--dir",
            str(tmp_path),
            "--seed",
            "20261125",
            "--fast-kdf",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert done.returncode == (0 if not result["lost"] and not result["integrity_failures"] else 1)
    return result


def test_thirty_kills_while_writing_lose_nothing_acknowledged(tmp_path: Path) -> None:
    result = crash_cycles(tmp_path, "--cycles", "30")
    assert result["acknowledged"] > 30  # the writer really was killed mid-stream
    assert result["lost"] == 0
    assert result["integrity_failures"] == 0, result["problems"]


def test_kills_while_writing_an_encrypted_store(tmp_path: Path) -> None:
    result = crash_cycles(tmp_path, "--cycles", "4", "--encrypted")
    assert result["acknowledged"] > 0
    assert result["lost"] == 0
    assert result["integrity_failures"] == 0, result["problems"]


def test_kills_while_encrypting_leave_a_whole_store(tmp_path: Path) -> None:
    result = crash_cycles(tmp_path, "--cycles", "5", "--mode", "encrypt")
    assert result["integrity_failures"] == 0, result["problems"]


@pytest.mark.gui
def test_kills_of_the_window_while_it_writes_lose_nothing_acknowledged(tmp_path: Path) -> None:
    result = crash_cycles(tmp_path, "--cycles", "6", "--mode", "window")
    assert result["acknowledged"] > 6  # killed after several adds, often mid-add
    assert result["lost"] == 0
    assert result["integrity_failures"] == 0, result["problems"]


@pytest.mark.gui
def test_kills_of_the_window_on_an_encrypted_store(tmp_path: Path) -> None:
    result = crash_cycles(tmp_path, "--cycles", "3", "--mode", "window", "--encrypted")
    assert result["acknowledged"] > 0
    assert result["lost"] == 0
    assert result["integrity_failures"] == 0, result["problems"]
