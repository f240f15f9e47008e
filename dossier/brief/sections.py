"""Story sections of the brief: cover, contents, scene-setter, points, interlocutors.

Field labels come from the entity specs in dossier.model; every piece of user text
passes through `esc` before it reaches a Paragraph.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import (
    CondPageBreak,
    Image,
    KeepTogether,
    LongTable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from dossier.brief.context import BriefContext
from dossier.brief.dates import human_date, human_day, human_range
from dossier.brief.fonts import REGULAR
from dossier.brief.options import section_title
from dossier.brief.pages import Contents, Heading
from dossier.brief.styles import CELL_PADDING, CELL_SIZE, RULE, plain_style, table_style
from dossier.brief.text import esc, paragraphs
from dossier.fields import format_value
from dossier.model import EVENT, OFFICIAL, POINT_KINDS, TALKING_POINT, Official, TalkingPoint

POINT_GROUPS = {
    "objective": ("Objectives", "Цели"),
    "key_message": ("Key messages", "Ключевые тезисы"),
    "if_raised": ("If raised", "Если будет поднят вопрос"),
    "press_line": ("Press line", "Для прессы"),
    "background": ("Background", "Справочно"),
}


def heading(ctx: BriefContext, text: str, level: int = 0) -> Heading:
    style = ctx.styles.h1 if level == 0 else ctx.styles.h2
    return Heading(esc(text), text, style, level, ctx.key("h"), ctx.headings)


def table_heading(ctx: BriefContext, text: str) -> list[Any]:
    """A sub-heading over a table: it starts overleaf only when a few rows would not fit.

    keepWithNext would glue it to the whole table and push a half-page table to the
    next page, leaving a gap.
    """
    style = ctx.styles.h2.clone("h2_table", keepWithNext=0)
    # Room for the heading, the header row and one tall row (a project with its description).
    return [CondPageBreak(6 * cm), Heading(esc(text), text, style, 1, ctx.key("h"), ctx.headings)]


def section_heading(ctx: BriefContext, section: str, room: float = 5 * cm) -> list[Any]:
    # A new section needs room for its heading and a few lines, else it starts overleaf.
    return [CondPageBreak(room), heading(ctx, section_title(section, ctx.lang))]


def left_out(ctx: BriefContext, text: str) -> Paragraph:
    """What a limit left out of the brief, said where the reader would look for it."""
    return Paragraph(esc(text), ctx.styles.note)


def cell(ctx: BriefContext, text: str, width: float) -> Any:
    """A table cell for app-made text (a date, an amount, [n]): a plain string when it
    fits the column on one line, which sets many times faster than a Paragraph, else a
    Paragraph that wraps. `width` is the column's, padding included (table_style)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if "\n" not in text and stringWidth(text, REGULAR, CELL_SIZE) <= width - CELL_PADDING:
        return text
    return Paragraph(esc(text), ctx.styles.cell)


def count(n: int, lang: str) -> str:
    """30,000 / 30 000 (a Russian reader groups thousands with a space)."""
    text = f"{n:,}"
    return text.replace(",", "\u00a0") if lang == "ru" else text


def country_name(ctx: BriefContext) -> str:
    d = ctx.dossier
    return d.name if ctx.lang == "ru" or not d.name_en else d.name_en


def brief_title(ctx: BriefContext) -> str:
    return ctx.options.title or ctx.t(
        f"Brief: {country_name(ctx)}", f"Справка: {country_name(ctx)}"
    )


def marking(ctx: BriefContext) -> str:
    if ctx.options.classification is not None:
        return ctx.options.classification.strip()
    return (ctx.dossier.classification or "").strip()


# -- cover and contents -------------------------------------------------------


def cover(ctx: BriefContext) -> list[Any]:
    s = ctx.styles
    o = ctx.options
    story: list[Any] = [Spacer(1, 3 * cm)]
    if marking(ctx):
        story += [Paragraph(esc(marking(ctx)), s.cover_marking), Spacer(1, 2.2 * cm)]
    story += [
        Paragraph(esc(country_name(ctx)), s.cover_sub),
        Spacer(1, 0.3 * cm),
        Paragraph(esc(brief_title(ctx)), s.cover_title),
    ]
    for line in (o.place, o.dates):
        if line.strip():
            story.append(Paragraph(esc(line), s.cover_line))
    rows = [
        (ctx.t("Prepared for", "Для кого"), o.prepared_for),
        (ctx.t("Prepared by", "Подготовил"), o.prepared_by),
        (ctx.t("Version", "Версия"), o.version),
        (ctx.t("Date", "Дата"), human_day(o.generated_on, ctx.lang)),
    ]
    data = [
        [Paragraph(esc(label), s.small), Paragraph(esc(value), s.body)]
        for label, value in rows
        if value.strip()
    ]
    story += [
        Spacer(1, 2.5 * cm),
        Table(
            data,
            colWidths=[4 * cm, 9 * cm],
            hAlign="CENTER",
            style=plain_style(
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEABOVE", (0, 0), (-1, 0), 0.5, colors.HexColor(RULE)),
            ),
        ),
    ]
    if not o.include_background:
        story += [
            Spacer(1, 1 * cm),
            Paragraph(
                esc(
                    ctx.t(
                        "Releasable version: background-only points are left out.",
                        "Версия для передачи: справочные тезисы не включены.",
                    )
                ),
                s.note,
            ),
        ]
    return [NextPageTemplate("body"), *story, PageBreak()]


def contents(ctx: BriefContext) -> list[Any]:
    # Filled with every heading of the story, which is complete before the build.
    toc = Contents(ctx.headings, ctx.styles.toc_levels)
    title = Paragraph(esc(section_title("contents", ctx.lang)), ctx.styles.h1)
    return [NextPageTemplate("body"), title, toc, PageBreak()]


# -- scene-setter ---------------------------------------------------------------


def scene(ctx: BriefContext) -> list[Any]:
    s = ctx.styles
    story = section_heading(ctx, "scene")
    texts = paragraphs(ctx.dossier.summary, ctx.lang)
    story += [Paragraph(p, s.body) for p in texts]
    if not texts:
        story.append(
            Paragraph(
                esc(ctx.t("No scene-setter written yet.", "Общая обстановка не описана.")), s.note
            )
        )
    events = ctx.events if ctx.options.max_rows is None else ctx.events[: ctx.options.max_rows]
    if events:
        story.append(heading(ctx, EVENT.label(ctx.lang, plural=True), level=1))
        for event in events:
            when = human_range(event.start_date, event.end_date, ctx.lang)
            head = f"<b>{esc(when)}</b> — " if when else ""
            place = f", {esc(event.place)}" if event.place else ""
            text = f"{head}{esc(event.title)}{place}.{esc(ctx.citations.cite(event.source_id))}"
            story.append(Paragraph(text, s.point, bulletText="•"))
            if event.programme:
                indented = s.small.clone("programme", leftIndent=s.point.leftIndent)
                story += [Paragraph(p, indented) for p in paragraphs(event.programme, ctx.lang)]
    if len(events) < len(ctx.events):
        left = len(ctx.events) - len(events)
        story.append(
            left_out(
                ctx,
                ctx.t(
                    f"{count(left, 'en')} more events are not listed: see the dossier in the app.",
                    f"Ещё {count(left, 'ru')} событий не приведены: см. досье в приложении.",
                ),
            )
        )
    return story


# -- talking points ---------------------------------------------------------------


def points(ctx: BriefContext) -> list[Any]:
    s = ctx.styles
    story = section_heading(ctx, "points")
    if not ctx.points:
        story.append(
            Paragraph(
                esc(ctx.t("No approved talking points.", "Утверждённых тезисов нет.")), s.note
            )
        )
    for kind in POINT_KINDS:
        chosen = [p for p in ctx.points if p.kind == kind.value]
        if not chosen:
            continue
        en, ru = POINT_GROUPS.get(kind.value, (kind.en, kind.ru))
        story.append(heading(ctx, ctx.t(en, ru), level=1))
        for number, point in enumerate(chosen, 1):
            story.append(_point(ctx, point, number))
    return story


def _point(ctx: BriefContext, point: TalkingPoint, number: int) -> Any:
    s = ctx.styles
    topic = f"<b>{esc(point.topic)}.</b> " if point.topic else ""
    text = f"{topic}{esc(point.text)}{esc(ctx.citations.cite(point.source_id))}"
    meta = []
    if point.priority:
        meta.append(f"{TALKING_POINT.field('priority').label(ctx.lang)}: {point.priority}")
    audience = ctx.all_officials.get(point.audience_id) if point.audience_id else None
    if audience is not None:
        meta.append(f"{TALKING_POINT.field('audience_id').label(ctx.lang)}: {audience.name}")
    if meta:
        text += f"<br/><font size='8.5' color='#5a5a5a'>{esc('; '.join(meta))}</font>"
    if not point.releasable:
        flag = ctx.t("BACKGROUND ONLY — not to be said", "СПРАВОЧНО — не озвучивать")
        text = f"<font color='#a01515'><b>{esc(flag)}</b></font><br/>{text}"
        return Paragraph(text, s.point_background, bulletText=f"{number}.")
    return Paragraph(text, s.point, bulletText=f"{number}.")


# -- interlocutors ------------------------------------------------------------------


def interlocutors(ctx: BriefContext) -> list[Any]:
    s = ctx.styles
    story = section_heading(ctx, "interlocutors")
    if not ctx.officials:
        story.append(
            Paragraph(esc(ctx.t("No officials chosen.", "Должностные лица не выбраны.")), s.note)
        )
    chosen = len(ctx.officials) + len(ctx.listed_officials) + ctx.officials_left
    if len(ctx.officials) < chosen:
        # Say up front that the cards are a choice, and which.
        story.append(
            left_out(
                ctx,
                ctx.t(
                    f"Cards for {count(len(ctx.officials), 'en')} of the {count(chosen, 'en')} officials "
                    "chosen: those the talking points address first, then the host side, our side "
                    "and third parties. The next ones are listed in a table after the cards.",
                    f"Карточки — для {count(len(ctx.officials), 'ru')} из {count(chosen, 'ru')} "
                    "выбранных должностных лиц: сначала адресаты тезисов, затем принимающая сторона, "
                    "наша сторона, третьи стороны. Следующие перечислены в таблице после карточек.",
                ),
            )
        )
    for official in ctx.officials:
        story.append(KeepTogether(_card(ctx, official)))
    if ctx.listed_officials:
        title = ctx.t("Other officials", "Другие должностные лица")
        story += table_heading(ctx, f"{title} ({count(len(ctx.listed_officials), ctx.lang)})")
        story.append(_officials_table(ctx, ctx.listed_officials))
    if ctx.officials_left:
        story.append(
            left_out(
                ctx,
                ctx.t(
                    f"{count(ctx.officials_left, 'en')} more officials chosen for this brief are not "
                    f"listed (the dossier holds {count(ctx.officials_total, 'en')}): see the dossier "
                    "in the app.",
                    f"Ещё {count(ctx.officials_left, 'ru')} выбранных должностных лиц в справку не "
                    f"включены (всего в досье {count(ctx.officials_total, 'ru')}): см. досье в "
                    "приложении.",
                ),
            )
        )
    return story


def _officials_table(ctx: BriefContext, officials: list[Official]) -> LongTable:
    """One line per official beyond the cards: name, post, since when, source."""
    s = ctx.styles
    lang = ctx.lang
    heads = [
        _label("name", lang),
        _label("position", lang),
        _label("start_date", lang),
        ctx.t("Src.", "Ист."),
    ]
    rows: list[list[Any]] = [[Paragraph(esc(h), s.cell_head) for h in heads]]
    w = ctx.frame_width
    widths = [0.29 * w, 0.43 * w, 0.2 * w, 0.08 * w]
    for o in officials:
        name = esc(o.name)
        if o.name_latin and o.name_latin != o.name:
            name += f"<br/><font color='#5a5a5a'>{esc(o.name_latin)}</font>"
        post = ", ".join(x for x in (o.position, o.organisation) if x)
        rows.append(
            [
                Paragraph(name, s.cell),
                Paragraph(esc(post), s.cell),
                cell(ctx, human_date(o.start_date, lang), widths[2]),
                cell(ctx, ctx.citations.cite(o.source_id).strip(), widths[3]),
            ]
        )
    return LongTable(rows, colWidths=widths, repeatRows=1, style=table_style(), hAlign="LEFT")


def _label(name: str, lang: str) -> str:
    return OFFICIAL.field(name).label(lang)


def _card(ctx: BriefContext, o: Official) -> list[Any]:
    s = ctx.styles
    lang = ctx.lang
    name = o.name + (f" {o.patronymic}" if o.patronymic and o.patronymic not in o.name else "")
    title = f"{name} ({o.name_latin})" if o.name_latin and o.name_latin != name else name
    cite = ctx.citations.cite(o.source_id)
    rows: list[tuple[str, str]] = []
    post = ", ".join(x for x in (o.position, o.organisation) if x)
    if post:
        rows.append((_label("position", lang), post + cite))
    if o.start_date:
        rows.append((_label("start_date", lang), human_date(o.start_date, lang)))
    if o.end_date:
        rows.append((_label("end_date", lang), human_date(o.end_date, lang)))
    for field in ("side", "country", "birth_date", "gender", "form_of_address", "pronunciation"):
        value = format_value(OFFICIAL.field(field), getattr(o, field), lang)
        if value:
            rows.append(
                (_label(field, lang), human_date(value, lang) if field == "birth_date" else value)
            )
    if o.status != "current":
        rows.append(
            (_label("status", lang), format_value(OFFICIAL.field("status"), o.status, lang))
        )
    rows.append(
        (
            _label("last_verified", lang),
            human_date(o.last_verified, lang) or ctx.t("not verified", "не проверено"),
        )
    )
    label_width = 3.6 * cm
    photo = _photo(o.photo)
    text_width = ctx.frame_width - (3.4 * cm if photo is not None else 0)
    details = Table(
        [[Paragraph(esc(k), s.small), Paragraph(esc(v), s.cell)] for k, v in rows],
        colWidths=[label_width, text_width - label_width],
        style=plain_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
        ),
    )
    block: Any = details
    if photo is not None:
        block = Table(
            [[photo, details]],
            colWidths=[3.4 * cm, text_width],
            style=plain_style(
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ),
        )
    story: list[Any] = [heading(ctx, title, level=1), block]
    for field in ("biography", "notes"):
        texts = paragraphs(getattr(o, field), lang)
        if texts:
            story.append(Paragraph(f"<b>{esc(_label(field, lang))}</b>", s.small))
            story += [Paragraph(p, s.body) for p in texts]
    story.append(Spacer(1, 0.3 * cm))
    return story


def _photo(data: bytes | None) -> Any:
    """The official's photo at 3 cm wide, or None when absent or not a readable image."""
    if not data:
        return None
    from reportlab.lib.utils import ImageReader

    try:
        reader = ImageReader(io.BytesIO(data))
        width, height = reader.getSize()
    except Exception:  # a damaged photo must not stop the brief
        return None
    if not width or not height:
        return None
    w = 3.0 * cm
    h = min(w * height / width, 4.5 * cm)
    return Image(io.BytesIO(data), width=h * width / height, height=h)
