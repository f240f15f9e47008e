"""Import commands: import-trade, import-officials, import-factbook."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.cli.common import CliError, add_no_backup, backup_before_change, open_cli_store
from dossier.plural import en_count

if TYPE_CHECKING:  # the import itself loads only when a command needs it
    from dossier.ingest.trade_import import Options, UnitHint


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-trade",
        help="import trade figures from a CSV/TSV/XLSX table",
        description="Import trade figures. Run with --dry-run first: it shows the detected "
        "layout, the column mapping, the suggested unit and a preview.",
    )
    p.add_argument("file", type=Path)
    p.add_argument("--country", required=True, help="dossier code (AZ) or name")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="ROLE=COLUMN",
        help="map a column: period=, amount=, flow=, currency=, or one column per "
        "flow: export=, import=, turnover= (repeatable)",
    )
    p.add_argument(
        "--flow",
        choices=["export", "import", "turnover"],
        help="the flow of the whole table or block, if no column says it",
    )
    p.add_argument(
        "--unit",
        help="the unit the file's numbers are in: 1, 1e3, 1e6, 1e9 "
        "(required to import: confirm what the dry run suggests)",
    )
    p.add_argument("--store-unit", help="store amounts in this unit instead (e.g. 1e6)")
    p.add_argument(
        "--currency", help="the currency of the amounts if no column gives it (e.g. USD)"
    )
    p.add_argument(
        "--reporter",
        help="whose trade the figures are, if no column says it: an ISO code (BY), "
        "a country name or “world”; flows are the reporter's",
    )
    p.add_argument(
        "--partner",
        action="append",
        default=[],
        metavar="CODE|COLUMN=VALUE",
        help="the reporter's partner (AZ, or “world”) if no column says it; "
        "COLUMN=VALUE keeps only rows with this value (same as --rows)",
    )
    p.add_argument(
        "--rows",
        action="append",
        default=[],
        metavar="COLUMN=VALUE",
        help="keep only rows with this value (multi-country files; repeatable)",
    )
    p.add_argument("--reporter-column", help="the column naming the reporter country")
    p.add_argument("--partner-column", help="the column naming the partner country")
    p.add_argument(
        "--list-partners",
        action="store_true",
        help="list the partner combinations in the file and stop",
    )
    p.add_argument("--block", type=int, help="block number to import (Rosstat-style tables)")
    p.add_argument("--list-blocks", action="store_true", help="list the blocks and stop")
    p.add_argument(
        "--periods",
        default="year",
        help="for blocks: year,quarter,month (comma-separated; default year)",
    )
    p.add_argument("--sheet", help="XLSX sheet name (default: the first)")
    p.add_argument("--encoding", help="text encoding if not UTF-8 (e.g. cp1251)")
    p.add_argument(
        "--source-title", help="title of the source the figures cite (default: the file name)"
    )
    p.add_argument("--dry-run", action="store_true", help="show what would happen; change nothing")
    add_no_backup(p)
    p.set_defaults(handler=cmd_import_trade)

    p = sub.add_parser("import-officials", help="import officials and their posts from a CSV")
    p.add_argument("file", type=Path)
    p.add_argument("--country", required=True, help="dossier code (AZ) or name")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="ROLE=COLUMN",
        help="map a column: name=, position=, start=, end=, person_id=, country=, birth_date=, gender=",
    )
    p.add_argument(
        "--filter-country",
        help="for many-country files: keep rows of this "
        "country (default: the dossier's English name)",
    )
    p.add_argument("--side", default="host", choices=["host", "home", "third"])
    p.add_argument("--current-only", action="store_true", help="only people in post now")
    p.add_argument("--encoding", help="text encoding if not UTF-8 (e.g. cp1251)")
    p.add_argument("--source-title", help="title of the source (default: the file name)")
    p.add_argument("--dry-run", action="store_true")
    add_no_backup(p)
    p.set_defaults(handler=cmd_import_officials)

    p = sub.add_parser(
        "import-factbook", help="new dossier, or refresh one, from a World Factbook JSON file"
    )
    p.add_argument("file", type=Path)
    p.add_argument("--code", help="ISO code if it cannot be told from the file")
    p.add_argument("--home-country", help="home country of a new dossier (e.g. Беларусь)")
    p.add_argument("--dry-run", action="store_true")
    add_no_backup(p)
    p.set_defaults(handler=cmd_import_factbook)


def _pairs(items: list[str], what: str) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise CliError(f"{what} “{item}” must look like NAME=VALUE.")
        out[key.strip()] = value.strip()
    return out


def _print_report(lines: list[str], title: str) -> None:
    if lines:
        print(title)
        for line in lines:
            print(f"  {line}")


def _print_preview(rows: list[dict[str, str]]) -> None:
    if not rows:
        print("Preview: no figures.")
        return
    cols = list(rows[0])
    widths = {c: max(len(c), *(len(r[c]) for r in rows)) for c in cols}
    print("Preview (as stored):")
    print("  " + "  ".join(c.ljust(widths[c]) for c in cols))
    for r in rows:
        print("  " + "  ".join(r[c].ljust(widths[c]) for c in cols))


# -- trade ------------------------------------------------------------------------
def cmd_import_trade(args: argparse.Namespace) -> int:
    # The same load -> plan -> commit session the import dialog drives.
    from dossier.ingest.tables import TableError
    from dossier.ingest.trade_session import load_trade

    store = open_cli_store(args)
    dossier = store.find_dossier(args.country)
    try:
        trade_file = load_trade(args.file, encoding=args.encoding, sheet=args.sheet)
        for note in trade_file.table.notes:
            print(f"note: {note}")
        print(f"{args.file.name}: {trade_file.table.describe()}")
        if trade_file.blocks and not args.map:
            return _trade_blocks(args, store, dossier, trade_file.blocks)
        return _trade_records(args, store, dossier, trade_file)
    except TableError as exc:
        raise CliError(str(exc)) from None


def _confirmed_unit(args: argparse.Namespace, hint: UnitHint) -> str:
    from dossier.ingest.trade_import import SCALE_NAMES, parse_unit

    print(
        f"Unit: suggested {SCALE_NAMES.get(hint.scale, 'unknown') if hint.scale else 'unknown'}"
        f" ({hint.reason})."
    )
    if args.unit is None:
        if args.dry_run:
            return hint.scale or "1"
        raise CliError(
            "Confirm the unit of the file's numbers with --unit (1, 1e3, 1e6 or "
            "1e9); see the suggestion above, or run with --dry-run.",
            code=2,
        )
    try:
        return parse_unit(args.unit)
    except ValueError as exc:
        raise CliError(str(exc)) from None


def _partner_code(args: argparse.Namespace) -> str | None:
    codes = [p for p in args.partner if "=" not in p]
    if len(codes) > 1:
        raise CliError("Give one --partner country (or COLUMN=VALUE row filters).")
    return codes[0] if codes else None


def _options(args: argparse.Namespace, unit: str) -> Options:
    from dossier.ingest.trade_import import Options, pair_code, parse_unit

    try:
        store_unit = parse_unit(args.store_unit) if args.store_unit else None
        reporter = pair_code(args.reporter, "reporter") if args.reporter else None
        partner = _partner_code(args)
        partner = pair_code(partner, "partner") if partner else None
    except ValueError as exc:
        raise CliError(str(exc)) from None
    currency = (args.currency or "").strip().upper() or None
    if currency is not None and not (len(currency) == 3 and currency.isalpha()):
        raise CliError(f"“{args.currency}” is not a currency code: use three letters, e.g. USD.")
    return Options(
        unit=unit, currency=currency, store_unit=store_unit, reporter=reporter, partner=partner
    )


def _trade_blocks(args, store, dossier, blocks) -> int:
    from dossier.ingest import trade_import as ti
    from dossier.ingest.trade_session import suggest_block

    if args.list_blocks or args.block is None:
        for b in blocks:
            first, last = b.years()
            kind = "percent/ratio" if b.is_percent else "amounts"
            print(
                f"  block {b.number:3d}  line {b.first_line:5d}  {first}–{last}  {kind:13s} "
                f"{b.title()[:120]}"
            )
        if args.block is None and not args.list_blocks:
            raise CliError(
                "This is a table of blocks (year × quarters × months): choose one "
                "with --block N and say its flow with --flow.",
                code=2,
            )
        return 0
    block = next((b for b in blocks if b.number == args.block), None)
    if block is None:
        raise CliError(f"No block {args.block}; there are {len(blocks)} (see --list-blocks).")
    if block.is_percent:
        raise CliError(
            f"Block {block.number} holds percentages or ratios, not amounts: {block.heading[:100]}"
        )
    suggestion = suggest_block(block)
    if args.flow is None:
        guess = f"; its heading says {suggestion.flow}" if suggestion.flow else ""
        raise CliError(
            f"Say which flow block {block.number} is with --flow "
            f"(export, import or turnover{guess}): {block.heading[:100]}"
        )
    print(f"Block {block.number}: {block.title()}")
    unit = _confirmed_unit(args, suggestion.unit)
    kinds = [k.strip() for k in args.periods.split(",") if k.strip()]
    bad = set(kinds) - {"year", "quarter", "month"}
    if bad:
        raise CliError(f"--periods takes year, quarter, month; not {', '.join(sorted(bad))}.")
    plan = ti.plan_block(block, args.flow, dossier.id, _options(args, unit), kinds)
    return _finish_trade(args, store, dossier, plan)


def _trade_records(args, store, dossier, trade_file) -> int:
    from dossier.ingest import trade_import as ti
    from dossier.ingest.trade_session import plan_records

    records = trade_file.as_records()
    mapping = trade_file.guessed_mapping()
    for role, column in _pairs(args.map, "--map").items():
        if role in ("export", "import", "turnover"):
            mapping.flow_columns[role] = column
            mapping.amount = None
        elif role in ("period", "amount", "flow", "currency"):
            setattr(mapping, role, column)
            if role == "amount":
                mapping.flow_columns = {}
        else:
            raise CliError(
                f"Unknown role “{role}” in --map: use period, amount, flow, "
                "currency, export, import or turnover."
            )
    if args.flow:
        mapping.fixed_flow, mapping.flow = args.flow, None
    if args.reporter_column:
        mapping.reporter_column = args.reporter_column
    if args.partner_column:
        mapping.partner_column = args.partner_column
    # A pair given on the command line wins over columns guessed from the header.
    if args.reporter and not args.reporter_column:
        mapping.reporter_column = None
    if _partner_code(args) and not args.partner_column:
        mapping.partner_column = None
    mapping.partner = _pairs([p for p in args.partner if "=" in p] + args.rows, "--rows")
    print(f"Columns: {', '.join(records.header)}")
    if args.list_partners:
        cols = ti.partner_columns(records.header)
        if not cols:
            raise CliError("No partner or country columns found.")
        print(f"Partner combinations ({' / '.join(cols)}):")
        for values, count in ti.partner_pairs(records, cols):
            print(f"  {' / '.join(values)}: {en_count(count, 'row', 'rows')}")
        return 0
    partners = trade_file.many_countries()
    both = mapping.reporter_column and mapping.partner_column
    if partners and not mapping.partner and not both:
        raise CliError(
            f"This file holds many countries ({', '.join(partners)}): choose the "
            "rows with --rows COLUMN=VALUE (see --list-partners).",
            code=2,
        )
    flows = ", ".join(f"{f}={c}" for f, c in mapping.flow_columns.items())
    flow = mapping.flow or mapping.fixed_flow
    print(
        f"Mapping: period={mapping.period}, "
        + (flows if flows else f"amount={mapping.amount}, flow={flow}")
        + (f", currency={mapping.currency}" if mapping.currency else "")
        + (f", reporter={mapping.reporter_column}" if mapping.reporter_column else "")
        + (f", partner={mapping.partner_column}" if mapping.partner_column else "")
        + "".join(f", {k}={v}" for k, v in mapping.partner.items())
    )
    # The unit hint looks at the rows that will be imported.
    _probe, hint = plan_records(trade_file, mapping, dossier.id, _options(args, "1"))
    unit = _confirmed_unit(args, hint)
    plan, _hint = plan_records(trade_file, mapping, dossier.id, _options(args, unit))
    if records.repeated_headers:
        print(f"Repeated header rows skipped: {records.repeated_headers}")
    return _finish_trade(args, store, dossier, plan)


def _finish_trade(args, store, dossier, plan) -> int:
    from dossier.ingest.trade_session import commit_trade

    for note in plan.notes:
        print(f"note: {note}")
    _print_preview(plan.preview(10, args.lang))
    print(
        f"{en_count(len(plan.figures), 'figure', 'figures')}, "
        f"{en_count(plan.empty_cells, 'empty cell', 'empty cells')}, "
        f"{en_count(len(plan.skipped), 'row', 'rows')} skipped."
    )
    _print_report(plan.report(), "Skipped:")
    if args.dry_run:
        print("Dry run: nothing changed.")
        return 0
    backup_before_change(args, store)
    title = args.source_title or args.file.name
    result = commit_trade(store, plan, dossier.id, title, url=str(args.file.name), lang=args.lang)
    _print_report(result.conflicts[:50], "Not changed (the dossier has other values):")
    print(
        f"Imported {en_count(result.added, 'figure', 'figures')} into {dossier.code}; "
        f"{result.duplicates} already there, "
        f"{en_count(len(result.conflicts), 'conflict', 'conflicts')} left alone."
    )
    return 0


# -- officials --------------------------------------------------------------------
def cmd_import_officials(args: argparse.Namespace) -> int:
    # The same load -> plan -> commit session the import dialog drives.
    from dossier.ingest import officials_import as oi
    from dossier.ingest.officials_session import commit_officials, load_officials
    from dossier.ingest.tables import TableError

    store = open_cli_store(args)
    dossier = store.find_dossier(args.country)
    try:
        loaded = load_officials(args.file, encoding=args.encoding)
        records, mapping = loaded.records, loaded.mapping
        for role, column in _pairs(args.map, "--map").items():
            if role not in (
                "name",
                "position",
                "start",
                "end",
                "person_id",
                "country",
                "birth_date",
                "gender",
            ):
                raise CliError(
                    f"Unknown role “{role}” in --map: use name, position, start, "
                    "end, person_id, country, birth_date or gender."
                )
            setattr(mapping, role, column)
        mapping = loaded.for_dossier(dossier, args.filter_country)
        plan = oi.plan_officials(
            store, dossier, records, mapping, side=args.side, current_only=args.current_only
        )
    except TableError as exc:
        raise CliError(str(exc)) from None
    for note in plan.notes:
        print(f"note: {note}")
    print(f"{args.file.name}: {plan.summary()}")
    _print_report(oi.describe(plan.people), "Changes:")
    _print_report([f"line {p.line}: {p.reason}" for p in plan.skipped[:50]], "Skipped:")
    if args.dry_run:
        print("Dry run: nothing changed.")
        return 0
    if not plan.count("add") and not plan.count("update"):
        print("Nothing to change.")
        return 0
    backup_before_change(args, store)
    title = args.source_title or args.file.name
    result = commit_officials(store, plan, dossier.id, title, url=args.file.name)
    print(f"Added {result.added} and updated {result.updated} officials in {dossier.code}.")
    return 0


# -- factbook ---------------------------------------------------------------------
def cmd_import_factbook(args: argparse.Namespace) -> int:
    from dossier.ingest import factbook as fb

    store = open_cli_store(args)
    try:
        book = fb.read_factbook(args.file, args.code)
    except fb.FactbookError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"Cannot read {args.file}: {exc.strerror}.") from None
    plan = fb.plan_factbook(store, book, args.lang)
    for line in plan.lines:
        print(line)
    if args.dry_run:
        print("Dry run: nothing changed.")
        return 0
    backup_before_change(args, store)
    dossier = fb.apply_factbook(store, plan, args.home_country)
    print(f"Dossier {dossier.code} ({dossier.name}) is up to date with {args.file.name}.")
    return 0
