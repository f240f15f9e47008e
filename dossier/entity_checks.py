"""The rules across fields of one record (a period that ends before it starts, a
country code, a negative amount that is not a balance), run by EntitySpec.validate
after each field is cleaned. Messages in English and Russian.
"""

from __future__ import annotations

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
    errors = check_dates(
        values, lang, "period_start", "period_end", bilingual(lang, "The period", "Период")
    )
    errors.update(
        check_dates(
            values, lang, "base_start", "base_end", bilingual(lang, "The growth base", "База роста")
        )
    )
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
        if code.casefold() == WORLD:
            values[name] = WORLD
        elif len(code) == 2 and code.isascii() and code.isalpha():
            values[name] = code.upper()
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


def check_official(values: dict[str, Any], lang: str) -> dict[str, str]:
    return check_dates(
        values, lang, "start_date", "end_date", bilingual(lang, "The post", "Должность")
    )


def check_event(values: dict[str, Any], lang: str) -> dict[str, str]:
    return check_dates(
        values, lang, "start_date", "end_date", bilingual(lang, "The event", "Событие")
    )
