"""Briefs of the sample dossier, built once per test session and read back as text."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Iterator

import pytest
from pypdf import PdfReader

from dossier.brief import BriefOptions, build_brief
from dossier.store import Store, memory_store
from dossier.store.sample import load_sample

DAY = dt.date(2026, 11, 25)


def pdf_pages(data: bytes) -> list[str]:
    """Each page's text with whitespace runs collapsed to one space."""
    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]


def pdf_text(data: bytes) -> str:
    return " ".join(pdf_pages(data))


class SampleBriefs:
    """Builds a sample brief per distinct set of options, once."""

    def __init__(self, store: Store):
        self.store = store
        self.dossier = store.dossiers.list()[0]
        self._built: dict[BriefOptions, bytes] = {}

    def __call__(self, **changes: object) -> bytes:
        options = BriefOptions(
            generated_on=DAY, title="Официальный визит в Баку", place="Баку", **changes
        )
        if options not in self._built:
            self._built[options] = build_brief(self.store, self.dossier, options)
        return self._built[options]


@pytest.fixture(scope="session")
def sample_briefs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., bytes]]:
    # Session-wide, so it sets its own matplotlib cache folder rather than the per-test one.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MPLCONFIGDIR", str(tmp_path_factory.mktemp("mpl")))
        store = memory_store()
        load_sample(store)
        yield SampleBriefs(store)
        store.close()


class PdfText:
    """Reading a PDF back: `pdf.pages(data)` per page, `pdf.text(data)` all at once."""

    pages = staticmethod(pdf_pages)
    text = staticmethod(pdf_text)


@pytest.fixture
def pdf() -> PdfText:
    return PdfText()


@pytest.fixture
def brief_day() -> dt.date:
    return DAY
