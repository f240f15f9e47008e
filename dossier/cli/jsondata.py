"""`dossier import-json`: merge a dossier written by `dossier export-json`."""

from __future__ import annotations

import argparse
from pathlib import Path

from dossier.cli.common import CliError, open_cli_store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-json",
        help="merge a dossier written by `export-json` (undo with `dossier undo`)",
    )
    p.add_argument("file", type=Path)
    p.add_argument(
        "--take",
        choices=["mine", "theirs", "both"],
        default="mine",
        help="on a conflicting edit keep mine (default), take theirs, or keep both",
    )
    p.add_argument("--dry-run", action="store_true", help="show what would change; change nothing")
    p.set_defaults(handler=cmd_import_json)


def cmd_import_json(args: argparse.Namespace) -> int:
    from dossier.ingest.exchange import ExchangeError, apply_merge, plan_merge
    from dossier.ingest.json_import import read_json

    try:
        incoming = read_json(args.file)
    except ExchangeError as exc:
        raise CliError(str(exc)) from None
    store = open_cli_store(args)
    plan = plan_merge(store, incoming)
    print(plan.summary())
    for conflict in plan.conflicts:
        print(f"  conflict: {conflict.describe()}")
    if args.dry_run:
        print("Dry run: nothing changed.")
        return 0
    result = apply_merge(store, plan, {c.key: args.take for c in plan.conflicts})
    print(
        f"Merged into {result.dossier.code}: {result.added} added, {result.identical} "
        f"identical, {result.updated} taken from the file, {result.kept} kept as mine. "
        "`dossier undo` takes it back."
    )
    return 0
