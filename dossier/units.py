"""Units as each language writes them: "USD 223.3 million" / "223,3 млн долл. США".

An English text puts the currency code first and the scale word after the number;
a Russian one writes the scale abbreviated after the number and then the currency's
name ("долл. США", not "USD"). Used by the brief, the chart and the window alike, so
the same amount reads the same everywhere.
"""

from __future__ import annotations

from dossier.fields import FieldSpec, Kind, format_value

_NUMBER = FieldSpec("amount", "Amount", "Сумма", Kind.NUMBER)
# How a Russian text names a currency after the amount; other codes print as they are.
CURRENCY_RU = {
    "USD": "долл. США",
    "EUR": "евро",
    "RUB": "руб.",
    "BYN": "бел. руб.",
    "BYR": "бел. руб.",
    "AZN": "манатов",
    "GBP": "ф. ст.",
    "CNY": "юаней",
    "JPY": "иен",
    "CHF": "швейц. франков",
    "TRY": "тур. лир",
    "KZT": "тенге",
    "UAH": "гривен",
}
# Scale factors (as stored in a figure's unit_scale) and the word for each.
SCALE_EN = {"1000": "thousand", "1000000": "million", "1000000000": "billion"}
SCALE_RU = {"1000": "тыс.", "1000000": "млн", "1000000000": "млрд"}


def currency_name(code: str | None, lang: str) -> str:
    """'USD' -> 'USD' / 'долл. США'; an unknown code prints as it is."""
    code = (code or "").strip().upper()
    return CURRENCY_RU.get(code, code) if lang == "ru" else code


def number(value: float, lang: str) -> str:
    """223.3 / 223,3 with thousands grouped (a no-break space in Russian)."""
    return format_value(_NUMBER, value, lang)


def scaled_unit(scale_word: str, currency: str | None, lang: str) -> str:
    """A unit made of a scale word and a currency: 'USD million' / 'млн долл. США'.

    `scale_word` is already in the language ('million', 'млн', or '' for units)."""
    name = currency_name(currency, lang)
    parts = (name, scale_word) if lang != "ru" else (scale_word, name)
    return " ".join(p for p in parts if p)


def money(amount: float | None, scale: str | None, currency: str | None, lang: str) -> str:
    """'USD 223.3 million' / '223,3 млн долл. США'; '' without an amount."""
    if amount is None:
        return ""
    text = number(amount, lang)
    if lang == "ru":
        return " ".join(
            x for x in (text, SCALE_RU.get(scale or ""), currency_name(currency, lang)) if x
        )
    return " ".join(
        x for x in (currency_name(currency, lang), text, SCALE_EN.get(scale or "")) if x
    )
