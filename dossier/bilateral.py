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
from dossier.store.trade import PairSum, year_sum

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


def pair_sums_of(figures: Iterable[TradeFigure], a: str | None, b: str | None) -> list[PairSum]:
    """The store's `pair_sums` from records already in memory (same groups)."""
    years: dict[tuple[Any, ...], tuple[list[float], set[str], list[int], list[int]]] = {}
    across: dict[tuple[Any, ...], list[float]] = {}
    for f in figures:
        pair = (f.reporter, f.partner)
        if f.amount is None or pair not in ((a, b), (b, a), (None, None)):
            continue
        units = float(f.amount) * float(f.unit_scale or "1")
        rest = (f.reporter, f.partner, f.flow, f.kind or "actual", (f.currency or "").upper())
        if f.period_start[:4] != f.period_end[:4]:
            across.setdefault((f.period_start, f.period_end, *rest, f.source_id), []).append(units)
            continue
        first, last = _months(f.period_start, f.period_end)
        key = (f.period_start[:4], last - first + 1, *rest, f.source_id)
        amounts, starts, firsts, lasts = years.setdefault(key, ([], set(), [], []))
        amounts.append(units)
        starts.add(f.period_start)
        firsts.append(first)
        lasts.append(last)
    found = [
        year_sum(
            (
                key[0],
                key[1],
                min(firsts),
                max(lasts),
                len(starts),
                *key[2:7],
                math.fsum(amounts),
                len(amounts),
                key[7],
            )
        )
        for key, (amounts, starts, firsts, lasts) in years.items()
    ]
    found += [
        PairSum(*key[:7], math.fsum(units), len(units), key[7]) for key, units in across.items()
    ]
    return found


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


def seen_from(rows: Iterable[PairSum], view: str | None, other: str | None) -> Bilateral:
    """The pair's trade from `view`'s side: one value per year and flow, the rest kept."""
    rows = [r for r in rows if r.reporter in (view, other, None)]
    currencies: Counter[str] = Counter()
    for r in rows:
        currencies[r.currency] += r.count
    currency = currencies.most_common(1)[0][0] if currencies else ""
    other_currencies = sum(n for c, n in currencies.items() if c != currency)
    markers: list[Value] = []
    spans: list[Value] = []
    # (year, flow) -> series (mirror, kind, source) -> [(first, last, row)]
    years: dict[tuple[int, str], dict[tuple[bool, str, int | None], list[Any]]] = {}
    for r in rows:
        if r.currency != currency:
            continue
        flow, units, mirror = _seen(r, view)
        one_year = r.period_start[:4] == r.period_end[:4] and r.period_start[:4].isdigit()
        first, last = _months(r.period_start, r.period_end) if one_year else (1, 12)
        sources = (r.source_id,) if r.source_id is not None else ()
        if r.kind not in RESULTS or not one_year:
            year = int(r.period_end[:4]) if r.period_end[:4].isdigit() else None
            value = Value(
                year if r.kind not in RESULTS else None,
                r.period_start,
                r.period_end,
                flow,
                units,
                currency,
                r.kind,
                mirror,
                sources,
                r.count,
                last - first + 1,
            )
            (markers if r.kind not in RESULTS else spans).append(value)
            continue
        series = years.setdefault((int(r.period_start[:4]), flow), {})
        span = r.span or last - first + 1
        months = r.months or last - first + 1
        series.setdefault((mirror, r.kind, r.source_id), []).append(
            (span, months, first, last, units, r.count)
        )
    chosen: list[Value] = []
    alternatives: list[Value] = []
    for (year, flow), by_series in sorted(
        years.items(), key=lambda item: (item[0][0], FLOW_RANK.get(item[0][1], 9))
    ):
        candidates = []
        for (mirror, kind, source_id), parts in by_series.items():
            # Only the longest periods of a series: shorter ones are its breakdown.
            longest = max(part[0] for part in parts)
            kept = [part for part in parts if part[0] == longest]
            months = min(12, sum(part[1] for part in kept))
            first = min(part[2] for part in kept)
            last = max(part[3] for part in kept)
            whole = months >= 12
            candidates.append(
                Value(
                    year,
                    str(year) if whole else f"{year}-{first:02d}",
                    str(year) if whole else f"{year}-{last:02d}",
                    flow,
                    math.fsum(part[4] for part in kept),
                    currency,
                    kind,
                    mirror,
                    (source_id,) if source_id is not None else (),
                    sum(part[5] for part in kept),
                    months,
                )
            )
        # Preferred: the side's own report, the whole year, a result, the latest source.
        candidates.sort(
            key=lambda v: (
                v.mirror,
                -v.months,
                v.kind != "actual",
                -(v.source_ids[0] if v.source_ids else 0),
            )
        )
        chosen.append(candidates[0])
        alternatives += candidates[1:]
    spans.sort(key=lambda v: (v.period_start, v.period_end, FLOW_RANK.get(v.flow, 9)))
    markers.sort(key=lambda v: (v.period_end, FLOW_RANK.get(v.flow, 9)))
    return Bilateral(
        view,
        other,
        currency,
        tuple(chosen),
        tuple(alternatives + spans),
        tuple(markers),
        other_currencies,
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
    currencies = Counter(r.currency for r in rows for _ in range(r.count))
    currency = currencies.most_common(1)[0][0] if currencies else ""
    # partner -> year -> flow -> (mirror, units, source)
    found: dict[str, dict[int, dict[str, tuple[bool, float, int | None]]]] = {}
    for r in rows:
        if r.currency != currency or not r.period_start[:4].isdigit():
            continue
        partner = r.partner if r.reporter == country else r.reporter
        if partner is None:
            continue
        flow, units, mirror = _seen(r, country)
        flows = found.setdefault(partner, {}).setdefault(int(r.period_start[:4]), {})
        if flow not in flows or (flows[flow][0] and not mirror):
            flows[flow] = (mirror, units, r.source_id)
    out = []
    for partner, by_year in found.items():
        year = max(by_year)
        flows = by_year[year]
        exports = flows["export"][1] if "export" in flows else None
        imports = flows["import"][1] if "import" in flows else None
        turnover = flows["turnover"][1] if "turnover" in flows else None
        if turnover is None and exports is not None and imports is not None:
            turnover = exports + imports
        sources = tuple(sorted({s for _m, _u, s in flows.values() if s is not None}))
        out.append(PartnerRow(partner, year, exports, imports, turnover, currency, sources))
    out.sort(key=lambda p: (p.partner != WORLD, -(p.turnover or p.exports or p.imports or 0)))
    return out[:limit]


def partner_sums_of(
    figures: Iterable[TradeFigure], country: str, home: str | None
) -> list[PairSum]:
    """The store's `partner_sums` from records already in memory (same groups)."""
    parts: dict[tuple[Any, ...], tuple[list[float], list[int]]] = {}
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
        key = (start, end, f.reporter, f.partner, f.flow, f.kind, (f.currency or "").upper())
        units, sources = parts.setdefault(key, ([], []))
        units.append(float(f.amount) * float(f.unit_scale or "1"))
        if f.source_id is not None:
            sources.append(f.source_id)
    return [
        PairSum(*key, math.fsum(units), len(units), min(sources) if sources else None)
        for key, (units, sources) in parts.items()
    ]
