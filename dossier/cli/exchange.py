"""Exchange and export commands: export-dossier, import-dossier, export-ftm, export-csv."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dossier.cli.common import (
    CliError,
    add_no_backup,
    ask_passphrase,
    backup_before_change,
    open_cli_store,
)

PASSPHRASE_ENV = "DOSSIER_EXCHANGE_PASSPHRASE"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export-dossier", help="write one dossier to an encrypted .dossier file for a colleague"
    )
    p.add_argument("country", help="dossier code (AZ) or name")
    p.add_argument("--out", type=Path, required=True, help="the .dossier file to write")
    p.set_defaults(handler=cmd_export_dossier)

    p = sub.add_parser("export-ftm", help="write a dossier as FollowTheMoney JSON lines")
    p.add_argument("country", help="dossier code (AZ) or name")
    p.add_argument("--out", type=Path, help="write to this file instead of stdout")
    p.set_defaults(handler=cmd_export_ftm)

    p = sub.add_parser("export-csv", help="write one tab of a dossier as CSV")
    p.add_argument("country", help="dossier code (AZ) or name")
    p.add_argument("tab", help="officials, trade, projects, talking_points, sources or events")
    p.add_argument(
        "--out", type=Path, help="write to this file (UTF-8 with BOM, for Excel) instead of stdout"
    )
    p.set_defaults(handler=cmd_export_csv)

    p = sub.add_parser("import-dossier", help="merge a .dossier file into the store")
    p.add_argument("file", type=Path)
    p.add_argument(
        "--take",
        choices=["mine", "theirs"],
        default="mine",
        help="on a conflicting edit keep mine (default) or take theirs",
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="show new, identical and conflicting records; change nothing",
    )
    p.add_argument(
        "--allow-unencrypted",
        action="store_true",
        help="read a plain (unencrypted) file: nothing proves who wrote or changed it",
    )
    add_no_backup(p)
    p.set_defaults(handler=cmd_import_dossier)


# -- exchange ---------------------------------------------------------------------
def exchange_passphrase(confirm: bool) -> str:
    return ask_passphrase(
        "Passphrase for the .dossier file", env_var=PASSPHRASE_ENV, confirm=confirm
    )


def cmd_export_dossier(args: argparse.Namespace) -> int:
    from dossier.exports.exchange_writer import export_dossier
    from dossier.ingest.exchange import ExchangeError

    store = open_cli_store(args)
    dossier = store.find_dossier(args.country)
    passphrase = exchange_passphrase(confirm=True)
    try:
        counts = export_dossier(store, dossier, args.out, passphrase)
    except ExchangeError as exc:
        raise CliError(str(exc)) from None
    what = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
    print(f"Wrote {args.out} ({dossier.code}: {what}), encrypted with your passphrase.")
    return 0


def cmd_import_dossier(args: argparse.Namespace) -> int:
    from dossier.ingest.exchange import ExchangeError, apply_merge, plan_merge, read_exchange
    from dossier.store.crypto import is_encrypted

    store = open_cli_store(args)
    # A plain file has no passphrase to ask (it is refused, or read with a warning).
    passphrase = exchange_passphrase(confirm=False) if is_encrypted(args.file) else None
    try:
        incoming = read_exchange(
            args.file, passphrase, allow_unencrypted=getattr(args, "allow_unencrypted", False)
        )
        plan = plan_merge(store, incoming)
    except ExchangeError as exc:
        raise CliError(str(exc)) from None
    for warning in incoming.warnings:
        print(f"dossier: warning: {warning}", file=sys.stderr)
    print(plan.summary())
    for conflict in plan.conflicts:
        print(f"  conflict: {conflict.describe()}")
    if args.dry_run:
        print("Dry run: nothing changed.")
        return 0
    backup_before_change(args, store)
    choices = {c.key: args.take for c in plan.conflicts}
    result = apply_merge(store, plan, choices)
    print(
        f"Merged into {result.dossier.code}: {result.added} added, {result.identical} "
        f"identical, {result.updated} taken from the file, {result.kept} kept as mine."
    )
    return 0


# -- other exports ----------------------------------------------------------------
def _write(out: Path | None, text: str, bom: bool = False) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    from dossier.files import write_atomic

    write_atomic(out, (("\ufeff" if bom else "") + text).encode("utf-8"))
    print(f"Wrote {out}.")


def cmd_export_ftm(args: argparse.Namespace) -> int:
    from dossier.exports.ftm import ftm_lines

    store = open_cli_store(args)
    _write(args.out, ftm_lines(store, store.find_dossier(args.country)))
    return 0


def cmd_export_csv(args: argparse.Namespace) -> int:
    from dossier.exports.csv_tab import tab_csv, tab_spec

    store = open_cli_store(args)
    dossier = store.find_dossier(args.country)
    try:
        spec = tab_spec(args.tab)
    except KeyError as exc:
        raise CliError(exc.args[0]) from None
    _write(args.out, tab_csv(store, dossier, spec, args.lang), bom=True)
    return 0
