"""Writing a trade plan into a dossier: duplicates skipped, conflicts reported, the
figures inserted in bulk as one undoable operation citing one source.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from dossier import bulk_gc
from dossier.entity_spec import RowValidationError
from dossier.fields import format_value
from dossier.ingest.tables import Problem, TableError
from dossier.ingest.trade_types import SCALE_NAMES, ImportCancelled, TradePlan
from dossier.model import SOURCE, TRADE, Source, TradeFigure, period_label
from dossier.progress import Cancelled, Progress, report
from dossier.said import number, said
from dossier.store import Store
from dossier.store.oplog import Changes

# Rows inserted per statement: between two, progress is reported and Cancel heard.
INSERT_CHUNK = 5000


# -- storing --------------------------------------------------------------------
@dataclass
class ImportResult:
    added: int
    duplicates: int
    conflicts: list[str]
    source_id: int | None
    skipped: list[Problem]
    # What the store's operation changed (the new figures' ids, the source added):
    # what a view refreshes, and what `undo` takes back.
    changes: Changes | None = None


def _key(fig: TradeFigure) -> tuple[str, ...]:
    # The pair and the note (block heading) name the series: two series of one
    # file may share periods and flows.
    return (
        fig.period_start,
        fig.period_end,
        fig.flow,
        fig.reporter or "",
        fig.partner or "",
        fig.note or "",
    )


_KEY_FIELDS = ("period_start", "period_end", "flow", "reporter", "partner", "note")


def _all_distinct(figures: list[TradeFigure]) -> bool:
    """True if no two figures have the same _key, told without a _key per figure (a
    100,000-figure import into a dossier with none from its file): the fields as
    they are are distinct, and _key's `or ""` joins none (no field holds both None
    and "")."""
    raw = list(map(attrgetter(*_KEY_FIELDS), figures))
    if len(set(raw)) != len(raw):
        return False
    for name in ("reporter", "partner", "note"):
        values = set(map(attrgetter(name), figures))
        if None in values and "" in values:
            return False
    return True


def _base_amount(fig: TradeFigure) -> float | None:
    if fig.amount is None:
        return None
    return fig.amount * float(fig.unit_scale or "1")


def source_for(
    store: Store,
    dossier_id: int | None,
    title: str,
    *,
    publisher: str | None = None,
    url: str | None = None,
    published_on: str | None = None,
    body: str | None = None,
    language: str = "en",
) -> Source:
    """The dossier's source of this title (an earlier import of the same file), or a new one."""
    for s in store.sources.matching(dossier_id, title=title):
        return s
    return store.sources.add(
        SOURCE.make(
            {
                "kind": "official_data",
                "title": title,
                "publisher": publisher,
                "url": url,
                "published_on": published_on,
                "language": language,
                "body": body,
            },
            dossier_id=dossier_id,
        )
    )


@bulk_gc.paused()  # many objects, no cycles: dossier/bulk_gc.py
def store_plan(
    store: Store,
    plan: TradePlan,
    dossier_id: int,
    source_title: str | None,
    *,
    publisher: str | None = None,
    url: str | None = None,
    lang: str = "en",
    progress: Progress | None = None,
) -> ImportResult:
    """Add the plan's figures in one transaction, citing one source.

    A figure the dossier already has from the same source and series (same
    period, flow and note, same amount in any unit) is skipped as a duplicate;
    one with a different amount is reported and left alone, never overwritten.
    `progress` returning False cancels: ImportCancelled, the transaction rolled back.
    """
    # Only figures from the same source can be duplicates: another file's figure
    # for the same period (a total, another partner pair) is another fact.
    sources = store.sources.matching(dossier_id, title=source_title or "")
    existing = (
        {_key(f): f for f in store.trade.matching(dossier_id, source_id=sources[0].id)}
        if sources
        else {}
    )
    fresh: list[TradeFigure]
    conflicts: list[str] = []
    duplicates = 0
    if not existing and _all_distinct(plan.figures):
        fresh = list(plan.figures)  # none to compare: no duplicate, no conflict
    else:
        fresh, duplicates, conflicts = _compare(plan.figures, existing, lang)
    source_id = None
    with store.transaction() as changes:
        if fresh and source_title:
            source_id = source_for(store, dossier_id, source_title, publisher=publisher, url=url).id
            for fig in fresh:
                fig.source_id = source_id
        add_figures(store, fresh, progress)
    return ImportResult(len(fresh), duplicates, conflicts, source_id, plan.skipped, changes)


def _compare(
    figures: list[TradeFigure], existing: dict[tuple[str, ...], TradeFigure], lang: str
) -> tuple[list[TradeFigure], int, list[str]]:
    """The figures to add, the duplicates skipped and the conflicts left alone."""
    fresh: list[TradeFigure] = []
    duplicates = 0
    conflicts: list[str] = []
    seen: dict[tuple[str, ...], float | None] = {}
    for fig in figures:
        key = _key(fig)
        old = existing.get(key)
        if old is not None or key in seen:
            theirs = _base_amount(old) if old is not None else seen[key]
            mine = _base_amount(fig)
            if (
                theirs is not None
                and mine is not None
                and abs(theirs - mine) <= 1e-9 * max(abs(theirs), abs(mine), 1)
            ):
                duplicates += 1
            else:
                conflicts.append(_conflict(fig, old, theirs, lang))
            continue
        seen[key] = _base_amount(fig)
        fresh.append(fig)
    return fresh, duplicates, conflicts


def _conflict(fig: TradeFigure, old: TradeFigure | None, theirs: float | None, lang: str) -> str:
    """ "2020 export: the dossier has 1.2 USD (millions) — the file gives …; not changed"."""
    period = period_label(fig.period_start, fig.period_end, lang)
    if lang == "ru":
        flow = format_value(TRADE.field("flow"), fig.flow, lang)
        has = "в досье" if old else "файл повторяет его со значением"
        before = _show(old, lang) if old else str(theirs).replace(".", ",")
        return f"{period} {flow}: {has} {before} — в файле {_show(fig, lang)}; не изменено"
    return (
        f"{period} {fig.flow}: "
        f"{'the dossier has' if old else 'the file repeats it with'} "
        f"{_show(old) if old else theirs} — the file gives {_show(fig)}; "
        "not changed"
    )


def _show(fig: TradeFigure, lang: str = "en") -> str:
    if lang == "ru":
        ru_unit = format_value(TRADE.field("unit_scale"), fig.unit_scale, lang)
        return f"{number(fig.amount or 0, ',.6g', lang)} {fig.currency or ''} ({ru_unit})"
    unit = SCALE_NAMES.get(fig.unit_scale or "1", fig.unit_scale)
    return f"{fig.amount:,.6g} {fig.currency or ''} ({unit})"


@bulk_gc.paused()  # many objects, no cycles: dossier/bulk_gc.py
def add_figures(store: Store, figures: list[TradeFigure], progress: Progress | None = None) -> int:
    """Validate and insert many figures at once (imports of tens of thousands of rows).

    Repository.add writes an audit row per field and reads each record back;
    for an import that is ten times slower than the insert itself, so the store's
    bulk insert writes one audit row per record and touches the dossier once. In
    one operation: cancelled through `progress`, nothing is left.
    """
    if not figures:
        return 0
    total = 2 * len(figures)  # validating, then inserting
    if progress and progress(0, total) is False:
        raise ImportCancelled
    # Column by column: each distinct value of a field checked once, the rules across
    # fields in one pass (EntitySpec.validate_many); the same values and messages as
    # validating each figure.
    # Kept as columns to the insert: no dict made per figure.
    try:
        names, columns = TRADE.validate_columns([fig.__dict__ for fig in figures])
    except RowValidationError as exc:  # the planners only make valid figures
        raise TableError(
            said(
                "Invalid trade figure {figure}: {exc}",
                "Недопустимая торговая цифра {figure}: {exc}",
                figure=figures[exc.index],
                exc=exc,
            )
        ) from None
    names.append("dossier_id")
    columns.append(list(map(attrgetter("dossier_id"), figures)))
    count = len(figures)
    if progress and progress(count, total) is False:
        raise ImportCancelled

    def step(done: int) -> None:
        try:
            report(progress, count + done, total)
        except Cancelled:
            raise ImportCancelled from None

    # One operation of the store's log: `dossier undo` or Ctrl+Z takes it back whole.
    with store.transaction(f"import of {count:,} trade figures"):
        store.trade.insert_columns(names, columns, batch_size=INSERT_CHUNK, on_batch=step)
    if progress:
        progress(total, total)  # only moves the bar to the end: the figures are in
    return count
