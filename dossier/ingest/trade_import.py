"""Trade tables into a dossier's trade figures: map columns, preview, confirm the unit, import.

Two layouts are understood:

* **records**: a header row, then one row per observation (TRADHIST, most
  statistics portals). A `TradeMapping` says which column holds the period,
  the flow (or one column per flow), the amount, currency and unit, and which
  partner pair to keep in a multi-country file.
* **calendar blocks**: Rosstat-style tables where each row is a year and the
  columns are the year, its quarters and its months, in blocks introduced by
  a heading (`find_blocks`). The user picks a block and says which flow it is.

Either way `plan_*` returns a `TradePlan` (figures as they will be stored,
plus every skipped row and why) without touching the store, and
`store_plan` writes it in one transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.countries import code_of
from dossier.fields import ValidationError, format_value
from dossier.ingest.numbers import detect_decimal, parse_cell, parse_year
from dossier.ingest.tables import Problem, RawTable, Records, TableError
from dossier.model import SOURCE, TRADE, Source, TradeFigure, period_label
from dossier.progress import Cancelled, Progress, report
from dossier.store import Store

FLOW_WORDS = {
    "export": ("export", "exports", "exp", "x", "экспорт", "вывоз"),
    "import": ("import", "imports", "imp", "m", "импорт", "ввоз"),
    "turnover": ("turnover", "total", "trade", "товарооборот", "оборот"),
}
SCALE_WORDS = (
    ("1000000000", re.compile(r"млрд|\bbln\b|\bbn\b|billion", re.I)),
    ("1000000", re.compile(r"млн|\bmln\b|\bmn\b|million", re.I)),
    ("1000", re.compile(r"тыс\.?|thousand", re.I)),
)
SCALE_NAMES = {"1": "units", "1000": "thousands", "1000000": "millions", "1000000000": "billions"}
# Blocks whose heading says these are shares or indices, not amounts.
_PERCENT = re.compile(r"%|в разах|by times|percent|процент", re.I)


class ImportCancelled(Cancelled):
    """The user pressed Cancel; nothing was written."""


# Rows inserted per statement: between two, progress is reported and Cancel heard.
INSERT_CHUNK = 5000


@dataclass
class TradeMapping:
    """Which column means what (column names as in the header)."""

    period: str | None = None
    amount: str | None = None  # with `flow` (a flow column) or `fixed_flow`
    flow: str | None = None
    fixed_flow: str | None = None  # the whole table is one flow
    flow_columns: dict[str, str] = field(default_factory=dict)  # flow -> its amount column
    currency: str | None = None  # column; else `TradePlan` currency
    partner: dict[str, str] = field(default_factory=dict)  # column -> value to keep
    # Columns naming whose trade a row is (TRADHIST destination/origin, Comtrade
    # reporter/partner); else the pair given in `Options`.
    reporter_column: str | None = None
    partner_column: str | None = None

    def columns(self) -> list[str]:
        cols = [
            self.period,
            self.amount,
            self.flow,
            self.currency,
            self.reporter_column,
            self.partner_column,
            *self.flow_columns.values(),
            *self.partner,
        ]
        return [c for c in cols if c]


@dataclass(frozen=True)
class UnitHint:
    scale: str | None  # suggested unit scale ("1", "1000000", ...) or None
    reason: str


@dataclass
class TradePlan:
    """Figures ready to store (not yet stored) and what was left out."""

    figures: list[TradeFigure] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # file line of each figure
    skipped: list[Problem] = field(default_factory=list)
    empty_cells: int = 0
    unit: str | None = None
    notes: list[str] = field(default_factory=list)

    def preview(self, n: int = 10, lang: str = "en") -> list[dict[str, str]]:
        """The first figures as a user will see them in the dossier."""
        out = []
        for line, fig in zip(self.lines[:n], self.figures[:n], strict=False):
            out.append(
                {
                    "line": str(line),
                    "period": period_label(fig.period_start, fig.period_end, lang),
                    "flow": format_value(TRADE.field("flow"), fig.flow, lang),
                    "amount": format_value(TRADE.field("amount"), fig.amount, lang),
                    "currency": fig.currency or "",
                    "unit": format_value(TRADE.field("unit_scale"), fig.unit_scale, lang),
                }
            )
        return out

    def report(self, limit: int = 50) -> list[str]:
        lines = [
            f"line {p.line}: {p.reason}" + (f" — {p.text}" if p.text else "")
            for p in self.skipped[:limit]
        ]
        if len(self.skipped) > limit:
            lines.append(f"… and {len(self.skipped) - limit} more skipped rows")
        return lines


# -- guessing -------------------------------------------------------------------
def _norm(name: str) -> str:
    return re.sub(r"[\s_\-.]+", " ", name.casefold()).strip()


def guess_mapping(header: list[str]) -> TradeMapping:
    """A first mapping from column names; the user corrects it in the mapping step."""
    m = TradeMapping()
    for name in header:
        n = _norm(name)
        words = set(n.split())
        if m.period is None and words & {"year", "period", "date", "год", "период", "time"}:
            m.period = name
        elif m.flow is None and words & {"flow", "direction", "поток", "направление"}:
            m.flow = name
        elif m.currency is None and words & {"currency", "валюта", "cur"}:
            m.currency = name
        elif m.amount is None and words & {"value", "amount", "сумма", "стоимость", "usd"}:
            m.amount = name
        else:
            for flow, names in FLOW_WORDS.items():
                if n in names and flow not in m.flow_columns:
                    m.flow_columns[flow] = name
    if m.flow_columns and m.flow is None:
        m.amount = None
    m.reporter_column, m.partner_column = guess_pair_columns(header)
    return m


# Whose point of view a row's flows take: the reporter's (TRADHIST's imports and
# exports are the destination's trade with the origin).
_REPORTER_WORDS = ("reporter", "destination", "declarant", "отчит", "страна назначения")
_PARTNER_WORDS = ("partner", "origin", "партн")


def guess_pair_columns(header: list[str]) -> tuple[str | None, str | None]:
    """The reporter and partner columns, preferring ISO codes to names or numbers."""

    def best(words: tuple[str, ...]) -> str | None:
        found = [h for h in header if any(w in h.casefold() for w in words)]
        found.sort(key=lambda h: ("iso" not in h.casefold(), "code" in h.casefold()))
        return found[0] if found else None

    return best(_REPORTER_WORDS), best(_PARTNER_WORDS)


def partner_columns(header: list[str]) -> list[str]:
    """Columns that name countries (reporter, partner, origin, destination)."""
    keys = (
        "country",
        "partner",
        "reporter",
        "origin",
        "destination",
        "страна",
        "партнер",
        "партнёр",
        "iso",
    )
    return [h for h in header if any(k in h.casefold() for k in keys)]


def partner_pairs(records: Records, columns: list[str]) -> list[tuple[tuple[str, ...], int]]:
    """Every combination of values in the partner columns, most rows first."""
    idx = [records.column(c) for c in columns]
    counts = Counter(tuple(str(row[i]).strip() for i in idx) for row in records.rows)
    return counts.most_common()


def suggest_unit(texts: Iterable[str], amounts: Iterable[float]) -> UnitHint:
    """What the file's own words and the size of its numbers say about the unit."""
    joined = " ".join(texts)
    for scale, pattern in SCALE_WORDS:
        m = pattern.search(joined)
        if m:
            return UnitHint(scale, f"the table says “{m[0]}”")
    values = [abs(a) for a in amounts if a]
    if values:
        median = statistics.median(values)
        if median >= 100_000:
            return UnitHint(
                "1",
                f"no unit is named and the values are large (median "
                f"{median:,.0f}): they look like plain units",
            )
        return UnitHint(
            None,
            f"no unit is named and the values are small (median "
            f"{median:,.4g}): check the publication",
        )
    return UnitHint(None, "no unit is named")


def parse_unit(text: str | float | int) -> str:
    """'1e6', '1000000', 'million', 'млн' -> '1000000'; ValueError if unknown."""
    s = str(text).strip().casefold()
    for scale, pattern in SCALE_WORDS:
        if pattern.fullmatch(s) or (pattern.search(s) and not re.search(r"\d", s)):
            return scale
    if s in ("1", "units", "unit", "единиц", "plain"):
        return "1"
    try:
        value = float(s)
    except ValueError:
        raise ValueError(f"unknown unit “{text}”: use 1, 1e3, 1e6 or 1e9") from None
    for scale in SCALE_NAMES:
        if value == float(scale):
            return scale
    raise ValueError(f"unknown unit “{text}”: use 1, 1e3, 1e6 or 1e9")


# -- periods and flows -------------------------------------------------------------
_MONTHS = re.compile(r"^(\d{4})[-/.]?(?:m)?(\d{1,2})$", re.I)
_QUARTER = re.compile(r"^(?:(\d{4})\s*[-/ ]?\s*q([1-4])|q([1-4])\s*[-/ ]?\s*(\d{4}))$", re.I)


def parse_period(cell: Any) -> tuple[str, str]:
    """(start, end) of a period cell: 1992, 2013-09, 2013-Q3, Q3 2013, 2013M09, a date."""
    year = parse_year(cell)
    if year is not None:
        return str(year), str(year)
    if isinstance(cell, dt.date):
        return cell.isoformat(), cell.isoformat()
    s = str(cell).strip()
    m = _QUARTER.match(s)
    if m:
        y, q = (m[1], m[2]) if m[1] else (m[4], m[3])
        first = 3 * int(q) - 2
        return f"{y}-{first:02d}", f"{y}-{first + 2:02d}"
    m = _MONTHS.match(s)
    if m and 1 <= int(m[2]) <= 12:
        month = f"{m[1]}-{int(m[2]):02d}"
        return month, month
    try:
        day = dt.date.fromisoformat(s[:10])
    except ValueError:
        raise ValueError(f"not a period: “{s}”") from None
    return day.isoformat(), day.isoformat()


def parse_flow(cell: Any) -> str:
    s = str(cell).strip().casefold()
    for flow, words in FLOW_WORDS.items():
        if s in words:
            return flow
    raise ValueError(f"unknown flow “{cell}” (export, import or turnover)")


# -- records layout ----------------------------------------------------------------
@dataclass
class Options:
    """What the user confirmed in the mapping step."""

    unit: str  # the unit the file's numbers are in
    # The currency when no column gives it: asked for, never assumed (None: not said).
    currency: str | None = None
    store_unit: str | None = None  # convert to this unit when storing (default: unit)
    note: str | None = None
    kind: str = "actual"  # actual, estimate, target, forecast (TRADE_KINDS)
    # Whose trade the figures are when no column says it (alpha-2 or `world`).
    reporter: str | None = None
    partner: str | None = None


def pair_code(text: str | None, what: str) -> str:
    """A reporter or partner as typed ('BY', 'BLR', 'Belarus', 'world') -> 'BY';
    ValueError with a one-line message if it names no country."""
    code = code_of(text or "")
    if code is None:
        raise ValueError(
            f"“{text}” is not a country for the {what}: use an ISO code (BY, AZE), "
            "a country name or “world”."
        )
    return code


def _figure(
    dossier_id: int,
    start: str,
    end: str,
    flow: str,
    value: float,
    currency: str | None,
    opts: Options,
    pair: tuple[str | None, str | None] | None = None,
) -> TradeFigure:
    store_unit = opts.store_unit or opts.unit
    amount = value * float(opts.unit) / float(store_unit)
    reporter, partner = pair or (opts.reporter, opts.partner)
    return TradeFigure(
        dossier_id=dossier_id,
        period_start=start,
        period_end=end,
        reporter=reporter,
        partner=partner,
        flow=flow,
        amount=float(f"{amount:.12g}"),
        currency=currency,
        unit_scale=store_unit,
        kind=opts.kind,
        note=opts.note,
    )


def check_pair(opts: Options, reporter_column: bool = False, partner_column: bool = False) -> None:
    """TableError unless the file's figures say whose trade they are (a column or the
    pair given): a file's numbers are never taken for the dossier's own trade unasked."""
    if not (reporter_column or opts.reporter) or not (partner_column or opts.partner):
        raise TableError(
            "Say whose trade these figures are: the reporter and partner columns, or "
            "the pair (reporter BY, partner AZ; the world is “world”)."
        )
    if opts.reporter and opts.reporter == opts.partner:
        raise TableError("The reporter and the partner are the same country.")


def check_currency(opts: Options, currency_column: bool = False) -> None:
    if not currency_column and not opts.currency:
        raise TableError(
            "The file names no currency: say which currency its amounts are in (e.g. USD)."
        )


def check_mapping(mapping: TradeMapping, records: Records, opts: Options | None = None) -> None:
    """TableError naming what is missing or not in the header."""
    for name in mapping.columns():
        records.column(name)
    if opts is not None:
        check_pair(opts, bool(mapping.reporter_column), bool(mapping.partner_column))
        check_currency(opts, bool(mapping.currency))
    if mapping.period is None:
        raise TableError("Choose the column that holds the period (year, month or quarter).")
    if not mapping.flow_columns and mapping.amount is None:
        raise TableError("Choose the amount column, or one column per flow.")
    if mapping.amount and not (mapping.flow or mapping.fixed_flow) and not mapping.flow_columns:
        raise TableError(
            "Say which flow the amounts are: a flow column, or export, import "
            "or turnover for the whole table."
        )


def plan_records(
    records: Records,
    mapping: TradeMapping,
    dossier_id: int,
    opts: Options,
    progress: Callable[[int, int], bool] | None = None,
) -> TradePlan:
    """The figures a records-layout table gives under `mapping`; nothing is stored."""
    check_mapping(mapping, records, opts)
    plan = TradePlan(unit=opts.unit)
    if mapping.partner:
        # Figures of one partner pair must say so: the dossier may also hold
        # another pair's or the country's total for the same period.
        pair = ", ".join(f"{c} {v}" for c, v in mapping.partner.items())
        opts = dataclasses.replace(opts, note=_join(opts.note, pair))
    period_i = records.column(mapping.period)  # type: ignore[arg-type]
    currency_i = records.column(mapping.currency) if mapping.currency else None
    partner = [(records.column(c), v.strip().casefold()) for c, v in mapping.partner.items()]
    pair_columns = [
        (records.column(c), c, given) if c else (None, None, given)
        for c, given in (
            (mapping.reporter_column, opts.reporter),
            (mapping.partner_column, opts.partner),
        )
    ]
    if mapping.flow_columns:
        amounts = [(flow, records.column(col)) for flow, col in mapping.flow_columns.items()]
    else:
        amounts = [(mapping.fixed_flow, records.column(mapping.amount))]  # type: ignore[arg-type]
    flow_i = records.column(mapping.flow) if mapping.flow and not mapping.flow_columns else None
    decimal = detect_decimal(row[i] for row in records.rows[:2000] for _, i in amounts)
    total = len(records.rows)
    for n, (row, line) in enumerate(zip(records.rows, records.lines, strict=True)):
        if progress and n % 2000 == 0 and not progress(n, total):
            raise ImportCancelled
        if partner and any(str(row[i]).strip().casefold() != v for i, v in partner):
            continue
        try:
            start, end = parse_period(row[period_i])
            row_flow = parse_flow(row[flow_i]) if flow_i is not None else None
            currency = (
                str(row[currency_i]).strip().upper() if currency_i is not None else opts.currency
            ) or opts.currency
            if not currency:
                raise ValueError("no currency in this row")
            pair = tuple(
                _row_country(row[i], column) if i is not None else given
                for i, column, given in pair_columns
            )
            if pair[0] == pair[1]:
                raise ValueError(f"the reporter and partner are both {pair[0]}")
        except ValueError as exc:
            plan.skipped.append(Problem(line, str(exc)))
            continue
        for flow, i in amounts:
            try:
                cell = parse_cell(row[i], decimal)
            except ValueError:
                plan.skipped.append(
                    Problem(line, f"“{row[i]}” in {records.header[i]} is not a number")
                )
                continue
            if cell.value is None:
                plan.empty_cells += 1
                continue
            if cell.value < 0:
                plan.skipped.append(
                    Problem(line, f"negative amount {row[i]} in {records.header[i]}")
                )
                continue
            plan.figures.append(
                _figure(dossier_id, start, end, row_flow or flow, cell.value, currency, opts, pair)
            )
            plan.lines.append(line)
    if partner and not plan.figures and not plan.skipped:
        plan.notes.append("No row matches the chosen partner pair.")
    return plan


def _row_country(cell: Any, column: str) -> str:
    code = code_of(str(cell))
    if code is None:
        raise ValueError(f"“{cell}” in {column} is not a country")
    return code


# -- calendar blocks (Rosstat) ------------------------------------------------------
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass
class Block:
    """Year rows under one heading; columns are the year, quarters and months."""

    number: int
    heading: str
    section: str  # the numbered section the block belongs to (1.9.1. ...)
    columns: list[tuple[str, str]]  # per value column: ("year"|"quarter"|"month", label)
    rows: list[tuple[int, int, list[Any]]] = field(default_factory=list)  # line, year, cells

    def title(self) -> str:
        """The heading with its section when the heading alone is ambiguous
        ("экспорт товаров" is said under both far-abroad and CIS trade)."""
        if not self.section or self.heading.startswith(self.section[:12]):
            return self.heading
        return f"{self.section.split(' / ')[0]} — {self.heading}"

    @property
    def is_percent(self) -> bool:
        return bool(_PERCENT.search(self.heading))

    @property
    def first_line(self) -> int:
        return self.rows[0][0] if self.rows else 0

    def years(self) -> tuple[int, int]:
        return self.rows[0][1], self.rows[-1][1]


def _calendar_columns(header: list[Any]) -> list[tuple[str, str]] | None:
    cells = " ".join(str(c) for c in header).casefold()
    if not re.search(r"год|year", cells):
        return None
    cols: list[tuple[str, str]] = [("year", "year")]
    if re.search(r"кварт|quarter", cells):
        cols += [("quarter", f"Q{q}") for q in range(1, 5)]
    months = [w for w in _MONTH_WORDS if re.search(rf"\b{w}", cells)]
    cols += [("month", w) for w in months]
    return cols if len(cols) > 1 else None


def find_blocks(table: RawTable) -> list[Block]:
    """The year-by-period blocks of a Rosstat-style table, each with its heading."""
    blocks: list[Block] = []
    heading: list[str] = []
    section = ""
    columns: list[tuple[str, str]] | None = None
    current: Block | None = None
    for row, line in zip(table.rows, table.lines, strict=True):
        first = str(row[0]).strip() if row else ""
        year = parse_year(first)
        filled = [str(c).strip() for c in row if str(c).strip()]
        if year is not None and (len(filled) > 1 or current is not None):
            if current is None:
                if columns is None:
                    continue
                current = Block(len(blocks) + 1, " ".join(heading), section, columns)
                blocks.append(current)
                heading = []
            current.rows.append((line, year, list(row[1:])))
            continue
        current = None
        cols = _calendar_columns(row) if not first else None
        if cols is not None:
            columns = cols
            continue
        if first.startswith("___"):
            continue
        if filled and all(re.fullmatch(r"I{1,3}|IV", c) for c in filled):
            continue  # the quarter numbers under the header
        text = " ".join(filled)
        if re.match(r"^\d+(\.\d+)+\.?\s*\S", text):
            heading = []  # a new numbered section starts
            section = " ".join(text.split())
        if text:
            heading.append(" ".join(text.split()))
    return blocks


def plan_block(
    block: Block,
    flow: str,
    dossier_id: int,
    opts: Options,
    kinds: Iterable[str] = ("year",),
    decimal: str = ",",
) -> TradePlan:
    """The figures of one calendar block, for the chosen period kinds."""
    if block.is_percent:
        raise TableError(
            f"Block {block.number} holds percentages or ratios, not amounts: {block.heading[:80]}"
        )
    check_pair(opts)
    check_currency(opts)
    wanted = set(kinds)
    plan = TradePlan(unit=opts.unit)
    opts = dataclasses.replace(opts, note=_join(opts.note, block.title()[:300]))
    for line, year, cells in block.rows:
        for (kind, label), cell in zip(block.columns, cells, strict=False):
            if kind not in wanted:
                continue
            try:
                value = parse_cell(cell, decimal)
            except ValueError:
                plan.skipped.append(Problem(line, f"“{cell}” ({year} {label}) is not a number"))
                continue
            if value.value is None:
                plan.empty_cells += 1
                continue
            if kind == "year":
                start = end = str(year)
            elif kind == "quarter":
                q = int(label[1])
                start, end = f"{year}-{3 * q - 2:02d}", f"{year}-{3 * q:02d}"
            else:
                start = end = f"{year}-{_MONTH_WORDS.index(label) + 1:02d}"
            plan.figures.append(
                _figure(dossier_id, start, end, flow, value.value, opts.currency, opts)
            )
            plan.lines.append(line)
            if value.footnote:
                plan.figures[-1].note = _join(
                    opts.note, f"footnote {value.footnote}) in the source table"
                )
    return plan


def _join(*parts: str | None) -> str:
    return "; ".join(p for p in parts if p)


# -- storing --------------------------------------------------------------------
@dataclass
class ImportResult:
    added: int
    duplicates: int
    conflicts: list[str]
    source_id: int | None
    skipped: list[Problem]


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


def _base_amount(fig: TradeFigure) -> float | None:
    if fig.amount is None:
        return None
    return fig.amount * float(fig.unit_scale or "1")


def source_for(
    store: Store,
    dossier_id: int,
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
    fresh: list[TradeFigure] = []
    duplicates = 0
    conflicts: list[str] = []
    seen: dict[tuple[str, ...], float | None] = {}
    for fig in plan.figures:
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
                conflicts.append(
                    f"{period_label(fig.period_start, fig.period_end, lang)} {fig.flow}: "
                    f"{'the dossier has' if old else 'the file repeats it with'} "
                    f"{_show(old) if old else theirs} — the file gives {_show(fig)}; "
                    "not changed"
                )
            continue
        seen[key] = _base_amount(fig)
        fresh.append(fig)
    source_id = None
    with store.transaction():
        if fresh and source_title:
            source_id = source_for(store, dossier_id, source_title, publisher=publisher, url=url).id
            for fig in fresh:
                fig.source_id = source_id
        add_figures(store, fresh, progress)
    return ImportResult(len(fresh), duplicates, conflicts, source_id, plan.skipped)


def _show(fig: TradeFigure) -> str:
    unit = SCALE_NAMES.get(fig.unit_scale or "1", fig.unit_scale)
    return f"{fig.amount:,.6g} {fig.currency or ''} ({unit})"


_COLUMNS = [f.name for f in TRADE.fields]


def add_figures(store: Store, figures: list[TradeFigure], progress: Progress | None = None) -> int:
    """Validate and insert many figures at once (imports of tens of thousands of rows).

    Repository.add writes an audit row per field and reads each record back;
    for an import that is ten times slower than the insert itself, so the store's
    bulk insert writes one audit row per record and touches the dossier once. In
    one operation: cancelled through `progress`, nothing is left.
    """
    if not figures:
        return 0
    rows = []
    total = 2 * len(figures)  # validating, then inserting
    # Figures of one import share most values: validate each distinct
    # combination once with the spec, and check the amount (the one value that
    # differs on every row) here, as the spec would.
    checked: dict[tuple[Any, ...], list[Any]] = {}
    amount_i = _COLUMNS.index("amount") + 1
    others = [c for c in _COLUMNS if c != "amount"]
    for n, fig in enumerate(figures):
        if progress and n % 2000 == 0 and progress(n, total) is False:
            raise ImportCancelled
        state = fig.__dict__
        key = (fig.dossier_id, *(state[c] for c in others))
        template = checked.get(key)
        amount = fig.amount
        try:
            if template is None:
                values = TRADE.validate(state)
                template = checked[key] = [fig.dossier_id, *(values[c] for c in _COLUMNS)]
            if amount is not None and not (0 <= amount < float("inf")):
                raise ValidationError({"amount": f"amount {amount} is not a positive number"})
        except ValidationError as exc:  # the planners only make valid figures
            raise TableError(f"Invalid trade figure {fig}: {exc}") from None
        row = template.copy()
        row[amount_i] = None if amount is None else float(amount)
        rows.append(row)
    names = ["dossier_id", *_COLUMNS]

    def step(done: int) -> None:
        try:
            report(progress, len(rows) + done, total)
        except Cancelled:
            raise ImportCancelled from None

    # One operation of the store's log: `dossier undo` or Ctrl+Z takes it back whole.
    with store.transaction(f"import of {len(rows):,} trade figures"):
        store.trade.insert_many(
            [dict(zip(names, row, strict=True)) for row in rows],
            batch_size=INSERT_CHUNK,
            on_batch=step,
        )
    if progress:
        progress(total, total)  # only moves the bar to the end: the figures are in
    return len(rows)


def describe_file(path: Path) -> str:
    return f"{path.name} ({path.stat().st_size:,} bytes)"
