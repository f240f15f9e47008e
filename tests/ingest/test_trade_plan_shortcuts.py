"""The trade planner's and writer's shortcuts for large files (issue 15, Speed): what
they make is what the cell-by-cell path makes (periods and countries remembered per
distinct cell, figures made from a template, amounts not rounded twice, no duplicate
loop when no figure can be one)."""

from __future__ import annotations

import random
from typing import Any

import pytest

from dossier.ingest.tables import Records
from dossier.ingest.trade_import import (
    Options,
    TradeMapping,
    _amount,
    _row_country,
    parse_period,
    plan_records,
    store_plan,
)
from dossier.ingest.trade_types import figure_maker, make_figure
from dossier.model import DOSSIER, TradeFigure


@pytest.fixture
def dossier(store):
    return store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан"}))


def _old_figure(
    dossier_id: int,
    start: str,
    end: str,
    flow: str,
    value: float,
    currency: str | None,
    opts: Options,
    pair: tuple[str | None, str | None] | None,
) -> TradeFigure:
    """make_figure as it was written before figure_maker."""
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


def _cells(n: int) -> list[str]:
    """Plain decimals of every length up to 17 characters, the kind a statistics file holds."""
    rng = random.Random(15)
    cells = ["0", "0.1", "999999999999", "99999999999.9", "0.00000000001", "40636.48047"]
    while len(cells) < n:
        whole = str(rng.randrange(10 ** rng.randrange(1, 12)))
        part = str(rng.randrange(10 ** rng.randrange(1, 9))).zfill(rng.randrange(1, 9))
        cells.append(whole if rng.random() < 0.2 else f"{whole}.{part}")
    return cells


@pytest.mark.parametrize(
    "opts",
    [
        Options(unit="1", currency="USD"),
        Options(unit="1000000", currency="USD", reporter="BY", partner="world"),
        Options(unit="1000", store_unit="1000000", currency="EUR", note="goods", kind="estimate"),
        Options(unit="1000000000", store_unit="1", currency=None),
    ],
)
def test_figure_maker_makes_what_make_figure_made(opts: Options) -> None:
    make = figure_maker(7, opts)
    for cell in _cells(3000):
        value = float(cell)
        short = len(cell) <= 12
        for pair in (("DE", "AZ"), None):
            expected = _old_figure(7, "2013-01", "2013-03", "export", value, "USD", opts, pair)
            made = make("2013-01", "2013-03", "export", value, "USD", pair, short)
            assert made == expected, cell
            assert vars(made) == vars(expected)  # the same fields, in the same order
            assert make_figure(7, "2013-01", "2013-03", "export", value, "USD", opts, pair) == (
                expected
            )
    # Figures made by one maker are separate records.
    a, b = (
        make("2013", "2013", "import", 1.0, "USD", None, True),
        make("2014", "2014", "import", 2.0, "USD", None, True),
    )
    a.source_id = 5
    assert (a.period_start, b.period_start, b.source_id) == ("2013", "2014", None)


def _expected_plan(records: Records, opts: Options) -> tuple[list[Any], list[tuple[int, str]]]:
    """What plan_records gives for a reporter/partner/year/two-flow table, asked of
    every cell anew (parse_period, _row_country, _amount, make_figure)."""
    figures, skipped = [], []
    for row, line in zip(records.rows, records.lines, strict=True):
        try:
            start, end = parse_period(row[2])
            reporter = _row_country(row[0], records.header[0])
            partner = _row_country(row[1], records.header[1])
            if reporter == partner:
                raise ValueError(f"the reporter and partner are both {reporter}")
        except ValueError as exc:
            skipped.append((line, str(exc)))
            continue
        for flow, i in (("import", 3), ("export", 4)):
            try:
                value = _amount(row[i], ".")
            except ValueError:
                skipped.append((line, f"“{row[i]}” in {records.header[i]} is not a number"))
                continue
            if value is None:
                continue
            if value < 0:
                skipped.append((line, f"negative amount {row[i]} in {records.header[i]}"))
                continue
            figures.append(
                make_figure(1, start, end, flow, value, opts.currency, opts, (reporter, partner))
            )
    return figures, skipped


def test_plan_records_asks_each_distinct_cell_once_and_gives_every_row_its_answer() -> None:
    # Repeated bad periods and countries are each reported on their own line with the
    # same words; years given as numbers (a spreadsheet's cells) are read as numbers.
    rows: list[list[Any]] = []
    for n in range(400):
        year: Any = ["1990", 1991, 1992.0, "19x3", " 1994 ", "2013-Q2", "2013M07"][n % 7]
        reporter = ["DEU", "XXX", "deu", "AZE", "YUG"][n % 5]
        partner = ["AZE", "AZE", "FRA", "AZE", "DEU"][n % 3]
        rows.append(
            [reporter, partner, year, ["1.5", "2715622.5", "", "-3", "abc"][n % 5], f"{n}.25"]
        )
    header = ["destination_country_code", "origin_country_code", "year", "imports", "exports"]
    records = Records(header, 1, rows, list(range(2, 402)))
    mapping = TradeMapping(
        period="year",
        flow_columns={"import": "imports", "export": "exports"},
        reporter_column=header[0],
        partner_column=header[1],
    )
    opts = Options(unit="1", currency="USD")
    plan = plan_records(records, mapping, 1, opts)
    figures, skipped = _expected_plan(records, opts)
    assert plan.figures == figures
    assert [(p.line, p.reason) for p in plan.skipped] == skipped
    assert {reason for _, reason in skipped} >= {
        "not a period: “19x3”",
        "“XXX” in destination_country_code is not a country",
        "the reporter and partner are both AZ",
    }


def _figure(period: str, note: str | None, amount: float = 1.0) -> TradeFigure:
    return TradeFigure(
        period_start=period,
        period_end=period,
        flow="export",
        amount=amount,
        currency="USD",
        unit_scale="1",
        reporter="BY",
        partner="AZ",
        note=note,
    )


@pytest.mark.parametrize(
    ("notes", "added", "duplicates", "conflicts"),
    [
        ((None, "x"), 2, 0, 0),  # distinct: all added
        ((None, ""), 1, 1, 0),  # no note and an empty note are one series
        (("", None), 1, 1, 0),
        ((None, None), 1, 1, 0),
    ],
)
def test_figures_of_one_file_are_compared_as_before(
    store,
    dossier,
    notes: tuple[str | None, str | None],
    added: int,
    duplicates: int,
    conflicts: int,
) -> None:
    from dossier.ingest.trade_types import TradePlan

    plan = TradePlan(figures=[_figure("2013", notes[0]), _figure("2013", notes[1])], lines=[2, 3])
    for fig in plan.figures:
        fig.dossier_id = dossier.id
    result = store_plan(store, plan, dossier.id, "file")
    assert (result.added, result.duplicates, len(result.conflicts)) == (
        added,
        duplicates,
        conflicts,
    )
    other = TradePlan(figures=[_figure("2013", notes[0], 2.0), _figure("2013", notes[1], 2.0)])
    for fig in other.figures:
        fig.dossier_id = dossier.id
    again = store_plan(store, other, dossier.id, "file")
    # The dossier's own figures are compared with the file's: a different amount is
    # a conflict, never overwritten.
    assert (again.added, again.duplicates, len(again.conflicts)) == (0, 0, 2)
