"""Undo, redo and the history of changes, for changes made anywhere (window or command)."""

from __future__ import annotations

import argparse

from dossier.cli.common import CliError, open_cli_store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("undo", help="take back the newest change (made here or in the window)")
    p.set_defaults(handler=cmd_undo)
    p = sub.add_parser("redo", help="make again the change undone last")
    p.set_defaults(handler=cmd_redo)
    p = sub.add_parser("history", help="the newest changes first: when, what, by whom")
    p.add_argument("country", nargs="?", help="only this dossier (ISO code or name)")
    p.add_argument("--limit", type=int, default=20, help="at most this many (default 20)")
    p.set_defaults(handler=cmd_history)


def cmd_undo(args: argparse.Namespace) -> int:
    return _replay(args, "undo")


def cmd_redo(args: argparse.Namespace) -> int:
    return _replay(args, "redo")


def _replay(args: argparse.Namespace, verb: str) -> int:
    from dossier.store.oplog import NothingToUndo

    store = open_cli_store(args, create=False)
    try:
        changes = store.undo() if verb == "undo" else store.redo()
    except NothingToUndo as exc:
        raise CliError(str(exc)) from None
    print(f"{changes.label} ({changes.summary()}).")
    return 0


_STATES = {"done": "", "undone": " (undone)", "discarded": " (undone)", "record": ""}


def cmd_history(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CliError("--limit must be at least 1.")
    store = open_cli_store(args, create=False)
    dossier_id = store.find_dossier(args.country).id if args.country else None
    operations = store.history(dossier_id, args.limit)
    if not operations:
        print("No changes recorded yet.")
    for op in operations:
        when = op.at.replace("T", " ")[:19]
        records = f"{op.records} record" + ("" if op.records == 1 else "s")
        print(f"{when}  {op.label}{_STATES[op.state]}  [{records}; by {op.origin}]")
    return 0
