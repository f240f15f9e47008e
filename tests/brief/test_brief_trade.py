"""The brief's trade section: the dossier's pair in a five-year table from one point
of view, every figure with its source, older years summed up, the rest as context."""

from __future__ import annotations

import pytest

from dossier.brief import BriefOptions, build_brief
from dossier.model import DOSSIER, SOURCE, TRADE


@pytest.fixture
def dossier(store):
    d = store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан", "home_code": "BY"}))
    belstat = store.sources.add(
        SOURCE.make({"kind": "official_data", "title": "Belstat"}, dossier_id=d.id)
    )
    azstat = store.sources.add(
        SOURCE.make({"kind": "official_data", "title": "Azstat"}, dossier_id=d.id)
    )

    def add(reporter, partner, year, flow, millions, source, **more):
        store.trade.add(
            TRADE.make(
                {
                    "reporter": reporter,
                    "partner": partner,
                    "period_start": str(year),
                    "period_end": str(year),
                    "flow": flow,
                    "amount": millions,
                    "currency": "USD",
                    "unit_scale": "1000000",
                    "source_id": source.id,
                    **more,
                },
                dossier_id=d.id,
            )
        )

    with store.transaction():
        for year in range(2010, 2023):
            add("BY", "AZ", year, "export", 100 + year - 2010, belstat)
            add("BY", "AZ", year, "import", 50, belstat)
        add("AZ", "BY", 2023, "import", 130, azstat)  # only Azerbaijan's report: a mirror
        add("AZ", "BY", 2023, "export", 40, azstat)
        add("BY", "AZ", 2025, "turnover", 1000, belstat, kind="target")
        add("AZ", "world", 2023, "export", 47_300, azstat)
        add("AZ", "DE", 2014, "export", 2_760, azstat)
    return d


def test_five_years_from_our_side_each_figure_cited(store, dossier, pdf, brief_day) -> None:
    options = BriefOptions(generated_on=brief_day, lang="en", max_rows=10, sections=("trade",))
    text = pdf.text(build_brief(store, dossier, options))
    assert "Belarus – Azerbaijan: the last years" in text
    assert "Flows of Belarus: exports are Belarus's sales to Azerbaijan" in text
    # Year, exports, imports, turnover, balance, growth; each amount with its source.
    assert "2022 112 M [1] 50 M [1] 162 M [1] 62 M [1] +0.6%" in text
    # 2023 reported by Azerbaijan only: its imports are our exports, marked ‡.
    assert "2023 130 M‡ [2] 40 M‡ [2] 170 M‡ [2] 90 M‡ [2] +4.9%" in text
    assert "2018 " in text
    assert "2017 " not in text.split("the last years")[1].split("Earlier")[0]
    assert "Earlier, 2010–2018 (9 years with figures): turnover from 150 M USD (2010)" in text
    assert "target: turnover 1 bn USD by 2025 [1]" in text
    assert "Azerbaijan's main partners" in text
    assert "The world 2023 47.3 bn — — [2]" in text
    assert "Germany 2014 2.76 bn — — [2]" in text
    assert "not listed one by one" in text  # 30 figures, not 30 raw rows


def test_the_partners_point_of_view_in_russian(store, dossier, pdf, brief_day) -> None:
    import dataclasses

    store.dossiers.update(dataclasses.replace(dossier, trade_view="host"))
    dossier = store.dossiers.get(dossier.id)
    options = BriefOptions(generated_on=brief_day, max_rows=10, sections=("trade",))
    text = pdf.text(build_brief(store, dossier, options))
    assert "Азербайджан — Беларусь: последние годы" in text
    # Azerbaijan's own 2023 figures, and Belarus's 2022 exports as its imports (‡).
    assert "2023 40 млн [2] 130 млн [2]" in text
    assert "2022 50 млн‡ [1] 112 млн‡ [1]" in text
    assert "Весь мир 2023 47,3 млрд — — [2]" in text


def test_a_column_with_no_figure_is_left_out(store, pdf, brief_day) -> None:
    """Issue 18, item 8: a pair known only by its turnover prints Year and Turnover,
    not four columns of dashes."""
    d = store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан", "home_code": "BY"}))
    tass = store.sources.add(SOURCE.make({"kind": "article", "title": "TASS"}, dossier_id=d.id))
    with store.transaction():
        for year, millions in ((2011, 180), (2012, 223.3)):
            store.trade.add(
                TRADE.make(
                    {
                        "reporter": "BY",
                        "partner": "AZ",
                        "period_start": str(year),
                        "period_end": str(year),
                        "flow": "turnover",
                        "amount": millions,
                        "currency": "USD",
                        "unit_scale": "1000000",
                        "source_id": tass.id,
                    },
                    dossier_id=d.id,
                )
            )
    options = BriefOptions(generated_on=brief_day, lang="en", max_rows=10, sections=("trade",))
    text = pdf.text(build_brief(store, d, options))
    table = text[text.index("the last years") :]
    assert "Turnover, USD" in table
    for empty in ("Exports, USD", "Imports, USD", "Balance, USD"):
        assert empty not in table
