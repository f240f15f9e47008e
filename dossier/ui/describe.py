"""One line naming a record for people: in search results and citation lists."""

from __future__ import annotations

from typing import Any

from dossier.fields import format_value
from dossier.model import EntitySpec, period_label
from dossier.units import money


def record_title(spec: EntitySpec, record: Any, lang: str) -> str:
    """The record's title field, or for a trade figure "Turnover, 2012, USD 223.3 million"."""
    if spec.name != "trade":
        return " ".join(spec.title_of(record).split())
    flow = format_value(spec.field("flow"), record.flow, lang)
    parts = [flow, period_label(record.period_start, record.period_end, lang)]
    # As each language writes an amount: "USD 223.3 million", "223,3 млн долл. США".
    amount = money(record.amount, record.unit_scale, record.currency, lang)
    if amount:
        parts.append(amount)
    if record.growth_factor:
        growth = format_value(spec.field("growth_factor"), record.growth_factor, lang)
        parts.append(f"×{growth}")
    return ", ".join(parts)
