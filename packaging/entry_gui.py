"""Entry point of the windowed app on Windows and macOS (no console window).

It always opens the desktop app: launchers pass odd arguments (macOS once
passed -psn_...), and a windowed program has no console to print usage to.
"""

import sys

from dossier.cli import main

if __name__ == "__main__":
    sys.exit(main(["gui"]))
