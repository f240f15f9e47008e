"""Paragraph and table styles of the brief: one sober face, clear hierarchy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dossier.brief.fonts import BOLD, ITALIC, REGULAR

INK = "#1a1a1a"
MUTED = "#5a5a5a"
ACCENT = "#1f3b73"
MARKING = "#a01515"
RULE = "#9aa5b8"
HEADER_FILL = "#e8ecf3"
CELL_SIZE = 8.5  # the `cell` style's font size, also for plain-string table cells
CELL_PADDING = 8  # left + right padding of a table_style cell


@dataclass
class Styles:
    body: Any
    small: Any
    note: Any
    cell: Any
    cell_head: Any
    h1: Any
    h2: Any
    h3: Any
    cover_title: Any
    cover_sub: Any
    cover_line: Any
    cover_marking: Any
    point: Any
    point_background: Any
    toc_levels: list[Any]
    card_label: Any  # an interlocutor card's field names,
    card_value: Any  # its values: read in a car, so no smaller than 9 pt
    card_text: Any  # biography and notes, no larger than the values


def make_styles() -> Styles:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm

    ink = colors.HexColor(INK)
    # Every style names a DejaVu face for text and bullets: reportlab's defaults are
    # Helvetica/Times, which would put a base-14 font into the file.
    base = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=10,
        leading=13.5,
        textColor=ink,
        spaceAfter=5,
        bulletFontName=REGULAR,
        bulletFontSize=10,
        splitLongWords=1,
        allowOrphans=0,
        allowWidows=0,
    )

    def style(name: str, **kw: Any) -> Any:
        return ParagraphStyle(name, parent=base, **kw)

    heading = {"fontName": BOLD, "textColor": colors.HexColor(ACCENT), "keepWithNext": 1}
    return Styles(
        body=base,
        small=style("small", fontSize=8.5, leading=11, textColor=colors.HexColor(MUTED)),
        note=style(
            "note", fontName=ITALIC, fontSize=9, leading=12, textColor=colors.HexColor(MUTED)
        ),
        cell=style("cell", fontSize=8.5, leading=10.5, spaceAfter=0),
        cell_head=style("cell_head", fontName=BOLD, fontSize=8.5, leading=10.5, spaceAfter=0),
        h1=style("h1", fontSize=15, leading=19, spaceBefore=4, spaceAfter=8, **heading),
        h2=style("h2", fontSize=12, leading=15, spaceBefore=10, spaceAfter=5, **heading),
        h3=style("h3", fontSize=10.5, leading=13, spaceBefore=8, spaceAfter=4, **heading),
        cover_title=style(
            "cover_title",
            fontName=BOLD,
            fontSize=22,
            leading=28,
            alignment=TA_CENTER,
            spaceAfter=10,
        ),
        cover_sub=style(
            "cover_sub",
            fontSize=14,
            leading=18,
            alignment=TA_CENTER,
            textColor=colors.HexColor(ACCENT),
            spaceAfter=6,
        ),
        cover_line=style("cover_line", fontSize=11, leading=15, alignment=TA_CENTER, spaceAfter=2),
        cover_marking=style(
            "cover_marking",
            fontName=BOLD,
            fontSize=14,
            leading=18,
            alignment=TA_CENTER,
            textColor=colors.HexColor(MARKING),
        ),
        point=style("point", leftIndent=0.5 * cm, bulletIndent=0, spaceAfter=6),
        point_background=style(
            "point_background",
            leftIndent=0.5 * cm,
            bulletIndent=0,
            spaceAfter=6,
            textColor=colors.HexColor(MUTED),
        ),
        card_label=style("card_label", fontSize=9, leading=12, textColor=colors.HexColor(MUTED)),
        card_value=style("card_value", fontSize=10, leading=12.5, spaceAfter=0),
        card_text=style("card_text", fontSize=9.5, leading=12.5),
        toc_levels=[
            style("toc1", fontSize=11, leading=16, leftIndent=0, firstLineIndent=0),
            style(
                "toc2",
                fontSize=9.5,
                leading=13,
                leftIndent=0.8 * cm,
                firstLineIndent=0,
                textColor=colors.HexColor(MUTED),
            ),
        ],
    )


def table_style(header_rows: int = 1) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(RULE)),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING / 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING / 2),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        # Short cells (years, amounts, [n]) are plain strings, set like the `cell`
        # paragraphs: a Paragraph per number was most of the time of a long table.
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), 10.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), colors.HexColor(INK)),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor(HEADER_FILL)),
            (
                "LINEBELOW",
                (0, header_rows - 1),
                (-1, header_rows - 1),
                0.8,
                colors.HexColor(ACCENT),
            ),
            ("FONTNAME", (0, 0), (-1, header_rows - 1), BOLD),
        ]
    return TableStyle(commands)


def plain_style(*commands: tuple[Any, ...]) -> Any:
    """A TableStyle for layout tables. It names the font because a Table sets its cell
    font (Helvetica by default) even when every cell is a Paragraph."""
    from reportlab.platypus import TableStyle

    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])
