"""Browsing commands: list, show, search, check, export-json; making stores: init, sample."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from dossier.cli.common import CliError, open_cli_store, store_path
from dossier.exports.json_text import dossier_json, dossier_text
from dossier.model import ENTITIES
from dossier.plural import en_count
from dossier.store import HIT_END, HIT_START


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list the dossiers in the store")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("show", help="print a whole dossier as readable text")
    p.add_argument("country", help="ISO code (AZ) or country name")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("search", help="full-text search across all dossiers")
    p.add_argument("query", nargs="+", help="words to find (any script, any case)")
    p.add_argument("--limit", type=int, default=20, help="at most this many results")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("check", help="check the store's integrity (exit 1 on a problem)")
    p.add_argument(
        "--stale",
        metavar="YEARS",
        type=_years,
        help="also list facts (officials, points, figures, projects) dated more than "
        "YEARS years ago: by their last verification or their source's date",
    )
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("export-json", help="print a whole dossier as JSON")
    p.add_argument("country", help="ISO code (AZ) or country name")
    p.add_argument("--out", metavar="PATH", help="write to this file instead of stdout")
    p.set_defaults(handler=cmd_export_json)

    p = sub.add_parser(
        "init", help="make a new empty store (encrypted if $DOSSIER_PASSPHRASE is set)"
    )
    p.add_argument("path", help="the store file to create (its folder must exist)")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("sample", help="write a fresh store holding the sample dossier")
    p.add_argument(
        "--out",
        metavar="PATH",
        required=True,
        help="the store file to create (encrypted if $DOSSIER_PASSPHRASE is set)",
    )
    p.set_defaults(handler=cmd_sample)


LIST_WORDS = (
    ("official", ("official", "officials")),
    ("trade", ("trade figure", "trade figures")),
    ("project", ("project", "projects")),
    ("talking_point", ("talking point", "talking points")),
    ("source", ("source", "sources")),
)


def cmd_list(args: argparse.Namespace) -> int:
    store = open_cli_store(args)
    for d in store.dossiers.list():
        counts = ", ".join(
            en_count(store.repo(ENTITIES[k]).count(d.id), *words) for k, words in LIST_WORDS
        )
        print(f"{d.code}  {d.name}  ({d.name_en or ''}; {counts}; changed {d.updated_at})")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    store = open_cli_store(args)
    sys.stdout.write(dossier_text(store, store.find_dossier(args.country), args.lang))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    store = open_cli_store(args)
    query = " ".join(args.query)
    hits = store.search(query, limit=args.limit)
    if not hits:
        print(f"Nothing found for “{query}”.")
        return 0
    codes = {d.id: d.code for d in store.dossiers.list()}
    for hit in hits:
        snippet = hit.snippet.replace(HIT_START, "«").replace(HIT_END, "»").replace("\n", " ")
        label = ENTITIES[hit.kind].label(args.lang)
        print(f"{codes.get(hit.dossier_id, '?')}  {label} #{hit.id}: {hit.title}\n    {snippet}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    path = store_path(args)
    if not path.exists():
        raise CliError(f"No store at {path}.")
    store = open_cli_store(args, create=False)  # asks for the passphrase if encrypted
    from dossier.store.rekey import backup_mismatches

    problems = store.check() + backup_mismatches(store)
    if problems:
        for problem in problems:
            print(f"problem: {problem}")
        print(f"{path}: {en_count(len(problems), 'problem', 'problems')} found.")
        return 1
    dossiers = en_count(store.dossiers.count(), "dossier", "dossiers")
    print(f"{path}: ok (schema {store.schema_version}, {dossiers}).")
    if args.stale is not None:
        _print_stale(store, args.stale)
    return 0


def _years(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"a whole number of years, not {text!r}")
    return value


def _print_stale(store: Any, years: int) -> None:
    import datetime as dt

    from dossier.brief.ages import stale_facts

    today = dt.date.today()
    for d in store.dossiers.list():
        facts = stale_facts(store, d.id, years, today)
        older = f"older than {en_count(years, 'year', 'years')}"
        print(f"{d.code}: {en_count(len(facts), 'fact', 'facts')} {older}.")
        for fact in facts:
            print(f"  {fact.kind}: {fact.title} (as of {fact.dated})")


def cmd_export_json(args: argparse.Namespace) -> int:
    store = open_cli_store(args)
    data = dossier_json(store, store.find_dossier(args.country))
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.out:
        from dossier.files import write_atomic

        write_atomic(Path(args.out), text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


def cmd_sample(args: argparse.Namespace) -> int:
    import os

    from dossier.cli.common import PASSPHRASE_ENV
    from dossier.store import open_store
    from dossier.store.sample import load_sample

    out = Path(args.out)
    if out.exists():
        raise CliError(f"{out} already exists; choose a new file name.")
    # Encrypted when the passphrase is given, as `init` makes it.
    store = open_store(out, passphrase=os.environ.get(PASSPHRASE_ENV) or None)
    store.log.origin = "sample"  # `dossier history` names the command, not the window
    dossier = load_sample(store)
    store.close()
    print(f"Wrote the sample dossier ({dossier.name}) to {out}.")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    import os

    from dossier.cli.common import PASSPHRASE_ENV, check_out_folder
    from dossier.store import open_store

    out = Path(args.path).expanduser()
    if out.exists():
        raise CliError(f"{out} already exists; choose a new file name.")
    check_out_folder(out)
    # Scripts make an encrypted store by giving its passphrase.
    passphrase = os.environ.get(PASSPHRASE_ENV) or None
    store = open_store(out, passphrase=passphrase)
    store.close()
    kind = "encrypted" if passphrase else "new"
    print(f"Made an empty {kind} store at {out}.")
    return 0
