"""The dossier's own trade seen from one side, and its partner's other trade as context.

A dossier's trade is the pair (home country, dossier's country). Either side may
report it: Belstat's exports to Azerbaijan are Azerbaijan's imports from Belarus in
Azerbaijan's statistics (a *mirror* figure). Seen from one side, a mirror figure
is converted (the partner's exports are our imports, its balance is ours negated)
and marked, and for each year and flow one value is shown: the preferred one (the
side's own report, a whole year, an actual result, the latest source); the others
are kept as alternatives so a reader can see them with their sources. Targets and
forecasts are never results: they are markers.

Pure functions over `PairSum` rows, which the store sums in SQL (`pair_sums`), or
`pair_sums_of` from records already in memory.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from dossier.model import WORLD, TradeFigure
from dossier.store.trade import ALTERNATIVES, PairRows, PairSum, year_sum

# What `pair_sums` groups by: (period_start, period_end, reporter, partner, flow,
# kind, currency); per calendar year, (year, span, reporter, partner, flow, kind, currency).
_Period = tuple[str, str, str | None, str | None, str, str, str]
_Year = tuple[str, int, str | None, str | None, str, str, str]

MIRROR = {"export": "import", "import": "export", "turnover": "turnover", "balance": "balance"}
RESULTS = ("actual", "estimate")
FLOW_RANK = {"turnover": 0, "export": 1, "import": 2, "balance": 3}


@dataclass(frozen=True)
class Value:
    """One number of the pair's trade, from the point of view of one side."""

    year: int | None  # the calendar year; None for a period over several years
    period_start: str
    period_end: str
    flow: str  # as seen from the point of view
    units: float  # in units of `currency`
    currency: str
    kind: str
    mirror: bool  # reported by the other side and converted
    source_ids: tuple[int, ...]
    count: int  # figures summed
    months: int  # months of the year covered (12: the whole year)

    @property
    def partial(self) -> bool:
        return self.year is not None and self.months < 12

    @property
    def hatched(self) -> bool:
        """Drawn hatched: an estimate, or part of a year."""
        return self.partial or self.kind == "estimate"


@dataclass(frozen=True)
class Bilateral:
    view: str | None  # the country whose point of view the flows take
    other: str | None
    currency: str
    values: tuple[Value, ...]  # one per year and flow, by year then flow
    alternatives: tuple[Value, ...]  # other values for a shown year and flow; multi-year periods
    markers: tuple[Value, ...]  # targets and forecasts
    other_currencies: int = 0  # figures in other currencies, left out
    more_alternatives: int = 0  # alternatives not read (the store reads the latest few)

    @property
    def mirrored(self) -> bool:
        return any(v.mirror for v in self.values)

    def sources(self) -> list[int]:
        """Every source behind the values and markers shown, in first-seen order."""
        seen: dict[int, None] = {}
        for v in (*self.values, *self.markers):
            seen.update(dict.fromkeys(v.source_ids))
        return list(seen)


def point_of_view(dossier: Any) -> tuple[str | None, str | None]:
    """(the side whose trade it is, the other side) for a dossier: ours by default."""
    home, host = getattr(dossier, "home_code", None), getattr(dossier, "code", None)
    if getattr(dossier, "trade_view", "home") == "host":
        return host, home
    return home, host


def pair_sums_of(figures: Iterable[TradeFigure], a: str | None, b: str | None) -> PairRows:
    """The store's `pair_sums` from records already in memory (same rows)."""
    # (period, reporter, partner, flow, kind, currency) -> source -> amounts
    periods: dict[_Period, dict[int | None, list[float]]] = {}
    growth: list[int] = []
    for f in figures:
        if (f.reporter, f.partner) not in ((a, b), (b, a), (None, None)):
            continue
        if f.growth_factor is not None and f.id is not None:
            growth.append(f.id)
        if f.amount is None:
            continue
        key: _Period = (
            f.period_start,
            f.period_end,
            f.reporter,
            f.partner,
            f.flow,
            f.kind or "actual",
            (f.currency or "").upper(),
        )
        units = float(f.amount) * float(f.unit_scale or "1")
        periods.setdefault(key, {}).setdefault(f.source_id, []).append(units)
    found: list[PairSum] = []
    years: dict[_Year, tuple[list[float], set[str], list[int], list[int], set[int]]] = {}
    counts: Counter[_Year] = Counter()
    for key, by_source in periods.items():
        start, end, reporter, partner, flow, kind, currency = key
        # The latest source counts; the others' figures of the period are duplicates.
        ranked = sorted(by_source, key=lambda s: (s is None, -(s or 0)))
        for rank, source in enumerate(ranked):
            units = math.fsum(by_source[source])
            sources = (source,) if source is not None else ()
            if rank or start[:4] != end[:4]:
                count = len(by_source[source])
                found.append(
                    PairSum(
                        start,
                        end,
                        reporter,
                        partner,
                        flow,
                        kind,
                        currency,
                        units,
                        count,
                        sources,
                        duplicate=rank > 0,
                    )
                )
                continue
            first, last = _months(start, end)
            group = (start[:4], last - first + 1, reporter, partner, flow, kind, currency)
            amounts, starts, firsts, lasts, ids = years.setdefault(
                group, ([], set(), [], [], set())
            )
            amounts += by_source[source]
            starts.add(start)
            firsts.append(first)
            lasts.append(last)
            ids.update(sources)
            counts[group] += len(by_source[source])
    for group, (amounts, starts, firsts, lasts, ids) in years.items():
        year, span, *rest = group
        found.append(
            year_sum(
                (
                    year,
                    span,
                    min(firsts),
                    max(lasts),
                    len(starts),
                    *rest,
                    math.fsum(amounts),
                    counts[group],
                    tuple(sorted(ids)),
                )
            )
        )
    # As the store does: the latest few duplicates and periods over several years.
    alone = sorted(
        (r for r in found if r.duplicate or r.span is None),
        key=lambda r: r.period_end,
        reverse=True,
    )
    rows = PairRows(r for r in found if not (r.duplicate or r.span is None))
    rows += alone[:ALTERNATIVES]
    rows.left_out = max(0, len(alone) - ALTERNATIVES)
    rows.growth_ids = tuple(sorted(growth))
    rows.sort(key=lambda r: (r.period_start, r.period_end, r.reporter or "", r.flow))
    return rows


def _months(start: str, end: str) -> tuple[int, int]:
    try:
        first = int(start[5:7]) if len(start) >= 7 else 1
        last = int(end[5:7]) if len(end) >= 7 else 12
    except ValueError:
        return 1, 12
    return max(1, min(first, 12)), max(1, min(last, 12))


def _seen(row: PairSum, view: str | None) -> tuple[str, float, bool]:
    """The row's flow and amount from the view's side, and whether it is a mirror."""
    if row.reporter is None or row.reporter == view:
        return row.flow, row.units, False
    units = -row.units if row.flow == "balance" else row.units
    return MIRROR.get(row.flow, row.flow), units, True


def _value(r: PairSum, view: str | None, currency: str, year: int | None) -> Value:
    """One row as a value from the view's side, its period as it is."""
    flow, units, mirror = _seen(r, view)
    one_year = r.period_start[:4] == r.period_end[:4]
    first, last = _months(r.period_start, r.period_end) if one_year else (1, 12)
    return Value(
        year,
        r.period_start,
        r.period_end,
        flow,
        units,
        currency,
        r.kind,
        mirror,
        r.source_ids,
        r.figures,
        r.months or last - first + 1,
    )


def seen_from(rows: Iterable[PairSum], view: str | None, other: str | None) -> Bilateral:
    """The pair's trade from `view`'s side: one value per year and flow, the rest kept.

    A few rows per year come in (the store sums in SQL); this picks among them."""
    rows_in = rows
    rows = [r for r in rows if r.reporter in (view, other, None)]
    currencies: Counter[str] = Counter()
    for r in rows:
        currencies[r.currency] += r.figures
    currency = currencies.most_common(1)[0][0] if currencies else ""
    other_currencies = sum(n for c, n in currencies.items() if c != currency)
    markers: list[Value] = []
    alternatives: list[Value] = []
    # (year, flow) -> candidate (mirror, kind) -> rows of the longest periods
    years: dict[tuple[int, str], dict[tuple[bool, str], list[PairSum]]] = {}
    for r in rows:
        if r.currency != currency:
            continue
        one_year = r.period_start[:4] == r.period_end[:4] and r.period_start[:4].isdigit()
        end_year = int(r.period_end[:4]) if r.period_end[:4].isdigit() else None
        if r.kind not in RESULTS:
            markers.append(_value(r, view, currency, end_year))
            continue
        if r.duplicate or not one_year:
            alternatives.append(_value(r, view, currency, end_year if one_year else None))
            continue
        flow, _units, mirror = _seen(r, view)
        candidate = years.setdefault((int(r.period_start[:4]), flow), {}).setdefault(
            (mirror, r.kind), []
        )
        # Only the longest periods count: shorter ones are their breakdown.
        span = r.span or 12
        if candidate and (candidate[0].span or 12) > span:
            continue
        if candidate and (candidate[0].span or 12) < span:
            candidate.clear()
        candidate.append(r)
    chosen: list[Value] = []
    for (year, flow), by_candidate in sorted(
        years.items(), key=lambda item: (item[0][0], FLOW_RANK.get(item[0][1], 9))
    ):
        candidates = []
        for (mirror, kind), parts in by_candidate.items():
            months = min(12, sum(p.months or 12 for p in parts))
            first = min(_months(p.period_start, p.period_end)[0] for p in parts)
            last = max(_months(p.period_start, p.period_end)[1] for p in parts)
            whole = months >= 12
            candidates.append(
                Value(
                    year,
                    str(year) if whole else f"{year}-{first:02d}",
                    str(year) if whole else f"{year}-{last:02d}",
                    flow,
                    math.fsum(_seen(p, view)[1] for p in parts),
                    currency,
                    kind,
                    mirror,
                    tuple(sorted({i for p in parts for i in p.source_ids})),
                    sum(p.figures for p in parts),
                    months,
                )
            )
        # Preferred: the side's own report, the whole year, a result, the latest source.
        candidates.sort(
            key=lambda v: (
                v.mirror,
                -v.months,
                v.kind != "actual",
                -(max(v.source_ids) if v.source_ids else 0),
            )
        )
        chosen.append(candidates[0])
        alternatives += candidates[1:]
    alternatives.sort(
        key=lambda v: (v.year or 0, v.period_start, v.period_end, FLOW_RANK.get(v.flow, 9))
    )
    markers.sort(key=lambda v: (v.period_end, FLOW_RANK.get(v.flow, 9)))
    return Bilateral(
        view,
        other,
        currency,
        tuple(chosen),
        tuple(alternatives),
        tuple(markers),
        other_currencies,
        getattr(rows_in, "left_out", 0),
    )


def of_figures(
    figures: Sequence[TradeFigure], view: str | None = None, other: str | None = None
) -> Bilateral:
    """The pair's trade from records in memory. Without a view, the pair most figures
    name, seen from the side that reports most of them."""
    if view is None and other is None:
        pairs = Counter((f.reporter, f.partner) for f in figures if f.reporter and f.partner)
        if pairs:
            view, other = pairs.most_common(1)[0][0]
    return seen_from(pair_sums_of(figures, view, other), view, other)


@dataclass(frozen=True)
class PartnerRow:
    """One partner of a country in its latest year, from the country's side."""

    partner: str  # alpha-2, or WORLD
    year: int
    exports: float | None
    imports: float | None
    turnover: float | None
    currency: str
    source_ids: tuple[int, ...]


def main_partners(rows: Iterable[PairSum], country: str, limit: int = 8) -> list[PartnerRow]:
    """The country's trade with the world and its main partners, latest year each,
    the world first, then by turnover. The country's own reports win over mirrors."""
    rows = list(rows)
    currencies = Counter(r.currency for r in rows for _ in range(r.figures))
    currency = currencies.most_common(1)[0][0] if currencies else ""
    # partner -> year -> flow -> (mirror, units, sources)
    found: dict[str, dict[int, dict[str, tuple[bool, float, tuple[int, ...]]]]] = {}
    for r in rows:
        if r.currency != currency or not r.period_start[:4].isdigit():
            continue
        partner = r.partner if r.reporter == country else r.reporter
        if partner is None:
            continue
        flow, units, mirror = _seen(r, country)
        flows = found.setdefault(partner, {}).setdefault(int(r.period_start[:4]), {})
        if flow not in flows or (flows[flow][0] and not mirror):
            flows[flow] = (mirror, units, r.source_ids)
    out = []
    for partner, by_year in found.items():
        year = max(by_year)
        flows = by_year[year]
        exports = flows["export"][1] if "export" in flows else None
        imports = flows["import"][1] if "import" in flows else None
        turnover = flows["turnover"][1] if "turnover" in flows else None
        if turnover is None and exports is not None and imports is not None:
            turnover = exports + imports
        sources = tuple(sorted({s for _m, _u, ids in flows.values() for s in ids}))
        out.append(PartnerRow(partner, year, exports, imports, turnover, currency, sources))
    out.sort(key=lambda p: (p.partner != WORLD, -(p.turnover or p.exports or p.imports or 0)))
    return out[:limit]


def partner_sums_of(
    figures: Iterable[TradeFigure], country: str, home: str | None
) -> list[PairSum]:
    """The store's `partner_sums` from records already in memory (same groups)."""
    parts: dict[_Period, tuple[list[float], list[int]]] = {}
    for f in figures:
        start, end = f.period_start, f.period_end
        if (
            f.amount is None
            or f.kind not in RESULTS
            or len(start) != 4
            or start != end
            or not (
                (f.reporter == country and f.partner != home)
                or (f.partner == country and f.reporter != home)
            )
        ):
            continue
        key: _Period = (
            start,
            end,
            f.reporter,
            f.partner,
            f.flow,
            f.kind,
            (f.currency or "").upper(),
        )
        units, sources = parts.setdefault(key, ([], []))
        units.append(float(f.amount) * float(f.unit_scale or "1"))
        if f.source_id is not None:
            sources.append(f.source_id)
    return [
        PairSum(*key, math.fsum(units), len(units), tuple(sorted(set(sources))))
        for key, (units, sources) in parts.items()
    ]
