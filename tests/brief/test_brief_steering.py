"""Issue 18 items 2, 3, 5, 6 and 9: protocol order, the standard steering brief, facts
with their age, numbers citing their sources, and the PDF's metadata."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from dossier.brief import SECTIONS, BriefOptions, build_brief, section_title
from dossier.cli import main
from dossier.model import DOSSIER, OFFICIAL, TALKING_POINT
from dossier.protocol import rank_from_post

# Posts in the order a dossier might list them alphabetically, not by precedence.
HOST = [
    ("Али Ахмедов", "Заместитель министра экономики", None),
    ("Али Асадов", "Премьер-министр Азербайджанской Республики", None),
    ("Ильхам Алиев", "Президент Азербайджанской Республики", None),
    ("Мухтар Бабаев", "Министр экологии", None),
    ("Самир Шарифов", "Министр финансов", None),
    ("Самир Нуриев", "Руководитель Администрации Президента", None),
    ("Эльчин Амирбеков", "Посол в Беларуси", None),
    ("Анар Венгеров", "Посол Азербайджана в Венгрии", None),  # not accredited to us
    ("Ахмед Вице", "Вице-президент", None),
    ("Якуб Эюбов", "Первый вице-премьер", None),
    ("Особый Советник", "Советник", "head_of_government"),  # rank edited by hand
]


@pytest.fixture
def protocol(store):
    d = store.dossiers.add(
        DOSSIER.make({"code": "AZ", "name": "Азербайджан", "home_country": "Беларусь"})
    )
    with store.transaction():
        store.officials.add(
            OFFICIAL.make(
                {
                    "name": "Наш Президент",
                    "position": "Президент",
                    "side": "home",
                    "status": "current",
                },
                dossier_id=d.id,
            )
        )
        store.officials.add(
            OFFICIAL.make(
                {
                    "name": "Гость Министр",
                    "position": "Министр",
                    "side": "third",
                    "status": "current",
                },
                dossier_id=d.id,
            )
        )
        ids = {}
        for name, post, rank in HOST:
            ids[name] = store.officials.add(
                OFFICIAL.make(
                    {
                        "name": name,
                        "position": post,
                        "side": "host",
                        "status": "current",
                        "rank": rank,
                    },
                    dossier_id=d.id,
                )
            ).id
        store.talking_points.add(
            TALKING_POINT.make(
                {
                    "kind": "key_message",
                    "text": "Министру финансов.",
                    "status": "approved",
                    "releasable": True,
                    "audience_id": ids["Самир Шарифов"],
                },
                dossier_id=d.id,
            )
        )
    return d


def test_rank_is_read_from_the_post_in_both_languages() -> None:
    assert rank_from_post("Президент Азербайджанской Республики") == "head_of_state"
    assert rank_from_post("President of Azerbaijan") == "head_of_state"
    assert rank_from_post("Вице-президент") == "deputy"
    assert rank_from_post("Prime Minister") == "head_of_government"
    assert rank_from_post("Deputy Prime Minister") == "deputy"
    assert rank_from_post("Minister of Finance") == "minister"
    assert rank_from_post("Deputy Minister of Economy") == "other"
    assert rank_from_post("Ambassador to Belarus") == "ambassador"
    assert rank_from_post(None) == "other"


def test_rank_weighs_the_countries_a_post_names() -> None:
    visit = frozenset({"AZ", "BY"})  # a visit from Belarus to Azerbaijan
    assert rank_from_post("Ambassador to Belarus", visit) == "ambassador"
    assert rank_from_post("Посол Азербайджанской Республики в Республике Беларусь", visit) == (
        "ambassador"
    )
    assert rank_from_post("Посол по особым поручениям", visit) == "ambassador"
    assert rank_from_post("ambassador to Hungary", visit) == "other"
    assert rank_from_post("Посол Азербайджана в Венгрии", visit) == "other"
    assert rank_from_post("Ambassador to the United Kingdom", visit) == "other"
    assert rank_from_post("Президент Азербайджанской Республики", visit) == "head_of_state"
    assert rank_from_post("Prime Minister of Crimea", visit) == "other"
    assert rank_from_post("Президент Национальной академии наук", visit) == "other"


def test_cards_in_protocol_order_our_side_as_delegation(store, protocol, pdf, brief_day) -> None:
    options = BriefOptions(generated_on=brief_day, sections=("interlocutors", "delegation"))
    text = pdf.text(build_brief(store, protocol, options))
    cards = text[: text.index(section_title("delegation", "ru"))]
    order = [
        "Ильхам Алиев",  # head of state
        "Али Асадов",  # head of government (alphabetically before the president)
        "Особый Советник",  # head of government by the edited rank
        "Ахмед Вице",  # deputies: the vice-president, the first deputy prime minister,
        "Якуб Эюбов",
        "Самир Нуриев",  # then the head of the presidential administration
        "Самир Шарифов",  # ministers: the one a point addresses first
        "Мухтар Бабаев",
        "Эльчин Амирбеков",  # ambassador to Belarus
        "Али Ахмедов",  # others: a deputy minister, an ambassador to a third country
        "Анар Венгеров",
        "Гость Министр",  # third parties after the host side
    ]
    positions = [cards.index(name) for name in order]
    assert positions == sorted(positions)
    # Our own side is a delegation list, not a card.
    assert "Наш Президент" not in cards
    delegation = text[text.index(section_title("delegation", "ru")) :]
    assert "Наш Президент — Президент" in delegation


def test_cli_chooses_the_interlocutors(store_file, tmp_path, capsys, pdf) -> None:
    out = tmp_path / "b.pdf"
    args = ["--store", str(store_file), "brief", "AZ", "--out", str(out)]
    assert main([*args, "--interlocutors", "ilham aliyev"]) == 0
    text = pdf.text(out.read_bytes())
    assert "Ильхам Алиев (Ilham Aliyev)" in text
    capsys.readouterr()
    assert main([*args, "--interlocutors", "Ильхам Алиев,Никто"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Никто" in err


def test_standard_steering_brief_order(sample_briefs) -> None:
    reader = PdfReader(io.BytesIO(sample_briefs()))
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    # "What changed since the last brief" prints only when there was one.
    skipped = ("cover", "contents", "changes")
    expected = [section_title(s, "ru") for s in SECTIONS if s not in skipped]
    assert outline == expected


def test_empty_sections_say_none_prepared(sample_briefs, pdf) -> None:
    text = pdf.text(sample_briefs(lang="en"))
    for section in ("if_raised", "press"):
        assert f"{section_title(section, 'en')} None prepared." in text
    # The steering note: the purpose, the top messages, the ask, and no risks recorded.
    note = text[text.index("Steering note") :]
    assert note.index("Purpose") < note.index("Top three messages") < note.index("The ask")
    assert "Risks None prepared." in note


def test_sections_still_choose(sample_briefs, pdf) -> None:
    text = pdf.text(sample_briefs(lang="en", sections=("programme", "press")))
    assert "Programme" in text
    assert "Press lines None prepared." in text
    assert "Steering note" not in text
    assert "Interlocutors" not in text


def test_programme_lists_the_events(sample_briefs, pdf) -> None:
    text = pdf.text(sample_briefs(lang="en", sections=("programme",)))
    assert "Programme Date Event Place Src." in text  # no column for time or participants
    assert "November 2013" in text
    assert "Баку" in text


def test_old_facts_print_as_of(sample_briefs, pdf) -> None:
    old = pdf.text(sample_briefs())  # dated 2026, the sample's facts are of 2013
    assert "(по состоянию на ноябрь 2013 г.)" in old
    assert "г.." not in old
    near = pdf.text(sample_briefs(visit_date=dt.date(2013, 11, 25)))
    assert "по состоянию на" not in near
    english = pdf.text(sample_briefs(lang="en", stale_years=20))
    assert "as of" not in english
    assert "(as of November 2013)" in pdf.text(sample_briefs(lang="en"))


def test_an_old_point_cites_inside_its_sentence_and_gives_its_age_after(sample_briefs, pdf) -> None:
    ru = pdf.text(sample_briefs(sections=("objectives",)))
    assert "в ближайшие годы [1]. По состоянию на ноябрь 2013 г." in ru
    assert "годы. (по состоянию" not in ru
    en = pdf.text(sample_briefs(lang="en", sections=("objectives",)))
    assert "[1]. As of November 2013." in en


def test_a_releasable_cover_does_not_say_what_was_left_out(sample_briefs, pdf) -> None:
    cover = pdf.pages(sample_briefs(include_background=False))[0]
    assert "Версия для передачи." in cover
    assert "справочные" not in cover
    assert "left out" not in pdf.pages(sample_briefs(include_background=False, lang="en"))[0]


def test_check_lists_stale_facts(store_file, capsys) -> None:
    assert main(["--store", str(store_file), "check", "--stale", "5"]) == 0
    out = capsys.readouterr().out
    assert "AZ: 21 facts older than 5 years." in out
    assert "Official: Ильхам Алиев (as of 2013-11)" in out
    assert main(["--store", str(store_file), "check", "--stale", "100"]) == 0
    assert "AZ: 0 facts older than 100 years." in capsys.readouterr().out


def test_numbers_in_the_scene_setter_cite_their_source(sample_briefs, pdf) -> None:
    text = pdf.text(sample_briefs())
    assert "белорусский экспорт вырос в 1,6 раза [1]." in text
    assert "80 экскаваторов для мелиорации [1]." in text
    # A sentence without a number cites nothing.
    assert "подписание ряда двусторонних документов." in text


def test_pdf_metadata(sample_briefs) -> None:
    reader = PdfReader(io.BytesIO(sample_briefs(prepared_by="Отдел Кавказа", lang="en")))
    assert reader.metadata.author == "Отдел Кавказа"
    root = reader.trailer["/Root"]
    assert root["/PageMode"] == "/UseOutlines"  # opens with the bookmarks shown
    xmp = reader.xmp_metadata
    assert xmp.dc_title == {"x-default": "Официальный визит в Баку"}
    assert xmp.dc_language == ["en"]
    assert xmp.dc_creator == ["Отдел Кавказа"]


def test_cover_has_title_place_dates_and_purpose(sample_briefs, pdf) -> None:
    cover = pdf.pages(sample_briefs(purpose="Переговоры о кооперации", dates="25–26 ноября"))[0]
    for words in ("Официальный визит в Баку", "Баку", "25–26 ноября", "Переговоры о кооперации"):
        assert words in cover


def test_delegation_beyond_the_card_limit_is_counted(store, protocol, pdf, brief_day) -> None:
    options = BriefOptions(generated_on=brief_day, sections=("delegation",), max_cards=0)
    text = pdf.text(build_brief(store, protocol, options))
    assert "Наш Президент" not in text
    assert "Ещё 1 член делегации не приведён." in text


def test_numbers_in_the_steering_note_cite_their_source(store, brief_day, pdf) -> None:
    from dossier.model import SOURCE

    d = store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан"}))
    src = store.sources.add(
        SOURCE.make(
            {"kind": "article", "title": "Сообщение", "publisher": "БелТА"}, dossier_id=d.id
        )
    )
    for text in ("Поставить 80 экскаваторов до конца года.", "Углубить диалог."):
        store.talking_points.add(
            TALKING_POINT.make(
                {
                    "kind": "key_message",
                    "text": text,
                    "status": "approved",
                    "releasable": True,
                    "source_id": src.id,
                },
                dossier_id=d.id,
            )
        )
    options = BriefOptions(generated_on=brief_day, sections=("steering",))
    text = pdf.text(build_brief(store, d, options))
    assert "Поставить 80 экскаваторов до конца года [1]." in text
    assert "Углубить диалог." in text  # no number, no citation
    assert "диалог [1]" not in text
