"""Issue 18 items 7 and 8: plural forms, punctuation, units and dates per language;
card type sizes, tables without empty columns, each source printed once."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from dossier.brief import BriefOptions, build_brief
from dossier.cli import main
from dossier.model import DOSSIER, OFFICIAL, PROJECT, SOURCE, TALKING_POINT
from dossier.plural import counted, phrase, ru_form


def test_russian_and_english_plural_forms() -> None:
    forms = ("проект", "проекта", "проектов")
    assert [ru_form(n, *forms) for n in (1, 2, 5, 11, 12, 21, 22, 25, 111, 1001)] == [
        "проект",
        "проекта",
        "проектов",
        "проектов",
        "проектов",
        "проект",
        "проекта",
        "проектов",
        "проектов",
        "проект",
    ]
    assert counted(1, "en", ("source", "sources"), forms) == "1 source"
    assert counted(30000, "ru", ("", ""), forms) == "30\u00a0000 проектов"
    assert phrase(1, "ru", ("", ""), ("{n} лицо", "{n} лица", "{n} лиц")) == "1 лицо"


def _projects(store, n: int):
    d = store.dossiers.add(DOSSIER.make({"code": "ZZ", "name": "Тестландия"}))
    with store.transaction():
        for i in range(n):
            store.projects.add(
                PROJECT.make(
                    {"title": f"Проект №{i}", "kind": "supply", "status": "agreed"},
                    dossier_id=d.id,
                )
            )
    return d


def _text(data: bytes) -> str:
    return re.sub(
        r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    )


def test_left_out_lines_agree_with_their_number(store, brief_day) -> None:
    d = _projects(store, 4)
    options = BriefOptions(generated_on=brief_day, sections=("projects",), max_rows=3)
    assert "Ещё 1 проект не приведён" in _text(build_brief(store, d, options))
    english = _text(build_brief(store, d, options.replace(lang="en")))
    assert "1 more project is not listed" in english
    two = _text(build_brief(store, d, options.replace(max_rows=2)))
    assert "Ещё 2 проекта не приведены" in two


def test_cli_counts_its_nouns(store_file, capsys) -> None:
    assert main(["--store", str(store_file), "list"]) == 0
    out = capsys.readouterr().out
    assert "1 source;" in out
    assert "3 officials" in out
    assert "1 sources" not in out
    assert main(["--store", str(store_file), "check"]) == 0
    assert "(schema" in capsys.readouterr().out


def test_no_doubled_punctuation_units_and_dates_per_language(sample_briefs, pdf) -> None:
    ru = pdf.text(sample_briefs())
    en = pdf.text(sample_briefs(lang="en"))
    for text in (ru, en):
        assert not re.search(r"[^.]\.\.(?!\.)", text.replace(". .", "")), "doubled full stop"
    assert "ноябрь 2013 г. Дата получения" in ru  # the source's date, one full stop
    assert "223,3 млн долл. США" in ru
    assert "млн USD" not in ru
    assert "USD 223.3 million" in en
    assert "31 декабря 2013 г." in ru
    assert "31 December 2013" in en


def test_a_topic_ending_in_a_question_takes_no_full_stop(store, brief_day) -> None:
    d = store.dossiers.add(DOSSIER.make({"code": "ZZ", "name": "Тестландия"}))
    store.talking_points.add(
        TALKING_POINT.make(
            {
                "kind": "if_raised",
                "topic": "Карабах?",
                "text": "Позиция неизменна.",
                "status": "approved",
                "releasable": True,
            },
            dossier_id=d.id,
        )
    )
    text = _text(
        build_brief(store, d, BriefOptions(generated_on=brief_day, sections=("if_raised",)))
    )
    assert "Карабах? Позиция неизменна." in text


def _sizes(data: bytes, words: tuple[str, ...]) -> dict[str, float]:
    """The font size each of `words` is set in (the first time it appears)."""
    found: dict[str, float] = {}

    def visit(text: str, _cm, tm, _font, size) -> None:
        for word in words:
            if word in text and word not in found:
                found[word] = round(size * (tm[0] or 1), 1)

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_card_fields_at_least_9_pt_and_notes_no_larger(store, brief_day) -> None:
    d = store.dossiers.add(DOSSIER.make({"code": "ZZ", "name": "Тестландия"}))
    store.officials.add(
        OFFICIAL.make(
            {
                "name": "Ильхам Алиев",
                "position": "Президент",
                "side": "host",
                "status": "current",
                "form_of_address": "Господин Президент",
                "notes": "Заметка о встрече",
            },
            dossier_id=d.id,
        )
    )
    options = BriefOptions(generated_on=brief_day, sections=("interlocutors",))
    sizes = _sizes(
        build_brief(store, d, options), ("Обращение", "Господин Президент", "Заметка о встрече")
    )
    assert sizes["Обращение"] >= 9  # a field's name
    assert sizes["Господин Президент"] >= 9  # its value
    assert sizes["Заметка о встрече"] <= sizes["Господин Президент"]


def test_tables_drop_empty_columns(sample_briefs, pdf) -> None:
    text = pdf.text(sample_briefs(sections=("projects",)))
    # The proposed projects have no partner, quantity, value or deadline.
    proposed = text[text.index("Предложен (2)") : text.index("Реализуется (7)")]
    assert "Проект Ист." in proposed
    for empty in ("Количество", "Стоимость", "Срок", "Партнёры"):
        assert empty not in proposed
    running = text[text.index("Реализуется (7)") :]
    assert "Количество" in running  # the excavators fill it


def test_each_source_once_with_publisher_date_and_retrieval(store, brief_day) -> None:
    d = store.dossiers.add(DOSSIER.make({"code": "ZZ", "name": "Тестландия"}))
    name = "azerbaijan_officeholders_holders21.csv"
    src = store.sources.add(
        SOURCE.make(
            {"kind": "official_data", "title": name, "publisher": name, "url": name},
            dossier_id=d.id,
        )
    )
    store.talking_points.add(
        TALKING_POINT.make(
            {
                "kind": "objective",
                "text": "Цель.",
                "status": "approved",
                "releasable": True,
                "source_id": src.id,
            },
            dossier_id=d.id,
        )
    )
    text = _text(
        build_brief(
            store, d, BriefOptions(generated_on=brief_day, sections=("objectives", "sources"))
        )
    )
    entry = text[text.index("[1] azerbaijan") :]
    assert entry.count(name) == 1
    assert "Официальные данные." in entry  # the kind stands in for the missing publisher
    assert "Дата получения:" in entry


def test_officials_table_drops_columns_nobody_filled(store, brief_day) -> None:
    d = store.dossiers.add(DOSSIER.make({"code": "ZZ", "name": "Тестландия"}))
    with store.transaction():
        for i in range(3):
            store.officials.add(
                OFFICIAL.make(
                    {
                        "name": f"Чиновник {i}",
                        "position": "Советник",
                        "side": "host",
                        "status": "current",
                    },
                    dossier_id=d.id,
                )
            )
    options = BriefOptions(generated_on=brief_day, sections=("interlocutors",), max_cards=1)
    text = _text(build_brief(store, d, options))
    assert "Другие должностные лица (2) Имя Должность Чиновник" in text  # no date, no source


def test_cards_name_a_third_country_in_the_briefs_language(store, brief_day, pdf) -> None:
    d = store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан"}))
    for name, side, country in (
        ("Ильхам Алиев", "host", "Азербайджан"),
        ("Реджеп Эрдоган", "third", "Турция"),
    ):
        store.officials.add(
            OFFICIAL.make(
                {
                    "name": name,
                    "position": "Президент",
                    "side": side,
                    "status": "current",
                    "country": country,
                },
                dossier_id=d.id,
            )
        )
    options = BriefOptions(generated_on=brief_day, sections=("interlocutors",))
    english = pdf.text(build_brief(store, d, options.replace(lang="en")))
    assert "Side Third party Country Türkiye" in english
    assert "Турция" not in english
    russian = pdf.text(build_brief(store, d, options))
    assert "Страна Турция" in russian
    # The host's own officials do not repeat the host's side and country on every card.
    host_card = russian[russian.index("Ильхам Алиев") : russian.index("Реджеп Эрдоган")]
    assert "Азербайджан" not in host_card
    assert "Принимающая сторона" not in host_card


def test_the_chart_caption_names_its_sources_and_units_per_language(
    sample_briefs, monkeypatch
) -> None:
    # The caption is drawn into the chart's image: its texts are read from the figure.
    from matplotlib.text import Text

    from dossier.brief import economy

    texts: dict[str, str] = {}
    original = economy.trade_chart

    def spy(trade, lang, **kwargs):
        fig = original(trade, lang, **kwargs)
        texts[lang] = " ".join(t.get_text() for t in fig.findobj(Text))
        return fig

    monkeypatch.setattr(economy, "trade_chart", spy)
    monkeypatch.setattr(economy, "_CHARTS", {})
    sample_briefs(sections=("trade",), purpose="chart")
    sample_briefs(lang="en", sections=("trade",), purpose="chart")
    assert "Источник: [1] ИТАР-ТАСС, ноябрь 2013 г." in texts["ru"]
    assert "Source: [1] ITAR-TASS, November 2013" in texts["en"]
    assert "млн долл. США" in texts["ru"]
    assert "USD million" in texts["en"]
    assert "USD" not in texts["ru"]
