"""`dossier gui`: the desktop app."""

from __future__ import annotations

import argparse

from dossier.cli.common import CliError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the desktop app (the default)")
    p.add_argument("--smoke", action="store_true",
                   help="show the main window, process pending events and exit 0")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        from dossier.ui.app import run_gui  # type: ignore[import-not-found]
    except ImportError:
        raise CliError("The desktop app is not built yet; use `dossier show AZ` or "
                       "`dossier --help`.") from None
    return run_gui(args)
