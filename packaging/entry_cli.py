"""Entry point of the bundled `dossier` command (PyInstaller starts here)."""

import sys

from dossier.cli import main

if __name__ == "__main__":
    sys.exit(main())
