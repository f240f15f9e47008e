"""The brief's annexes of words: the glossary of names and the untranslated texts.

The glossary lists every person and organisation the brief names with its spellings
where it has more than one: Cyrillic (as Russian texts write it), Latin (English
texts) and Azerbaijani Latin (the person's own: İlham Əliyev), so a reader can match
"Алиев", "Aliyev" and "Əliyev" and say the name aloud.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, LongTable, Paragraph

from dossier.brief.context import BriefContext
from dossier.brief.sections import heading, section_heading
from dossier.brief.styles import table_style
from dossier.brief.text import esc, paragraphs
from dossier.brief.translated import has_cyrillic

# Letters of Azerbaijani (and Turkish) Latin that English spelling has not.
_AZ_LETTERS = set("əƏıİğĞşŞçÇöÖüÜ")
SCRIPTS = ("cyrillic", "latin", "azerbaijani")
_SCRIPT_TITLES = {
    "cyrillic": ("Cyrillic", "Кириллица"),
    "latin": ("Latin", "Латиница"),
    "azerbaijani": ("Azerbaijani Latin", "Азербайджанская латиница"),
}


def script_of(text: str) -> str:
    if has_cyrillic(text):
        return "cyrillic"
    return "azerbaijani" if _AZ_LETTERS & set(text) else "latin"


def spellings(*names: str | None) -> dict[str, list[str]]:
    """Distinct spellings by script, in the order given."""
    out: dict[str, list[str]] = {}
    for name in names:
        name = " ".join((name or "").split())
        if name and name not in out.get(script_of(name), []):
            out.setdefault(script_of(name), []).append(name)
    return out


def glossary_entries(ctx: BriefContext) -> list[tuple[str, dict[str, list[str]], str]]:
    """(kind "person" or "organisation", spellings by script, pronunciation) of every
    name the brief prints that is spelled more than one way."""
    originals = ctx.originals
    entries: list[tuple[str, dict[str, list[str]], str]] = []
    seen: set[tuple[str, ...]] = set()

    def add(kind: str, found: dict[str, list[str]], said: str = "") -> None:
        key = tuple(sorted(n for names in found.values() for n in names))
        if (sum(len(v) for v in found.values()) > 1 or said) and key not in seen:
            seen.add(key)
            entries.append((kind, found, said))

    people = {o.id: o for o in (*ctx.officials, *ctx.listed_officials, *ctx.delegation)}
    people.update({i: o for i, o in ctx.all_officials.items() if i not in people})
    for official_id in people:
        o = originals.get(("official", official_id), people[official_id])
        add("person", spellings(o.name, o.name_latin, o.name_native), o.pronunciation or "")
    for official_id in people:
        o = originals.get(("official", official_id), people[official_id])
        add("organisation", spellings(o.organisation, o.organisation_en))
    if "projects" in ctx.options.sections:
        for p in ctx.projects:
            p = originals.get(("project", p.id), p)
            add("organisation", spellings(p.home_partner, p.home_partner_en))
            add("organisation", spellings(p.host_partner, p.host_partner_en))
    for source_id in ctx.citations.sources:
        s = originals.get(("source", source_id), ctx.citations.sources[source_id])
        add("organisation", spellings(s.publisher, s.publisher_en))
    order = "cyrillic" if ctx.lang == "ru" else "latin"
    return sorted(
        entries,
        key=lambda e: (
            e[0] != "person",
            (e[1].get(order) or next(iter(e[1].values())))[0].casefold(),
        ),
    )


def glossary(ctx: BriefContext) -> list[Any]:
    """People, then organisations: a row each, a column per script."""
    s = ctx.styles
    story = section_heading(ctx, "glossary")
    entries = glossary_entries(ctx)
    if not entries:
        return [*story, Paragraph(esc(ctx.t("None prepared.", "Не подготовлено.")), s.note)]
    scripts = [x for x in SCRIPTS if any(x in e[1] for e in entries)]
    said = any(e[2] for e in entries)
    heads = [ctx.t(*_SCRIPT_TITLES[x]) for x in scripts]
    if said:
        heads.append(ctx.t("Pronunciation", "Произношение"))
    widths = [ctx.frame_width / len(heads)] * len(heads)
    for kind, (en, ru) in (("person", ("People", "Лица")), ("organisation", _ORGS)):
        chosen = [e for e in entries if e[0] == kind]
        if not chosen:
            continue
        story.append(heading(ctx, ctx.t(en, ru), level=1))
        rows: list[list[Any]] = [[Paragraph(esc(h), s.cell_head) for h in heads]]
        for _, found, pronounced in chosen:
            cells = ["; ".join(found.get(x, [])) for x in scripts]
            if said:
                cells.append(pronounced)
            rows.append([Paragraph(esc(c), s.cell) for c in cells])
        story.append(
            LongTable(rows, colWidths=widths, repeatRows=1, style=table_style(), hAlign="LEFT")
        )
    return story


_ORGS = ("Organisations", "Организации")


def translated_annex(ctx: BriefContext) -> list[Any]:
    """The English brief's annex of texts that have no English version yet."""
    found = ctx.untranslated
    if not found:
        return []
    s = ctx.styles
    story: list[Any] = [
        *section_heading_text(ctx, "Annex: untranslated"),
        Paragraph(
            esc(
                "These texts of the dossier have no English version yet; the brief refers "
                "to them by number. Add the English text in the record's form."
            ),
            s.note,
        ),
    ]
    for number, text, places in found.listed():
        # As long texts everywhere in the brief: cut, with a note (brief/text.py).
        parts = paragraphs(text, "en")
        head = f"<b>U{number}</b> <i>({esc('; '.join(places))})</i>"
        story.append(Paragraph(f"{head}<br/>{parts[0]}", s.point))
        story += [Paragraph(part, s.point) for part in parts[1:]]
    return story


def section_heading_text(ctx: BriefContext, title: str) -> list[Any]:
    return [CondPageBreak(5 * cm), heading(ctx, title)]
