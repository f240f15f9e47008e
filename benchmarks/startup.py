"""Cold start to a shown main window: `dossier gui --smoke` vs a bare PySide6 window.

Each run is a fresh process (imports, fonts, store, window) on the sample dossier;
the child prints the moment its window is on screen and we subtract the moment we
started it. Prints the medians and their ratio (the target is under 1.5x).

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1200, 780)
w.show()
app.processEvents()
print(f"shown {time.time():.6f}")
"""

APP = """
import sys
from dossier.cli import main
sys.exit(main(["--store", sys.argv[1], "gui", "--smoke", "--ui-lang", "en"]))
"""


def shown_after(code: str, *args: str, env: dict[str, str]) -> float:
    """Seconds from starting the process to its `shown <time>` line."""
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         env=env, check=True, timeout=120).stdout
    stamp = next(line for line in out.splitlines() if line.startswith("shown "))
    return float(stamp.split()[1]) - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   HOME=tmp, XDG_CONFIG_HOME=f"{tmp}/config", XDG_DATA_HOME=f"{tmp}/data",
                   MPLCONFIGDIR=f"{tmp}/mpl",
                   # An installed app starts from compiled bytecode; so do both runs
                   # here (kept in the temp folder, not beside the sources).
                   PYTHONPYCACHEPREFIX=f"{tmp}/pycache")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        store = Path(tmp) / "sample.db"
        from dossier.store import open_store
        from dossier.store.sample import load_sample

        s = open_store(store)
        load_sample(s)
        s.close()
        # One warm-up each: the first run pays for the OS file cache, not the app.
        shown_after(BARE, env=env)
        shown_after(APP, str(store), env=env)
        bare, app = [], []
        for _ in range(args.runs):
            bare.append(shown_after(BARE, env=env))
            app.append(shown_after(APP, str(store), env=env))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"bare PySide6 QMainWindow: median {b * 1000:.0f} ms "
          f"(min {min(bare) * 1000:.0f}, max {max(bare) * 1000:.0f}) over {args.runs} runs")
    print(f"dossier gui --smoke:      median {a * 1000:.0f} ms "
          f"(min {min(app) * 1000:.0f}, max {max(app) * 1000:.0f}) over {args.runs} runs")
    print(f"ratio: {a / b:.2f}x (target < 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
