"""The brief's reads of trade figures that SQL answers far faster than Python.

A brief of 100,000 figures prints sums and a few rows: summing and picking in SQL
reads a few hundred rows instead of building every record (brief/context.py).
"""

from __future__ import annotations

from typing import Any

# (period start, period end, flow, CURRENCY, amount in units, figures, source ids)
GroupRow = tuple[str, str, str, str, float, int, frozenset[int]]


def summed_groups(repo: Any, dossier_id: int) -> list[GroupRow]:
    """Figures with an amount summed per period, flow and currency, in that order."""
    rows = repo.db.execute(
        "SELECT period_start, period_end, flow, upper(ifnull(currency, '')), "
        "total(amount * CAST(ifnull(unit_scale, '1') AS REAL)), count(*), "
        f"group_concat(DISTINCT source_id) FROM [{repo.table}] "
        "WHERE dossier_id = ? AND amount IS NOT NULL GROUP BY 1, 2, 3, 4 "
        "ORDER BY 1, 2, 3, 4",
        [dossier_id],
    ).fetchall()
    return [
        (
            start,
            end,
            flow,
            currency,
            units,
            count,
            frozenset(int(x) for x in sources.split(",")) if sources else frozenset(),
        )
        for start, end, flow, currency, units, count, sources in rows
    ]


def span_and_growth_ids(repo: Any, dossier_id: int) -> list[tuple[int, bool]]:
    """(id, is a growth figure) of figures with an amount over a period that crosses a
    year, and of every growth figure, in id order."""
    rows = repo.db.execute(
        f"SELECT id, growth_factor IS NOT NULL FROM [{repo.table}] WHERE dossier_id = ? "
        "AND (growth_factor IS NOT NULL OR (amount IS NOT NULL AND "
        "substr(period_start, 1, 4) <> substr(period_end, 1, 4))) ORDER BY id",
        [dossier_id],
    ).fetchall()
    return [(int(r[0]), bool(r[1])) for r in rows]


def growth_with_amount(repo: Any, dossier_id: int) -> list[Any]:
    """Growth figures that also give an amount (they may span years too)."""
    return list(repo.list(dossier_id, where="growth_factor IS NOT NULL AND amount IS NOT NULL"))
