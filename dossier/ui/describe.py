"""One line naming a record for people: in search results and citation lists."""

from __future__ import annotations

from typing import Any

from dossier.fields import format_value
from dossier.model import EntitySpec, period_label


def record_title(spec: EntitySpec, record: Any, lang: str) -> str:
    """The record's title field, or for a trade figure "Turnover, 2012, 223.3 USD"."""
    if spec.name != "trade":
        return " ".join(spec.title_of(record).split())
    flow = format_value(spec.field("flow"), record.flow, lang)
    parts = [flow, period_label(record.period_start, record.period_end, lang)]
    amount = format_value(spec.field("amount"), record.amount, lang)
    if amount:
        scale = (
            format_value(spec.field("unit_scale"), record.unit_scale, lang)
            if record.unit_scale and record.unit_scale != "1"
            else ""
        )
        parts.append(" ".join(x for x in (amount, scale, record.currency or "") if x))
    if record.growth_factor:
        growth = format_value(spec.field("growth_factor"), record.growth_factor, lang)
        parts.append(f"×{growth}")
    return ", ".join(parts)
