"""The `dossier` command: a thin layer over the core, one module per group of commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from dossier import app_version
from dossier.cli import about, basic, brief, capture, gui, imports, security
from dossier.cli.common import CliError, run_command

# Each module adds its subcommands with register(subparsers).
COMMAND_MODULES = [gui, basic, security, brief, imports, capture, about]


class _VersionAction(argparse.Action):
    """--version, reading the version only when asked (it costs start-up time)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        print(f"dossier {app_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dossier",
        description="Offline country dossiers and printable briefs. "
                    "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action=_VersionAction)
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
