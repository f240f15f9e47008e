"""Capture proposes the facts of a wire report; furniture and bad input give nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from capture_scoring import captured

from dossier.ingest.capture.pipeline import MAX_CHARS, capture
from dossier.ingest.capture.types import Capture, CaptureError
from dossier.paths import resource

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "capture"


@pytest.fixture(scope="module")
def baku() -> Capture:
    return captured(resource("samples", "article_baku_visit_ru.txt"), "2013-11")


def _text(result: Capture, span: tuple[int, int]) -> str:
    return result.text[span[0] : span[1]]


def test_baku_source(baku: Capture) -> None:
    assert baku.source.publisher == "ИТАР-ТАСС"
    assert baku.source.language == "ru"
    assert baku.source.title.startswith("Президент Белоруссии Александр Лукашенко")
    assert baku.source.published_on == "2013-11"


def test_baku_officials_in_nominative_with_posts(baku: Capture) -> None:
    found = {o.name: o for o in baku.officials}
    assert set(found) == {"Александр Лукашенко", "Ильхам Алиев", "Николай Пацкевич"}
    assert found["Ильхам Алиев"].position == "Президент Азербайджана"
    assert found["Ильхам Алиев"].country == "AZ"
    assert found["Николай Пацкевич"].position == "Посол Белоруссии в Азербайджане"
    assert found["Николай Пацкевич"].country == "BY"
    assert found["Александр Лукашенко"].country == "BY"
    assert _text(baku, found["Ильхам Алиев"].span).endswith("Ильхамом Алиевым")


def test_baku_trade_figures(baku: Capture) -> None:
    figures = {
        (t.flow, t.amount, t.growth_factor, t.period_start, t.period_end, t.base_start, t.base_end)
        for t in baku.trade_figures
    }
    assert figures == {
        ("turnover", 223_300_000, None, "2012-01-01", "2012-12-31", None, None),
        ("turnover", None, 6, "2012-01-01", "2012-12-31", "2006-01-01", "2006-12-31"),
        ("turnover", 216_000_000, None, "2013-01-01", "2013-09-30", None, None),
        ("export", None, 1.6, "2013-01-01", "2013-09-30", "2012-01-01", "2012-09-30"),
    }
    amount = next(t for t in baku.trade_figures if t.amount == 223_300_000)
    assert amount.currency == "USD"
    assert _text(baku, amount.span) == "223,3 млн долларов"


def test_baku_projects(baku: Capture) -> None:
    titles = [p.title for p in baku.projects]
    assert "Сборка белорусских тракторов в Азербайджане" in titles
    assert "Сборка белорусской коммунальной техники в Азербайджане" in titles
    assert "Сборка белорусских лифтов в Азербайджане" in titles
    supply = next(p for p in baku.projects if p.quantity)
    assert (supply.partner, supply.quantity, supply.quantity_unit, supply.due_date) == (
        "Амкодор",
        80,
        "экскаваторов",
        "2013-12-31",
    )
    assert any(
        p.project_kind == "joint_venture" and "совместной структуры" in p.title
        for p in baku.projects
    )
    assert "Амкодор" in [o.name for o in baku.organisations]


def test_baku_quotes_name_their_speakers(baku: Capture) -> None:
    direct = {q.text[:20]: q.speaker for q in baku.quotes if q.direct}
    assert direct["Мы ожидаем хороших р"] == "Николай Пацкевич"  # "- сказал он"
    assert direct["Мы будем вести диало"] == "Александр Лукашенко"  # "белорусский президент"
    reported = [q for q in baku.quotes if not q.direct]
    assert any(
        q.speaker == "Александр Лукашенко" and "нет закрытых тем" in q.text for q in reported
    )


def test_every_span_points_into_the_text(baku: Capture) -> None:
    for _key, candidate in baku.candidates():
        start, end = candidate.span
        assert 0 <= start < end <= len(baku.text)
        assert 0 < candidate.confidence <= 1


def test_relative_year_without_date_stays_open_never_today() -> None:
    result = capture("В январе-сентябре этого года товарооборот достиг 216 млн долларов.")
    figure = result.trade_figures[0]
    assert (figure.period_start, figure.period_end) == (None, None)
    assert figure.reason == "period unclear: no date"
    assert not figure.ticked
    assert result.reference_date is None
    assert "left open" in result.warnings[0]
    assert str(dt.date.today().year) not in str(result.as_json())


def test_english_wire() -> None:
    result = capture((FIXTURES / "en_wire.txt").read_text(encoding="utf-8"))
    assert result.source.language == "en"
    assert result.source.publisher == "Reuters"
    assert result.source.published_on == "2013-11-28"
    names = {o.name: o.position for o in result.officials}
    assert names["Ilham Aliyev"] == "President"
    assert names["Alexander Lukashenko"] == "Belarusian President"
    patskevich = next(o for o in result.officials if o.name == "Nikolai Patskevich")
    assert patskevich.position == "Belarusian ambassador to Azerbaijan"
    assert patskevich.country == "BY"
    figures = {(t.flow, t.amount, t.growth_factor, t.period_start) for t in result.trade_figures}
    assert ("turnover", 215_000_000, None, "2012-01-01") in figures
    assert ("turnover", None, 1.12, "2012-01-01") in figures
    assert ("export", 1_000_000_000, None, "2013-01-01") in figures
    assert [q.speaker for q in result.quotes] == ["Nikolai Patskevich"]
    assert result.projects[0].quantity == 80


def test_furniture_yields_no_candidates() -> None:
    text = (FIXTURES / "furniture_ru.txt").read_text(encoding="utf-8")
    result = capture(text)
    assert result.source.title.startswith("Товарооборот Беларуси и Азербайджана")
    assert result.source.publisher == "БелТА"
    assert result.source.published_on == "2024-05-14"
    furniture_start = text.index("Читайте также")
    for _key, candidate in result.candidates():
        assert candidate.span[1] <= furniture_start, candidate
    assert len(result.trade_figures) == 3  # not the 200 mln or $ 50 bn of the links
    amounts = [t for t in result.trade_figures if t.amount]
    assert (amounts[0].amount, amounts[0].amount_high, amounts[0].estimate) == (
        500_000_000,
        700_000_000,
        True,
    )


def test_markup_is_read_as_text() -> None:
    html = (
        "<html><head><script>var x = '$ 5 млн';</script></head><body><nav>Главная | "
        "Новости | Спорт</nav><p>Товарооборот в 2012 году составил 223,3 млн "
        "долларов.</p></body></html>"
    )
    result = capture(html)
    assert [t.amount for t in result.trade_figures] == [223_300_000]
    assert "markup" in result.warnings[0]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("\x00\x01\x02binary\x03\x04" * 10, "binary"),
        (b"\xff\xfe\x00bad", "UTF-8"),
        ("а" * (MAX_CHARS + 1), "too long"),
        ("<div></div><p></p>", "markup only"),
    ],
)
def test_hostile_input_gives_a_clear_message(text: object, message: str) -> None:
    with pytest.raises(CaptureError, match=message):
        capture(text)  # type: ignore[arg-type]


def test_five_megabytes_is_refused_quickly() -> None:
    with pytest.raises(CaptureError, match="too long"):
        capture("Товарооборот вырос. " * 260_000)


def test_bad_user_date_is_reported() -> None:
    with pytest.raises(CaptureError, match="Not a date"):
        capture("Товарооборот вырос в 2 раза.", published_on="вчера")


def test_real_article_ru01(shared_data: Path) -> None:
    text = (
        shared_data / "articles" / "ru01_factrueval_book142_ukraine_turkey_strategic_council.txt"
    ).read_text(encoding="utf-8")
    result = capture(text, published_on="2010-12")
    posts = {o.name: o.position for o in result.officials}
    assert posts["Реджеп Тайип Эрдоган"] == "Премьер-министр Турции"
    assert posts["Виктор Янукович"] == "Президент Украины"
    assert "Мустафа Джемилев" in posts
    targets = sorted(t.amount for t in result.trade_figures if t.amount)
    assert targets == [10_000_000_000, 20_000_000_000]  # written in words
    speakers = {q.speaker for q in result.quotes if q.text.startswith("На первые пять лет")}
    assert speakers == {"Виктор Янукович"}
    assert result.source.publisher == "Голос Америки"
    organisations = [o.name for o in result.organisations]
    assert "Меджлис крымско-татарского народа" in organisations
    assert organisations.count("Русская служба «Голоса Америки»") == 1


def test_english_page_furniture_yields_no_candidates() -> None:
    text = (FIXTURES / "furniture_en.txt").read_text(encoding="utf-8")
    result = capture(text)
    assert result.source.title == "Belarus sees exports to Azerbaijan doubling"
    assert result.source.published_on == "2024-03-03"
    assert [(o.name, o.position) for o in result.officials] == [
        ("Yuri Ambrazevich", "Deputy Foreign Minister")
    ]
    assert {(t.flow, t.amount, t.growth_factor) for t in result.trade_figures} == {
        ("export", 310_000_000, None),
        ("export", None, 1.4),
    }
    assert not result.quotes
    assert not result.projects


@pytest.mark.parametrize(
    ("text", "name", "position", "country"),
    [
        (
            "Николай Пацкевич, посол Белоруссии в Азербайджане, заявил журналистам о визите.",
            "Николай Пацкевич",
            "Посол Белоруссии в Азербайджане",
            "BY",
        ),
        (
            "Встреча с премьер-министром Турции Реджепом Тайипом Эрдоганом прошла в Киеве.",
            "Реджеп Тайип Эрдоган",
            "Премьер-министр Турции",
            "TR",
        ),
        (
            "Как сообщил чрезвычайный и полномочный посол Беларуси Павел Пустовой, визит готовится.",
            "Павел Пустовой",
            "Чрезвычайный и полномочный посол Беларуси",
            "BY",
        ),
        (
            "Azerbaijani President Ilham Aliyev received the delegation.",
            "Ilham Aliyev",
            "Azerbaijani President",
            "AZ",
        ),
    ],
)
def test_posts_before_and_after_names(text: str, name: str, position: str, country: str) -> None:
    [official] = capture(text).officials
    assert (official.name, official.position, official.country) == (name, position, country)
