"""Accepting candidates: one transaction, one cited source, no duplicates."""

from __future__ import annotations

import pytest
from capture_scoring import captured

from dossier.ingest.capture.accept import accept, match_capture
from dossier.ingest.capture.pipeline import capture
from dossier.ingest.capture.types import Capture
from dossier.model import DOSSIER, Official
from dossier.paths import resource
from dossier.store import Store


@pytest.fixture(scope="module")
def baku() -> Capture:
    return captured(resource("samples", "article_baku_visit_ru.txt"), "2013-11")


def _dossier(store: Store) -> int:
    return store.dossiers.add(
        DOSSIER.make({"code": "AZ", "name": "Азербайджан", "home_country": "Беларусь"})
    ).id


def test_capturing_the_sample_article_into_the_sample_adds_no_duplicates(
    sample_store: Store, baku: Capture
) -> None:
    dossier = sample_store.find_dossier("AZ")
    before = {o.id for o in sample_store.officials.list(dossier.id)}
    match_capture(sample_store, dossier.id, baku)
    assert all(o.existing in before for o in baku.officials)
    result = accept(sample_store, dossier.id, baku)
    assert {o.id for o in sample_store.officials.list(dossier.id)} == before
    assert result.source_reused  # the sample already holds this text
    assert sample_store.sources.count(dossier.id) == 1
    assert sample_store.trade.count(dossier.id) == 4  # the same four figures


def test_accept_into_an_empty_dossier_cites_one_source(store: Store, baku: Capture) -> None:
    dossier_id = _dossier(store)
    result = accept(store, dossier_id, baku)
    assert store.sources.count(dossier_id) == 1
    source = store.sources.get(result.source_id)
    assert source.publisher == "ИТАР-ТАСС"
    assert source.body == baku.text
    records = [
        *store.officials.list(dossier_id),
        *store.trade.list(dossier_id),
        *store.projects.list(dossier_id),
        *store.talking_points.list(dossier_id),
    ]
    assert records
    assert all(r.source_id == result.source_id for r in records)
    sides = {o.name: o.side for o in store.officials.list(dossier_id)}
    assert sides == {
        "Александр Лукашенко": "home",
        "Николай Пацкевич": "home",
        "Ильхам Алиев": "host",
    }
    figure = next(t for t in store.trade.list(dossier_id) if t.amount == 223.3)
    assert (figure.unit_scale, figure.currency, figure.period_start) == (
        "1000000",
        "USD",
        "2012-01-01",
    )
    # Accepting again changes nothing.
    counts = [store.repo(s).count(dossier_id) for s in (DOSSIER,)]
    again = accept(store, dossier_id, baku)
    assert again.source_reused
    assert not again.added
    assert counts == [store.repo(s).count(dossier_id) for s in (DOSSIER,)]


def test_accept_only_the_selection_and_update_latin_named_official(
    store: Store, baku: Capture
) -> None:
    dossier_id = _dossier(store)
    aliyev = store.officials.add(
        Official(dossier_id=dossier_id, name="ALIYEV, Ilham", side="host", status="current")
    )
    keys = [k for k, c in baku.candidates() if c.kind == "official"]
    result = accept(store, dossier_id, baku, selection=keys)
    assert store.officials.count(dossier_id) == 3
    updated = store.officials.get(aliyev.id)
    assert updated.position == "Президент Азербайджана"  # filled, name kept as typed
    assert updated.name == "ALIYEV, Ilham"
    assert result.updated["official"] == [aliyev.id]
    assert store.trade.count(dossier_id) == 0


def test_a_candidate_that_cannot_be_stored_is_skipped_with_its_reason(store: Store) -> None:
    dossier_id = _dossier(store)
    result_capture = capture("Товарооборот достиг 216 млн долларов.")
    result = accept(store, dossier_id, result_capture)
    assert "trade_figures:0" in result.skipped
    assert store.trade.count(dossier_id) == 0
    assert store.sources.count(dossier_id) == 1
