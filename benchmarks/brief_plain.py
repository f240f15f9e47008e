"""The baseline of benchmark 5: a dossier's brief set by a plain reportlab script.

It sets the same text and tables as `dossier.brief` with default options (Russian,
A4) in the same DejaVu faces and sizes, without any of dossier.brief's code: the
cover, a contents list, the steering note (purpose, top three messages, the ask, the
risks), the scene-setter and events, the approved talking points by kind ("Не
подготовлено." for an empty kind), a card per interlocutor (the same choice: at most
30 in protocol order, the host side by rank, then third parties) with a details table
and the biography and notes, a table of the next 200 chosen officials and a line for
the rest, the delegation (our side, at most 30, a list), the glossary of names, the trade
chart (the brief's own matplotlib figure as a 200 dpi PNG: a chart is content both
must draw, so `chart_png` is timed with `build`), the trade figures (listed one by
one up to 200, else summed per year and flow in SQL), growth statements, projects by
status, and the cited sources (the uncited ones too when they are at most 200).
Long tables are LongTables and short cells plain strings, as in the brief. Every
page carries the marking top and bottom, the title, the page number and the day.

What it leaves out and the brief does (so the baseline is, if anything, faster):
page numbers in the contents and "of N" in the footer, the PDF outline and links,
KeepTogether of cards, and the "more than a year / shorter period" rules of the
brief's trade sums (the synthetic figures are all monthly, so the sums agree).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any
from xml.sax.saxutils import escape

from dossier.model import FLOWS, POINT_KINDS, PROJECT_KINDS, PROJECT_STATUS, SIDES, SOURCE_KINDS
from dossier.protocol import protocol_rank

MONTHS = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
MONTHS_OF = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
SHORT = [
    "янв.",
    "февр.",
    "март",
    "апр.",
    "май",
    "июнь",
    "июль",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
]
LABELS = {
    c.value: c.ru
    for group in (FLOWS, SIDES, PROJECT_KINDS, PROJECT_STATUS, SOURCE_KINDS)
    for c in group
}
SCALE_WORDS = {"1000": "тыс.", "1000000": "млн", "1000000000": "млрд"}
GROUPS = {
    "objective": "Цели",
    "key_message": "Ключевые тезисы",
    "if_raised": "Если будет поднят вопрос",
    "press_line": "Для прессы",
    "background": "Справочно",
}
MAX_CARDS, MAX_ROWS = 30, 200


def number(value: float) -> str:
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u00a0").replace(".", ",")


def day(value: dt.date) -> str:
    return f"{value.day} {MONTHS_OF[value.month - 1]} {value.year} г."


def date(value: str | None) -> str:
    if not value:
        return ""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]} г."
    return day(dt.date(*parts))


def period(start: str, end: str) -> str:
    if start == end and len(start) == 4:
        return start
    if len(start) == 7 and start[:4] == end[:4]:
        first, last = int(start[5:]), int(end[5:] or 12)
        if first == last:
            return f"{SHORT[first - 1]} {start[:4]}"
        return f"{SHORT[first - 1]}–{SHORT[last - 1]} {start[:4]}"
    if len(start) == 4 and len(end) == 4:
        return f"{start}–{end}"
    return f"{start} – {end}"


def esc(text: Any) -> str:
    return escape(str(text or "")).replace("\n", "<br/>")


def paras(text: str | None) -> list[str]:
    return [esc(p.strip()) for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def rows_of(db: Any, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, args)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def chart_png(store: Any, dossier_id: int, width_pt: float) -> bytes:
    """The chart as the baseline embeds it: the same figure and PNG as the brief's."""
    from dossier.charts import trade_chart
    from dossier.model import TradeFigure

    db = store.db
    count = db.execute(
        "SELECT count(*) FROM trade_figures WHERE dossier_id = ?", [dossier_id]
    ).fetchone()[0]
    if count <= MAX_ROWS:
        figures = store.trade.list(dossier_id)
    else:
        figures = [
            TradeFigure(
                period_start=y,
                period_end=y,
                flow=f,
                amount=a / 1e9,
                currency=c,
                unit_scale="1000000000",
            )
            for y, f, c, a in db.execute(
                "SELECT substr(period_start, 1, 4), flow, currency, "
                "total(amount * unit_scale) FROM trade_figures WHERE dossier_id = ? "
                "AND amount IS NOT NULL GROUP BY 1, 2, 3",
                [dossier_id],
            )
        ]
    fig = trade_chart(figures, "ru", width=width_pt / 72, height=3.4)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=200, facecolor="white")
    return buf.getvalue()


def build(store: Any, dossier_id: int, chart: bytes, today: dt.date) -> bytes:
    """The PDF: everything from reading the records to the bytes, timed by the caller."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.fonts import addMapping
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import (
        CondPageBreak,
        Image,
        LongTable,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    from dossier.paths import resource

    faces = {
        "DejaVuSans": "DejaVuSans.ttf",
        "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    }
    for name, file in faces.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
    for b, i, face in (
        (0, 0, "DejaVuSans"),
        (1, 0, "DejaVuSans-Bold"),
        (0, 1, "DejaVuSans-Oblique"),
        (1, 1, "DejaVuSans-BoldOblique"),
    ):
        addMapping("DejaVuSans", b, i, face)
    reg, bold = "DejaVuSans", "DejaVuSans-Bold"
    ink, muted, accent = (colors.HexColor(c) for c in ("#1a1a1a", "#5a5a5a", "#1f3b73"))
    body = ParagraphStyle(
        "body",
        fontName=reg,
        fontSize=10,
        leading=13.5,
        textColor=ink,
        spaceAfter=5,
        bulletFontName=reg,
    )
    small = ParagraphStyle("small", body, fontSize=8.5, leading=11, textColor=muted)
    note = ParagraphStyle(
        "note", body, fontName="DejaVuSans-Oblique", fontSize=9, leading=12, textColor=muted
    )
    cell = ParagraphStyle("cell", body, fontSize=8.5, leading=10.5, spaceAfter=0)
    head_cell = ParagraphStyle("head_cell", cell, fontName=bold)
    h1 = ParagraphStyle(
        "h1",
        body,
        fontName=bold,
        fontSize=15,
        leading=19,
        spaceBefore=4,
        spaceAfter=8,
        textColor=accent,
        keepWithNext=1,
    )
    h2 = ParagraphStyle("h2", h1, fontSize=12, leading=15, spaceBefore=10, spaceAfter=5)
    point = ParagraphStyle("point", body, leftIndent=0.5 * cm, spaceAfter=6)
    source = ParagraphStyle("source", point, leftIndent=1 * cm)
    toc = ParagraphStyle("toc", body, fontSize=11, leading=16, spaceAfter=0)
    toc2 = ParagraphStyle(
        "toc2", toc, fontSize=9.5, leading=13, leftIndent=0.8 * cm, textColor=muted
    )
    centre = ParagraphStyle("centre", body, fontSize=14, leading=18, alignment=TA_CENTER)
    grid = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), reg),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa5b8")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8ecf3")),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("FONTSIZE", (0, 0), (-1, -1), 8.5),
            ("LEADING", (0, 0), (-1, -1), 10.5),
        ]
    )
    plain = TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), reg),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
    )
    width = A4[0] - 4 * cm

    db = store.db
    did = dossier_id
    dossier = rows_of(db, "SELECT * FROM dossiers WHERE id = ?", [did])[0]
    sources = {
        s["id"]: s
        for s in rows_of(db, "SELECT * FROM sources WHERE dossier_id = ? ORDER BY id", [did])
    }
    numbers: dict[int, int] = {}

    def cite(source_id: int | None) -> str:
        if source_id not in sources:
            return ""
        return f" [{numbers.setdefault(source_id, len(numbers) + 1)}]"

    def table(
        head: list[str],
        rows: list[list[str]],
        widths: list[float],
        plain_columns: tuple[int, ...] = (),
    ) -> Table:
        # Short cells (dates, amounts, [n]) as plain strings, the rest as paragraphs.
        data = [[Paragraph(esc(h), head_cell) for h in head]]
        data += [
            [c if n in plain_columns else Paragraph(c, cell) for n, c in enumerate(row)]
            for row in rows
        ]
        return LongTable(
            data, colWidths=[w * width for w in widths], repeatRows=1, style=grid, hAlign="LEFT"
        )

    title = f"Справка: {dossier['name']}"
    marking = dossier["classification"] or ""
    cover: list[Any] = [
        Spacer(1, 3 * cm),
        Paragraph(esc(marking), centre),
        Spacer(1, 2.2 * cm),
        Paragraph(esc(dossier["name"]), centre),
        Paragraph(f"<b>{esc(title)}</b>", centre),
        Spacer(1, 2.5 * cm),
        Table(
            [[Paragraph("Дата", small), Paragraph(day(today), body)]],
            colWidths=[4 * cm, 9 * cm],
            style=plain,
        ),
        PageBreak(),
    ]
    entries: list[tuple[str, int]] = []  # the headings, for the contents made last
    story: list[Any] = []

    def heading(text: str, level: int = 0) -> Paragraph:
        entries.append((text, level))
        return Paragraph(esc(text), h1 if level == 0 else h2)

    def section(text: str) -> list[Any]:
        return [CondPageBreak(5 * cm), heading(text)]

    # Scene-setter and events.
    story += section("Общая обстановка")
    story += [Paragraph(p, body) for p in paras(dossier["summary"])]
    events = rows_of(db, "SELECT * FROM events WHERE dossier_id = ? ORDER BY start_date, id", [did])
    if events:
        story.append(heading("События", 1))
    for e in events[:MAX_ROWS]:
        when = " – ".join(
            x for x in dict.fromkeys((date(e["start_date"]), date(e["end_date"]))) if x
        )
        place = f", {esc(e['place'])}" if e["place"] else ""
        story.append(
            Paragraph(
                f"<b>{esc(when)}</b> — {esc(e['title'])}{place}.{cite(e['source_id'])}",
                point,
                bulletText="•",
            )
        )
        story += [Paragraph(p, small) for p in paras(e["programme"])]

    # Talking points by kind.
    points = rows_of(
        db,
        "SELECT * FROM talking_points WHERE dossier_id = ? AND status = "
        "'approved' ORDER BY position, id",
        [did],
    )
    names = dict(
        db.execute(
            "SELECT id, name FROM officials WHERE id IN (SELECT audience_id "
            "FROM talking_points WHERE dossier_id = ?)",
            [did],
        ).fetchall()
    )
    # The steering note: purpose, top three messages, the ask, the risks; one page.
    steering = section("Основные положения")
    for label, lines in (
        ("Цель визита", [events[0]["title"]] if events else []),
        (
            "Три главных тезиса",
            [
                p["text"]
                for p in sorted(points, key=lambda p: p["priority"] or 9)
                if p["kind"] == "key_message"
            ][:3],
        ),
        ("Чего добиваемся", [p["text"] for p in points if p["kind"] == "objective"]),
        ("Риски", [p["topic"] or p["text"] for p in points if p["kind"] == "if_raised"]),
    ):
        steering.append(Paragraph(f"<b>{label}</b>", body))
        steering += [Paragraph(esc(x), point, bulletText="•") for x in lines] or [
            Paragraph("Не подготовлено.", note)
        ]
    story[0:0] = [*steering, PageBreak()]
    story += section("Цели и ключевые тезисы")
    for kind in POINT_KINDS:
        chosen = [p for p in points if p["kind"] == kind.value]
        story.append(heading(GROUPS[kind.value], 1))
        if not chosen:
            story.append(Paragraph("Не подготовлено.", note))
        for n, p in enumerate(chosen, 1):
            text = (
                (f"<b>{esc(p['topic'])}.</b> " if p["topic"] else "")
                + esc(p["text"])
                + cite(p["source_id"])
            )
            meta = [
                f"Приоритет: {p['priority']}" if p["priority"] else "",
                f"Для кого: {names[p['audience_id']]}" if p["audience_id"] in names else "",
            ]
            if any(meta):
                text += f"<br/><font size='8.5'>{esc('; '.join(m for m in meta if m))}</font>"
            if not p["releasable"]:
                text = "<b>СПРАВОЧНО — не озвучивать</b><br/>" + text
            story.append(Paragraph(text, point, bulletText=f"{n}."))

    # Interlocutors: the same choice of cards (protocol order: host side by rank, those
    # the points address first within a rank, then third parties; our side is the
    # delegation list), a table of the next ones, a count.
    everyone = db.execute(
        "SELECT id, side, rank, position FROM officials WHERE dossier_id = ? AND status = "
        "'current' ORDER BY side, name_key, name, id",
        [did],
    ).fetchall()
    rows = [r for r in everyone if r[1] != "home"]
    home = [r for r in everyone if r[1] == "home"]
    total = db.execute("SELECT count(*) FROM officials WHERE dossier_id = ?", [did]).fetchone()[0]
    addressed = list(dict.fromkeys(p["audience_id"] for p in points if p["audience_id"]))

    def precedence(r: Any) -> tuple[int, tuple[int, int], int]:
        return (
            0 if r[1] == "host" else 1,
            protocol_rank(r[2], r[3]),
            addressed.index(r[0]) if r[0] in addressed else len(addressed),
        )

    ranked = sorted(rows, key=precedence)
    carded_ids = [r[0] for r in ranked[:MAX_CARDS]]
    rest = [r[0] for r in ranked[MAX_CARDS:]]
    delegation = [r[0] for r in sorted(home, key=precedence)[:MAX_CARDS]]
    wanted = carded_ids + rest[:MAX_ROWS] + delegation
    found = (
        {
            o["id"]: o
            for o in rows_of(
                db, f"SELECT * FROM officials WHERE id IN ({','.join('?' * len(wanted))})", wanted
            )
        }
        if wanted
        else {}
    )
    story += section("Собеседники")
    if len(rows) > MAX_CARDS:
        story.append(
            Paragraph(
                f"Карточки — для {number(min(MAX_CARDS, len(rows)))} из {number(len(rows))} "
                "выбранных должностных лиц: сначала адресаты тезисов, затем принимающая сторона, "
                "наша сторона, третьи стороны. Следующие перечислены в таблице после карточек.",
                note,
            )
        )
    for oid in carded_ids:
        o = found[oid]
        name = o["name"] + (
            f" {o['patronymic']}" if o["patronymic"] and o["patronymic"] not in o["name"] else ""
        )
        name += f" ({o['name_latin']})" if o["name_latin"] else ""
        details = [
            (
                "Должность",
                ", ".join(x for x in (o["position"], o["organisation"]) if x)
                + cite(o["source_id"]),
            ),
            ("В должности с", date(o["start_date"])),
            # As the brief: a host official's side and the host country go without saying.
            ("Сторона", LABELS.get(o["side"], "") if o["side"] != "host" else ""),
            ("Страна", o["country"] if o["country"] != dossier["name"] else ""),
            ("Обращение", o["form_of_address"]),
            ("Произношение", o["pronunciation"]),
            ("Проверено", date(o["last_verified"]) or "не проверено"),
        ]
        story += [
            heading(name, 1),
            Table(
                [[Paragraph(k, small), Paragraph(esc(v), cell)] for k, v in details if v],
                colWidths=[3.6 * cm, width - 3.6 * cm],
                style=plain,
            ),
        ]
        for label, field in (("Биография", "biography"), ("Заметки", "notes")):
            if o[field]:
                story += [Paragraph(f"<b>{label}</b>", small)]
                story += [Paragraph(p, body) for p in paras(o[field])]
        story.append(Spacer(1, 0.3 * cm))
    if rest:
        story += [
            CondPageBreak(6 * cm),
            heading(f"Другие должностные лица ({len(rest[:MAX_ROWS])})", 1),
        ]
        story.append(
            table(
                ["Имя", "Должность", "В должности с", "Ист."],
                [
                    [
                        esc(found[i]["name"])
                        + (f"<br/>{esc(found[i]['name_latin'])}" if found[i]["name_latin"] else ""),
                        esc(
                            ", ".join(
                                x for x in (found[i]["position"], found[i]["organisation"]) if x
                            )
                        ),
                        date(found[i]["start_date"]),
                        cite(found[i]["source_id"]).strip(),
                    ]
                    for i in rest[:MAX_ROWS]
                ],
                [0.29, 0.43, 0.2, 0.08],
                (2, 3),
            )
        )
    if len(rest) > MAX_ROWS:
        story.append(
            Paragraph(
                f"Ещё {number(len(rest) - MAX_ROWS)} выбранных должностных лиц "
                f"в справку не включены (всего в досье {number(total)}): см. "
                "досье в приложении.",
                note,
            )
        )

    # Delegation: our side as a list; then (after projects) the glossary of names.
    story += section("Делегация")
    for i in delegation:
        post = ", ".join(x for x in (found[i]["position"], found[i]["organisation"]) if x)
        story.append(
            Paragraph(f"<b>{esc(found[i]['name'])}</b> — {esc(post)}", point, bulletText="•")
        )
    if not delegation:
        story.append(Paragraph("Не подготовлено.", note))
    glossary = sorted(
        {
            (found[i]["name"], found[i]["name_latin"] or "")
            for i in carded_ids + delegation
            if found[i]["name_latin"] and found[i]["name_latin"] != found[i]["name"]
        }
    )

    # Trade: the chart, then figures one by one or summed per year and flow.
    story += section("Торговля и экономика")
    count = db.execute("SELECT count(*) FROM trade_figures WHERE dossier_id = ?", [did]).fetchone()[
        0
    ]
    if count:
        story.append(Image(io.BytesIO(chart), width=width, height=3.4 * 72))
    if count > MAX_ROWS:
        sums = db.execute(
            "SELECT substr(period_start, 1, 4), flow, currency, total(amount * unit_scale), "
            "count(*), group_concat(DISTINCT source_id), min(period_start), max(period_end) "
            "FROM trade_figures WHERE dossier_id = ? "
            "AND amount IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, "
            "CASE flow WHEN 'turnover' THEN 0 WHEN 'export' THEN 1 ELSE 2 END, 3",
            [did],
        ).fetchall()
        story += [
            CondPageBreak(6 * cm),
            heading("Итоги по годам", 1),
            Paragraph(
                f"В досье {number(count)} торговых показателей; в таблице {number(count)} из них "
                "сложены по годам и потокам (если за год есть показатели за более длинный и более "
                "короткий период, складываются только длинные). Каждый показатель с источником — "
                "в приложении.",
                note,
            ),
        ]
        biggest = max(row[3] for row in sums)
        scale = next(
            x for x in ("1000000000", "1000000", "1000", "1") if biggest >= float(x) or x == "1"
        )
        lines = []
        for year, flow, currency, amount, n, ids, first, last in sums:
            when = (
                year
                if first[5:7] in ("", "01") and last[5:7] in ("", "12")
                else period(first, last)
            )
            cited = sorted(int(x) for x in (ids or "").split(",") if x)
            refs = sorted(int(cite(i).strip()[1:-1]) for i in cited[:3] if i in sources)
            lines.append(
                [
                    when,
                    LABELS[flow],
                    f"{number(round(amount / float(scale), 1))} "
                    f"{SCALE_WORDS.get(scale, '')} {currency}",
                    number(n),
                    f"[{', '.join(map(str, refs))}{' …' if len(cited) > 3 else ''}]",
                ]
            )
        story.append(
            table(
                ["Год", "Поток", "Сумма", "Записей", "Источники"],
                lines,
                [0.16, 0.2, 0.22, 0.14, 0.28],
                (0, 1, 2, 3, 4),
            )
        )
    elif count:
        figures = rows_of(
            db,
            "SELECT * FROM trade_figures WHERE dossier_id = ? ORDER BY "
            "period_start, period_end, flow, id",
            [did],
        )
        story += [
            CondPageBreak(6 * cm),
            heading("Показатели", 1),
            table(
                ["Период", "Поток", "Сумма", "Рост, раз", "Примечание", "Ист."],
                [
                    [
                        period(f["period_start"], f["period_end"]),
                        LABELS[f["flow"]],
                        f"{number(f['amount'])} {SCALE_WORDS.get(f['unit_scale'], '')} {f['currency']}"
                        if f["amount"] is not None
                        else "",
                        f"×{number(f['growth_factor'])}" if f["growth_factor"] else "",
                        esc(f["note"]),
                        cite(f["source_id"]).strip(),
                    ]
                    for f in figures
                ],
                [0.14, 0.16, 0.16, 0.14, 0.33, 0.07],
                (0, 1, 2, 3, 5),
            ),
        ]
    growth = rows_of(
        db,
        "SELECT * FROM trade_figures WHERE dossier_id = ? AND growth_factor "
        "IS NOT NULL ORDER BY period_start, period_end, flow, id",
        [did],
    )
    if growth:
        story.append(heading("Динамика", 1))
    for f in growth[:MAX_ROWS]:
        story.append(
            Paragraph(
                f"{LABELS[f['flow']]} ×{number(f['growth_factor'])}, "
                f"{period(f['period_start'], f['period_end'])}"
                f"{cite(f['source_id'])}",
                point,
                bulletText="•",
            )
        )

    # Projects by status.
    projects = rows_of(
        db,
        "SELECT * FROM projects WHERE dossier_id = ? ORDER BY status, fold(title), title, id",
        [did],
    )
    story += [CondPageBreak(7.5 * cm), heading("Производственная кооперация")]
    for status in PROJECT_STATUS:
        group = [p for p in projects if p["status"] == status.value]
        if not group:
            continue
        story += [CondPageBreak(6 * cm), heading(f"{status.ru} ({len(group)})", 1)]
        lines = []
        for p in group:
            title_cell = f"<b>{esc(p['title'])}</b>"
            extra = " · ".join(x for x in (LABELS.get(p["kind"]), p["sector"], p["location"]) if x)
            if extra:
                title_cell += f"<br/>{esc(extra)}"
            for text in paras(p["description"]):
                title_cell += f"<br/><font size='8'>{text}</font>"
            partners = " / ".join(x or "—" for x in (p["home_partner"], p["host_partner"]))
            lines.append(
                [
                    title_cell,
                    esc(partners),
                    f"{number(p['quantity'])} {esc(p['quantity_unit'])}"
                    if p["quantity"] is not None
                    else "",
                    f"{number(p['value'])} {p['currency'] or ''}" if p["value"] is not None else "",
                    date(p["due_date"]),
                    cite(p["source_id"]).strip(),
                ]
            )
        story.append(
            table(
                [
                    "Проект",
                    "Наш партнёр / Партнёр принимающей стороны",
                    "Количество",
                    "Стоимость",
                    "Срок",
                    "Ист.",
                ],
                lines,
                [0.35, 0.17, 0.15, 0.14, 0.12, 0.07],
            )
        )

    story += section("Глоссарий имён")
    for name, latin in glossary:
        story.append(Paragraph(f"<b>{esc(name)}</b> — {esc(latin)}", point, bulletText="•"))

    # Sources: the cited ones by number, then up to 200 more.
    story += section("Источники")
    uncited = [i for i in sources if i not in numbers]
    for i in uncited if len(uncited) <= MAX_ROWS else []:
        cite(i)
    for source_id, n in sorted(numbers.items(), key=lambda pair: pair[1]):
        s = sources[source_id]
        parts = [
            f"<b>{esc(s['title'])}</b>",
            esc(", ".join(x for x in (s["publisher"], date(s["published_on"])) if x)),
            esc(LABELS.get(s["kind"], "")),
            esc(s["url"]),
        ]
        story.append(Paragraph(". ".join(p for p in parts if p) + ".", source, bulletText=f"[{n}]"))
    if len(uncited) > MAX_ROWS:
        story.append(
            Paragraph(
                f"Другие источники досье ({number(len(uncited))}) в справке не "
                "цитируются и не приведены: см. досье в приложении.",
                note,
            )
        )

    def furniture(canvas: Any, doc: Any) -> None:
        w, h = A4
        canvas.saveState()
        canvas.setFont(bold, 10)
        canvas.drawCentredString(w / 2, h - 1.05 * cm, marking)
        canvas.drawCentredString(w / 2, 0.85 * cm, marking)
        canvas.line(2 * cm, h - 1.6 * cm, w - 2 * cm, h - 1.6 * cm)
        canvas.line(2 * cm, 1.55 * cm, w - 2 * cm, 1.55 * cm)
        canvas.setFont(reg, 8)
        canvas.drawString(2 * cm, h - 1.45 * cm, title)
        canvas.drawString(2 * cm, 1.2 * cm, f"Стр. {doc.page}")
        canvas.drawRightString(w - 2 * cm, 1.2 * cm, "Сформировано " + day(today))
        canvas.restoreState()

    out = io.BytesIO()
    SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2.4 * cm,
        bottomMargin=2.3 * cm,
        initialFontName=reg,
        invariant=1,
    ).build(
        [*cover, *contents(entries, h1, toc, toc2), PageBreak(), *story],
        onFirstPage=furniture,
        onLaterPages=furniture,
    )
    return out.getvalue()


def contents(entries: list[tuple[str, int]], h1: Any, toc: Any, toc2: Any) -> list[Any]:
    """The contents as the brief lists it: a section of more than 12 sub-headings (the
    thirty cards) by its own line only."""
    from reportlab.platypus import Paragraph

    out: list[Any] = [Paragraph("Содержание", h1)]
    children: list[str] = []
    for text, level in [*entries, ("", -1)]:
        if level <= 0:
            if len(children) <= 12:
                out += [Paragraph(esc(c), toc2) for c in children]
            children = []
            if level == 0:
                out.append(Paragraph(esc(text), toc))
        else:
            children.append(text)
    return out
