"""The dossier's own trade: one pair, one point of view, one value per year and flow."""

from __future__ import annotations

import pytest

from dossier.bilateral import main_partners, pair_sums_of, point_of_view, seen_from
from dossier.charts import drawn_bars, trade_chart, trade_chart_data
from dossier.model import DOSSIER, SOURCE, TRADE


@pytest.fixture
def dossier(store):
    return store.dossiers.add(
        DOSSIER.make({"code": "AZ", "name": "Азербайджан", "home_code": "BY"})
    )


def add(store, dossier, reporter, partner, year, flow, millions, **more):
    values = {
        "reporter": reporter,
        "partner": partner,
        "period_start": str(year),
        "period_end": str(year),
        "flow": flow,
        "amount": millions,
        "currency": "USD",
        "unit_scale": "1000000",
        **more,
    }
    if "period" in values:
        values["period_start"], values["period_end"] = values.pop("period")
    return store.trade.add(TRADE.make(values, dossier_id=dossier.id))


def source(store, dossier, title):
    return store.sources.add(
        SOURCE.make({"kind": "official_data", "title": title}, dossier_id=dossier.id)
    ).id


def ours(store, dossier):
    dossier = store.dossiers.get(dossier.id)
    view, other = point_of_view(dossier)
    return seen_from(store.trade.pair_sums(dossier.id, view, other), view, other)


def test_other_pairs_never_reach_the_bilateral_chart(store, dossier):
    add(store, dossier, "BY", "AZ", 2012, "turnover", 223.3)
    add(store, dossier, "AZ", "world", 2012, "export", 47_300)  # Factbook total
    add(store, dossier, "AZ", "DE", 2012, "export", 2_760)  # TRADHIST
    trade = ours(store, dossier)
    assert [(v.year, v.flow, v.units) for v in trade.values] == [(2012, "turnover", 223.3e6)]
    data = trade_chart_data(trade, "en")
    assert [b.label for b in data.bars] == ["223.3 M"]  # never "0.2 bn"
    assert data.title == "Belarus – Azerbaijan trade, as Belarus's flows, USD million"
    assert trade_chart_data(trade, "ru").title.startswith("Торговля Беларусь — Азербайджан")


def test_mirror_figures_are_converted_marked_and_never_counted_twice(store, dossier):
    belstat = source(store, dossier, "Belstat")
    azstat = source(store, dossier, "Azstat")
    add(store, dossier, "BY", "AZ", 2013, "export", 200, source_id=belstat)
    add(store, dossier, "AZ", "BY", 2013, "import", 210, source_id=azstat)  # the mirror
    add(store, dossier, "AZ", "BY", 2014, "import", 250, source_id=azstat)  # only the mirror
    add(store, dossier, "AZ", "BY", 2014, "balance", -250, source_id=azstat)
    trade = ours(store, dossier)
    shown = {(v.year, v.flow): (v.units, v.mirror) for v in trade.values}
    assert shown[(2013, "export")] == (200e6, False)  # Belarus's own report wins
    assert shown[(2014, "export")] == (250e6, True)  # Azerbaijan's imports are our exports
    assert shown[(2014, "balance")] == (250e6, True)  # its deficit is our surplus
    assert [(v.year, v.flow, v.units, v.source_ids) for v in trade.alternatives] == [
        (2013, "export", 210e6, (azstat,))
    ]
    data = trade_chart_data(trade, "en", sources={belstat: "[1] Belstat", azstat: "[2] Azstat"})
    assert [b.label for b in data.bars] == ["200 M", "250 M‡"]
    assert any(n.startswith("‡ Azerbaijan's own figures") for n in data.notes)
    assert "Source: [1] Belstat; [2] Azstat" in data.notes


def test_the_partners_point_of_view_swaps_the_flows(store, dossier):
    add(store, dossier, "BY", "AZ", 2013, "export", 200)
    import dataclasses

    store.dossiers.update(dataclasses.replace(dossier, trade_view="host"))
    trade = ours(store, dossier)
    assert [(v.flow, v.units, v.mirror) for v in trade.values] == [("import", 200e6, True)]
    assert trade_chart_data(trade, "en").title.startswith("Azerbaijan – Belarus trade")


def test_two_sources_for_one_year_and_flow_give_one_bar(store, dossier):
    old = source(store, dossier, "Old report")
    new = source(store, dossier, "New report")
    add(store, dossier, "BY", "AZ", 2012, "turnover", 220, source_id=old)
    add(store, dossier, "BY", "AZ", 2012, "turnover", 223.3, source_id=new)
    trade = ours(store, dossier)
    assert [(v.units, v.source_ids) for v in trade.values] == [(223.3e6, (new,))]
    assert [(v.units, v.source_ids) for v in trade.alternatives] == [(220e6, (old,))]
    assert len(trade_chart_data(trade).bars) == 1


def test_targets_are_labelled_markers_and_estimates_are_hatched(store, dossier):
    add(store, dossier, "BY", "AZ", 2012, "turnover", 223.3)
    add(store, dossier, "BY", "AZ", 2013, "turnover", 216, period=("2013-01", "2013-09"))
    add(store, dossier, "BY", "AZ", 2014, "turnover", 300, kind="estimate")
    add(store, dossier, "BY", "AZ", 2025, "turnover", 1000, kind="target")
    data = trade_chart_data(ours(store, dossier), "en")
    assert [(b.x, b.partial) for b in data.bars] == [(2012, False), (2013, True), (2014, True)]
    assert [m.label for m in data.markers] == ["target: turnover 1 bn USD by 2025"]
    assert "Hatched: Jan–Sep 2013, 2014 estimate" in data.notes
    ru = trade_chart_data(ours(store, dossier), "ru")
    assert [m.label for m in ru.markers] == ["цель: товарооборот 1 млрд долл. США к 2025"]
    fig = trade_chart(ours(store, dossier), "en")
    bars = [b for b in drawn_bars(fig) if b.height > 0]
    assert len(bars) == 3  # the target is no bar
    assert [b.hatched for b in bars] == [False, True, True]


def test_years_are_to_scale_with_gaps_visible(store, dossier):
    add(store, dossier, "BY", "AZ", 2014, "turnover", 100)
    add(store, dossier, "BY", "AZ", 2023, "turnover", 120)
    fig = trade_chart(ours(store, dossier), "en")
    ax = fig.axes[0]
    xs = [b.x for b in drawn_bars(fig) if b.height > 0]
    assert xs == pytest.approx([2014, 2023])  # nine years apart, not neighbours
    left, right = ax.get_xlim()
    assert left < 2014 < 2023 < right


def test_store_sums_match_the_records(store, dossier):
    for month in range(1, 13):
        add(store, dossier, "BY", "AZ", 2012, "export", 10, period=(f"2012-{month:02d}",) * 2)
    add(store, dossier, "AZ", "DE", 2012, "export", 99)
    sums = store.trade.pair_sums(dossier.id, "BY", "AZ")
    assert sorted(sums) == sorted(pair_sums_of(store.trade.list(dossier.id), "BY", "AZ"))
    # Twelve months make the year: one bar of 120, not twelve.
    assert [(v.year, v.units, v.months) for v in seen_from(sums, "BY", "AZ").values] == [
        (2012, pytest.approx(120e6), 12)
    ]


def test_the_partners_other_trade_is_context(store, dossier):
    add(store, dossier, "AZ", "world", 2023, "export", 47_300)
    add(store, dossier, "AZ", "world", 2023, "import", 17_300)
    add(store, dossier, "AZ", "DE", 2011, "export", 900)
    add(store, dossier, "AZ", "DE", 2014, "export", 1_000)
    add(store, dossier, "AZ", "DE", 2014, "import", 800)
    add(store, dossier, "US", "AZ", 2014, "export", 500)  # the US's exports: AZ imports
    add(store, dossier, "BY", "AZ", 2014, "export", 200)  # the dossier's pair: not context
    rows = main_partners(store.trade.partner_sums(dossier.id, "AZ", "BY"), "AZ")
    assert [(r.partner, r.year, r.exports, r.imports, r.turnover) for r in rows] == [
        ("world", 2023, 47_300e6, 17_300e6, 64_600e6),
        ("DE", 2014, 1_000e6, 800e6, 1_800e6),
        ("US", 2014, None, 500e6, None),
    ]


def test_a_year_made_of_several_sources_months_is_one_whole_bar(store, dossier):
    first = source(store, dossier, "Belstat, first half")
    second = source(store, dossier, "Belstat, second half")
    for month in range(1, 13):
        add(
            store,
            dossier,
            "BY",
            "AZ",
            2012,
            "export",
            10,
            period=(f"2012-{month:02d}",) * 2,
            source_id=first if month <= 6 else second,
        )
    trade = ours(store, dossier)
    assert [(v.units, v.months, v.source_ids) for v in trade.values] == [
        (pytest.approx(120e6), 12, (first, second))
    ]
    assert not trade.alternatives
    assert [b.partial for b in trade_chart_data(trade).bars] == [False]


def test_a_period_reported_again_is_an_alternative_never_added(store, dossier):
    old = source(store, dossier, "Monthly bulletin")
    new = source(store, dossier, "Revised March")
    for month in range(1, 13):
        add(
            store,
            dossier,
            "BY",
            "AZ",
            2012,
            "export",
            10,
            period=(f"2012-{month:02d}",) * 2,
            source_id=old,
        )
    add(
        store, dossier, "BY", "AZ", 2012, "export", 12, period=("2012-03", "2012-03"), source_id=new
    )
    trade = ours(store, dossier)
    # March counts once, as the latest source gives it; the other March is listed.
    assert [(v.units, v.months) for v in trade.values] == [(pytest.approx(122e6), 12)]
    assert [(v.period_start, v.units, v.source_ids) for v in trade.alternatives] == [
        ("2012-03", 10e6, (old,))
    ]
    assert store.trade.pair_sums(dossier.id, "BY", "AZ") == pair_sums_of(
        store.trade.list(dossier.id), "BY", "AZ"
    )


def test_a_sum_of_many_sources_names_the_first_few_and_counts_the_rest(store, dossier):
    ids = [source(store, dossier, f"Bulletin {n}") for n in range(1, 6)]
    for month, source_id in enumerate(ids, 1):
        add(
            store,
            dossier,
            "BY",
            "AZ",
            2012,
            "export",
            10,
            period=(f"2012-{month:02d}",) * 2,
            source_id=source_id,
        )
    trade = ours(store, dossier)
    names = {
        i: f"[{n}] Bulletin {n} of the National Statistical Committee" for n, i in enumerate(ids, 1)
    }
    notes = trade_chart_data(trade, "en", sources=names).notes
    # One line: the titles would not fit, so the first by title, the next by number.
    assert (
        "Source: [1] Bulletin 1 of the National Statistical Committee; [2]; [3] and 2 more" in notes
    )
    ru = trade_chart_data(trade, "ru", sources=names).notes
    assert "Источник: [1] Bulletin 1 of the National Statistical Committee; [2]; [3] и ещё 2" in ru
