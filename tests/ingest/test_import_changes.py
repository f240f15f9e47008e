"""Imports return what their operation changed, and the store's undo takes it back
(issue 15, item 1): no importer keeps its own list of ids to undo with."""

from __future__ import annotations

from pathlib import Path

from dossier.exports.exchange_writer import export_dossier
from dossier.ingest.exchange import apply_merge, plan_merge, read_exchange
from dossier.ingest.trade_session import commit_trade, load_trade, plan_records
from dossier.ingest.trade_types import Options
from dossier.store import Store, memory_store
from dossier.store.sample import load_sample

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
PASS = "correct horse battery"


def test_a_trade_import_returns_its_changes_and_undo_takes_them_back(
    sample_store: Store,
) -> None:
    dossier = sample_store.find_dossier("AZ")
    before = sample_store.trade.count(dossier.id)
    loaded = load_trade(FIXTURES / "tradhist_excerpt.csv")
    mapping = loaded.guessed_mapping()
    mapping.partner = {"destination_country_code": "AZE", "origin_country_code": "DEU"}
    plan, _hint = plan_records(loaded, mapping, dossier.id, Options(unit="1", currency="USD"))
    result = commit_trade(sample_store, plan, dossier.id, "tradhist_excerpt.csv")
    assert result.changes is not None
    added = result.changes.added["trade_figures"]
    assert len(added) == result.added == 14
    assert {f.id for f in sample_store.trade.get_many(added)} == set(added)
    assert result.changes.added["sources"] == [result.source_id]
    sample_store.undo()
    assert sample_store.trade.count(dossier.id) == before
    assert sample_store.trade.get_many(added) == []


def test_a_merge_returns_its_changes_and_undo_takes_them_back(tmp_path: Path) -> None:
    mine = memory_store()
    exported = tmp_path / "az.dossier"
    export_dossier(mine, load_sample(mine), exported, PASS)
    empty = memory_store()
    result = apply_merge(empty, plan_merge(empty, read_exchange(exported, PASS)), {})
    assert result.changes is not None
    assert len(result.changes.added["officials"]) == 3
    assert result.changes.added["dossiers"] == [result.dossier.id]
    empty.undo()
    assert empty.dossiers.list() == []
    mine.close()
    empty.close()
