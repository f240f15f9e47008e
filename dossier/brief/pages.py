"""Page furniture and the document template: marking, title, "page X of Y", outline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table

from dossier.brief.fonts import BOLD, REGULAR
from dossier.brief.styles import INK, MARKING, MUTED, RULE
from dossier.progress import Progress, report

PAGE_SIZES = {"A4": A4, "Letter": LETTER}
TOTAL_FORM = "pageTotal"
TOC_CALLBACK = "tocEntry"
MARGIN_X = 2.0 * cm
MARGIN_TOP = 2.4 * cm
MARGIN_BOTTOM = 2.3 * cm


@dataclass(frozen=True)
class Furniture:
    """What every page shows around the text."""

    marking: str
    title: str
    page_word: str  # "Page" / "Стр."
    of_word: str  # "of" / "из"
    generated: str  # "Generated 25 November 2026"


class BriefCanvas(Canvas):
    """A canvas whose page total is a form filled in when the document is saved.

    Pages reference the form before it exists; PDF allows that, and it keeps every
    page's bookmarks and links where they are (a deferred-showPage canvas breaks them).
    """

    def __init__(
        self, *args: Any, heading_pages: dict[str, tuple[int, int]] | None = None, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        # key -> (page, level) for every heading drawn; the contents' numbers.
        self.heading_pages = heading_pages if heading_pages is not None else {}
        self.page_refs: set[str] = set()
        self.setNamedCB(TOC_CALLBACK, self.toc_entry)

    def toc_entry(self, canv: Canvas, _kind: str, label: str) -> None:
        """Dots from the end of a contents line to its page number at the right edge."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        key, level, width_text = label.split("|")
        width = float(width_text)
        size = toc_size(int(level))
        x, y = self._curr_tx_info["cur_x"], self._curr_tx_info["cur_y"]
        dot = " ."
        count = int((width - 1.0 * cm - x) / stringWidth(dot, REGULAR, size))
        self.saveState()
        self.setFillColor(colors.HexColor(RULE))
        if count > 0:
            self.setFont(REGULAR, size)
            self.drawRightString(width - 0.9 * cm, y, dot * count)
        self.translate(width, y)
        self.doForm(page_form(key))
        self.restoreState()

    def doForm(self, name: str) -> None:
        self.page_refs.add(name)
        super().doForm(name)

    def save(self) -> None:
        total = self.getPageNumber() - 1
        self._form(TOTAL_FORM, str(total), 8, align_right=False)
        forms = {page_form(key): value for key, value in self.heading_pages.items()}
        for name in sorted(self.page_refs - {TOTAL_FORM}):
            page, level = forms.get(name, (0, 0))
            self._form(name, str(page) if page else "", toc_size(level), align_right=True)
        super().save()

    def _form(self, name: str, text: str, size: float, *, align_right: bool) -> None:
        # The bounding box reaches left of the origin for right-aligned numbers.
        self.beginForm(name, -80, -4, 80, size + 4)
        self.setFont(REGULAR, size)
        self.setFillColor(colors.HexColor(MUTED if not align_right else INK))
        if align_right:
            self.drawRightString(0, 0, text)
        else:
            self.drawString(0, 0, text)
        self.endForm()


def draw_furniture(canv: Canvas, doc: BaseDocTemplate, furniture: Furniture) -> None:
    width, height = doc.pagesize
    canv.saveState()
    marking_colour = colors.HexColor(MARKING)
    muted = colors.HexColor(MUTED)
    if furniture.marking:
        canv.setFont(BOLD, 10)
        canv.setFillColor(marking_colour)
        canv.drawCentredString(width / 2, height - 1.05 * cm, furniture.marking)
        canv.drawCentredString(width / 2, 0.85 * cm, furniture.marking)
    canv.setStrokeColor(colors.HexColor(RULE))
    canv.setLineWidth(0.5)
    canv.line(MARGIN_X, height - 1.6 * cm, width - MARGIN_X, height - 1.6 * cm)
    canv.line(MARGIN_X, 1.55 * cm, width - MARGIN_X, 1.55 * cm)
    canv.setFont(REGULAR, 8)
    canv.setFillColor(muted)
    title = _fit(furniture.title, width - 2 * MARGIN_X, 8)
    canv.drawString(MARGIN_X, height - 1.45 * cm, title)
    # "Page 3 of " then the total, which is a form written when the document is saved.
    label = f"{furniture.page_word} {doc.page} {furniture.of_word} "
    canv.drawString(MARGIN_X, 1.2 * cm, label)
    canv.saveState()
    canv.translate(MARGIN_X + canv.stringWidth(label, REGULAR, 8), 1.2 * cm)
    canv.doForm(TOTAL_FORM)
    canv.restoreState()
    canv.drawRightString(width - MARGIN_X, 1.2 * cm, furniture.generated)
    canv.restoreState()


def _fit(text: str, width: float, size: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, REGULAR, size) <= width:
        return text
    while text and stringWidth(text + "…", REGULAR, size) > width:
        text = text[:-1]
    return text + "…"


class Heading(Paragraph):
    """A section heading: listed in the contents and in the PDF outline."""

    def __init__(
        self,
        markup: str,
        plain: str,
        style: Any,
        level: int,
        key: str,
        registry: list[Heading] | None = None,
    ):
        super().__init__(markup, style)
        self.markup = markup
        self.plain = plain
        self.level = level
        self.key = key
        if registry is not None:
            registry.append(self)

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        # A heading moves to the next page whole (Paragraph.split would rebuild it
        # without its key).
        return []


def page_form(key: str) -> str:
    return f"tocPage_{key}"


def toc_size(level: int) -> float:
    # The font sizes of the contents' two levels (styles.toc_levels).
    return 11 if level == 0 else 9.5


# A section with more sub-headings than this (thirty interlocutor cards) lists only its
# own line in the contents: thirty names overflow the contents' page and tell a reader
# nothing the section's first page does not. The bookmarks still list every one.
MAX_SUBENTRIES = 12


def _listed(headings: list[Heading]) -> list[Heading]:
    """The headings the contents lists: each section, and its sub-headings unless many."""
    listed: list[Heading] = []
    children: list[Heading] = []
    for h in [*headings, None]:
        if h is None or h.level == 0:
            if len(children) <= MAX_SUBENTRIES:
                listed += children
            children = []
            if h is not None:
                listed.append(h)
        else:
            children.append(h)
    return listed


class Contents(Flowable):
    """The table of contents, laid out in one pass.

    Its lines are known before the build (every Heading registers itself when the
    story is made); only the page numbers are not, and those are forms drawn when
    the document is saved. So no second pass: reportlab's TableOfContents needs two
    or three.
    """

    def __init__(self, headings: list[Heading], level_styles: list[Any]):
        super().__init__()
        self.headings = headings
        self.level_styles = level_styles
        self._table: Table | None = None

    def _make(self, avail_width: float) -> Table:
        if self._table is None:
            rows = []
            for h in _listed(self.headings):
                style = self.level_styles[min(h.level, len(self.level_styles) - 1)]
                # The entry ends with a callback that draws the dot leader and the page
                # number where the text ends (see BriefCanvas.toc_entry).
                label = f"{h.key}|{h.level}|{avail_width - style.rightIndent:.2f}"
                text = (
                    f'<a href="#{h.key}">{h.markup}</a>'
                    f'<onDraw name="{TOC_CALLBACK}" label="{label}"/>'
                )
                rows.append([Paragraph(text, style)])
            self._table = Table(
                rows or [[""]],
                colWidths=[avail_width],
                style=[
                    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ],
            )
        return self._table

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self._make(avail_width).wrap(avail_width, avail_height)

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        return self._make(avail_width).split(avail_width, avail_height)

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        assert self._table is not None
        self._table.drawOn(canvas, x, y, _sW)


def xmp_metadata(title: str, author: str, lang: str, day: dt.date) -> Any:
    """The XMP packet (title, author, language, date): what archives and screen readers
    read, where the Info dictionary alone is legacy. Fixed content for fixed input."""
    from xml.sax.saxutils import escape

    from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFStream

    creator = f"<dc:creator><rdf:Seq><rdf:li>{escape(author)}</rdf:li></rdf:Seq></dc:creator>"
    xml = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li>'
        "</rdf:Alt></dc:title>"
        f"{creator if author else ''}"
        f"<dc:language><rdf:Bag><rdf:li>{escape(lang)}</rdf:li></rdf:Bag></dc:language>"
        "<dc:format>application/pdf</dc:format>"
        f"<xmp:CreateDate>{day.isoformat()}</xmp:CreateDate>"
        "<xmp:CreatorTool>Dossier</xmp:CreatorTool>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="r"?>'
    )
    stream = PDFStream(
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        xml.encode("utf-8"),
    )
    stream.filters = []  # XMP stays readable to tools that do not inflate streams
    return stream


class BriefDocument(BaseDocTemplate):
    def __init__(
        self,
        target: Any,
        *,
        paper: str,
        furniture: Furniture,
        title: str,
        subject: str,
        author: str,
        keywords: list[str],
        lang: str,
        created: dt.date,
    ):
        self.furniture = furniture
        self.created = created
        self.heading_pages: dict[str, tuple[int, int]] = {}
        self._progress: Progress | None = None
        self._parts = self._laid_out = 0
        super().__init__(
            target,
            pagesize=PAGE_SIZES[paper],
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            subject=subject,
            author=author,
            creator="Dossier",
            keywords=keywords,
            invariant=1,
            initialFontName=REGULAR,
            initialFontSize=10,
            lang=lang,
            displayDocTitle=1,
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[frame], onPage=self._decorate),
                PageTemplate(id="body", frames=[frame], onPage=self._decorate),
            ]
        )

    def _decorate(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        draw_furniture(canv, doc, self.furniture)

    def _makeCanvas(self, filename: Any = None, canvasmaker: Any = Canvas) -> Canvas:
        canv = super()._makeCanvas(filename=filename, canvasmaker=canvasmaker)
        # Invariant mode dates every file 2000-01-01; the brief's own day is truer and
        # still the same for two builds on that day.
        day = self.created
        canv.setDateFormatter(lambda *_: f"D:{day:%Y%m%d}000000+00'00'")
        # A brief is read by its headings: the viewer opens with the bookmarks shown.
        canv.showOutline()
        canv._doc.Catalog.Metadata = xmp_metadata(self.title, self.author, self.lang, day)
        return canv

    def afterFlowable(self, flowable: Any) -> None:
        if self._progress is not None:
            # After each part is placed (a split table counts once per page): report,
            # and stop between parts (Cancelled, from report) when the user asks.
            self._laid_out += 1
            report(self._progress, min(self._laid_out, self._parts), self._parts)
        if isinstance(flowable, Heading):
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(
                flowable.plain, flowable.key, flowable.level, closed=flowable.level > 0
            )
            self.heading_pages[flowable.key] = (self.page, flowable.level)

    def build_brief(self, story: list[Any], progress: Progress | None = None) -> None:
        def canvasmaker(*args: Any, **kwargs: Any) -> BriefCanvas:
            return BriefCanvas(*args, heading_pages=self.heading_pages, **kwargs)

        self._progress, self._parts, self._laid_out = progress, len(story), 0
        self.build(story, canvasmaker=canvasmaker)
