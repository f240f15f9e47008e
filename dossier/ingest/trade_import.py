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
`store_plan` (trade_store.py) writes it in one transaction. The parts live in
trade_types.py, trade_blocks.py and trade_store.py; this module names them all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
import re
from collections import Counter
from collections.abc import Callable
from typing import Any, TypeVar

from dossier import bulk_gc
from dossier.countries import code_of, former_country
from dossier.ingest.numbers import detect_decimal, parse_cell, parse_year
from dossier.ingest.tables import Problem, RawTable, Records, TableError
from dossier.ingest.trade_blocks import Block, find_blocks, plan_block
from dossier.ingest.trade_store import (
    INSERT_CHUNK,
    ImportResult,
    add_figures,
    source_for,
    store_plan,
)
from dossier.ingest.trade_types import (
    FLOW_WORDS,
    SCALE_NAMES,
    SCALE_WORDS,
    ImportCancelled,
    Options,
    TradeMapping,
    TradePlan,
    UnitHint,
    check_currency,
    check_pair,
    figure_maker,
    join_notes,
    pair_code,
    parse_unit,
    suggest_unit,
)
from dossier.said import Said, said, said_by

__all__ = [
    "FLOW_WORDS",
    "INSERT_CHUNK",
    "SCALE_NAMES",
    "SCALE_WORDS",
    "Block",
    "ImportCancelled",
    "ImportResult",
    "Options",
    "Problem",
    "RawTable",
    "TableError",
    "TradeMapping",
    "TradePlan",
    "UnitHint",
    "add_figures",
    "check_currency",
    "check_pair",
    "code_of",
    "find_blocks",
    "pair_code",
    "parse_unit",
    "plan_block",
    "source_for",
    "store_plan",
    "suggest_unit",
]


_T = TypeVar("_T")
isfinite = math.isfinite


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
        raise ValueError(said("not a period: “{s}”", "не период: «{s}»", s=s)) from None
    return day.isoformat(), day.isoformat()


def parse_flow(cell: Any) -> str:
    s = str(cell).strip().casefold()
    for flow, words in FLOW_WORDS.items():
        if s in words:
            return flow
    raise ValueError(
        said(
            "unknown flow “{cell}” (export, import or turnover)",
            "неизвестный поток «{cell}» (export, import или turnover — экспорт, импорт или оборот)",
            cell=cell,
        )
    )


def check_mapping(mapping: TradeMapping, records: Records, opts: Options | None = None) -> None:
    """TableError naming what is missing or not in the header."""
    for name in mapping.columns():
        records.column(name)
    if opts is not None:
        check_pair(opts, bool(mapping.reporter_column), bool(mapping.partner_column))
        check_currency(opts, bool(mapping.currency))
    if mapping.period is None:
        raise TableError(
            said(
                "Choose the column that holds the period (year, month or quarter).",
                "Выберите столбец с периодом (год, месяц или квартал).",
            )
        )
    if not mapping.flow_columns and mapping.amount is None:
        raise TableError(
            said(
                "Choose the amount column, or one column per flow.",
                "Выберите столбец сумм или по столбцу на каждый поток.",
            )
        )
    if mapping.amount and not (mapping.flow or mapping.fixed_flow) and not mapping.flow_columns:
        raise TableError(
            said(
                "Say which flow the amounts are: a flow column, or export, import "
                "or turnover for the whole table.",
                "Укажите поток сумм: столбец потока или экспорт, импорт или оборот "
                "для всей таблицы.",
            )
        )


@bulk_gc.paused()  # many objects, no cycles: dossier/bulk_gc.py
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
        opts = dataclasses.replace(opts, note=join_notes(opts.note, pair))
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
        # check_mapping made sure both are given
        amounts = [(mapping.fixed_flow or "", records.column(mapping.amount or ""))]
    flow_i = records.column(mapping.flow) if mapping.flow and not mapping.flow_columns else None
    decimal = detect_decimal(row[i] for row in records.rows[:2000] for _, i in amounts)
    # Per distinct cell, not per row: a file of 100,000 rows names a few hundred
    # periods and countries (the same values and messages as asking each row).
    period_of = _per_text(parse_period)
    (reporter_i, reporter_of, reporter_given), (partner_i, partner_of, partner_given) = (
        (i, _per_text(functools.partial(_row_country, column=column or "")), given)
        for i, column, given in pair_columns
    )
    make = figure_maker(dossier_id, opts)
    figures, lines, skipped = plan.figures, plan.lines, plan.skipped
    header = records.header
    plain = _PLAIN_DECIMAL.fullmatch if decimal == "." else None
    total = len(records.rows)
    for n, (row, line) in enumerate(zip(records.rows, records.lines, strict=True)):
        if progress and n % 2000 == 0 and not progress(n, total):
            raise ImportCancelled
        if partner and any(str(row[i]).strip().casefold() != v for i, v in partner):
            continue
        try:
            start, end = period_of(row[period_i])
            row_flow = parse_flow(row[flow_i]) if flow_i is not None else None
            currency = (
                str(row[currency_i]).strip().upper() if currency_i is not None else opts.currency
            ) or opts.currency
            if not currency:
                raise ValueError(said("no currency in this row", "в строке нет валюты"))
            reporter = reporter_of(row[reporter_i]) if reporter_i is not None else reporter_given
            partner_code = partner_of(row[partner_i]) if partner_i is not None else partner_given
            if reporter == partner_code:
                raise ValueError(
                    said(
                        "the reporter and partner are both {code}",
                        "отчитывающаяся страна и партнёр — обе {code}",
                        code=reporter,
                    )
                )
        except ValueError as exc:
            skipped.append(Problem(line, said_by(exc)))  # in both languages
            continue
        for flow, i in amounts:
            cell = row[i]
            # A plain decimal read straight (_amount's first case), the rest by _amount.
            # One of at most 12 characters has at most 12 significant digits: the
            # figure's rounding to 12 digits leaves it as it is (figure_maker).
            value: float | None
            short = False
            if (
                plain is not None
                and type(cell) is str
                and plain(cell)
                and isfinite(v := float(cell))
            ):
                value, short = v, len(cell) <= 12
            else:
                try:
                    value = _amount(cell, decimal)
                except ValueError:
                    skipped.append(
                        Problem(
                            line,
                            said(
                                "“{cell}” in {column} is not a number",
                                "«{cell}» в столбце {column} — не число",
                                cell=cell,
                                column=header[i],
                            ),
                        )
                    )
                    continue
            if value is None:
                plan.empty_cells += 1
                continue
            if value < 0:
                skipped.append(
                    Problem(
                        line,
                        said(
                            "negative amount {cell} in {column}",
                            "отрицательная сумма {cell} в столбце {column}",
                            cell=cell,
                            column=header[i],
                        ),
                    )
                )
                continue
            figures.append(
                make(start, end, row_flow or flow, value, currency, (reporter, partner_code), short)
            )
            lines.append(line)
    if partner and not plan.figures and not plan.skipped:
        plan.notes.append(
            said(
                "No row matches the chosen partner pair.",
                "Ни одна строка не подходит к выбранной паре партнёров.",
            )
        )
    return plan


# A plain decimal ("40636.48047", "2715622"): in a point-decimal table parse_cell
# reads it as float() does, through four patterns; read straight, as most cells of a
# statistics file are (a third of the time planning TRADHIST took).
_PLAIN_DECIMAL = re.compile(r"\d+(?:\.\d+)?")


def _amount(cell: Any, decimal: str) -> float | None:
    """parse_cell(cell, decimal).value; ValueError if the cell is not a number."""
    if decimal == "." and type(cell) is str and _PLAIN_DECIMAL.fullmatch(cell):
        value = float(cell)
        if math.isfinite(value):
            return value
    return parse_cell(cell, decimal).value


def _per_text(parse: Callable[[Any], _T]) -> Callable[[Any], _T]:
    """`parse` remembering what it made (or the ValueError it raised) of each text
    cell; other cells (numbers, dates: 1, 1.0 and True are one dict key) asked anew."""
    made: dict[str, _T] = {}
    refused: dict[str, str] = {}  # the message (a Said) each refused cell raised

    def cached(cell: Any) -> _T:
        if type(cell) is not str:
            return parse(cell)
        try:
            return made[cell]
        except KeyError:
            pass
        if cell in refused:
            raise ValueError(refused[cell])
        try:
            found = made[cell] = parse(cell)
        except ValueError as exc:
            refused[cell] = said_by(exc)
            raise
        return found

    return cached


def _row_country(cell: Any, column: str) -> str:
    code = code_of(str(cell))
    if code is None:
        former = former_country(str(cell))
        if former is not None:
            # Its figures belong to no country of today: never stored under a successor.
            raise ValueError(
                said(
                    "“{cell}” in {column} is a former country's code ({former})",
                    "«{cell}» в столбце {column} — код бывшей страны ({former})",
                    cell=cell,
                    column=column,
                    former=Said(former, former_country(str(cell), "ru") or former),
                )
            )
        raise ValueError(
            said(
                "“{cell}” in {column} is not a country",
                "«{cell}» в столбце {column} — не страна",
                cell=cell,
                column=column,
            )
        )
    return code
