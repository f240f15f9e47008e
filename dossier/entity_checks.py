"""The rules across fields of one record (a period that ends before it starts, a
country code, a negative amount that is not a balance), run by EntitySpec.validate
after each field is cleaned. Messages in English and Russian.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import compress, count
from operator import eq
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


def check_trade_columns(columns: dict[str, list[Any]], n: int, lang: str) -> int | None:
    """check_trade over the cleaned columns of many figures (an import of 100,000): the
    index of the first of the first `n` figures it would refuse, or None; the columns
    normalised as check_trade normalises each figure (currency and codes upper case,
    kind), in place.

    The same rules as check_trade (its two parts), each decided once per distinct value
    (period and base, currency, kind, code) or per row in a loop over two columns (the
    sign of the amount, the pair): no dict per figure. EntitySpec.validate_columns asks
    check_trade itself for the message of the figure found."""
    bad = [n]  # the first refused index of each rule

    def col(name: str) -> list[Any]:
        return columns[name][:n] if name in columns else [None] * n

    def first(flags: Iterable[bool]) -> None:
        bad.append(next(compress(count(), flags), n))

    def per_value(name: str, norm: Callable[[Any], Any]) -> None:
        column = columns.get(name)
        if column is None:
            return
        head = column[:n]
        # 1, 1.0 and True are one dict key but not one value: mixed types keyed by type too
        keys: list[Any] = (
            head
            if len(set(map(type, head)) - {type(None)}) <= 1
            else list(zip(map(type, head), head, strict=True))
        )
        table = {k: norm(v) for k, v in dict(zip(keys, head, strict=True)).items()}
        if any(v is _REFUSED for v in table.values()):
            first(table[k] is _REFUSED for k in keys)
        column[:n] = map(table.__getitem__, keys)  # in place: the caller holds the list

    names = ("period_start", "period_end", "base_start", "base_end")
    dates = list(zip(*map(col, names), strict=True))
    wrong = {
        d
        for d in set(dates)
        if _trade_period_errors(dict(zip(names, d, strict=True)), lang, "", "")
    }
    if wrong:
        first(d in wrong for d in dates)
    amount = col("amount")
    if None in amount:
        first(a is None and g is None for a, g in zip(amount, col("growth_factor"), strict=True))
    if min(filter(None, amount), default=0) < 0:  # some amount is negative
        first((a or 0) < 0 and f != "balance" for a, f in zip(amount, col("flow"), strict=True))
    per_value("currency", lambda v: v.upper() if v else v)
    per_value("kind", lambda v: v or "actual")
    for name in ("reporter", "partner"):
        per_value(name, _trade_code)
    reporter, partner = col("reporter"), col("partner")
    if any(map(eq, reporter, partner)):
        first(bool(r) and r == p for r, p in zip(reporter, partner, strict=True))
    found = min(bad)
    return None if found >= n else found


_REFUSED = object()  # a reporter or partner check_trade refuses


def _trade_code(value: Any) -> Any:
    """A reporter or partner as check_trade leaves it, or _REFUSED."""
    code = (value or "").strip()
    if not code:
        return value
    found = country_code(code)
    return _REFUSED if found is None else found


def check_official(values: dict[str, Any], lang: str) -> dict[str, str]:
    return check_dates(
        values, lang, "start_date", "end_date", bilingual(lang, "The post", "Должность")
    )


def check_event(values: dict[str, Any], lang: str) -> dict[str, str]:
    return check_dates(
        values, lang, "start_date", "end_date", bilingual(lang, "The event", "Событие")
    )
