"""The `dossier` command: a thin layer over the core, one module per group of commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from dossier import __version__
from dossier.cli import basic, brief, capture, gui, imports, security
from dossier.cli.common import CliError, run_command

# Each module adds its subcommands with register(subparsers).
COMMAND_MODULES = [gui, basic, security, brief, imports, capture]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dossier",
        description="Offline country dossiers and printable briefs. "
                    "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"dossier {__version__}")
    parser.add_argument("--store", metavar="PATH",
                        help="store file to use (default: $DOSSIER_STORE, else the user's "
                             "data directory; created with the sample dossier on first run)")
    parser.add_argument("--lang", choices=["en", "ru"], default="en",
                        help="language of labels in output (default: en)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    security.keep_caches_private()  # before matplotlib is imported
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), "gui"])
    try:
        return run_command(args)
    except CliError as exc:
        print(f"dossier: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("dossier: interrupted", file=sys.stderr)
        return 130


__all__ = ["main"]
