"""Issue 17: only certain facts are ticked; targets are targets; periods in every
form; investment is not trade. Sentences are written the way the named outlets
write them (short made-up examples, two outlets per rule)."""

from __future__ import annotations

import pytest

from dossier.ingest.capture.pipeline import capture
from dossier.ingest.capture.types import TradeCandidate


def figures(text: str, date: str | None = "2019-03-12") -> list[TradeCandidate]:
    return capture(text, published_on=date).trade_figures


def only(text: str, date: str | None = "2019-03-12") -> TradeCandidate:
    found = figures(text, date)
    assert len(found) == 1, [f.label for f in found]
    return found[0]


# -- item 2: kinds of figure ---------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind", "year"),
    [
        # BelTA
        (
            "Беларусь и Азербайджан намерены довести товарооборот до $1 млрд к 2025 году.",
            "target",
            2025,
        ),
        # Trend
        (
            "Азербайджан и Беларусь планируют выйти на товарооборот в 1 млрд долларов к 2025 году.",
            "target",
            2025,
        ),
        # Reuters
        ("Belarus and Azerbaijan aim to boost trade to $1 billion by 2025.", "target", 2025),
        # AzerNews
        ("Azerbaijan and Belarus set a target of $500 million in trade by 2021.", "target", 2021),
        # Sputnik Азербайджан
        (
            "По прогнозу, товарооборот Азербайджана и России в 2020 году составит 3 млрд долларов.",
            "forecast",
            2020,
        ),
        # APA
        (
            "Trade between Azerbaijan and Russia is expected to reach $3 billion in 2020.",
            "forecast",
            2020,
        ),
    ],
)
def test_targets_and_forecasts_are_never_results(text: str, kind: str, year: int) -> None:
    figure = only(text)
    assert figure.figure_kind == kind
    assert (figure.period_start, figure.period_end) == (f"{year}-01-01", f"{year}-12-31")


@pytest.mark.parametrize(
    "text",
    [
        # Interfax
        "Стороны поставили задачу довести товарооборот Беларуси и Азербайджана до 1 млрд долларов.",
        # Reuters
        "Belarus and Azerbaijan aim to raise trade to $1 billion, officials said.",
    ],
)
def test_a_target_without_its_year_is_unticked(text: str) -> None:
    figure = only(text)
    assert figure.figure_kind == "target"
    assert figure.period_start is None
    assert figure.reason == "a target? year unclear"
    assert not figure.ticked


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # Report.az
        (
            "Президенты поставили задачу за пять лет нарастить товарооборот двух стран до $15 млрд.",
            2024,
        ),
        # Голос Америки
        (
            "На первые пять лет ставим задачу увеличить товарооборот Украины и Турции до "
            "уровня десяти миллиардов долларов.",
            2024,
        ),
        # Reuters
        ("Turkey and Ukraine aim to raise trade to $20 billion within ten years.", 2029),
    ],
)
def test_a_goal_over_a_horizon_gets_its_year_but_stays_unticked(text: str, year: int) -> None:
    figure = only(text)
    assert figure.figure_kind == "target"
    assert (figure.period_start, figure.period_end) == (f"{year}-01-01", f"{year}-12-31")
    assert figure.reason == "a target? year estimated"


def test_a_result_beside_a_goal_stays_a_result_but_is_unticked() -> None:
    # BelTA: the result and the goal in one sentence, two clauses.
    found = figures(
        "Товарооборот Беларуси и Азербайджана в 2018 году составил 400 млн долларов, "
        "а к 2025 году стороны намерены довести его до 1 млрд долларов."
    )
    result = next(f for f in found if f.amount == 400_000_000)
    goal = next(f for f in found if f.amount == 1_000_000_000)
    assert (result.figure_kind, result.period_start) == ("actual", "2018-01-01")
    assert (goal.figure_kind, goal.period_start) == ("target", "2025-01-01")


# -- item 4: what is trade -----------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # ТАСС
        "Объем инвестиций в экономику Азербайджана вырос в 2,5 раза, а экспорт Беларуси "
        "в Азербайджан за январь–август составил 200 млн долларов.",
        # РБК
        "На программу развития экспорта до 2030 года выделят 1,2 трлн рублей.",
        # Reuters
        "Azerbaijan's exports to Belarus rose, while Belarusian investment in Azerbaijan "
        "reached $50 million in 2018.",
        # Trend
        "Under the trade deal, Belarus will provide a loan worth $100 million to Azerbaijan.",
    ],
)
def test_investment_funding_and_loans_are_not_trade(text: str) -> None:
    money = [f for f in figures(text) if f.amount and f.amount != 200_000_000]
    growth = [f for f in figures(text) if f.growth_factor]
    for figure in money + growth:
        assert figure.reason == "not trade"
        assert not figure.ticked


def test_trade_beside_investment_is_still_trade() -> None:
    found = figures(
        "Объем инвестиций в экономику Азербайджана вырос в 2,5 раза, а экспорт Беларуси "
        "в Азербайджан за январь–август составил 200 млн долларов."
    )
    export = next(f for f in found if f.amount == 200_000_000)
    assert (export.flow, export.reporter, export.partner) == ("export", "BY", "AZ")
    assert export.reason is None


# -- item 3: periods -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # АзерТАдж: genitive
        (
            "Товарооборот Азербайджана и Беларуси по итогам девяти месяцев 2018 года "
            "составил 300 млн долларов.",
            "2018-01-01",
            "2018-09-30",
        ),
        # БелТА: "за первые восемь месяцев"
        (
            "Товарооборот Беларуси с Азербайджаном за первые восемь месяцев 2018 года "
            "составил 280 млн долларов.",
            "2018-01-01",
            "2018-08-31",
        ),
        # Sputnik: nominative months
        (
            "Товарооборот Беларуси и Азербайджана за январь–август составил 250 млн долларов.",
            "2019-01-01",
            "2019-08-31",
        ),
        # Interfax: prepositional months
        (
            "В январе–мае товарооборот между Беларусью и Азербайджаном составил 150 млн долларов.",
            "2019-01-01",
            "2019-05-31",
        ),
        # Trend
        (
            "Товарооборот Азербайджана и Беларуси за первое полугодие составил 180 млн долларов.",
            "2019-01-01",
            "2019-06-30",
        ),
        # РИА Новости: genitive half-year, relative year
        (
            "По итогам первого полугодия прошлого года товарооборот Беларуси и Азербайджана "
            "составил 170 млн долларов.",
            "2018-01-01",
            "2018-06-30",
        ),
        # Reuters
        (
            "Trade between Belarus and Azerbaijan reached $300 million in the first nine "
            "months of 2018.",
            "2018-01-01",
            "2018-09-30",
        ),
        # AP
        (
            "Trade between Belarus and Azerbaijan was $150 million in the first half of 2018.",
            "2018-01-01",
            "2018-06-30",
        ),
        # Bloomberg
        (
            "Belarus's exports to Azerbaijan reached $90 million in January–September.",
            "2019-01-01",
            "2019-09-30",
        ),
        # Trend (English)
        (
            "Azerbaijan's trade with Belarus amounted to $60 million in Q3 2018.",
            "2018-07-01",
            "2018-09-30",
        ),
        # APA: "last year" read against the article's date
        (
            "Trade between Azerbaijan and Belarus reached $400 million last year.",
            "2018-01-01",
            "2018-12-31",
        ),
    ],
)
def test_periods_in_every_form(text: str, start: str, end: str) -> None:
    figure = next(f for f in figures(text) if f.amount)
    assert (figure.period_start, figure.period_end) == (start, end)
    assert figure.figure_kind == "actual"


def test_the_articles_own_date_line_is_the_reference() -> None:
    # A 2013 article: "прошлого года" is 2012, whatever year it is today.
    figure = only(
        "БАКУ, 20 ноября 2013. Товарооборот Беларуси и Азербайджана по итогам "
        "прошлого года составил 223,3 млн долларов.",
        date=None,
    )
    assert (figure.period_start, figure.period_end) == ("2012-01-01", "2012-12-31")


def test_english_relative_year_without_a_date_stays_open() -> None:
    result = capture("Trade between Azerbaijan and Belarus reached $400 million last year.")
    figure = result.trade_figures[0]
    assert figure.period_start is None
    assert figure.reason == "period unclear: no date"
    assert result.warnings


# -- item 1: the pair, and only certain facts ticked ---------------------------------
@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # БелТА
        (
            "Экспорт белорусских товаров в Азербайджан в 2018 году составил 200 млн долларов.",
            ("BY", "AZ"),
        ),
        # Reuters
        ("Azerbaijan's exports to Belarus were $50 million in 2018.", ("AZ", "BY")),
        # Trend
        ("Импорт Азербайджана из Турции в 2018 году составил 2 млрд долларов.", ("AZ", "TR")),
    ],
)
def test_the_pair_comes_from_the_text(text: str, pair: tuple[str, str]) -> None:
    figure = only(text)
    assert (figure.reporter, figure.partner) == pair
    assert figure.ticked


def test_a_figure_without_named_countries_is_unticked() -> None:
    figure = only("Товарооборот в 2018 году составил 200 млн долларов.")
    assert (figure.reporter, figure.partner) == (None, None)
    assert figure.reason == "countries unclear"


@pytest.mark.parametrize(
    "text",
    [
        # Голос Америки: the goal's verb in the second clause
        "Задача — довести товарооборот Украины и Турции до 10 млрд долларов, а за десять "
        "лет поднять его до 20 млрд долларов.",
        # Интерфакс
        "Стороны договорились, что товарооборот России и Турции нужно нарастить до "
        "100 млрд долларов.",
    ],
)
def test_an_infinitive_of_growth_marks_a_goal(text: str) -> None:
    for figure in figures(text):
        assert figure.figure_kind == "target"
        assert not figure.ticked
