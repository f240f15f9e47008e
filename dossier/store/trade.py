"""Trade figures: a figure whose pair is not given is the dossier's own trade."""

from __future__ import annotations

from typing import Any, NamedTuple

from dossier.model import TradeFigure
from dossier.store.repository import Repository


class PairSum(NamedTuple):
    """Figures of one period, pair, flow, kind, currency and source, summed."""

    period_start: str
    period_end: str
    reporter: str | None
    partner: str | None
    flow: str
    kind: str
    currency: str  # upper case, "" when unstated
    units: float  # the sum in units of the currency
    count: int
    source_id: int | None


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

    def pair_sums(self, dossier_id: int, a: str | None, b: str | None) -> list[PairSum]:
        """The trade of one pair of countries (either side reporting), summed per period,
        reporter, flow, kind, currency and source in one SQL aggregation: the chart and
        the brief read these few rows, never every figure. Figures whose pair is unknown
        (typed before pairs existed, no home country known) count as the pair's own.
        One branch per side (and the unknown pair), each an index seek on the pair."""
        branch = (
            "SELECT period_start, period_end, reporter, partner, flow, kind, "
            "upper(ifnull(currency, '')), "
            "total(amount * CAST(ifnull(unit_scale, '1') AS REAL)), count(*), source_id "
            # Named: without statistics the planner would walk the dossier's rows in
            # period order (trade_order) to save a sort of a few thousand groups.
            f"FROM [{self.table}] INDEXED BY trade_pair "
            "WHERE dossier_id = ?1 AND {pair} AND +amount IS NOT NULL "
            "GROUP BY 1, 2, 3, 4, 5, 6, 7, source_id"
        )
        sql = " UNION ALL ".join(
            branch.format(pair=pair)
            for pair in (
                "reporter = ?2 AND partner = ?3",
                "reporter = ?3 AND partner = ?2",
                "reporter IS NULL AND partner IS NULL",
            )
        )
        rows = self.db.execute(sql, [dossier_id, a, b]).fetchall()
        rows.sort(key=lambda r: (r[0], r[1], r[2] or "", r[4], r[9] or 0))
        return [PairSum(*row) for row in rows]

    def partner_sums(self, dossier_id: int, country: str, home: str | None) -> list[PairSum]:
        """The country's trade with everyone but `home` (the world, third countries),
        whole calendar years only, summed like `pair_sums`: context for the brief and
        the tab, never part of the bilateral chart. Read through the year indexes of
        migration 0004, so monthly figures are never visited."""
        branch = (
            "SELECT period_start, period_end, reporter, partner, flow, kind, "
            "upper(ifnull(currency, '')), "
            "total(amount * CAST(ifnull(unit_scale, '1') AS REAL)), count(*), min(source_id) "
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
        return [PairSum(*row) for row in rows]

    def growth(self, dossier_id: int, a: str | None, b: str | None) -> list[TradeFigure]:
        """The pair's growth statements (×6 from 2006 to 2012): notes under the chart."""
        ids = [
            row[0]
            for row in self.db.execute(
                " UNION ALL ".join(
                    f"SELECT id FROM [{self.table}] INDEXED BY trade_pair WHERE dossier_id = ?1 "
                    f"AND {pair} AND +growth_factor IS NOT NULL"
                    for pair in (
                        "reporter = ?2 AND partner = ?3",
                        "reporter = ?3 AND partner = ?2",
                        "reporter IS NULL AND partner IS NULL",
                    )
                ),
                [dossier_id, a, b],
            ).fetchall()
        ]
        if not ids:
            return []
        return self.list(dossier_id, where=f"id IN ({', '.join('?' * len(ids))})", params=ids)
