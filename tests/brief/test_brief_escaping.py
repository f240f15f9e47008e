"""User text reaches the PDF literally: no markup, no images pulled from the disk."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from dossier.brief import BriefOptions, build_brief
from dossier.brief.text import esc, paragraphs
from dossier.model import DOSSIER, OFFICIAL, PROJECT, SOURCE, TALKING_POINT, TRADE

EVIL = [
    '<img src="/etc/passwd"/>',
    "<b>bold",
    "a & b",
    "</para>",
    "x < y > z",
    "&amp;",
    "<font size=40>",
    "<a href='file:///etc'>link</a>",
]


def _evil(i: int) -> str:
    return f"{EVIL[i % len(EVIL)]} N{i}"


@pytest.fixture
def evil_store(store, tmp_path):
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"not an image")
    counter = iter(range(1000))
    d = store.dossiers.add(
        DOSSIER.make(
            {
                "code": "ZZ",
                "name": _evil(next(counter)),
                "summary": _evil(next(counter)),
                "classification": _evil(next(counter)),
            }
        )
    )
    src = store.sources.add(
        SOURCE.make(
            {
                "kind": "article",
                "title": _evil(next(counter)),
                "publisher": _evil(next(counter)),
                "url": _evil(next(counter)),
            },
            dossier_id=d.id,
        )
    )
    store.officials.add(
        OFFICIAL.make(
            {
                "name": _evil(next(counter)),
                "name_latin": _evil(next(counter)),
                "position": _evil(next(counter)),
                "organisation": _evil(next(counter)),
                "form_of_address": _evil(next(counter)),
                "biography": _evil(next(counter)),
                "notes": _evil(next(counter)),
                "pronunciation": _evil(next(counter)),
                "country": _evil(next(counter)),
                "source_id": src.id,
                "photo": b"<img src=/etc/passwd>",
                "side": "host",
                "status": "current",
            },
            dossier_id=d.id,
        )
    )
    store.projects.add(
        PROJECT.make(
            {
                "title": _evil(next(counter)),
                "sector": _evil(next(counter)),
                "home_partner": _evil(next(counter)),
                "host_partner": _evil(next(counter)),
                "quantity_unit": _evil(next(counter)),
                "quantity": 3,
                "description": _evil(next(counter)),
                "location": _evil(next(counter)),
                "kind": "supply",
                "status": "agreed",
                "source_id": src.id,
            },
            dossier_id=d.id,
        )
    )
    store.talking_points.add(
        TALKING_POINT.make(
            {
                "topic": _evil(next(counter)),
                "text": _evil(next(counter)),
                "status": "approved",
                "releasable": False,
                "kind": "if_raised",
            },
            dossier_id=d.id,
        )
    )
    store.trade.add(
        TRADE.make(
            {
                "period_start": "2012",
                "period_end": "2012",
                "amount": 5,
                "flow": "export",
                "currency": "USD",
                "unit_scale": "1000000",
                "note": _evil(next(counter)),
            },
            dossier_id=d.id,
        )
    )
    return store, d, next(counter)


def _images(data: bytes) -> int:
    count = 0
    for page in PdfReader(io.BytesIO(data)).pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        count += sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")
    return count


def test_markup_in_every_field_prints_literally(evil_store, pdf, brief_day) -> None:
    store, dossier, used = evil_store
    options = BriefOptions(
        title=_evil(100),
        place=_evil(101),
        dates=_evil(102),
        prepared_for=_evil(103),
        prepared_by=_evil(104),
        generated_on=brief_day,
    )
    data = build_brief(store, dossier, options)
    text = pdf.text(data)
    for i in [*range(used), 100, 101, 102, 103, 104]:
        assert _evil(i) in text, f"field #{i} ({_evil(i)!r}) did not print literally"
    assert _images(data) == 1  # the trade chart; the bogus photo and <img> embed nothing


def test_markup_prints_literally_in_english_too(evil_store, pdf, brief_day) -> None:
    store, dossier, _ = evil_store
    data = build_brief(
        store,
        dossier,
        BriefOptions(lang="en", generated_on=brief_day, sections=("points", "projects")),
    )
    text = pdf.text(data)
    point = store.talking_points.list(dossier.id)[0]
    project = store.projects.list(dossier.id)[0]
    for value in (
        point.topic,
        point.text,
        project.title,
        project.home_partner,
        project.description,
    ):
        assert value in text
    assert "BACKGROUND ONLY" in text


def test_a_real_photo_is_on_the_card(store, pdf, brief_day) -> None:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (60, 80), "#336699").save(buf, format="PNG")
    d = store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан"}))
    store.officials.add(
        OFFICIAL.make(
            {"name": "Əli Həsənov", "side": "host", "status": "current", "photo": buf.getvalue()},
            dossier_id=d.id,
        )
    )
    data = build_brief(store, d, BriefOptions(generated_on=brief_day, sections=("interlocutors",)))
    assert _images(data) == 1
    assert "Əli Həsənov" in pdf.text(data)  # Azerbaijani Latin letters survive


def test_esc_turns_markup_into_text() -> None:
    assert esc("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"
    assert esc("line\nnext") == "line<br/>next"
    assert esc("bell\x07") == "bell"
    assert esc(None) == ""
    assert paragraphs("one\n\n  \ntwo <i>") == ["one", "two &lt;i&gt;"]
