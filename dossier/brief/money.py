"""Amounts of money as each language writes them: "USD 223.3 million", "223,3 млн долл. США"."""

from __future__ import annotations

from dossier.fields import FieldSpec, Kind, format_value

_NUMBER = FieldSpec("amount", "Amount", "Сумма", Kind.NUMBER)
# How a Russian text names a currency after the amount; other codes print as they are.
CURRENCY_RU = {
    "USD": "долл. США",
    "EUR": "евро",
    "RUB": "руб.",
    "BYN": "бел. руб.",
    "AZN": "манатов",
    "GBP": "ф. ст.",
    "CNY": "юаней",
}
SCALE_EN = {"1000": "thousand", "1000000": "million", "1000000000": "billion"}
SCALE_RU = {"1000": "тыс.", "1000000": "млн", "1000000000": "млрд"}


def money(amount: float | None, scale: str | None, currency: str | None, lang: str) -> str:
    """'USD 223.3 million' / '223,3 млн долл. США'; '' without an amount."""
    if amount is None:
        return ""
    number = format_value(_NUMBER, amount, lang)
    code = (currency or "").strip().upper()
    if lang == "ru":
        return " ".join(
            x for x in (number, SCALE_RU.get(scale or ""), CURRENCY_RU.get(code, code)) if x
        )
    return " ".join(x for x in (code, number, SCALE_EN.get(scale or "")) if x)
