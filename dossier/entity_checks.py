"""The rules across fields of one record (a period that ends before it starts, a
country code, a negative amount that is not a balance), run by EntitySpec.validate
after each field is cleaned. Messages in English and Russian.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dossier.choices import WORLD
from dossier.fields import bilingual, date_bounds


def check_dates(
    values: dict[str, Any], lang: str, start: str, end: str, label: str
) -> dict[str, str]:
    if (
        values.get(start)
        and values.get(end)
        and date_bounds(values[end])[1] < date_bounds(values[start])[0]
    ):
        return {
            end: bilingual(
                lang, f"{label} ends before it starts.", f"{label}: конец раньше начала."
            )
        }
    return {}


def check_dossier(values: dict[str, Any], lang: str) -> dict[str, str]:
    code = values.get("code") or ""
    if not (len(code) == 2 and code.isascii() and code.isalpha()):
        return {
            "code": bilingual(
                lang,
                "Country code must be two Latin letters, e.g. AZ.",
                "Код страны — две латинские буквы, например AZ.",
            )
        }
    values["code"] = code.upper()
    values["trade_view"] = values.get("trade_view") or "home"
    home = (values.get("home_code") or "").strip()
    if home:
        if not (len(home) == 2 and home.isascii() and home.isalpha()):
            return {
                "home_code": bilingual(
                    lang,
                    "The home country code must be two Latin letters, e.g. BY.",
                    "Код нашей страны — две латинские буквы, например BY.",
                )
            }
        values["home_code"] = home.upper()
    return {}


def check_trade(values: dict[str, Any], lang: str) -> dict[str, str]:
    errors = _trade_period_errors(
        values,
        lang,
        bilingual(lang, "The period", "Период"),
        bilingual(lang, "The growth base", "База роста"),
    )
    errors.update(_trade_value_errors(values, lang, country_code))
    return errors


def _trade_period_errors(
    values: dict[str, Any], lang: str, period: str, base: str
) -> dict[str, str]:
    """The figure's period and growth base (labelled `period` and `base` in messages)."""
    errors = check_dates(values, lang, "period_start", "period_end", period)
    errors.update(check_dates(values, lang, "base_start", "base_end", base))
    return errors


def _trade_value_errors(
    values: dict[str, Any], lang: str, code_of: Callable[[str], str | None]
) -> dict[str, str]:
    """Everything check_trade checks but the dates, normalising as it goes: amount or
    growth, currency and kind, the sign, the reporter and partner (`code_of` reads a
    stripped code: country_code, or a cache of it)."""
    errors = {}
    if values.get("amount") is None and values.get("growth_factor") is None:
        errors["amount"] = bilingual(
            lang,
            "Give an amount, a growth factor or both.",
            "Укажите сумму, рост или и то и другое.",
        )
    if values.get("currency"):
        values["currency"] = values["currency"].upper()
    values["kind"] = values.get("kind") or "actual"
    if (values.get("amount") or 0) < 0 and values.get("flow") != "balance":
        errors["amount"] = bilingual(
            lang,
            "Only a balance can be negative.",
            "Отрицательным может быть только сальдо.",
        )
    for name in ("reporter", "partner"):
        code = (values.get(name) or "").strip()
        if not code:
            continue
        found = code_of(code)
        if found is not None:
            values[name] = found
        else:
            errors[name] = bilingual(
                lang,
                "Use a two-letter country code (BY, AZ) or “world”.",
                "Укажите двухбуквенный код страны (BY, AZ) или «world».",
            )
    if values.get("reporter") and values.get("reporter") == values.get("partner"):
        errors["partner"] = bilingual(
            lang, "A country does not trade with itself.", "Страна не торгует сама с собой."
        )
    return errors


def country_code(code: str) -> str | None:
    """A stripped, non-empty reporter or partner as stored: BY, world; None if neither."""
    if code.casefold() == WORLD:
        return WORLD
    if len(code) == 2 and code.isascii() and code.isalpha():
        return code.upper()
    return None


def check_trade_many(rows: list[dict[str, Any]], lang: str) -> int | None:
    """check_trade over many cleaned figures at once (an import of 100,000): the index
    of the first figure it would refuse, or None; the rows before it are normalised as
    check_trade normalises them (currency and codes upper case, kind).

    The same rules as check_trade (its two parts), the dates decided once per distinct
    period and base, the codes once per distinct code: a whole-row cache misses on
    every row of a file whose rows differ in period and pair (TRADHIST).
    EntitySpec.validate_many asks check_trade itself for the message of the figure found."""
    dates: dict[tuple[Any, ...], bool] = {}
    codes: dict[str, str | None] = {}

    def code_of(code: str) -> str | None:
        try:
            return codes[code]
        except KeyError:
            found = codes[code] = country_code(code)
            return found

    for i, v in enumerate(rows):
        key = (v.get("period_start"), v.get("period_end"), v.get("base_start"), v.get("base_end"))
        bad = dates.get(key)
        if bad is None:
            bad = dates[key] = bool(_trade_period_errors(v, lang, "", ""))
        if bad or _trade_value_errors(v, lang, code_of):
            return i
    return None


def check_official(values: dict[str, Any], lang: str) -> dict[str, str]:
    return check_dates(
        values, lang, "start_date", "end_date", bilingual(lang, "The post", "Должность")
    )


def check_event(values: dict[str, Any], lang: str) -> dict[str, str]:
    return check_dates(
        values, lang, "start_date", "end_date", bilingual(lang, "The event", "Событие")
    )
