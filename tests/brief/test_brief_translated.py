"""Issue 19, items 1 and 2: the brief in both languages, read back from the PDF.

The English brief prints the English versions of the dossier's texts, names in Latin
script and the English marking; what has no English version is referred to an annex
instead of printed in Cyrillic. The glossary gives each name's spellings by script.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from dossier.brief import BriefOptions, build_brief
from dossier.fields import english_of
from dossier.ingest.officials_import import guess_officials_mapping, plan_officials
from dossier.ingest.officials_import import store_officials as store_imported
from dossier.ingest.tables import read_table, records_of
from dossier.model import DOSSIER, OFFICIAL, TALKING_POINT

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
GLOSSARY, ANNEX = "Glossary of names", "Annex: untranslated"


def cyrillic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if "\u0400" <= c <= "\u04ff") / max(1, len(letters))


def outside_annexes(text: str) -> str:
    """The brief's text without the glossary section and the untranslated annex
    (the contents page names them too: only the last occurrence is the section)."""
    for title in (ANNEX, GLOSSARY):
        at = text.rfind(title)
        if at >= 0:
            end = min(
                (text.find(t, at + 1) for t in ("Sources [1]",) if t in text[at:]), default=-1
            )
            text = text[:at] + (text[end:] if end > at else "")
    return text


def test_every_text_field_may_hold_an_english_version() -> None:
    assert english_of(OFFICIAL.fields, "position") == "position_en"
    assert english_of(OFFICIAL.fields, "name") == "name_latin"  # names: the Latin spelling
    assert english_of(OFFICIAL.fields, "side") is None  # a choice is labelled, not written
    assert english_of(DOSSIER.fields, "classification") == "classification_en"
    assert english_of(TALKING_POINT.fields, "text") == "text_en"
    position_en = OFFICIAL.field("position_en")
    assert (position_en.label("en"), position_en.label("ru")) == (
        "Post (English)",
        "Должность (англ.)",
    )


def test_the_english_sample_brief_is_in_english(sample_store, brief_day, pdf) -> None:
    dossier = sample_store.dossiers.list()[0]
    options = BriefOptions(lang="en", generated_on=brief_day, title="Official visit to Baku")
    text = pdf.text(build_brief(sample_store, dossier, options))
    body = outside_annexes(text)
    assert cyrillic_share(body) <= 0.10
    assert cyrillic_share(body) == 0  # the sample has English for every text
    assert "FOR OFFICIAL USE ONLY" in text
    assert "ДСП" not in text
    assert "Mr President" in body
    assert "Supply of Amkodor excavators for land reclamation" in body
    assert "Ilham Aliyev" in body
    assert ANNEX not in text  # nothing left untranslated


def test_untranslated_text_is_referred_to_the_annex(store, brief_day, pdf) -> None:
    d = store.dossiers.add(
        DOSSIER.make(
            {"code": "ZZ", "name": "Тестландия", "name_en": "Testland", "classification": "ДСП"}
        )
    )
    for text, text_en in (
        ("Нарастить товарооборот.", None),
        ("Обсудить визит.", "Discuss the visit."),
    ):
        store.talking_points.add(
            TALKING_POINT.make(
                {"kind": "objective", "text": text, "text_en": text_en, "status": "approved"},
                dossier_id=d.id,
            )
        )
    store.officials.add(
        OFFICIAL.make(
            {
                "name": "Самир Шарифов",
                "position": "Министр финансов",
                "side": "host",
                "status": "current",
            },
            dossier_id=d.id,
        )
    )
    options = BriefOptions(lang="en", generated_on=brief_day)
    text = pdf.text(build_brief(store, d, options))
    body = outside_annexes(text)
    assert cyrillic_share(body) == 0
    assert "Discuss the visit." in body
    assert "Samir Sharifov" in body  # no Latin spelling given: transliterated
    assert "FOR OFFICIAL USE ONLY" in text  # the dossier's ДСП in English
    annex = text[text.rindex(ANNEX) :]
    assert re.search(r"U\d+ \(Talking point #\d+ — Text\) Нарастить товарооборот\.", annex)
    assert "Министр финансов" in annex
    number = re.search(r"U(\d+) \(Talking point", annex)[1]
    assert f"[untranslated: U{number}]" in body


def test_the_glossary_gives_each_name_by_script(sample_briefs, pdf) -> None:
    for lang, title in (("ru", "Глоссарий имён"), ("en", GLOSSARY)):
        text = pdf.text(
            sample_briefs(lang=lang, sections=("interlocutors", "projects", "glossary", "sources"))
        )
        glossary = text[text.rindex(title) :]
        assert "Ильхам Алиев Ilham Aliyev İlham Əliyev" in glossary
        assert "Амкодор Amkodor" in glossary  # an organisation: the project's partner
        assert "ИТАР-ТАСС ITAR-TASS" in glossary  # the source's publisher


def test_english_text_is_found_by_search(sample_store) -> None:
    hits = sample_store.search("excavators")
    assert any(h.kind == "project" for h in hits)
    project = next(p for p in sample_store.projects.list() if p.quantity == 80)
    sample_store.projects.update(dataclasses.replace(project, title_en="Bulldozers for Baku"))
    assert any(h.kind == "project" for h in sample_store.search("bulldozers"))


def test_the_russian_brief_of_imported_officials_speaks_russian(
    sample_store, brief_day, pdf
) -> None:
    dossier = sample_store.dossiers.list()[0]
    records = records_of(read_table(FIXTURES / "azerbaijan_holders_excerpt.csv"))
    mapping = guess_officials_mapping(records.header)
    store_imported(sample_store, plan_officials(sample_store, dossier, records, mapping))
    text = pdf.text(build_brief(sample_store, dossier, BriefOptions(generated_on=brief_day)))
    assert "Posts held" not in text
    assert "(imported)" not in text
    # The career in Russian words and dates (brief/card_parts.py), not the import's.
    assert "Должности President: с 31 октября 2003 г." in text
    assert "2003-10-31" not in text
    # Every name the dossier holds in Cyrillic prints in Cyrillic: Aliyev was matched.
    for official in sample_store.officials.list(dossier.id):
        if official.status == "current" and re.search("[а-яА-Я]", official.name):
            assert official.name in text
    assert "Ilham Aliyev Должность" not in text  # the card is headed by the Cyrillic name


def test_a_latin_name_prints_in_cyrillic_where_the_dossier_has_that_spelling(
    store, brief_day, pdf
) -> None:
    d = store.dossiers.add(DOSSIER.make({"code": "ZZ", "name": "Тестландия"}))
    store.officials.add(
        OFFICIAL.make(
            {
                "name": "Ali Asadov",
                "name_native": "Али Асадов",
                "position": "Премьер-министр",
                "side": "host",
                "status": "current",
            },
            dossier_id=d.id,
        )
    )
    options = BriefOptions(generated_on=brief_day, sections=("interlocutors",))
    assert "Али Асадов (Ali Asadov)" in pdf.text(build_brief(store, d, options))
    english = pdf.text(build_brief(store, d, options.replace(lang="en")))
    assert "Ali Asadov" in english
    assert "Али Асадов" not in english


def test_the_english_brief_has_the_dossiers_english_marking(store, brief_day, pdf) -> None:
    d = store.dossiers.add(
        DOSSIER.make(
            {
                "code": "ZZ",
                "name": "Тестландия",
                "classification": "Секретно, экз. № 2",
                "classification_en": "SECRET, copy 2",
            }
        )
    )
    options = BriefOptions(lang="en", generated_on=brief_day, sections=("background",))
    assert "SECRET, copy 2" in pdf.text(build_brief(store, d, options))
    # The dialog passes the marking it shows (the dossier's own): still in English.
    typed = options.replace(classification="Секретно, экз. № 2")
    assert "SECRET, copy 2" in pdf.text(build_brief(store, d, typed))
    assert "Секретно" in pdf.text(build_brief(store, d, typed.replace(lang="ru")))


def test_the_annex_of_a_releasable_brief_lists_nothing_left_out(
    sample_store, brief_day, pdf
) -> None:
    dossier = sample_store.dossiers.list()[0]
    for p in sample_store.talking_points.list(dossier.id):
        sample_store.talking_points.update(dataclasses.replace(p, text_en=None))
    for o in sample_store.officials.list(dossier.id):
        sample_store.officials.update(dataclasses.replace(o, notes_en=None))
    options = BriefOptions(lang="en", generated_on=brief_day, include_background=False)
    text = pdf.text(build_brief(sample_store, dossier, options))
    annex = text[text.rindex(ANNEX) :]
    assert "Значительно нарастить" in annex  # a releasable point, untranslated
    assert "совместной структуры" not in text  # the background-only point
    assert "закрытых тем» (встреча" not in text  # an official's internal notes
