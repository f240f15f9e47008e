"""`dossier capture FILE`: propose the facts of a wire report, optionally store them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dossier.cli.common import CliError, add_no_backup, backup_before_change, open_cli_store

_HEADINGS = {
    "officials": "Officials",
    "trade_figures": "Trade figures",
    "projects": "Projects",
    "quotes": "Statements",
    "organisations": "Organisations",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "capture",
        help="propose officials, trade figures, projects and statements found in a text file",
    )
    p.add_argument("file", help="UTF-8 text file (a wire report, a readout, a saved page)")
    p.add_argument(
        "--country",
        metavar="CODE",
        help="dossier to match against (and to store into with --accept-all)",
    )
    p.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help='publication date; relative dates ("this year") are read against it',
    )
    p.add_argument("--json", action="store_true", help="print the candidates as JSON")
    p.add_argument(
        "--accept-all",
        action="store_true",
        help="store every ticked candidate (those whose facts are certain) in the "
        "--country dossier, citing the text",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="with --accept-all: store even when the text names neither of the dossier's countries",
    )
    add_no_backup(p)
    p.set_defaults(handler=cmd_capture)


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CliError(f"No such file: {path}") from None
    except IsADirectoryError:
        raise CliError(f"{path} is a folder, not a text file.") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CliError(
            f"{path} is not UTF-8 text (bad byte at position {exc.start}); nothing was imported."
        ) from None


def cmd_capture(args: argparse.Namespace) -> int:
    from dossier.ingest.capture.accept import accept, match_capture
    from dossier.ingest.capture.pipeline import capture
    from dossier.ingest.capture.types import CaptureError

    if args.accept_all and not args.country:
        raise CliError("--accept-all needs --country: the dossier to store into.")
    text = _read(Path(args.file))
    try:
        result = capture(text, published_on=args.date)
    except CaptureError as exc:
        raise CliError(f"{args.file}: {exc}") from None
    store = dossier = None
    if args.country:
        store = open_cli_store(args)
        dossier = store.find_dossier(args.country)
        if dossier.id is None:  # a dossier read from the store always has its id
            raise CliError(f"{args.country}: the dossier has no id in the store.")
        match_capture(store, dossier.id, result)
    if args.json:
        sys.stdout.write(json.dumps(result.as_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        _summary(result)
    if args.accept_all and store is not None and dossier is not None and dossier.id is not None:
        if result.off_topic and not args.force:
            raise CliError(f"{result.off_topic} Nothing was stored; add --force to store anyway.")
        backup_before_change(args, store)
        ticked = [key for key, candidate in result.candidates() if candidate.ticked]
        outcome = accept(store, dossier.id, result, ticked, lang=args.lang)
        source = "reused source" if outcome.source_reused else "new source"
        print(
            f"Stored in {dossier.code}: {sum(map(len, outcome.added.values()))} added, "
            f"{sum(map(len, outcome.updated.values()))} updated, "
            f"{len(outcome.skipped)} skipped ({source} #{outcome.source_id}).",
            file=sys.stderr if args.json else sys.stdout,
        )
        for key, why in outcome.skipped.items():
            print(f"  skipped {key}: {why}", file=sys.stderr if args.json else sys.stdout)
        for key, candidate in result.candidates():
            if not candidate.ticked and not key.startswith("organisations"):
                print(
                    f"  not stored {key}: {candidate.reason or 'uncertain'}",
                    file=sys.stderr if args.json else sys.stdout,
                )
    return 0


def _summary(result: object) -> None:
    src = result.source  # type: ignore[attr-defined]
    print(f"Source: {src.title}")
    print(
        f"  publisher: {src.publisher or '-'}; published: {src.published_on or '-'}; "
        f"language: {src.language}"
    )
    for warning in result.warnings:  # type: ignore[attr-defined]
        print(f"  note: {warning}")
    for group, items in result.groups():  # type: ignore[attr-defined]
        if not items:
            continue
        print(f"\n{_HEADINGS[group]} ({len(items)}):")
        for item in items:
            existing = getattr(item, "existing", None)
            mark = f"  [already #{existing}]" if existing is not None else ""
            tick = "[x]" if item.ticked else "[ ]"
            why = f"  ({item.reason})" if item.reason else ""
            print(f"  {tick} {item.confidence:.0%}  {item.label}{mark}{why}")
