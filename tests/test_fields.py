"""Field specs turn what a user types into stored values, or say clearly what is wrong."""

from __future__ import annotations

import pytest

from dossier.fields import ValidationError, format_value, parse_date, parse_number
from dossier.model import DOSSIER, OFFICIAL, TALKING_POINT, TRADE


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("223.3", 223.3),
        ("223,3", 223.3),
        ("1 234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("1\u00a0000", 1000.0),
        ("−5", -5.0),
        ("2e3", 2000.0),
    ],
)
def test_numbers_in_every_common_notation(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["abc", "", "1,2,3.4.5", "nan", "inf"])
def test_non_numbers_are_refused(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - any ValueError is a refusal here
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2013", "2013"),
        ("2013-9", "2013-09"),
        ("2013-09-30", "2013-09-30"),
        ("30.09.2013", "2013-09-30"),
    ],
)
def test_dates_keep_their_precision(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["2013-13", "2013-02-30", "next week", "13/09/2013"])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        parse_date(text)


def test_amount_message_gives_an_example() -> None:
    with pytest.raises(ValidationError) as err:
        TRADE.validate(
            {"period_start": "2012", "period_end": "2012", "flow": "turnover", "amount": "lots"}
        )
    assert err.value.errors["amount"] == "Amount must be a number, e.g. 223.3."


def test_every_problem_is_reported_at_once_and_in_russian() -> None:
    with pytest.raises(ValidationError) as err:
        TRADE.validate({"flow": "smuggling", "amount": "x"}, lang="ru")
    errors = err.value.errors
    assert set(errors) >= {"period_start", "period_end", "flow", "amount"}
    assert errors["period_start"] == "Поле «Период с» обязательно."
    assert "например 223,3" in errors["amount"]


def test_choices_accept_labels_in_either_language() -> None:
    values = OFFICIAL.validate(
        {"name": "Ильхам Алиев", "side": "Принимающая сторона", "status": "current"}
    )
    assert values["side"] == "host"


def test_period_must_not_end_before_it_starts() -> None:
    with pytest.raises(ValidationError) as err:
        TRADE.validate(
            {"period_start": "2013-09", "period_end": "2013-01", "flow": "export", "amount": "1"}
        )
    assert "ends before it starts" in err.value.errors["period_end"]


def test_trade_needs_an_amount_or_a_growth_factor() -> None:
    with pytest.raises(ValidationError) as err:
        TRADE.validate({"period_start": "2012", "period_end": "2012", "flow": "turnover"})
    assert "amount" in err.value.errors
    assert (
        TRADE.validate(
            {"period_start": "2012", "period_end": "2012", "flow": "turnover", "growth_factor": "6"}
        )["growth_factor"]
        == 6.0
    )


def test_oversized_text_is_refused_with_its_size() -> None:
    with pytest.raises(ValidationError) as err:
        OFFICIAL.validate({"name": "x" * 3000, "side": "host", "status": "current"})
    assert "too long: 3,000 characters" in err.value.errors["name"]


def test_oversized_text_is_refused_with_its_size_in_russian() -> None:
    with pytest.raises(ValidationError) as err:
        OFFICIAL.validate({"name": "x" * 3000, "side": "host", "status": "current"}, lang="ru")
    assert "слишком длинное: 3\u00a0000 знаков, не более 2\u00a0000." in err.value.errors["name"]


def test_a_megabyte_of_text_is_accepted_in_long_fields() -> None:
    values = TALKING_POINT.validate(
        {"kind": "background", "text": "слово " * 200_000, "status": "draft"}
    )
    assert len(values["text"]) == 1_200_000


def test_country_code_is_two_latin_letters() -> None:
    assert DOSSIER.validate({"code": "az", "name": "Азербайджан"})["code"] == "AZ"
    with pytest.raises(ValidationError) as err:
        DOSSIER.validate({"code": "АЗ", "name": "Азербайджан"})
    assert "two Latin letters" in err.value.errors["code"]


def test_priority_range_is_enforced() -> None:
    with pytest.raises(ValidationError) as err:
        TALKING_POINT.validate(
            {"kind": "objective", "text": "t", "priority": "7", "status": "draft"}
        )
    assert err.value.errors["priority"] == "Priority must be at most 3."


def test_values_print_as_people_read_them() -> None:
    assert format_value(TRADE.field("flow"), "export", "ru") == "Экспорт"
    assert format_value(TRADE.field("amount"), 1234.5, "ru") == "1\u00a0234,5"
    assert format_value(TRADE.field("amount"), 223.3) == "223.3"
    assert format_value(TRADE.field("kind"), "target", "ru") == "Цель"
