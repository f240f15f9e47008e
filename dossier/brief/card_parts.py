"""Parts of an interlocutor's card that need reading before they print: the country
in the brief's language, and the career an officials import wrote into the notes."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from reportlab.platypus import Paragraph

from dossier.brief.context import BriefContext
from dossier.brief.dates import human_date
from dossier.brief.text import esc, paragraphs
from dossier.model import OFFICIAL, WORLD, Dossier, Official

_IMPORTED = "Posts held (imported):"  # dossier.ingest.officials_import.NOTES_HEAD
# The same list as a Russian brief's records carry it (brief/translated.py).
_IMPORTED_RU = "Занимаемые должности (по импортированным данным):"


def imported_career(notes: str | None) -> bool:
    return bool(notes) and notes.startswith((_IMPORTED, _IMPORTED_RU))  # type: ignore[union-attr]


def _as_imported(notes: str) -> str:
    """The import's own wording back (translated.russian_career undone), to parse."""
    if notes.startswith(_IMPORTED_RU):
        notes = _IMPORTED + notes[len(_IMPORTED_RU) :]
    notes = re.sub(r" – по н\. в\.\)$", " – now)", notes, flags=re.M)
    return notes.replace("(… – ", "(? – ")


def posts_held(ctx: BriefContext, o: Official) -> list[Any]:
    """The career an officials import wrote into the notes, as a reader wants it:
    'Prime Minister: 4 August 2003 – 31 October 2003' in the brief's language, not the
    import's 'Prime Minister (2003-08-04 – 2003-10-31)' with its Wikidata id."""
    from dossier.ingest.officials_import import NOTES_HEAD
    from dossier.ingest.officials_import import posts_held as career

    s = ctx.styles
    lang = ctx.lang
    lines = []
    notes = _as_imported(o.notes or "")
    posts = career(dataclasses.replace(o, notes=notes))
    if len(posts) == 1 and posts[0].position == o.position and posts[0].start == o.start_date:
        posts = []  # the card's post and "since" already say it
    for post in reversed(posts):  # the newest first
        start, end = human_date(post.start, lang), human_date(post.end, lang)
        if end:
            span = f"{start} – {end}" if start else ctx.t(f"until {end}", f"до {end}")
        else:
            span = ctx.t(f"since {start}", f"с {start}") if start else ""
        what = post.position or ctx.t("post not given", "должность не указана")
        lines.append(esc(f"{what}: {span}" if span else what))
    # Anything a user added below the imported list prints as written.
    own = [
        line
        for line in notes.splitlines()
        if line.strip()
        and line != NOTES_HEAD
        and not line.startswith("- ")
        and not line.startswith(("Wikidata: ", "Id: "))
    ]
    story: list[Any] = []
    if lines:
        story.append(Paragraph(f"<b>{esc(ctx.t('Posts held', 'Должности'))}</b>", s.card_label))
        story.append(Paragraph("<br/>".join(lines), s.card_text))
    if own:
        story.append(Paragraph(f"<b>{esc(OFFICIAL.field('notes').label(lang))}</b>", s.card_label))
        story += [Paragraph(p, s.card_text) for p in paragraphs("\n".join(own), lang)]
    return story


def country_in(value: str | None, lang: str, dossier: Dossier | None = None) -> str:
    """A country as the brief's language names it ('Азербайджан' in an English brief
    is 'Azerbaijan'); a name already in the brief's script, or one no list knows,
    prints as written. The dossier's own country is '' (every host card would repeat it)."""
    if not value:
        return ""
    from dossier.countries import code_of, country_name

    code = code_of(value)
    if dossier is not None and (value == dossier.name or (code and code == dossier.code)):
        return ""
    if _in_script(value, lang):
        return value
    return country_name(code, lang) if code and code != WORLD else value


def _in_script(text: str, lang: str) -> bool:
    cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in text)
    return cyrillic if lang == "ru" else not cyrillic
