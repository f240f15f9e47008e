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
        (typed before pairs existed, no home country known) count as the pair's own."""
        rows = self.db.execute(
            "SELECT period_start, period_end, reporter, partner, flow, kind, "
            "upper(ifnull(currency, '')), total(amount * CAST(ifnull(unit_scale, '1') AS REAL)), "
            f"count(*), source_id FROM [{self.table}] "
            "WHERE dossier_id = ? AND amount IS NOT NULL AND ("
            "(reporter = ? AND partner = ?) OR (reporter = ? AND partner = ?) "
            "OR (reporter IS NULL AND partner IS NULL)) "
            "GROUP BY 1, 2, 3, 4, 5, 6, 7, source_id ORDER BY 1, 2, 3, 5, source_id",
            [dossier_id, a, b, b, a],
        ).fetchall()
        return [PairSum(*row) for row in rows]

    def partner_sums(self, dossier_id: int, country: str, home: str | None) -> list[PairSum]:
        """The country's trade with everyone but `home` (the world, third countries),
        whole calendar years only, summed like `pair_sums`: context for the brief and
        the tab, never part of the bilateral chart."""
        rows = self.db.execute(
            "SELECT substr(period_start, 1, 4), substr(period_end, 1, 4), reporter, partner, "
            "flow, kind, upper(ifnull(currency, '')), "
            "total(amount * CAST(ifnull(unit_scale, '1') AS REAL)), count(*), min(source_id) "
            f"FROM [{self.table}] WHERE dossier_id = ?1 AND amount IS NOT NULL "
            "AND kind IN ('actual', 'estimate') "
            "AND substr(period_start, 1, 4) = substr(period_end, 1, 4) "
            "AND length(period_start) = 4 AND length(period_end) = 4 "
            "AND ((reporter = ?2 AND partner IS NOT ?3) OR (partner = ?2 AND reporter IS NOT ?3)) "
            "GROUP BY 1, 2, 3, 4, 5, 6, 7",
            [dossier_id, country, home],
        ).fetchall()
        return [PairSum(*row) for row in rows]

    def growth(self, dossier_id: int, a: str | None, b: str | None) -> list[TradeFigure]:
        """The pair's growth statements (×6 from 2006 to 2012): notes under the chart."""
        return self.list(
            dossier_id,
            where="growth_factor IS NOT NULL AND ((reporter IS NULL AND partner IS NULL) "
            "OR (reporter = ? AND partner = ?) OR (reporter = ? AND partner = ?))",
            params=[a, b, b, a],
        )
