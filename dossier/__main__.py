"""`python -m dossier` is the `dossier` command."""

import sys

from dossier.cli import main

sys.exit(main())
