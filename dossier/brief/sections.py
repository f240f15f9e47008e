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

from dossier.brief.ages import as_of
from dossier.brief.card_parts import country_in, imported_career, posts_held
from dossier.brief.context import BriefContext
from dossier.brief.dates import human_date, human_day
from dossier.brief.fonts import REGULAR
from dossier.brief.options import section_title
from dossier.brief.pages import Contents, Heading
from dossier.brief.styles import CELL_PADDING, CELL_SIZE, RULE, plain_style, table_style
from dossier.brief.text import esc, is_plain_line, paragraphs
from dossier.fields import format_value
from dossier.model import OFFICIAL, Official
from dossier.plural import counted, group_digits, phrase


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

    if is_plain_line(text) and stringWidth(text, REGULAR, CELL_SIZE) <= width - CELL_PADDING:
        return text
    return Paragraph(esc(text), ctx.styles.cell)


def count(n: int, lang: str) -> str:
    """30,000 / 30 000 (a Russian reader groups thousands with a space)."""
    return group_digits(n, lang)


def country_name(ctx: BriefContext) -> str:
    d = ctx.dossier
    return d.name if ctx.lang == "ru" or not d.name_en else d.name_en


def brief_title(ctx: BriefContext) -> str:
    return ctx.options.title or ctx.t(
        f"Brief: {country_name(ctx)}", f"Справка: {country_name(ctx)}"
    )


def marking(ctx: BriefContext) -> str:
    """The marking of every page: the one asked for, else the dossier's. A releasable
    brief has its own (the option, else the dossier's release marking, else a plain
    "releasable"), never the internal classification."""
    o = ctx.options
    if o.include_background:
        if o.classification is not None:
            return o.classification.strip()
        return (ctx.dossier.classification or "").strip()
    for given in (o.release_marking, o.classification):
        if given is not None:
            return given.strip()
    return (ctx.dossier.release_marking or "").strip() or ctx.t("RELEASABLE", "ДЛЯ ПЕРЕДАЧИ")


def purpose(ctx: BriefContext) -> str:
    """What the visit is for: as the user wrote it, else the visit event's title."""
    if ctx.options.purpose.strip():
        return ctx.options.purpose.strip()
    visits = [e for e in ctx.events if e.kind == "visit"] or ctx.events
    return visits[0].title if visits else ""


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
    for line in (o.place, o.dates, purpose(ctx)):
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
                        # Not what was left out: the other side reads this version.
                        "Releasable version.",
                        "Версия для передачи.",
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


# -- interlocutors ------------------------------------------------------------------


def interlocutors(ctx: BriefContext) -> list[Any]:
    s = ctx.styles
    lang = ctx.lang
    story = section_heading(ctx, "interlocutors")
    if not ctx.officials:
        story.append(Paragraph(esc(ctx.t("None prepared.", "Не подготовлено.")), s.note))
    chosen = len(ctx.officials) + len(ctx.listed_officials) + ctx.officials_left
    intro: list[Any] = []
    if len(ctx.officials) < chosen:
        # Say up front that the cards are a choice, and which.
        of = counted(chosen, lang, _OFFICIALS_EN, _OFFICIALS_OF_RU)
        intro.append(
            left_out(
                ctx,
                ctx.t(
                    f"Cards for {count(len(ctx.officials), 'en')} of the {of} chosen, in "
                    "protocol order: the host side by rank (those the talking points address "
                    "first within a rank), then third parties. The next ones are listed in a "
                    "table after the cards.",
                    f"Карточки — для {count(len(ctx.officials), 'ru')} из {of} в порядке "
                    "протокольного старшинства: принимающая сторона по рангу (в пределах ранга "
                    "сначала адресаты тезисов), затем третьи стороны. Следующие перечислены в "
                    "таблице после карточек.",
                ),
            )
        )
    for official in ctx.officials:
        # The note saying which cards follow stays with the first of them.
        story.append(KeepTogether([*intro, *_card(ctx, official)]))
        intro = []
    story += intro
    if ctx.listed_officials:
        title = ctx.t("Other officials", "Другие должностные лица")
        story += table_heading(ctx, f"{title} ({count(len(ctx.listed_officials), lang)})")
        story.append(_officials_table(ctx, ctx.listed_officials))
    if ctx.officials_left:
        total = count(ctx.officials_total, lang)
        en_tail = f"not listed (the dossier holds {total}): see the dossier in the app."
        ru_tail = f"в справку не включены (всего в досье {total}): см. досье в приложении."
        text = phrase(
            ctx.officials_left,
            lang,
            (
                f"{{n}} more official chosen is {en_tail}",
                f"{{n}} more officials chosen are {en_tail}",
            ),
            (
                f"Ещё {{n}} выбранное должностное лицо {ru_tail.replace('не включены', 'не включено')}",
                f"Ещё {{n}} выбранных должностных лица {ru_tail}",
                f"Ещё {{n}} выбранных должностных лиц {ru_tail}",
            ),
        )
        story.append(left_out(ctx, text))
    return story


_OFFICIALS_EN = ("official", "officials")
_OFFICIALS_OF_RU = ("должностного лица", "должностных лиц", "должностных лиц")


def delegation(ctx: BriefContext) -> list[Any]:
    """Our own side: a list in protocol order, not cards."""
    story = section_heading(ctx, "delegation")
    if not ctx.delegation and not ctx.delegation_left:
        return [
            *story,
            Paragraph(esc(ctx.t("None prepared.", "Не подготовлено.")), ctx.styles.note),
        ]
    for o in ctx.delegation:
        post = ", ".join(x for x in (o.position, o.organisation) if x)
        text = f"<b>{esc(o.name)}</b>" + (f" — {esc(post)}" if post else "")
        story.append(Paragraph(text, ctx.styles.point, bulletText="•"))
    if ctx.delegation_left:
        text = phrase(
            ctx.delegation_left,
            ctx.lang,
            ("{n} more member is not listed.", "{n} more members are not listed."),
            (
                "Ещё {n} член делегации не приведён.",
                "Ещё {n} члена делегации не приведены.",
                "Ещё {n} членов делегации не приведены.",
            ),
        )
        story.append(left_out(ctx, text))
    return story


def _officials_table(ctx: BriefContext, officials: list[Official]) -> LongTable:
    """One line per official beyond the cards: name, post, since when, source (the
    last two only when some official has one)."""
    s = ctx.styles
    lang = ctx.lang
    keep = [
        True,
        True,
        any(o.start_date for o in officials),
        any(o.source_id in ctx.citations.sources for o in officials),
    ]
    heads = [
        _label("name", lang),
        _label("position", lang),
        _label("start_date", lang),
        ctx.t("Src.", "Ист."),
    ]
    rows: list[list[Any]] = [
        [Paragraph(esc(h), s.cell_head) for h, k in zip(heads, keep, strict=True) if k]
    ]
    shares = [x for x, k in zip((0.29, 0.43, 0.2, 0.08), keep, strict=True) if k]
    widths = [ctx.frame_width * x / sum(shares) for x in shares]
    for o in officials:
        # A name or post that fits its column on one line is a plain string, which
        # sets many times faster than a Paragraph (200 rows of them in a large brief).
        name: Any = o.name
        if o.name_latin and o.name_latin != o.name:
            latin = f"<br/><font color='#5a5a5a'>{esc(o.name_latin)}</font>"
            name = Paragraph(esc(o.name) + latin, s.cell)
        post = ", ".join(x for x in (o.position, o.organisation) if x)
        cells = [
            name,
            post,
            human_date(o.start_date, lang),
            ctx.citations.cite(o.source_id).strip() if keep[3] else "",
        ]
        cells = [c for c, k in zip(cells, keep, strict=True) if k]
        rows.append(
            [
                c if not isinstance(c, str) else cell(ctx, c, w)
                for c, w in zip(cells, widths, strict=True)
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
        rows.append((_label("position", lang), post + as_of(ctx, o.source_id) + cite))
    if o.start_date:
        rows.append((_label("start_date", lang), human_date(o.start_date, lang)))
    if o.end_date:
        rows.append((_label("end_date", lang), human_date(o.end_date, lang)))
    for field in ("side", "country", "birth_date", "gender", "form_of_address", "pronunciation"):
        value = format_value(OFFICIAL.field(field), getattr(o, field), lang)
        if field == "birth_date":
            value = human_date(value, lang)
        elif field == "country":
            value = country_in(value, lang, ctx.dossier)
        elif field == "side" and o.side == "host":
            value = ""  # the section is the host's: only a third party's side is news
        if value:
            rows.append((_label(field, lang), value))
    if o.status != "current":
        rows.append(
            (_label("status", lang), format_value(OFFICIAL.field("status"), o.status, lang))
        )
    if ctx.shows(OFFICIAL, "last_verified"):
        rows.append(
            (
                _label("last_verified", lang),
                human_date(o.last_verified, lang) or ctx.t("not verified", "не проверено"),
            )
        )
    label_width = 3.6 * cm
    photo = _photo(o.photo)
    text_width = ctx.frame_width - (3.4 * cm if photo is not None else 0)
    widths = (label_width, text_width - label_width)
    details = Table(
        [
            [_card_cell(k, s.card_label, widths[0]), _card_cell(v, s.card_value, widths[1])]
            for k, v in rows
        ],
        colWidths=list(widths),
        style=plain_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            # Plain-string cells in the card's styles (see _card_cell).
            ("FONTSIZE", (0, 0), (0, -1), s.card_label.fontSize),
            ("TEXTCOLOR", (0, 0), (0, -1), s.card_label.textColor),
            ("FONTSIZE", (1, 0), (1, -1), s.card_value.fontSize),
            ("LEADING", (0, 0), (-1, -1), s.card_value.leading),
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
        if field == "notes" and ctx.shows(OFFICIAL, field) and imported_career(o.notes):
            story += posts_held(ctx, o)
            continue
        texts = paragraphs(getattr(o, field), lang) if ctx.shows(OFFICIAL, field) else []
        if texts:
            story.append(Paragraph(f"<b>{esc(_label(field, lang))}</b>", s.card_label))
            story += [Paragraph(p, s.card_text) for p in texts]
    story.append(Spacer(1, 0.3 * cm))
    return story


def _card_cell(text: str, style: Any, width: float) -> Any:
    """A card's label or value: a plain string when it fits its column on one line
    (a Table sets it many times faster than a Paragraph: thirty cards of eight rows
    in a large brief), else a Paragraph that wraps."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if is_plain_line(text) and stringWidth(text, REGULAR, style.fontSize) <= width - 6:
        return text
    return Paragraph(esc(text), style)


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
