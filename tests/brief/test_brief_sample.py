"""End to end: the sample brief, read back the way a reader (or a checker) would."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from dossier.brief.options import section_title
from dossier.model import POINT_KINDS

BASE14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


def test_every_sample_fact_is_in_the_russian_brief(sample_briefs, sample_store, pdf) -> None:
    text = pdf.text(sample_briefs())
    dossier = sample_store.dossiers.list()[0]
    for o in sample_store.officials.list(dossier.id):
        assert o.name in text
        assert o.name_latin in text  # the card, or the glossary for the delegation
    assert "Господин Президент" in text  # the host's card
    assert "223,3 млн долл. США" in text
    assert "216 млн долл. США" in text
    assert "Товарооборот ×6, 2006–2012" in text
    assert "Экспорт ×1,6" in text
    for p in sample_store.projects.list(dossier.id):
        assert p.title in text
    assert "80 экскаваторов" in text
    assert "Амкодор" in text
    for point in sample_store.talking_points.list(dossier.id):
        assert point.text.rstrip(".") + " [1]." in text  # the source cited inside the sentence
    assert "223,3 млн долларов" in text  # the scene-setter
    assert "Азербайджан" in text


def test_english_brief_has_english_headings_and_numbers(sample_briefs, pdf) -> None:
    text = pdf.text(sample_briefs(lang="en"))
    for section in ("background", "objectives", "interlocutors", "trade", "projects", "sources"):
        assert section_title(section, "en") in text
    assert "USD 223.3 million" in text
    assert "Turnover ×6, 2006–2012" in text
    assert "Form of address" in text  # a label taken from the Official spec
    assert re.search(r"Page 1 of \d+ ", text)


def test_marking_and_page_x_of_y_on_every_page(sample_briefs, pdf) -> None:
    pages = pdf.pages(sample_briefs())
    assert len(pages) >= 5
    for number, page in enumerate(pages, 1):
        assert page.count("ДСП") >= 2, f"page {number} lacks the marking top and bottom"
        assert f"Стр. {number} из {len(pages)}" in page
        assert "Официальный визит в Баку" in page


def test_marking_can_be_overridden(sample_briefs, pdf) -> None:
    pages = pdf.pages(sample_briefs(classification="RESTRICTED", paper="Letter"))
    assert all(page.count("RESTRICTED") >= 2 for page in pages)
    assert not any("ДСП" in page for page in pages[1:])


def test_contents_page_numbers_point_at_the_headings(sample_briefs, pdf) -> None:
    data = sample_briefs()
    pages = pdf.pages(data)
    reader = PdfReader(io.BytesIO(data))
    # Each contents line reads back as its dot leader, its page number (a form filled
    # in when the file is saved), then its title.
    toc = reader.pages[1].extract_text()
    entries = [(title, page) for page, title in re.findall(r"\.\s*\n(\d+)\n([^\n]+)", toc)]
    titles = {title.strip(): int(page) for title, page in entries}
    # 13 sections and 9 sub-headings (the trade summary one, the glossary's people and
    # organisations two)
    assert len(titles) == 22
    for section in ("steering", "programme", "interlocutors", "trade", "projects", "sources"):
        title = section_title(section, "ru")
        assert title in titles, f"{title} missing from the contents"
    assert "Ильхам Алиев (Ilham Aliyev)" in titles
    for title, page in titles.items():
        assert title in pages[page - 1], f"{title!r} is not on page {page}"
    # The outline (bookmarks) has the same sections.
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline[:3] == [section_title(s, "ru") for s in ("steering", "programme", "objectives")]


def test_sources_are_numbered_and_cited(sample_briefs, pdf) -> None:
    pages = pdf.pages(sample_briefs())
    body = " ".join(pages[2:-1])
    assert body.count("[1]") >= 10  # officials, trade rows, projects, points cite it
    assert "[1] Президент Белоруссии Александр Лукашенко" in pages[-1]
    assert "ИТАР-ТАСС" in pages[-1]


def test_talking_points_come_by_kind_with_background_marked(sample_briefs, pdf) -> None:
    text = pdf.text(sample_briefs())
    headings = ["Цели", "Ключевые тезисы и позиция", "Справочные тезисы"]
    positions = [text.index(h + " 1.") for h in headings]
    assert positions == sorted(positions)
    assert "СПРАВОЧНО — не озвучивать" in text
    assert {k.value for k in POINT_KINDS} >= {"objective", "key_message", "background"}


def test_releasable_version_leaves_background_points_out(sample_briefs, sample_store, pdf) -> None:
    text = pdf.text(sample_briefs(include_background=False))
    dossier = sample_store.dossiers.list()[0]
    for point in sample_store.talking_points.list(dossier.id):
        if point.releasable:
            assert point.text in text
        else:
            assert point.text not in text
    assert "СПРАВОЧНО — не озвучивать" not in text
    assert "Версия для передачи" in text


def test_chosen_officials_and_sections_only(sample_briefs, sample_store, pdf) -> None:
    dossier = sample_store.dossiers.list()[0]
    aliyev = next(o for o in sample_store.officials.list(dossier.id) if "Алиев" in o.name)
    text = pdf.text(sample_briefs(official_ids=(aliyev.id,), sections=("interlocutors", "sources")))
    assert "Ilham Aliyev" in text
    assert "Alexander Lukashenko" not in text
    assert section_title("trade", "ru") not in text
    assert "[1] Президент Белоруссии" in text


def test_two_builds_are_byte_identical(sample_briefs, sample_store, brief_day) -> None:
    from dossier.brief import BriefOptions, build_brief

    dossier = sample_store.dossiers.list()[0]
    options = BriefOptions(generated_on=brief_day, title="Официальный визит в Баку", place="Баку")
    assert build_brief(sample_store, dossier, options) == sample_briefs()


def test_metadata_and_paper_size(sample_briefs) -> None:
    a4 = PdfReader(io.BytesIO(sample_briefs()))
    assert a4.metadata.title == "Официальный визит в Баку"
    assert "Азербайджан" in a4.metadata.subject
    assert a4.metadata["/CreationDate"].startswith("D:20261125")
    box = a4.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    letter = PdfReader(io.BytesIO(sample_briefs(classification="RESTRICTED", paper="Letter")))
    box = letter.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def _fonts(data: bytes) -> dict[str, bool]:
    """Every font the file uses (pages and forms): name -> embedded."""
    reader = PdfReader(io.BytesIO(data))
    found: dict[str, bool] = {}

    def walk(resources: Any) -> None:  # a pypdf dictionary
        if not resources:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = bool(descriptor) and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
        for xobject in (resources.get("/XObject") or {}).values():
            walk(xobject.get_object().get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return found


def test_only_embedded_dejavu_fonts(sample_briefs) -> None:
    for data in (sample_briefs(), sample_briefs(lang="en")):
        fonts = _fonts(data)
        assert fonts
        assert all(fonts.values()), fonts
        assert all("DejaVuSans" in name for name in fonts), fonts
        assert not any(b in name for name in fonts for b in BASE14)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler's pdffonts not installed")
def test_pdffonts_lists_only_embedded_fonts(sample_briefs) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "brief.pdf"
        path.write_bytes(sample_briefs(include_background=False))
        out = subprocess.run(
            ["pdffonts", str(path)], capture_output=True, text=True, check=True
        ).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        assert "DejaVuSans" in row
        assert row.split()[-5] == "yes", row  # the "emb" column
