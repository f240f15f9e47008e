"""A pasted book in a field does not make a book of a brief: long texts are cut,
with a note saying the whole text is in the dossier."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.brief import BriefOptions, build_brief
from dossier.brief.text import MAX_LINE, MAX_TEXT, esc, paragraphs
from dossier.brief.translated import latin
from dossier.model import OFFICIAL

WORDS = "Родился в Нахичевани, окончил Московский государственный институт. "


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("ru", "Сокращено для справки: полный текст"),
        ("en", "Shortened for the brief: the whole text"),
    ],
)
def test_a_huge_biography_is_cut_with_a_note(
    sample_store, pdf, brief_day: dt.date, lang: str, note: str
) -> None:
    dossier = sample_store.dossiers.list()[0]
    biography = WORDS * (150_000 // len(WORDS))  # 150,000 characters: ~30 pages uncut
    sample_store.officials.add(
        OFFICIAL.make(
            {
                "name": "Длинный Биограф",
                "side": "host",
                "status": "current",
                "biography": biography,
            },
            dossier_id=dossier.id,
        )
    )
    options = BriefOptions(generated_on=brief_day, lang=lang)
    pages = pdf.pages(build_brief(sample_store, dossier, options))
    assert len(pages) <= 16
    text = " ".join(pages)
    assert note in text
    # An English brief spells the name in Latin letters (issue 19).
    assert ("Длинный Биограф" if lang == "ru" else latin("Длинный Биограф")) in text


def test_short_texts_are_untouched() -> None:
    assert paragraphs("Первый абзац.\n\nВторой.") == ["Первый абзац.", "Второй."]
    assert esc("x" * MAX_LINE) == "x" * MAX_LINE


def test_cut_texts_end_at_a_word_with_the_note_in_the_briefs_language() -> None:
    parts = paragraphs(WORDS * 1000, "en")
    assert sum(len(p) for p in parts[:-1]) <= MAX_TEXT + 10
    assert parts[-2].endswith("институт. …") or parts[-2].endswith(" …")
    assert "(67,000 characters) is in the dossier" in parts[-1]
    assert "(67 000 знаков) — в досье" in paragraphs(WORDS * 1000, "ru")[-1]
    assert esc("слово " * 1000).endswith("слово …")
