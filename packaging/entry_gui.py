"""Entry point of the windowed app on Windows and macOS (no console window).

It always opens the desktop app (see dossier.cli.gui_main, also the `dossier-gui`
gui-script of a pip install).
"""

import sys

from dossier.cli import gui_main

if __name__ == "__main__":
    sys.exit(gui_main())
