"""The brief's text in its own language: English versions in an English brief.

A dossier is written in its own language (Russian); every text field may hold an
English version beside it (the `*_en` fields, see dossier.fields.english_field). An
English brief prints those. A text that has none is not printed in the wrong script:
the brief says "[untranslated: U3]" and the annex "Untranslated" lists the originals,
so a reader sees what is missing and a translator what to do. Names are not
translated but spelled: the Latin spelling, else a transliteration.

A Russian brief prints the originals; where only an English version exists it prints
that, and an imported career list speaks Russian ("Занимаемые должности").
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from dossier.fields import Kind, translations
from dossier.model import EntitySpec, spec_for

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Fields that are names: transliterated when no Latin spelling is given.
_NAMES = {("official", "name"), ("official", "patronymic"), ("dossier", "name")}
# Markings every Russian-speaking registry uses, for a dossier without an English one.
MARKINGS = {
    "дсп": "FOR OFFICIAL USE ONLY",
    "для служебного пользования": "FOR OFFICIAL USE ONLY",
    "секретно": "SECRET",
    "совершенно секретно": "TOP SECRET",
    "несекретно": "UNCLASSIFIED",
    "для передачи": "RELEASABLE",
    "конфиденциально": "CONFIDENTIAL",
}
# The sections that print each kind of record: the annex lists only what is printed.
PRINTED_IN = {
    "dossier": ("background", "cover"),
    "official": ("interlocutors", "delegation", "objectives", "messages", "if_raised", "press"),
    "talking_point": ("steering", "objectives", "messages", "if_raised", "press", "background"),
    "project": ("projects",),
    "trade": ("trade",),
    "event": ("programme", "steering", "cover"),
    "source": ("sources",),
}
# Imported careers (dossier.ingest.officials_import) in a Russian brief.
_CAREER_HEAD = "Posts held (imported):"
_CAREER_HEAD_RU = "Занимаемые должности (по импортированным данным):"


def has_cyrillic(text: str | None) -> bool:
    return bool(text and _CYRILLIC.search(text))


def latin(text: str) -> str:
    """A name in Latin letters (Александр Лукашенко -> Aleksandr Lukashenko)."""
    from anyascii import anyascii

    return anyascii(text)


@dataclass
class Untranslated:
    """The texts an English brief could not print in English, numbered U1, U2, ...

    Each original is listed once, with every place it stands in."""

    entries: dict[str, tuple[int, list[str]]] = field(default_factory=dict)

    def mark(self, where: str, text: str) -> str:
        """The reference printed in place of `text`."""
        number, places = self.entries.setdefault(text, (len(self.entries) + 1, []))
        if where not in places:
            places.append(where)
        return f"[untranslated: U{number}]"

    def listed(self) -> list[tuple[int, str, list[str]]]:
        return sorted((n, text, places) for text, (n, places) in self.entries.items())

    def __bool__(self) -> bool:
        return bool(self.entries)


def _marking(text: str | None) -> str | None:
    if not text or not has_cyrillic(text):
        return text
    return MARKINGS.get(" ".join(text.casefold().split()))


def _chosen_marking(given: str | None, original: str | None, english: str | None) -> str | None:
    """An English brief's marking for one typed in Russian: the dossier's English
    marking when it is the dossier's own, else a known one's English words."""
    if given is None or not has_cyrillic(given):
        return given
    if english and original and given.strip() == original.strip():
        return english
    return _marking(given) or given


def english_record(
    spec: EntitySpec, record: Any, untranslated: Untranslated, *, listed: bool = True
) -> Any:
    """`record` with every text in English: its English versions, names spelled in
    Latin, references to the annex for the rest (noted only when `listed`)."""
    pairs = translations(spec.fields)
    changes: dict[str, Any] = {}
    what = f"{spec.en} #{record.id}" if getattr(record, "id", None) else spec.en
    title_en = getattr(record, pairs.get(spec.title_field, ""), None)
    if title_en:
        what = f"{spec.en}: {_short(title_en)}"
    for f in spec.fields:
        if f.kind not in (Kind.TEXT, Kind.LONGTEXT) or f.english_for:
            continue
        value = getattr(record, f.name)
        english = getattr(record, pairs[f.name]) if f.name in pairs else None
        if english:
            changes[f.name] = english
        elif not has_cyrillic(value):
            continue
        elif (spec.name, f.name) in _NAMES:
            changes[f.name] = latin(value)
        elif f.name in ("classification", "release_marking") and _marking(value):
            changes[f.name] = _marking(value)
        elif f.name == "country" and english_country(value):
            # A country any list knows needs no translator: 'Турция' -> 'Türkiye'.
            changes[f.name] = english_country(value)
        elif pairs.get(f.name):
            label = f.label("en")
            changes[f.name] = (
                untranslated.mark(f"{what} — {label}", value) if listed else "[untranslated]"
            )
    return dataclasses.replace(record, **changes) if changes else record


def russian_record(spec: EntitySpec, record: Any) -> Any:
    """`record` for a Russian brief: an English version stands in for a missing
    original, and an imported career list has Russian words."""
    changes = {
        name: getattr(record, english)
        for name, english in translations(spec.fields).items()
        if not getattr(record, name) and getattr(record, english)
    }
    if spec.name == "official" and not has_cyrillic(record.name):
        # Imported in Latin letters: the Cyrillic spelling wherever the dossier has one.
        cyrillic = [n for n in (record.name_native, record.name_latin) if has_cyrillic(n)]
        if cyrillic:
            changes["name"] = cyrillic[0]
            if not has_cyrillic(record.name_latin):
                changes["name_latin"] = record.name_latin or record.name
    notes = changes.get("notes", getattr(record, "notes", None))
    if spec.name == "official" and notes and notes.startswith(_CAREER_HEAD):
        changes["notes"] = russian_career(notes)
    return dataclasses.replace(record, **changes) if changes else record


def english_country(value: str) -> str | None:
    from dossier.countries import code_of, country_name

    code = code_of(value)
    return country_name(code, "en") if code and len(code) == 2 else None


def russian_career(notes: str) -> str:
    """The import's "Posts held (imported):" and "(… – now)" in Russian words."""
    text = _CAREER_HEAD_RU + notes[len(_CAREER_HEAD) :]
    return re.sub(r" – now\)$", " – по н. в.)", text, flags=re.M).replace("(? – ", "(… – ")


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def translate(ctx: Any) -> None:
    """Put the brief's records into its language, in place (see the module's note).

    The originals stay reachable by (entity, id) in ctx.originals, for the glossary."""
    english = ctx.lang == "en"
    untranslated = Untranslated()
    done: dict[tuple[str, Any], Any] = {}
    sections = set(ctx.options.sections)

    def convert(record: Any) -> Any:
        if record is None:
            return None
        spec = spec_for(record)
        key = (spec.name, id(record) if record.id is None else record.id)
        if key in done:
            return done[key]
        ctx.originals[key] = record
        if not english:
            done[key] = russian_record(spec, record)
            return done[key]
        listed = bool(sections & set(PRINTED_IN.get(spec.name, ())))
        hidden = {f.name for f in spec.fields if f.internal and not ctx.shows(spec, f.name)}
        shown = dataclasses.replace(record, **{name: None for name in hidden})
        done[key] = english_record(spec, shown, untranslated, listed=listed)
        if hidden:  # internal notes are neither printed nor listed, but kept
            done[key] = dataclasses.replace(
                done[key], **{name: getattr(record, name) for name in hidden}
            )
        return done[key]

    if english:  # a marking typed for this brief (the dialog shows the dossier's)
        d, o = ctx.dossier, ctx.options
        ctx.options = o.replace(
            classification=_chosen_marking(o.classification, d.classification, d.classification_en),
            release_marking=_chosen_marking(
                o.release_marking, d.release_marking, d.release_marking_en
            ),
        )
    ctx.dossier = convert(ctx.dossier)
    for name in ("officials", "points", "trade", "projects", "events"):
        setattr(ctx, name, [convert(r) for r in getattr(ctx, name)])
    for name in ("listed_officials", "delegation", "growth"):
        setattr(ctx, name, [convert(r) for r in getattr(ctx, name)])
    ctx.all_officials = {i: convert(o) for i, o in ctx.all_officials.items()}
    ctx.citations.sources = {i: convert(s) for i, s in ctx.citations.sources.items()}
    ctx.untranslated = untranslated if english else None
