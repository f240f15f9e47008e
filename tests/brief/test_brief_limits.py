"""Large dossiers: cards for the interlocutors, a table for the next officials, trade
summed per year, and the brief saying what it left out. Limits are tiny here so the
dossier stays small; the benchmark runs the same code on 30,000 officials."""

from __future__ import annotations

import threading

import pytest

from dossier.brief import BriefOptions, build_brief
from dossier.brief.totals import TradeGroup, sum_by_year
from dossier.cli import main
from dossier.model import DOSSIER, OFFICIAL, SOURCE, TALKING_POINT, TRADE

LIMITS = {"max_cards": 2, "max_rows": 3}


@pytest.fixture
def big(store):
    d = store.dossiers.add(
        DOSSIER.make({"code": "ZZ", "name": "Тестландия", "classification": "ДСП"})
    )
    sources = [
        store.sources.add(SOURCE.make({"kind": "report", "title": f"Доклад №{i}"}, dossier_id=d.id))
        for i in range(8)
    ]
    with store.transaction():
        # Third parties come first in the dossier; the host side is met first.
        for i in range(4):
            store.officials.add(
                OFFICIAL.make(
                    {
                        "name": f"Гость Сотрудник{i}",
                        "side": "third",
                        "status": "current",
                        "position": f"Советник {i}",
                        "biography": f"Биография гостя №{i}",
                        "source_id": sources[0].id,
                    },
                    dossier_id=d.id,
                )
            )
        for i in range(4):
            store.officials.add(
                OFFICIAL.make(
                    {
                        "name": f"Хозяин Министр{i}",
                        "side": "host",
                        "status": "current",
                        "position": f"Министр {i}",
                        "biography": f"Биография хозяина №{i}",
                        "source_id": sources[1].id,
                    },
                    dossier_id=d.id,
                )
            )
        for i in range(2):
            store.officials.add(
                OFFICIAL.make(
                    {"name": f"Бывший Деятель{i}", "side": "host", "status": "former"},
                    dossier_id=d.id,
                )
            )
        addressed = store.officials.list(d.id, where="name = ?", params=["Гость Сотрудник3"])[0]
        store.talking_points.add(
            TALKING_POINT.make(
                {
                    "kind": "key_message",
                    "text": "Передать приглашение.",
                    "status": "approved",
                    "audience_id": addressed.id,
                },
                dossier_id=d.id,
            )
        )
        figure = {
            "flow": "export",
            "currency": "USD",
            "unit_scale": "1000000",
            "source_id": sources[2].id,
        }
        for month in range(1, 13):  # 2012 by month, and the year's own total
            store.trade.add(
                TRADE.make(
                    {
                        **figure,
                        "period_start": f"2012-{month:02d}",
                        "period_end": f"2012-{month:02d}",
                        "amount": 1,
                    },
                    dossier_id=d.id,
                )
            )
        store.trade.add(
            TRADE.make(
                {**figure, "period_start": "2012", "period_end": "2012", "amount": 15},
                dossier_id=d.id,
            )
        )
        for month in range(1, 10):  # 2013: January to September only
            store.trade.add(
                TRADE.make(
                    {
                        **figure,
                        "period_start": f"2013-{month:02d}",
                        "period_end": f"2013-{month:02d}",
                        "amount": 2,
                    },
                    dossier_id=d.id,
                )
            )
        store.trade.add(
            TRADE.make(
                {
                    "flow": "turnover",
                    "period_start": "2012",
                    "period_end": "2012",
                    "growth_factor": 6,
                    "base_start": "2006",
                    "base_end": "2006",
                    "source_id": sources[3].id,
                },
                dossier_id=d.id,
            )
        )
    return d


def test_officials_picked_one_by_one_all_get_cards(store, big, pdf, brief_day) -> None:
    picked = tuple(o.id for o in store.officials.list(big.id) if o.status == "current")
    text = pdf.text(
        build_brief(store, big, BriefOptions(generated_on=brief_day, official_ids=picked, **LIMITS))
    )
    for n in range(4):
        assert f"Биография гостя №{n}" in text
        assert f"Биография хозяина №{n}" in text
    assert "Другие должностные лица" not in text


def test_cards_for_interlocutors_a_table_for_the_next_and_a_count(
    store, big, pdf, brief_day
) -> None:
    data = build_brief(store, big, BriefOptions(generated_on=brief_day, **LIMITS))
    text = pdf.text(data)
    # Two cards: the host side first (ministers all), then third parties, the one
    # a point addresses first among them.
    assert "Биография хозяина №0" in text
    assert "Биография хозяина №1" in text
    assert "Биография гостя №3" not in text
    # The next three chosen officials in a table, the rest counted.
    assert "Другие должностные лица (3)" in text
    for name in ("Хозяин Министр2", "Хозяин Министр3", "Гость Сотрудник3"):
        assert name in text
    assert "Гость Сотрудник0" not in text
    assert "Ещё 3 выбранных должностных лица в справку не включены (всего в досье 10)" in text
    assert "Бывший" not in text  # former officials are not chosen by default
    # Trade: 23 figures summed per year; 2012's own total, not it plus its months.
    assert "последние годы" in text
    assert "2012 15 млн [3]" in text
    assert "янв.–сент. 2013 18 млн [3]" in text
    assert "Товарооборот ×6" in text  # growth statements stay
    assert b"/Subtype /Image" in data  # the chart of the yearly sums
    # 4 of the 8 sources are cited; the other 4 exceed the limit of 3, so none is listed.
    assert "Другие источники досье (4) в справке не цитируются" in text
    assert "Доклад №7" not in text


def test_complete_brief_prints_every_official_and_figure(store, big, pdf, brief_day) -> None:
    options = BriefOptions(generated_on=brief_day, **LIMITS).complete()
    text = pdf.text(build_brief(store, big, options))
    for i in range(4):
        assert f"Биография гостя №{i}" in text
        assert f"Биография хозяина №{i}" in text
    assert "Другие должностные лица" not in text
    assert "сент. 2013" in text  # each month listed
    assert "Ещё" not in text


def test_a_brief_built_on_a_worker_thread_is_the_one_built_here(store, big, brief_day) -> None:
    # The dialog's path, not the test-only Snapshot (issue 15): the build
    # reads the store from a worker thread, and prints what a build here prints.
    options = BriefOptions(generated_on=brief_day, **LIMITS).replace(title="Визит", lang="en")
    built: list[bytes] = []
    worker = threading.Thread(target=lambda: built.append(build_brief(store, big, options)))
    worker.start()
    worker.join()
    assert built == [build_brief(store, big, options)]


def test_limited_brief_embeds_only_dejavu(store, big, brief_day) -> None:
    data = build_brief(store, big, BriefOptions(generated_on=brief_day, **LIMITS))
    assert b"Helvetica" not in data
    assert b"Times-Roman" not in data


def test_limits_are_checked() -> None:
    for bad in (-1, "3", 2.5, True):
        with pytest.raises(ValueError, match="max_cards"):
            BriefOptions(max_cards=bad)
    assert BriefOptions(max_rows=None).max_rows is None
    assert BriefOptions().complete().max_cards is None


def test_sums_take_the_longest_periods_of_each_year() -> None:
    groups = [
        TradeGroup("2012", "2012", "export", "USD", 15e6, 1, frozenset({1})),
        TradeGroup("2012-01", "2012-01", "export", "USD", 1e6, 1, frozenset({2})),
        TradeGroup("2012-01", "2012-03", "import", "USD", 3e6, 2, frozenset({5, 4})),
        TradeGroup("2012-04", "2012-06", "import", "USD", 4e6, 2, frozenset({6, 7})),
        TradeGroup("2012", "2012", "import", "EUR", 1e6, 1, frozenset()),
        TradeGroup("2006", "2012", "export", "USD", 9e6, 1, frozenset({3})),
    ]
    totals = sum_by_year(groups)
    assert [(t.flow, t.currency, t.units, t.count) for t in totals] == [
        ("export", "USD", 15e6, 1),
        ("import", "EUR", 1e6, 1),
        ("import", "USD", 7e6, 4),
    ]
    imports = totals[2]
    assert imports.partial
    assert imports.period == ("2012-01", "2012-06")
    assert imports.source_ids == (4, 5, 6)
    assert imports.more_sources


def test_cli_limits(store_file, tmp_path, capsys, pdf) -> None:
    out = tmp_path / "b.pdf"
    assert (
        main(
            [
                "--store",
                str(store_file),
                "brief",
                "AZ",
                "--out",
                str(out),
                "--cards",
                "0",
                "--rows",
                "all",
            ]
        )
        == 0
    )
    text = pdf.text(out.read_bytes())
    assert "Другие должностные лица (1)" in text
    assert (
        main(
            [
                "--store",
                str(store_file),
                "brief",
                "AZ",
                "--out",
                str(out),
                "--cards",
                "0",
                "--complete",
            ]
        )
        == 0
    )
    assert "Другие должностные лица" not in pdf.text(out.read_bytes())
    capsys.readouterr()
    assert (
        main(["--store", str(store_file), "brief", "AZ", "--out", str(out), "--cards", "many"]) == 1
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "--cards" in err
