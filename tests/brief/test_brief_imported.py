"""Issue 18: a brief after importing an officials list reads as a brief, not as the
file: careers in the brief's language and dates, no import ids, a contents page that
fits, the sample's retrieval date not after the brief's."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PdfReader

from dossier.brief import BriefOptions, build_brief
from dossier.ingest.officials_import import (
    guess_officials_mapping,
    plan_officials,
    store_officials,
)
from dossier.ingest.tables import read_table, records_of
from dossier.store.sample import load_sample

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"


def _imported(store, path: Path):
    dossier = load_sample(store)
    records = records_of(read_table(path))
    mapping = guess_officials_mapping(records.header)
    store_officials(store, plan_officials(store, dossier, records, mapping))
    return dossier


def test_imported_careers_print_as_a_reader_wants_them(store, brief_day, pdf) -> None:
    d = _imported(store, FIXTURES / "azerbaijan_holders_excerpt.csv")
    options = BriefOptions(generated_on=brief_day, sections=("interlocutors",), since=None)
    english = pdf.text(build_brief(store, d, options.replace(lang="en")))
    russian = pdf.text(build_brief(store, d, options))
    # Ilham Aliyev's two posts, the newest first, dates as each language writes them.
    assert "Posts held President: since 31 October 2003" in english
    assert "Должности President: с 31 октября 2003 г." in russian
    for text in (english, russian):
        assert "Posts held (imported)" not in text
        assert "Wikidata" not in text
        assert "Q57371" not in text
        assert "2003-10-31" not in text
    # A single post the card already gives is not repeated under it.
    aliyeva = english[english.index("Mehriban Aliyeva") :]
    assert "Posts held" not in aliyeva


def test_many_cards_keep_the_contents_to_its_page(store, brief_day, shared_data) -> None:
    d = _imported(store, shared_data / "officials" / "azerbaijan_officeholders_holders21.csv")
    data = build_brief(store, d, BriefOptions(generated_on=brief_day, since=None))
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
    contents = pages[1]
    assert "Содержание" in contents
    assert "Источники" in contents
    assert "Ali Asadov" not in contents  # thirty cards are in the bookmarks, not listed
    nested = [i for i in PdfReader(io.BytesIO(data)).outline if isinstance(i, list)]
    assert "Ali Asadov" in [i.title for group in nested for i in group]  # still bookmarked
    # The note saying which cards follow is on the page of the first card.
    note = next(n for n, p in enumerate(pages) if "в порядке протокольного" in p)
    assert "Ильхам Алиев" in pages[note]


def test_the_samples_retrieval_date_is_not_after_the_brief(sample_briefs, pdf) -> None:
    text = pdf.text(sample_briefs())
    retrieved = re.search(r"Дата получения: (\d+) (\w+) (\d{4})", text)
    assert retrieved is not None
    assert retrieved.groups() == ("25", "ноября", "2013")  # when the report was taken in
