"""An interlocutor's card shows the birth date and gender an officials list gave
(issue 22, item 6)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re

from pypdf import PdfReader

from dossier.brief import BriefOptions, build_brief
from dossier.store import Store


def pdf_text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))


def test_card_shows_birth_date_and_gender(sample_store: Store) -> None:
    dossier = sample_store.dossiers.list()[0]
    aliyev = next(o for o in sample_store.officials.list(dossier.id) if o.name == "Ильхам Алиев")
    sample_store.officials.update(
        dataclasses.replace(aliyev, birth_date="1961-12-24", gender="male")
    )
    text = pdf_text(
        build_brief(
            sample_store, dossier, BriefOptions(generated_on=dt.date(2026, 11, 25), lang="en")
        )
    )
    card = text[text.index("Ilham Aliyev") :]
    assert "Date of birth" in card
    assert "Gender Male" in card
    # Dated like the card's other dates, not as stored.
    assert "Date of birth 24 December 1961" in card
