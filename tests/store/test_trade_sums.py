"""The trade tab's and the brief's sums come from SQL that seeks the pair, not from
every figure of the dossier."""

from __future__ import annotations

from typing import Any

from dossier.model import DOSSIER


def _plans(store: Any, call: Any) -> list[str]:
    seen: list[str] = []
    real = store.db.execute

    def execute(sql: str, params: Any = ()) -> Any:
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.extend(row[3] for row in real("EXPLAIN QUERY PLAN " + sql, params).fetchall())
        return real(sql, params)

    store.db.execute = execute
    try:
        call()
    finally:
        store.db.execute = real
    return seen


def test_sums_seek_the_pair_and_the_whole_years(store) -> None:
    d = store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан", "home_code": "BY"}))
    searches = [
        p for p in _plans(store, lambda: store.trade.pair_sums(d.id, "BY", "AZ")) if "SEARCH" in p
    ]
    # One statement: our report, the mirror and the unknown pair, each a seek.
    assert len(searches) == 3
    assert all("trade_pair (dossier_id=? AND reporter=? AND partner=?)" in p for p in searches)
    # Every column it reads is in the index (migration 0010): the figures' rows,
    # scattered over a large file, are never visited.
    assert all("COVERING INDEX trade_pair" in p for p in searches), searches
    statements = []
    real = store.db.execute
    store.db.execute = lambda sql, params=(): statements.append(sql) or real(sql, params)
    try:
        store.trade.pair_sums(d.id, "BY", "AZ")
    finally:
        store.db.execute = real
    assert len(statements) == 1  # one aggregation, whatever the number of figures
    context = _plans(store, lambda: store.trade.partner_sums(d.id, "AZ", "BY"))
    assert any("trade_reporter_years" in p for p in context)
    assert any("trade_partner_years" in p for p in context)
    growth = _plans(store, lambda: store.trade.growth(d.id, "BY", "AZ"))
    assert all("SCAN" not in p for p in growth)


def test_the_pairs_of_a_dossier_are_read_from_the_index(store) -> None:
    from dossier.model import TRADE

    d = store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан", "home_code": "BY"}))
    for reporter, partner in (("BY", "AZ"), ("AZ", "DE"), ("BY", "AZ"), (None, None)):
        values = {"reporter": reporter, "partner": partner, "period_start": "2020"}
        values |= {"period_end": "2020", "flow": "export", "amount": 1.0}
        store.trade.add(TRADE.make(values, dossier_id=d.id))
    # The figure typed without a pair is the dossier's own (BY, AZ).
    assert sorted(store.trade.pairs(d.id)) == [("AZ", "DE"), ("BY", "AZ")]
    plan = " ".join(_plans(store, lambda: store.trade.pairs(d.id)))
    # The tab's quick filter on 100,000 figures: no sort of every figure, no table rows.
    assert "COVERING INDEX trade_pair" in plan
    assert "TEMP B-TREE" not in plan


def test_the_pairs_are_found_by_seeks_whatever_the_number_of_figures(store, vm_steps) -> None:
    # A skip-scan (issue 16): one seek per pair; SELECT DISTINCT walked all 100,000
    # index entries of the largest dossier on every first paint of the trade tab.
    pairs = [(None, None), (None, "AZ"), ("AZ", None), ("AZ", "DE"), ("AZ", "world")]
    pairs += [("BY", "AZ"), ("DE", "AZ")]
    dossiers = []
    for code, per_pair in (("AZ", 2), ("GE", 300)):
        d = store.dossiers.add(DOSSIER.make({"code": code, "name": code}))
        rows = [
            {"dossier_id": d.id, "reporter": reporter, "partner": partner}
            | {"period_start": str(1900 + n), "period_end": str(1900 + n), "flow": "export"}
            | {"kind": "actual", "amount": 1.0}
            for reporter, partner in pairs
            for n in range(per_pair)
        ]
        store.trade.insert_many(rows)
        dossiers.append(d.id)
    few, many = dossiers
    assert store.trade.pairs(many) == sorted(pairs, key=lambda p: (p[0] or "", p[1] or ""))
    assert store.trade.pairs(few) == store.trade.pairs(many)
    # 150 times the figures, the same work: no statement walks the figures.
    assert (
        vm_steps(store, lambda: store.trade.pairs(many))
        <= vm_steps(store, lambda: store.trade.pairs(few)) + 2
    )
    plans = _plans(store, lambda: store.trade.pairs(many))
    assert plans
    assert all("COVERING INDEX trade_pair" in p for p in plans), plans
