"""`dossier about`: the version, the store and the library versions, for IT support."""

from __future__ import annotations

import argparse
import sys

from dossier.cli.common import store_path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("about", help="show the version, the store and the library versions")
    p.set_defaults(handler=cmd_about)


def cmd_about(args: argparse.Namespace) -> int:
    from dossier.about import about_info, about_text

    # Read-only: the store is described from its file, never opened or migrated.
    sys.stdout.write(about_text(about_info(path=store_path(args))))
    return 0
