"""A brief reads a stored dossier: one never added to the store is refused with a
clear message rather than printed empty (issue 15, item 9: the id is typed int)."""

from __future__ import annotations

import pytest

from dossier.brief import BriefOptions
from dossier.brief.build import build_pdf
from dossier.model import Dossier
from dossier.store import memory_store


def test_a_dossier_not_in_the_store_is_refused() -> None:
    store = memory_store()
    with pytest.raises(ValueError, match="stored dossier"):
        build_pdf(store, Dossier(name="Azerbaijan", code="AZ"), BriefOptions())
    assert store.dossiers.list() == []
