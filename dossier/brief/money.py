"""Amounts of money in the brief: see dossier.units, which the chart and the window share."""

from __future__ import annotations

from dossier.units import CURRENCY_RU, SCALE_EN, SCALE_RU, currency_name, money

__all__ = ["CURRENCY_RU", "SCALE_EN", "SCALE_RU", "currency_name", "money"]
