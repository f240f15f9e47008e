"""What to say and when: the steering note, the programme, the talking points by kind
and the background (the scene-setter with its sources, then background-only points).

Every section prints its heading; an empty one says "None prepared", so a reader
knows nothing was forgotten.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.platypus import LongTable, PageBreak, Paragraph

from dossier.brief.ages import as_of_sentence
from dossier.brief.context import BriefContext
from dossier.brief.dates import human_range
from dossier.brief.sections import cell, heading, purpose, section_heading
from dossier.brief.styles import table_style
from dossier.brief.text import MAX_TEXT, _cut, cut_note, esc, paragraphs
from dossier.fields import format_value
from dossier.model import EVENT, TALKING_POINT, Event, TalkingPoint
from dossier.plural import phrase

# Brief section -> the talking-point kind it prints.
POINT_SECTIONS = {
    "objectives": "objective",
    "messages": "key_message",
    "if_raised": "if_raised",
    "press": "press_line",
}
_SENTENCE = re.compile(r"(?<=[.!?…])\s+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def none_prepared(ctx: BriefContext) -> Paragraph:
    return Paragraph(esc(ctx.t("None prepared.", "Не подготовлено.")), ctx.styles.note)


def _by_priority(points: list[TalkingPoint]) -> list[TalkingPoint]:
    """Priority 1 first, unprioritised last; the dossier's order within a priority."""
    return sorted(points, key=lambda p: p.priority or 9)


def _kind(ctx: BriefContext, kind: str) -> list[TalkingPoint]:
    return [p for p in ctx.points if p.kind == kind]


# -- steering note ----------------------------------------------------------------


def steering(ctx: BriefContext) -> list[Any]:
    """One page: the purpose, the top three messages, the ask and the risks."""
    s = ctx.styles
    story = section_heading(ctx, "steering")
    parts: list[tuple[str, list[str]]] = [
        (ctx.t("Purpose", "Цель визита"), [esc(purpose(ctx))] if purpose(ctx) else []),
        (
            ctx.t("Top three messages", "Три главных тезиса"),
            [_cited(ctx, p.text, p) for p in _by_priority(_kind(ctx, "key_message"))[:3]],
        ),
        (
            ctx.t("The ask", "Чего добиваемся"),
            [_cited(ctx, p.text, p) for p in _kind(ctx, "objective")],
        ),
        (
            ctx.t("Risks", "Риски"),
            [_cited(ctx, p.topic or p.text, p) for p in _kind(ctx, "if_raised")],
        ),
    ]
    if not any(lines for _, lines in parts):
        return [*story, none_prepared(ctx), PageBreak()]
    for label, lines in parts:
        story.append(Paragraph(f"<b>{esc(label)}</b>", s.body))
        if not lines:
            story.append(none_prepared(ctx))
        for number, line in enumerate(lines, 1):
            bullet = f"{number}." if len(lines) > 1 else "•"
            story.append(Paragraph(line, s.point, bulletText=bullet))
    return [*story, PageBreak()]


def _cited(ctx: BriefContext, text: str, p: TalkingPoint) -> str:
    """A point's text as markup; one holding a number cites its source inside the
    sentence ('... 80 экскаваторов [1].'), as every number in the brief's prose does."""
    if not re.search(r"\d", text):
        return esc(text)
    said = text.rstrip()
    stop = said[-1] if said and said[-1] in ".!?…" else ""
    return esc(said[: len(said) - len(stop)] + ctx.citations.cite(p.source_id) + stop)


# -- programme ----------------------------------------------------------------------


def programme(ctx: BriefContext) -> list[Any]:
    """The events in date and time order: a table, without the columns nobody filled."""
    s = ctx.styles
    lang = ctx.lang
    story = section_heading(ctx, "programme")
    limit = ctx.options.max_rows
    events = sorted(ctx.events, key=lambda e: (e.start_date or "", e.time or ""))
    shown = events if limit is None else events[:limit]
    if not shown:
        return [*story, none_prepared(ctx)]
    columns = [
        (ctx.t("Date", "Дата"), 0.17, lambda e: human_range(e.start_date, e.end_date, lang)),
        (EVENT.field("time").label(lang), 0.09, lambda e: e.time or ""),
        (EVENT.field("title").label(lang), 0.36, None),
        (EVENT.field("place").label(lang), 0.14, lambda e: e.place or ""),
        (EVENT.field("participants").label(lang), 0.18, lambda e: e.participants or ""),
        (ctx.t("Src.", "Ист."), 0.06, lambda e: ctx.citations.cite(e.source_id).strip()),
    ]
    # Drop the columns no event fills (the event itself always prints).
    columns = [c for c in columns if c[2] is None or any(c[2](e) for e in shown)]
    total = sum(c[1] for c in columns)
    widths = [ctx.frame_width * c[1] / total for c in columns]
    rows: list[list[Any]] = [[Paragraph(esc(c[0]), s.cell_head) for c in columns]]
    for event in shown:
        rows.append(
            [
                _event_cell(ctx, event) if getter is None else cell(ctx, getter(event), width)
                for (_, _, getter), width in zip(columns, widths, strict=True)
            ]
        )
    story.append(
        LongTable(rows, colWidths=widths, repeatRows=1, style=table_style(), hAlign="LEFT")
    )
    if len(shown) < len(events):
        text = phrase(
            len(events) - len(shown),
            lang,
            (
                "{n} more event is not listed: see the dossier in the app.",
                "{n} more events are not listed: see the dossier in the app.",
            ),
            (
                "Ещё {n} событие не приведено: см. досье в приложении.",
                "Ещё {n} события не приведены: см. досье в приложении.",
                "Ещё {n} событий не приведены: см. досье в приложении.",
            ),
        )
        story.append(Paragraph(esc(text), s.note))
    return story


def _event_cell(ctx: BriefContext, event: Event) -> Paragraph:
    s = ctx.styles
    text = f"<b>{esc(event.title)}</b>"
    kind = format_value(EVENT.field("kind"), event.kind, ctx.lang)
    if kind:
        text += f"<br/><font color='#5a5a5a'>{esc(kind)}</font>"
    for p in paragraphs(event.programme, ctx.lang):
        text += f"<br/>{p}"
    if ctx.shows(EVENT, "notes"):
        for p in paragraphs(event.notes, ctx.lang):
            text += f"<br/><i>{p}</i>"
    return Paragraph(text, s.cell)


# -- talking points -------------------------------------------------------------------


def point_section(section: str) -> Any:
    """The builder of one kind's section: its points in order, numbered."""

    def build(ctx: BriefContext) -> list[Any]:
        story = section_heading(ctx, section)
        chosen = _kind(ctx, POINT_SECTIONS[section])
        if not chosen:
            return [*story, none_prepared(ctx)]
        return story + [point(ctx, p, n) for n, p in enumerate(chosen, 1)]

    return build


def point(ctx: BriefContext, p: TalkingPoint, number: int) -> Paragraph:
    s = ctx.styles
    topic = f"<b>{esc(_sentence(p.topic))}</b> " if p.topic else ""
    # The source's number goes inside the sentence, as in the scene-setter ("... годы
    # [1]."); the fact's age follows in grey, a sentence of its own.
    said = p.text.rstrip()
    stop = said[-1] if said and said[-1] in ".!?…" else ""
    text = f"{topic}{esc(said[: len(said) - len(stop)])}"
    text += f"{esc(ctx.citations.cite(p.source_id))}{esc(stop)}"
    aged = as_of_sentence(ctx, p.source_id)
    if aged:
        text += f" <font color='#5a5a5a'><i>{esc(aged)}</i></font>"
    meta = []
    if p.priority and ctx.shows(TALKING_POINT, "priority"):
        meta.append(f"{TALKING_POINT.field('priority').label(ctx.lang)}: {p.priority}")
    audience = ctx.all_officials.get(p.audience_id) if p.audience_id else None
    if audience is not None and ctx.shows(TALKING_POINT, "audience_id"):
        meta.append(f"{TALKING_POINT.field('audience_id').label(ctx.lang)}: {audience.name}")
    if meta:
        text += f"<br/><font size='8.5' color='#5a5a5a'>{esc('; '.join(meta))}</font>"
    if TALKING_POINT.is_background(p):
        flag = ctx.t("BACKGROUND ONLY — not to be said", "СПРАВОЧНО — не озвучивать")
        text = f"<font color='#a01515'><b>{esc(flag)}</b></font><br/>{text}"
        return Paragraph(text, s.point_background, bulletText=f"{number}.")
    return Paragraph(text, s.point, bulletText=f"{number}.")


# -- background -------------------------------------------------------------------------


def background(ctx: BriefContext) -> list[Any]:
    """The scene-setter, each sentence with a number citing its source, then the
    background-only points."""
    s = ctx.styles
    story = section_heading(ctx, "background")
    summary = ctx.dossier.summary or ""
    cut = len(summary) > MAX_TEXT  # bounded as every long text in the brief (text.py)
    shown = _cut(summary, MAX_TEXT) + " …" if cut else summary
    texts = [cited_prose(ctx, part) for part in _raw_paragraphs(shown)]
    if cut:
        texts.append(f"<i>{esc(cut_note(len(summary), ctx.lang), None)}</i>")
    story += [Paragraph(t, s.body) for t in texts]
    chosen = _kind(ctx, "background")
    if chosen:
        story.append(heading(ctx, ctx.t("Background points", "Справочные тезисы"), level=1))
        story += [point(ctx, p, n) for n, p in enumerate(chosen, 1)]
    if not texts and not chosen:
        story.append(none_prepared(ctx))
    return story


def _raw_paragraphs(text: str | None) -> list[str]:
    if not text:
        return []
    return [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]


def cited_prose(ctx: BriefContext, text: str) -> str:
    """A paragraph as markup, where each sentence holding a number ends with [n] of the
    source that states it: the first source whose text holds each of its numbers."""
    out = []
    for sentence in _SENTENCE.split(text):
        numbers = _NUMBER.findall(sentence)
        cite = ""
        if numbers:
            found = [_source_of(ctx, n) for n in numbers]
            cite = "".join(
                ctx.citations.cite(i) for i in dict.fromkeys(x for x in found if x is not None)
            )
        if cite:
            end = len(sentence.rstrip(".!?…"))
            sentence = sentence[:end] + cite + sentence[end:]
        out.append(esc(sentence))
    return " ".join(out)


def _source_of(ctx: BriefContext, number: str) -> int | None:
    pattern = re.compile(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)")
    for source_id, source in ctx.citations.sources.items():
        if source.body and pattern.search(source.body):
            return source_id
    return None


def _sentence(text: str) -> str:
    """A heading run into the text ends with one full stop, never two ('Итоги?' stays)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!", "…", ":")) else text + "."
