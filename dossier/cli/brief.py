"""`dossier brief`: write the printable PDF brief of a dossier."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from dossier.cli.common import CliError, open_cli_store
from dossier.model import Dossier

if TYPE_CHECKING:
    from dossier.progress import Progress
    from dossier.store import Store

SECTION_NAMES = (
    "cover, contents, steering, programme, objectives, messages, if_raised, press, "
    "background, interlocutors, delegation, trade, projects, glossary, sources"
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "brief",
        help="write a dossier's brief as a PDF",
        description="Write the printable brief of a dossier as a PDF.",
    )
    p.add_argument(
        "country",
        nargs="?",
        help="ISO code (AZ) or country name; may be left out when the store holds one dossier",
    )
    p.add_argument("--out", metavar="PATH", required=True, help="the PDF file to write")
    p.add_argument(
        "--sample",
        action="store_true",
        help="brief the bundled sample dossier (no store is opened)",
    )
    p.add_argument("--title", default="", help='e.g. "Official visit to Baku"')
    p.add_argument("--place", default="", help="where the visit or meeting is")
    p.add_argument("--dates", default="", help='when, as it should print: "25–26 November"')
    p.add_argument(
        "--date", metavar="YYYY-MM-DD", help="generation date printed on the brief (default: today)"
    )
    p.add_argument(
        "--lang",
        dest="brief_lang",
        choices=["ru", "en"],
        help="language of headings and labels (default: ru)",
    )
    p.add_argument(
        "--paper",
        default="A4",
        type=str.casefold,
        choices=["a4", "letter"],
        help="A4 (default) or Letter",
    )
    p.add_argument(
        "--classification",
        "--marking",
        dest="classification",
        metavar="TEXT",
        help="marking at the top and bottom of every page (default: the dossier's, e.g. ДСП)",
    )
    p.add_argument(
        "--sections",
        metavar="LIST",
        help=f"comma-separated sections to include (default: all): {SECTION_NAMES}",
    )
    p.add_argument(
        "--releasable",
        action="store_true",
        help="leave out every background-only record and internal annotation "
        "(priority, audience, verification, notes)",
    )
    p.add_argument(
        "--release-marking",
        metavar="TEXT",
        help="marking of the releasable version (default: the dossier's release marking)",
    )
    p.add_argument(
        "--interlocutors",
        metavar="NAME,...",
        help="comma-separated names (as written or in Latin) of the officials to brief on",
    )
    p.add_argument("--purpose", default="", help="purpose of the visit, for the steering note")
    p.add_argument(
        "--since",
        default="last",
        metavar="DATE|last|none",
        help="list what changed since an earlier brief of the dossier: the last one written "
        "(default), the newest written on or before DATE (2013-11-20), or none",
    )
    p.add_argument(
        "--visit-date",
        metavar="YYYY-MM-DD",
        help="the visit's day: facts older than --stale-years before it print 'as of'",
    )
    p.add_argument(
        "--stale-years",
        metavar="N",
        type=int,
        default=5,
        help="facts older than this many years print 'as of ...' (default: 5)",
    )
    p.add_argument("--prepared-for", default="", metavar="WHO")
    p.add_argument("--prepared-by", default="", metavar="WHO")
    p.add_argument(
        "--version-label",
        dest="version_label",
        default="",
        metavar="TEXT",
        help='version printed on the cover, e.g. "2nd draft"',
    )
    p.add_argument(
        "--cards",
        metavar="N",
        default=argparse.SUPPRESS,
        help="at most N interlocutor cards, the others in a table (default: 30; "
        "'all' for a card each)",
    )
    p.add_argument(
        "--rows",
        metavar="N",
        default=argparse.SUPPRESS,
        help="at most N rows per long list; more trade figures are summed per "
        "year (default: 200; 'all' for every row)",
    )
    p.add_argument(
        "--complete",
        action="store_true",
        help="the whole dossier: a card for every official and every row "
        "(same as --cards all --rows all)",
    )
    p.set_defaults(handler=cmd_brief)


def _limit(name: str, text: str) -> int | None:
    if text.strip().casefold() in ("all", "все"):
        return None
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise CliError(f"--{name} must be a whole number of 0 or more, or 'all', not {text!r}.")
    return value


def _day(text: str | None, option: str = "--date") -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CliError(f"{option} must be a day such as 2013-11-25, not {text!r}.") from None


def _interlocutors(store: Store, dossier: Dossier, names: str) -> tuple[int, ...]:
    """The ids of the officials named, in the order given; one line for an unknown name."""

    def fold(text: str) -> str:
        return text.casefold().replace("ё", "е")

    wanted = [n.strip() for n in names.split(",") if n.strip()]
    officials = store.officials.list(dossier.id)
    ids = []
    for name in wanted:
        key = fold(name)
        found = [
            o.id
            for o in officials
            if o.id is not None and key in (fold(o.name), fold(o.name_latin or ""))
        ]
        if not found:
            raise CliError(f"--interlocutors: no official named {name!r} in {dossier.name}.")
        ids += found
    return tuple(dict.fromkeys(ids))


class _Limits(TypedDict, total=False):
    max_cards: int | None
    max_rows: int | None


def _limits(args: argparse.Namespace) -> _Limits:
    """Only the limits given (None: no limit); BriefOptions keeps its defaults otherwise."""
    if args.complete:
        return {"max_cards": None, "max_rows": None}
    limits = _Limits()
    if hasattr(args, "cards"):
        limits["max_cards"] = _limit("cards", args.cards)
    if hasattr(args, "rows"):
        limits["max_rows"] = _limit("rows", args.rows)
    return limits


def cmd_brief(args: argparse.Namespace) -> int:
    from dossier.brief import BriefOptions, build_brief
    from dossier.brief.options import SECTIONS
    from dossier.files import write_atomic

    # The brief's own --lang (after `brief`): the global one defaults to English for
    # terminal output, while a brief defaults to Russian, the sample's language.
    lang = args.brief_lang or "ru"
    sections = SECTIONS
    if args.sections:
        sections = tuple(s.strip().casefold() for s in args.sections.split(",") if s.strip())
    try:
        options = BriefOptions(
            title=args.title,
            place=args.place,
            dates=args.dates,
            prepared_for=args.prepared_for,
            prepared_by=args.prepared_by,
            version=args.version_label,
            classification=args.classification,
            lang=lang,
            paper=args.paper,
            include_background=not args.releasable,
            release_marking=args.release_marking,
            purpose=args.purpose,
            visit_date=_day(args.visit_date, "--visit-date") if args.visit_date else None,
            stale_years=args.stale_years,
            since=None if args.since.casefold() == "none" else args.since.casefold(),
            generated_on=_day(args.date),
            sections=sections,
            **_limits(args),
        )
    except ValueError as exc:
        raise CliError(str(exc)) from None

    if args.sample:
        from dossier.store import memory_store
        from dossier.store.sample import load_sample

        store = memory_store()
        dossier = load_sample(store)
    else:
        store = open_cli_store(args)
        dossier = _choose(store, args.country)
    if args.interlocutors:
        options = options.replace(official_ids=_interlocutors(store, dossier, args.interlocutors))
    out = Path(args.out).expanduser()
    if out.is_dir():
        raise CliError(f"{out} is a folder; give a file name such as {out / 'brief.pdf'}.")
    # Built in memory, then written beside `out` and renamed: Ctrl+C at any point
    # leaves no file, or the earlier one as it was.
    data = build_brief(store, dossier, options, progress=_progress_on_stderr())
    try:
        write_atomic(out, data)
    except OSError as exc:
        # The temporary file's name in the error would only confuse: name the target.
        raise CliError(f"Cannot write {out}: {exc.strerror or exc}.") from None
    if not args.sample:
        from dossier.brief.changes_section import record

        record(store, dossier, options)  # the next brief says what changed since this one
    print(f"Wrote the brief for {dossier.name} to {out}.")
    return 0


def _progress_on_stderr() -> Progress:
    """How far the layout is, on stderr: one updating line at a terminal, else a
    line at each quarter (for logs)."""
    tty = sys.stderr.isatty()
    shown = {-1}

    def progress(done: int, total: int) -> bool:
        if total <= 0:
            return True
        percent = min(100, done * 100 // total)
        step = percent if tty else percent // 25 * 25
        if step not in shown:
            shown.add(step)
            if tty:
                end = "\n" if percent == 100 else ""
                print(f"\rLaying out the brief: {percent}%", end=end, file=sys.stderr, flush=True)
            else:
                print(f"Laying out the brief: {step}%", file=sys.stderr, flush=True)
        return True

    return progress


def _choose(store: Store, country: str | None) -> Dossier:
    if country:
        return store.find_dossier(country)
    dossiers = store.dossiers.list()
    if len(dossiers) == 1:
        return dossiers[0]
    if not dossiers:
        raise CliError("The store holds no dossier; add one or use --sample.")
    codes = ", ".join(d.code for d in dossiers)
    raise CliError(f"Name the country to brief: one of {codes}.")
