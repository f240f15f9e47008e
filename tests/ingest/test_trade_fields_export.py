"""Every way a dossier leaves the app says whose trade each figure is (issue 16, item 1)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from dossier.cli import main
from dossier.exports.csv_tab import tab_csv
from dossier.exports.exchange_writer import export_dossier
from dossier.exports.ftm import ftm_entities
from dossier.ingest.exchange import apply_merge, plan_merge, read_exchange
from dossier.model import TRADE
from dossier.store import memory_store
from dossier.store.sample import load_sample

PASS = "correct horse battery"


def _figure(reporter, partner, flow, amount, kind="actual"):
    return {
        "reporter": reporter,
        "partner": partner,
        "period_start": "2012",
        "period_end": "2012",
        "flow": flow,
        "amount": amount,
        "currency": "USD",
        "unit_scale": "1000000",
        "kind": kind,
    }


@pytest.fixture
def with_pairs(sample_store):
    dossier = sample_store.dossiers.list()[0]
    sample_store.trade.add(TRADE.make(_figure("AZ", "DE", "export", 2760), dossier_id=dossier.id))
    sample_store.trade.add(
        TRADE.make(_figure("BY", "AZ", "turnover", 1000, "target"), dossier_id=dossier.id)
    )
    return sample_store, dossier


def test_export_json_carries_the_pair_and_kind(store_file, capsys):
    assert main(["--store", str(store_file), "export-json", "AZ"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["dossier"]["home_code"], data["dossier"]["trade_view"]) == ("BY", "home")
    figures = data["trade_figures"]
    assert {(f["reporter"], f["partner"], f["kind"]) for f in figures} == {("BY", "AZ", "actual")}


def test_csv_export_has_reporter_partner_and_kind_columns(with_pairs):
    store, dossier = with_pairs
    rows = list(csv.DictReader(io.StringIO(tab_csv(store, dossier, TRADE, "en"))))
    assert {(r["Reporter"], r["Partner"], r["Kind"]) for r in rows} == {
        ("BY", "AZ", "Actual"),
        ("AZ", "DE", "Actual"),
        ("BY", "AZ", "Target"),
    }


def test_exchange_keeps_pairs_apart_and_round_trips_them(sample_store, tmp_path):
    store = sample_store
    dossier = store.dossiers.list()[0]
    store.trade.add(TRADE.make(_figure("BY", "AZ", "export", 100), dossier_id=dossier.id))
    store.trade.add(
        TRADE.make(_figure("BY", "AZ", "turnover", 1000, "target"), dossier_id=dossier.id)
    )
    path = tmp_path / "az.dossier"
    export_dossier(store, dossier, path, PASS)
    fresh = memory_store()
    mine = load_sample(fresh)  # the colleague's store: Azerbaijan's exports to Germany only
    fresh.trade.add(TRADE.make(_figure("AZ", "DE", "export", 2760), dossier_id=mine.id))
    plan = plan_merge(fresh, read_exchange(path, PASS))
    # Belarus's 2012 exports to Azerbaijan are a new fact, not a conflict with
    # Azerbaijan's 2012 exports to Germany.
    assert plan.conflicts == []
    assert [(r.reporter, r.partner, r.flow, r.kind) for _spec, r in plan.new] == [
        ("BY", "AZ", "export", "actual"),
        ("BY", "AZ", "turnover", "target"),
    ]
    apply_merge(fresh, plan, {})
    stored = {(f.reporter, f.partner, f.flow, f.kind) for f in fresh.trade.list(mine.id)}
    assert ("AZ", "DE", "export", "actual") in stored
    assert ("BY", "AZ", "export", "actual") in stored
    assert ("BY", "AZ", "turnover", "target") in stored
    fresh.close()


def test_ftm_export_has_trade_as_payments_between_countries(with_pairs):
    store, dossier = with_pairs
    entities = list(ftm_entities(store, dossier))
    by_id = {e["id"]: e for e in entities}
    payments = [e for e in entities if e["schema"] == "Payment"]
    germany = next(p for p in payments if p["properties"]["purpose"][0].startswith("export AZ"))
    props = germany["properties"]
    assert props["purpose"] == ["export AZ->DE (actual)"]
    # Germany pays Azerbaijan for Azerbaijan's exports.
    assert by_id[props["payer"][0]]["properties"]["name"] == ["Germany"]
    assert by_id[props["beneficiary"][0]]["properties"]["country"] == ["az"]
    assert props["amount"] == ["2760000000.0"]
    assert any(p["properties"]["purpose"] == ["turnover BY->AZ (target)"] for p in payments)
