"""Trade figures: a figure whose pair is not given is the dossier's own trade."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from dossier.model import TradeFigure
from dossier.store.repository import Repository


class PairSum(NamedTuple):
    """Figures of one period, pair, flow, kind and currency, summed."""

    period_start: str
    period_end: str
    reporter: str | None
    partner: str | None
    flow: str
    kind: str
    currency: str  # upper case, "" when unstated
    units: float  # the sum in units of the currency
    figures: int  # how many were summed (not `count`: that is tuple's method)
    source_ids: tuple[int, ...]  # every source behind the sum, ascending
    # Figures within one calendar year are summed per year and period length: `span`
    # months each, `months` of the year covered (period_start/end: first to last).
    # None for a period over several years, summed as it is.
    months: int | None = None
    span: int | None = None
    # Another source's figure for a period already counted (the same number reported
    # again, or revised): never added, kept as an alternative.
    duplicate: bool = False


ALTERNATIVES = 50  # duplicates and periods over several years read, the latest


class PairRows(list[PairSum]):
    """`pair_sums`' rows, how many duplicates it left out (beyond ALTERNATIVES) and the
    ids of the pair's growth statements."""

    left_out: int = 0
    growth_ids: tuple[int, ...] = ()


# A period's first and last month within its year ('2012' is January to December).
_FIRST = "CASE WHEN length(period_start) >= 7 THEN CAST(substr(period_start, 6, 2) AS INTEGER) ELSE 1 END"
_LAST = (
    "CASE WHEN length(period_end) >= 7 THEN CAST(substr(period_end, 6, 2) AS INTEGER) ELSE 12 END"
)
# The dossier's pair, either side reporting, and figures whose pair is unknown (typed
# before pairs existed, no home country known): one branch each, an index seek.
_PAIRS = (
    "reporter = ?2 AND partner = ?3",
    "reporter = ?3 AND partner = ?2",
    "reporter IS NULL AND partner IS NULL",
)


def source_ids(text: str | None) -> tuple[int, ...]:
    """SQLite's group_concat of ids as a sorted tuple."""
    return tuple(sorted({int(i) for i in text.split(",")})) if text else ()


def year_sum(row: tuple[Any, ...]) -> PairSum:
    """A PairSum from a year's group: (year, span, first, last, periods, reporter, ...)."""
    year, span, first, last, periods, *rest = row
    if span >= 12:
        start = end = year
    else:
        start, end = f"{year}-{first:02d}", f"{year}-{last:02d}"
    return pair_sum(start, end, rest, months=min(12, periods * span), span=span)


def pair_sum(
    start: str,
    end: str,
    rest: Sequence[Any],
    months: int | None = None,
    span: int | None = None,
    duplicate: bool = False,
) -> PairSum:
    """A PairSum from its period and the rest of its fields in order (reporter to
    source_ids), as a row of SQL or of `pair_sums_of` gives them."""
    reporter, partner, flow, kind, currency, units, figures, sources = rest
    return PairSum(
        start,
        end,
        reporter,
        partner,
        flow,
        kind,
        currency,
        units,
        figures,
        sources,
        months=months,
        span=span,
        duplicate=duplicate,
    )


class TradeFigures(Repository[TradeFigure]):
    def _values(self, record: TradeFigure) -> dict[str, Any]:
        values = super()._values(record)
        if values.get("reporter") is None and values.get("partner") is None:
            # Typed in the trade tab of a dossier: seen from the home country, with the
            # dossier's country as partner. Importers and capture name the pair
            # themselves. With no home country known, the pair stays unknown.
            row = self.db.execute(
                "SELECT home_code, code FROM dossiers WHERE id = ?", [record.dossier_id]
            ).fetchone()
            if row is not None and row[0]:
                values["reporter"], values["partner"] = row[0], row[1]
        return values

    def pair_sums(self, dossier_id: int, a: str | None, b: str | None) -> PairRows:
        """The trade of one pair of countries (either side reporting), summed in one SQL
        statement: the chart and the brief read a few rows per year, never every figure.

        For each period, side, flow, kind and currency one source counts (the latest
        added; its figures of that period are summed, a breakdown by product say); the
        same period from other sources comes back row by row, marked `duplicate`.
        What counts is then summed per calendar year and period length (twelve months
        make a year). Periods over several years come back as they are."""
        figures = " UNION ALL ".join(
            "SELECT period_start, period_end, reporter, partner, flow, kind, "
            "upper(ifnull(currency, '')) AS cur, "
            "amount * CAST(ifnull(unit_scale, '1') AS REAL) AS units, source_id, id, "
            "growth_factor "
            # Named: without statistics the planner would walk the dossier's rows in
            # period order (trade_order) rather than seek the pair.
            f"FROM [{self.table}] INDEXED BY trade_pair "
            f"WHERE dossier_id = ?1 AND {pair}"
            for pair in _PAIRS
        )
        sql = (
            f"WITH figures AS ({figures}), "
            "by_source AS (SELECT period_start, period_end, reporter, partner, flow, kind, cur, "
            "source_id, total(units) AS units, count(*) AS n, row_number() OVER ("
            "PARTITION BY period_start, period_end, reporter, flow, kind, cur "
            "ORDER BY source_id DESC) AS rank "
            "FROM figures WHERE units IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) "
            f"SELECT substr(period_start, 1, 4), {_LAST} - {_FIRST} + 1, min({_FIRST}), "
            f"max({_LAST}), count(DISTINCT period_start), NULL, reporter, partner, flow, kind, "
            "cur, total(units), sum(n), group_concat(DISTINCT source_id), 0 "
            "FROM by_source WHERE rank = 1 "
            "AND substr(period_start, 1, 4) = substr(period_end, 1, 4) "
            "GROUP BY 1, 2, 7, 8, 9, 10, 11 "
            "UNION ALL SELECT * FROM (SELECT period_start, NULL, NULL, NULL, NULL, period_end, "
            "reporter, partner, flow, kind, cur, units, n, source_id, rank > 1 FROM by_source "
            "WHERE rank > 1 OR substr(period_start, 1, 4) <> substr(period_end, 1, 4) "
            # The latest few: they are listed as alternatives, the rest counted.
            f"ORDER BY period_end DESC LIMIT {ALTERNATIVES}) "
            # Then how many of those there are, and the pair's growth statements (×6
            # from 2006 to 2012), read in the same pass.
            "UNION ALL SELECT NULL, NULL, NULL, NULL, count(*), NULL, NULL, NULL, NULL, NULL, "
            "NULL, NULL, NULL, (SELECT group_concat(id) FROM figures "
            "WHERE growth_factor IS NOT NULL), NULL FROM by_source "
            "WHERE rank > 1 OR substr(period_start, 1, 4) <> substr(period_end, 1, 4)"
        )
        found = PairRows()
        for row in self.db.execute(sql, [dossier_id, a, b]).fetchall():
            if row[0] is None:
                found.left_out = max(0, row[4] - ALTERNATIVES)
                found.growth_ids = source_ids(row[13])
            elif row[1] is None:  # a duplicate, or a period over several years, as it is
                sources = (row[13],) if row[13] is not None else ()
                found.append(
                    pair_sum(row[0], row[5], (*row[6:13], sources), duplicate=bool(row[14]))
                )
            else:
                found.append(year_sum((*row[:5], *row[6:13], source_ids(row[13]))))
        found.sort(key=lambda r: (r.period_start, r.period_end, r.reporter or "", r.flow))
        return found

    def pairs(self, dossier_id: int) -> list[tuple[str | None, str | None]]:
        """The dossier's distinct (reporter, partner) pairs in index order, for the tab's
        quick filter.

        A skip-scan of the trade_pair index: each pair is one seek to the next entry
        past the pair before, so 100,000 figures across 50 pairs cost some 60 seeks.
        `SELECT DISTINCT` walked every one of the dossier's index entries (~12 ms of
        the trade tab's first paint on the largest dossier, issue 16); before that, all
        the figures were sorted and handed to Python (~150 ms)."""
        seek = (
            f"SELECT reporter, partner FROM [{self.table}] INDEXED BY trade_pair "
            "WHERE dossier_id = ?1 AND {after} ORDER BY reporter, partner LIMIT 1"
        )
        # NULL sorts first in the index but compares as unknown: "past NULL" is
        # IS NOT NULL, "the same NULL reporter" is IS.
        found: list[tuple[str | None, str | None]] = []
        row = self.db.execute(seek.format(after="1"), [dossier_id]).fetchone()
        while row is not None:
            reporter, partner = row
            found.append((reporter, partner))
            if partner is None:
                after, params = "reporter IS ?2 AND partner IS NOT NULL", [reporter]
            else:
                after, params = "reporter IS ?2 AND partner > ?3", [reporter, partner]
            row = self.db.execute(seek.format(after=after), [dossier_id, *params]).fetchone()
            if row is None:  # the reporter's last partner: on to the next reporter
                if reporter is None:
                    after, params = "reporter IS NOT NULL", []
                else:
                    after, params = "reporter > ?2", [reporter]
                row = self.db.execute(seek.format(after=after), [dossier_id, *params]).fetchone()
        return found

    def partner_sums(self, dossier_id: int, country: str, home: str | None) -> list[PairSum]:
        """The country's trade with everyone but `home` (the world, third countries),
        whole calendar years only, summed like `pair_sums`: context for the brief and
        the tab, never part of the bilateral chart. Read through the year indexes of
        migration 0004, so monthly figures are never visited."""
        branch = (
            "SELECT period_start, period_end, reporter, partner, flow, kind, "
            "upper(ifnull(currency, '')), "
            "total(amount * CAST(ifnull(unit_scale, '1') AS REAL)), count(*), "
            "group_concat(DISTINCT source_id) "
            f"FROM [{self.table}] INDEXED BY trade_{{side}}_years "
            "WHERE dossier_id = ?1 AND {side} = ?2 "
            "AND length(period_start) = 4 AND {other} IS NOT ?3 AND period_end = period_start "
            "AND +amount IS NOT NULL AND kind IN ('actual', 'estimate') "
            "GROUP BY 1, 2, 3, 4, 5, 6, 7"
        )
        sql = " UNION ALL ".join(
            branch.format(side=side, other=other)
            for side, other in (("reporter", "partner"), ("partner", "reporter"))
        )
        rows = self.db.execute(sql, [dossier_id, country, home]).fetchall()
        return [pair_sum(row[0], row[1], (*row[2:9], source_ids(row[9]))) for row in rows]

    def growth(self, dossier_id: int, a: str | None, b: str | None) -> list[TradeFigure]:
        """The pair's growth statements (×6 from 2006 to 2012): notes under the chart.
        (`pair_sums` gives their ids too, read in its pass: see `of_ids`.)"""
        ids = [
            row[0]
            for row in self.db.execute(
                " UNION ALL ".join(
                    f"SELECT id FROM [{self.table}] INDEXED BY trade_pair WHERE dossier_id = ?1 "
                    f"AND {pair} AND +growth_factor IS NOT NULL"
                    for pair in _PAIRS
                ),
                [dossier_id, a, b],
            ).fetchall()
        ]
        return self.of_ids(dossier_id, tuple(ids))

    def of_ids(self, dossier_id: int, ids: tuple[int, ...]) -> list[TradeFigure]:
        """The dossier's figures with these ids (growth statements `pair_sums` found)."""
        if not ids:
            return []
        return self.list(dossier_id, where=f"id IN ({', '.join('?' * len(ids))})", params=list(ids))
