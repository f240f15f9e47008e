"""Trade figures: money and growth statements tied to a flow and a period.

A mention counts as a trade figure only when its sentence names a flow
(товарооборот, экспорт, импорт, trade, exports, imports). The flow and the
period are the nearest ones before the mention in the same sentence (else after
it; a period may also carry over from the sentence before).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from dossier.ingest.capture.kinds import read_figure, trade_pair
from dossier.ingest.capture.periods import Period, find_periods
from dossier.ingest.capture.types import Span, TradeCandidate
from dossier.ingest.money import Growth, Money, find_growth, find_money

_FLOWS = (
    (
        "turnover",
        r"товарооборот\w*|(?<!\w)оборот\w*|торговл\w+|взаимн\w+\s+торгов\w+|"
        r"\btrade\b|turnover",
    ),
    ("export", r"экспорт\w*|вывоз\w*|\bexports?\b|\bexported\b"),
    ("import", r"импорт\w*|ввоз\w*|\bimports?\b|\bimported\b"),
)


def _flows(sentence: str) -> list[tuple[int, str]]:
    found = []
    for flow, pattern in _FLOWS:
        found += [(m.start(), flow) for m in re.finditer(pattern, sentence, re.IGNORECASE)]
    return sorted(found)


def _nearest(items: Sequence[tuple[int, Any]], at: int) -> Any:
    before = [item for pos, item in items if pos <= at]
    if before:
        return before[-1]
    after = [item for pos, item in items if pos > at]
    return after[0] if after else None


def trade_figures(
    text: str, sentences: Sequence[Span], ref: dt.date | None, lang: str
) -> list[TradeCandidate]:
    found: list[TradeCandidate] = []
    carried: Period | None = None  # last period of the previous sentence
    for start, end in sentences:
        sentence = text[start:end]
        flows = _flows(sentence)
        periods = find_periods(sentence, ref)
        if flows:
            money = find_money(sentence, lang)
            growth = find_growth(sentence, lang)
            ref_year = ref.year if ref else None
            for item in money:
                figure = _money_figure(item, flows, periods, carried, sentence, start)
                found.append(_read(figure, item.span, flows, sentence, ref_year))
            for change in growth:
                figure = _growth_figure(change, flows, periods, carried, sentence, start)
                found.append(_read(figure, change.span, flows, sentence, ref_year))
        if periods:
            carried = periods[-1]
        if "\n" in text[end : end + 2]:
            carried = None  # a new paragraph starts afresh
    return found


def _period(
    periods: Sequence[Period], carried: Period | None, at: int
) -> tuple[Period | None, float]:
    period = _nearest([(p.span[0], p) for p in periods], at)
    if isinstance(period, Period):
        return period, 1.0
    return carried, 0.7 if carried else 0.5


def _bounds(period: Period | None) -> tuple[str | None, str | None, bool]:
    if period is None:
        return None, None, False
    return period.start, period.end, period.open


Flows = Sequence[tuple[int, str]]


def _read(
    figure: TradeCandidate, span: Span, flows: Flows, sentence: str, ref_year: int | None
) -> TradeCandidate:
    """Kind, pair and doubts of a figure from the words around it."""
    flow_at = _nearest([(pos, pos) for pos, _flow in flows], span[0])
    reading = read_figure(sentence, span[0], span[1], flow_at, ref_year)
    figure.figure_kind = reading.kind
    if reading.kind == "actual" and figure.estimate:
        figure.figure_kind = "estimate"
    if reading.kind in ("target", "forecast"):
        # A goal or prediction is for its deadline year, never for the period of
        # a result the sentence also mentions.
        year = reading.target_year
        stated = figure.period_end[:4] if figure.period_end else None
        if year is None and stated and (ref_year is None or int(stated) >= ref_year):
            year = int(stated)  # "в 2020 году составит": the year the text names
        figure.period_start = f"{year}-01-01" if year else None
        figure.period_end = f"{year}-12-31" if year else None
        figure.base_start = figure.base_end = None
        figure.period_open = False
    figure.hedged, figure.not_trade = reading.hedged, reading.not_trade
    figure.year_estimated = reading.year_estimated
    figure.reporter, figure.partner, figure.bilateral = trade_pair(sentence, figure.flow)
    return figure


def _money_figure(
    item: Money,
    flows: Flows,
    periods: Sequence[Period],
    carried: Period | None,
    sentence: str,
    offset: int,
) -> TradeCandidate:
    flow = str(_nearest(flows, item.span[0]))
    period, certainty = _period(periods, carried, item.span[0])
    start, end, period_open = _bounds(period)
    return TradeCandidate(
        flow=flow,
        period_open=period_open,
        amount=item.amount,
        currency=item.currency,
        scale=item.scale,
        amount_high=item.high,
        estimate=item.estimate,
        period_start=start,
        period_end=end,
        note=sentence.strip(),
        span=(offset + item.span[0], offset + item.span[1]),
        confidence=round(0.9 * certainty * (1.0 if item.currency else 0.8), 2),
    )


def _growth_figure(
    item: Growth,
    flows: Flows,
    periods: Sequence[Period],
    carried: Period | None,
    sentence: str,
    offset: int,
) -> TradeCandidate:
    flow = str(_nearest(flows, item.span[0]))
    period, certainty = _period(periods, carried, item.span[0])
    start = end = base_start = base_end = None
    if period:
        start, end = period.growth_period
        base_start, base_end = period.base or (None, None)
    return TradeCandidate(
        flow=flow,
        period_open=bool(period and period.open),
        growth_factor=item.factor,
        estimate=item.estimate,
        period_start=start,
        period_end=end,
        base_start=base_start,
        base_end=base_end,
        note=sentence.strip(),
        span=(offset + item.span[0], offset + item.span[1]),
        confidence=round(0.85 * certainty, 2),
    )
