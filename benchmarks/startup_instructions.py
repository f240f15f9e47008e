"""Start-up in instructions: the same three windows as startup.py, counted by valgrind.

Wall time on a shared VM moves by 30 % from one run to the next; the number of
instructions a process executes until its window is painted does not (two runs
differ by under 1 %). This counts them with valgrind's cachegrind for the bare
window, the minimal window with the same table and `dossier gui --smoke`, each
stopped the moment its window is painted, and splits the app's count into stages
by stopping copies of it earlier. Instructions are not time (loading libraries
and page faults cost time that few instructions show), but a change that saves
instructions saves time, and the split shows where the app's own cost lies.

    python benchmarks/startup_instructions.py   # needs valgrind; about a minute
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import startup  # noqa: E402

STOP = "\nimport os\nos._exit(0)\n"

# The app, stopped where startup.py reads the time: its "shown" line.
APP = """
import builtins, os, sys
_print = builtins.print
def _stop_when_shown(*args, **kwargs):
    if args and str(args[0]).startswith("shown "):
        os._exit(0)
    _print(*args, **kwargs)
builtins.print = _stop_when_shown
from dossier.cli import main
sys.exit(main(["--store", sys.argv[1], "gui", "--smoke", "--ui-lang", "en"]))
"""

# Copies of the app's start stopped earlier, in the order the app does things.
STAGES = [
    ("Python itself (and site)", "pass"),
    ("+ the store, model and command line", "import dossier.cli"),
    ("+ PySide6 (QtCore, QtGui, QtWidgets)", "import dossier.cli\nimport PySide6.QtWidgets"),
    (
        "+ Qt's namespace enums (any table model needs them)",
        "import dossier.cli\nimport PySide6.QtWidgets\nfrom PySide6.QtCore import Qt",
    ),
    (
        "+ the app's window modules",
        "import dossier.cli\nimport PySide6.QtWidgets\nfrom PySide6.QtCore import Qt\n"
        "import dossier.ui.app\nimport dossier.ui.main_window",
    ),
]


def instructions(code: str, *args: str, env: dict[str, str]) -> int:
    """Instructions the code executes until it exits (valgrind's 'I refs')."""
    out = subprocess.run(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            "-c",
            code,
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=True,
    ).stderr
    match = re.search(r"I\s+refs:\s+([\d,]+)", out)
    if match is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{out[-2000:]}")
    return int(match.group(1).replace(",", ""))


def measure() -> dict[str, int]:
    """Instruction counts: bare, minimal, app, then each stage of the app."""
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = startup.child_env(tmp)
        store = str(startup.sample_store(tmp))
        # One run first, so every counted run finds compiled bytecode.
        subprocess.run(
            [sys.executable, "-c", APP, store],
            env=env,
            capture_output=True,
            timeout=120,
            check=False,
        )
        counts["bare"] = instructions(startup.BARE + STOP, env=env)
        counts["minimal"] = instructions(startup.MINIMAL_TABLE + STOP, store, env=env)
        counts["app"] = instructions(APP, store, env=env)
        for name, code in STAGES:
            counts[name] = instructions(code + STOP, env=env)
        counts["pyside alone"] = instructions("import PySide6.QtWidgets" + STOP, env=env)
        # Issue 21's measure: launch to exit of `gui --smoke` against the floor window
        # (the same first screen on QStandardItemModel), each after a run that caches
        # its bytecode.
        here = str(Path(__file__).resolve().parent.parent)
        app_env = dict(env, PYTHONPATH=here, PYTHONPYCACHEPREFIX=f"{tmp}/pycache-whole")
        for name, code, code_env in (
            ("floor whole", startup.FLOOR, env),
            ("app whole", startup.APP, app_env),
        ):
            subprocess.run(
                [sys.executable, "-c", code, store],
                env=code_env,
                cwd=tmp,
                capture_output=True,
                timeout=120,
                check=True,
            )
            counts[name] = instructions(code, store, env=code_env)
    return counts


def main() -> int:
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind); nothing measured")
        return 0
    counts = measure()
    bare = counts["bare"]
    print("instructions until the window is painted (millions)")
    for key, label in (
        ("bare", "bare PySide6 QMainWindow"),
        ("minimal", "minimal table window"),
        ("app", "dossier gui --smoke"),
    ):
        print(f"  {label:28s} {counts[key] / 1e6:8.1f}   {counts[key] / bare:.2f}x the bare window")
    print("the app's start, stage by stage (millions, and what each stage adds)")
    previous = 0
    for name, _code in STAGES:
        print(f"  {name:52s} {counts[name] / 1e6:8.1f}  +{(counts[name] - previous) / 1e6:6.1f}")
        previous = counts[name]
    print(
        f"  {'+ the window: fonts, store, widgets, first paint':52s} "
        f"{counts['app'] / 1e6:8.1f}  +{(counts['app'] - previous) / 1e6:6.1f}"
    )
    # The store stage loads standard modules (inspect, typing...) that PySide6 would
    # load anyway; what the app's own first two stages cost beyond those:
    python, with_pyside = counts[STAGES[0][0]], counts[STAGES[2][0]]
    own = with_pyside - counts["pyside alone"]
    print(
        f"  (PySide6 alone takes {(counts['pyside alone'] - python) / 1e6:.1f}; the store, "
        f"model and command line add {own / 1e6:.1f} beyond what it shares with them)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
