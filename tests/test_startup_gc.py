"""The cyclic garbage collector is paused while the app starts (issue 21, start-up)
and always running again afterwards."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dossier import startup_gc
from dossier.cli import main


@pytest.fixture(autouse=True)
def _collector_left_on() -> Iterator[None]:
    yield
    gc.enable()


def test_resume_undoes_only_its_own_pause() -> None:
    startup_gc.pause()
    assert not gc.isenabled()
    startup_gc.resume()
    assert gc.isenabled()
    gc.disable()  # a caller's own choice is kept
    startup_gc.pause()
    startup_gc.resume()
    assert not gc.isenabled()


def test_a_command_runs_with_the_collector(
    store_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seen = []
    assert main(["--store", str(store_file), "list"]) == 0
    seen.append(gc.isenabled())
    with pytest.raises(SystemExit):
        main(["--version"])
    seen.append(gc.isenabled())
    with pytest.raises(SystemExit):
        main(["no-such-command"])
    seen.append(gc.isenabled())
    assert seen == [True, True, True]


def test_the_app_starts_without_collections(store_file: Path) -> None:
    """None runs from the command's start to the first paint; afterwards the
    collector runs, start-up's objects frozen out of it."""
    code = (
        "import builtins, gc, sys\n"
        "runs = []\n"
        "gc.callbacks.append(lambda phase, info: phase == 'start' and runs.append(1))\n"
        "from dossier.cli import main\n"
        "at_main = len(runs)\n"
        "_print = builtins.print\n"
        "def spy(*a, **k):\n"
        "    if a and str(a[0]).startswith('shown '):\n"
        "        _print('before paint', len(runs) - at_main, gc.isenabled())\n"
        "    _print(*a, **k)\n"
        "builtins.print = spy\n"
        f"code = main(['--store', {str(store_file)!r}, 'gui', '--smoke'])\n"
        "_print('after', code, gc.isenabled(), gc.get_freeze_count() > 0)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    ).stdout.splitlines()
    assert "before paint 0 False" in out
    assert out[-1] == "after 0 True True"


def test_the_running_app_collects_again(store_file: Path) -> None:
    """Not a smoke run: the collector is back once the window is up and its
    extensions are in, for the rest of the session."""
    code = (
        "import gc, os, sys, threading\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from dossier.cli import main\n"
        "from dossier.ui import app as ui_app\n"
        "threading.Timer(60, lambda: os._exit(3)).start()\n"  # never hang the run
        "made = ui_app.make_window\n"
        "def make_window(store, lang, **kwargs):\n"
        "    window = made(store, lang, **kwargs)\n"
        "    print('window', gc.isenabled(), flush=True)\n"
        "    def check():\n"
        "        print('later', gc.isenabled(), gc.get_freeze_count() > 0, flush=True)\n"
        "        os._exit(0)\n"
        "    QTimer.singleShot(300, check)\n"
        "    return window\n"
        "ui_app.make_window = make_window\n"
        f"main(['--store', {str(store_file)!r}, 'gui'])\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=90, env=env
    ).stdout.splitlines()
    assert out[-2:] == ["window False", "later True True"]
