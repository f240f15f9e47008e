"""Trade figures summed per year and flow, for dossiers with more figures than a brief lists.

A dossier may hold a hundred thousand monthly figures by commodity; a brief shows
what they add up to. Within a year, flow and currency only the figures of the
longest period are summed: a whole-year total next to its monthly breakdown is not
counted twice. The store sums each period, flow and currency in SQL (a hundred
thousand figures need not become records); a snapshot in memory gives the same groups.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

from dossier.model import FLOWS, SCALES, TradeFigure

FLOW_ORDER = {c.value: n for n, c in enumerate(FLOWS)}
CITED_PER_TOTAL = 3  # sources named per sum; the rest are in the app


class TradeGroup(NamedTuple):
    """Figures with one period, flow and currency, summed (by SQL or from records)."""

    period_start: str
    period_end: str
    flow: str
    currency: str  # upper case, "" when unstated
    units: float  # the sum in units of the currency
    figures: int  # how many were summed (not `count`: that is tuple's method)
    sources: frozenset[int]


def groups_of(figures: list[TradeFigure]) -> list[TradeGroup]:
    """The same groups as the store's GROUP BY, from records already in memory."""
    parts: dict[tuple[str, str, str, str], tuple[list[float], set[int]]] = {}
    for f in figures:
        if f.amount is None:
            continue
        units, sources = parts.setdefault(
            (f.period_start, f.period_end, f.flow, (f.currency or "").upper()), ([], set())
        )
        units.append(float(f.amount) * float(f.unit_scale or "1"))
        if f.source_id is not None:
            sources.add(f.source_id)
    return [
        TradeGroup(*key, math.fsum(units), len(units), frozenset(sources))
        for key, (units, sources) in parts.items()
    ]


def several_years(f: TradeFigure) -> bool:
    """A period over more than one calendar year: listed as it is, never summed."""
    return f.period_start[:4] != f.period_end[:4]


@dataclass(frozen=True)
class YearTotal:
    year: int
    flow: str
    currency: str
    units: float  # the sum in units of the currency
    count: int  # figures summed
    first_month: int
    last_month: int
    months: int  # distinct months covered
    source_ids: tuple[int, ...]  # the lowest-numbered few
    more_sources: bool

    @property
    def partial(self) -> bool:
        return self.months < 12

    @property
    def period(self) -> tuple[str, str]:
        if not self.partial:
            return str(self.year), str(self.year)
        return f"{self.year}-{self.first_month:02d}", f"{self.year}-{self.last_month:02d}"

    def figure(self, unit_scale: str) -> TradeFigure:
        """The sum as a trade figure in the given scale, for the chart."""
        start, end = self.period
        return TradeFigure(
            period_start=start,
            period_end=end,
            flow=self.flow,
            amount=round(self.units / float(unit_scale), 6),
            currency=self.currency,
            unit_scale=unit_scale,
        )


def common_scale(totals: list[YearTotal]) -> str:
    """The largest of units/thousand/million/billion in which the biggest sum is >= 1."""
    biggest = max((abs(t.units) for t in totals), default=0.0)
    chosen = SCALES[0].value
    for choice in SCALES:
        if biggest >= float(choice.value):
            chosen = choice.value
    return chosen


def _months(start: str, end: str) -> tuple[int, int]:
    """First and last month of a period within one calendar year."""
    try:
        first = int(start[5:7]) if len(start) >= 7 else 1
        last = int(end[5:7]) if len(end) >= 7 else 12
    except ValueError:
        return 1, 12
    return max(1, min(first, 12)), max(1, min(last, 12))


def sum_by_year(groups: list[TradeGroup]) -> list[YearTotal]:
    """Sums per (year, flow, currency) of the groups within one calendar year."""
    years: dict[tuple[int, str, str], list[tuple[TradeGroup, int, int]]] = {}
    for g in groups:
        if g.period_start[:4] != g.period_end[:4] or not g.period_start[:4].isdigit():
            continue
        first, last = _months(g.period_start, g.period_end)
        years.setdefault((int(g.period_start[:4]), g.flow, g.currency), []).append((g, first, last))
    totals = []
    for (year, flow, currency), parts in years.items():
        # Only the longest periods: shorter ones within the year are their breakdown.
        longest = max(last - first for _g, first, last in parts)
        kept = [(g, first, last) for g, first, last in parts if last - first == longest]
        months = set().union(*(range(first, last + 1) for _g, first, last in kept))
        sources = sorted(set().union(*(g.sources for g, _f, _l in kept)))
        totals.append(
            YearTotal(
                year=year,
                flow=flow,
                currency=currency,
                units=math.fsum(g.units for g, _f, _l in kept),
                count=sum(g.figures for g, _f, _l in kept),
                first_month=min(months),
                last_month=max(months),
                months=len(months),
                source_ids=tuple(sources[:CITED_PER_TOTAL]),
                more_sources=len(sources) > CITED_PER_TOTAL,
            )
        )
    totals.sort(key=lambda t: (t.year, FLOW_ORDER.get(t.flow, len(FLOW_ORDER)), t.currency))
    return totals
