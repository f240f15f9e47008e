"""Every money, growth and period form the wires use."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.ingest.capture.periods import find_deadline, find_periods
from dossier.ingest.money import find_growth, find_money, parse_number

REF = dt.date(2013, 11, 20)


@pytest.mark.parametrize(
    ("text", "lang", "amount", "high", "currency", "estimate"),
    [
        ("составил 223,3 млн долларов.", "ru", 223_300_000, None, "USD", False),
        ("инвестиции в $ 24 млн", "ru", 24_000_000, None, "USD", False),
        ("проекты на $ 500−700 млн", "ru", 500_000_000, 700_000_000, "USD", True),
        ("около 200 млн. долларов", "ru", 200_000_000, None, "USD", True),
        ("экспорт 22,2 млрд, из них в долларах", "ru", 22_200_000_000, None, "USD", False),
        ("exports of $215 million", "en", 215_000_000, None, "USD", False),
        ("close to a billion dollars", "en", 1_000_000_000, None, "USD", True),
        ("до уровня десяти миллиардов долларов", "ru", 10_000_000_000, None, "USD", False),
        ("a $1.2bn deal", "en", 1_200_000_000, None, "USD", False),
        ("1,500 million dollars", "en", 1_500_000_000, None, "USD", False),
        ("15 млн евро", "ru", 15_000_000, None, "EUR", False),
        ("3,5 млн белорусских рублей", "ru", 3_500_000, None, "BYN", False),
    ],
)
def test_money_forms(
    text: str, lang: str, amount: float, high: float | None, currency: str, estimate: bool
) -> None:
    [money] = find_money(text, lang)
    assert money.amount == pytest.approx(amount)
    assert money.high == (None if high is None else pytest.approx(high))
    assert (money.currency, money.estimate) == (currency, estimate)


@pytest.mark.parametrize(
    "text",
    [
        "80 экскаваторов",
        "в 2012 году 5 тысяч",
        "более 40 % выходцев",
        "22,2 млрд",
    ],
)
def test_numbers_that_are_not_money(text: str) -> None:
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("text", "lang", "factor"),
    [
        ("увеличился в 6 раз", "ru", 6),
        ("экспорт возрос в 1,6 раза", "ru", 1.6),
        ("поднять его ещё вдвое", "ru", 2),
        ("вырос почти в два раза", "ru", 2),
        ("сократился на 5 %", "ru", 0.95),
        ("up almost 12%", "en", 1.12),
        ("Trade fell by 5 percent", "en", 0.95),
        ("exports doubled", "en", 2),
    ],
)
def test_growth_forms(text: str, lang: str, factor: float) -> None:
    [growth] = find_growth(text, lang)
    assert growth.factor == pytest.approx(factor)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("с 2006 по 2012 годы", "2006-01-01", "2012-12-31"),
        ("по итогам прошлого года", "2012-01-01", "2012-12-31"),
        ("в январе-сентябре этого года", "2013-01-01", "2013-09-30"),
        ("January-September 2013", "2013-01-01", "2013-09-30"),
        ("in 2012", "2012-01-01", "2012-12-31"),
        ("за первое полугодие 2013 года", "2013-01-01", "2013-06-30"),
        ("за первый квартал", "2013-01-01", "2013-03-31"),
        ("in the second quarter of 2012", "2012-04-01", "2012-06-30"),
        ("в сентябре 2013 года", "2013-09-01", "2013-09-30"),
        ("last year", "2012-01-01", "2012-12-31"),
    ],
)
def test_period_forms(text: str, start: str, end: str) -> None:
    [period] = find_periods(text, REF)
    assert (period.start, period.end) == (start, end)


def test_growth_base_is_the_first_year_or_the_year_before() -> None:
    [span] = find_periods("с 2006 по 2012 годы", REF)
    assert span.growth_period == ("2012-01-01", "2012-12-31")
    assert span.base == ("2006-01-01", "2006-12-31")
    [months] = find_periods("в январе-сентябре 2013 года", REF)
    assert months.base == ("2012-01-01", "2012-09-30")


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("до конца года", "2013-12-31"),
        ("до конца 2014 года", "2014-12-31"),
        ("by the end of the year", "2013-12-31"),
        ("к 2015 году", "2015-12-31"),
    ],
)
def test_deadlines(text: str, due: str) -> None:
    assert find_deadline(text, REF)[0] == due


def test_parse_number_reads_decimal_commas_and_thousands() -> None:
    assert parse_number("223,3") == 223.3
    assert parse_number("1 234,5") == 1234.5
    assert parse_number("1,234", "en") == 1234
