"""Trade tables into trade figures: mapping, unit, partner pair, blocks, report, one transaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.ingest.tables import TableError, read_table, read_text, records_of
from dossier.ingest.trade_import import (
    Options,
    TradeMapping,
    find_blocks,
    guess_mapping,
    parse_period,
    parse_unit,
    partner_columns,
    partner_pairs,
    plan_block,
    plan_records,
    store_plan,
    suggest_unit,
)
from dossier.model import DOSSIER

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
# What the user says of a file that does not say it (its pair and currency).
GIVEN = {"currency": "USD", "reporter": "RU", "partner": "world"}


@pytest.fixture
def dossier(store):
    return store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан"}))


def tradhist_mapping(records, destination="AZE", origin="DEU"):
    mapping = guess_mapping(records.header)
    mapping.partner = {"destination_country_code": destination, "origin_country_code": origin}
    return mapping


def test_tradhist_columns_are_guessed_and_pairs_listed():
    records = records_of(read_table(FIXTURES / "tradhist_excerpt.csv"))
    mapping = guess_mapping(records.header)
    assert mapping.period == "year"
    assert mapping.flow_columns == {"import": "imports", "export": "exports"}
    cols = partner_columns(records.header)
    assert cols == ["destination_country_code", "origin_country_code"]
    pairs = dict(partner_pairs(records, cols))
    assert pairs[("AZE", "DEU")] == 7
    assert pairs[("RUS", "DEU")] == 1


def test_tradhist_unit_is_not_trusted_but_suggested_from_the_values():
    records = records_of(read_table(FIXTURES / "tradhist_excerpt.csv"))
    probe = plan_records(records, tradhist_mapping(records, "RUS"), 1, Options(**GIVEN, unit="1"))
    hint = suggest_unit(records.header, [f.amount for f in probe.figures])
    assert hint.scale == "1"
    assert "plain units" in hint.reason


def test_tradhist_pair_is_imported_with_the_confirmed_unit(store, dossier):
    records = records_of(read_table(FIXTURES / "tradhist_excerpt.csv"))
    plan = plan_records(
        records,
        tradhist_mapping(records, "RUS"),
        dossier.id,
        Options(**GIVEN, unit="1", store_unit="1000000"),
    )
    # RUS <- DEU 1992: imports 3,346,225,664 and exports 3,831,672,832 plain USD.
    got = {(f.period_start, f.flow): (f.amount, f.unit_scale) for f in plan.figures}
    assert got == {
        ("1992", "import"): (pytest.approx(3346.225664), "1000000"),
        ("1992", "export"): (pytest.approx(3831.672832), "1000000"),
    }
    result = store_plan(store, plan, dossier.id, "TRADHIST")
    assert result.added == 2
    stored = store.trade.list(dossier.id)
    assert {f.source_id for f in stored} == {result.source_id}
    assert store.sources.get(result.source_id).title == "TRADHIST"


def test_scientific_notation_and_empty_cells(dossier):
    records = records_of(read_table(FIXTURES / "tradhist_excerpt.csv"))
    plan = plan_records(
        records, tradhist_mapping(records, "CAN", "USA"), dossier.id, Options(**GIVEN, unit="1")
    )
    imports = {f.period_start: f.amount for f in plan.figures if f.flow == "import"}
    assert imports["1996"] == 1.0239e11
    plan = plan_records(
        records, tradhist_mapping(records, "ABW", "FRA"), dossier.id, Options(**GIVEN, unit="1")
    )
    assert plan.empty_cells == 1  # ABW;FRA;1990;;2112584
    assert [(f.flow, f.amount) for f in plan.figures] == [("export", 2112584.0)]


def test_preview_shows_rows_as_they_will_be_stored(dossier):
    records = records_of(read_table(FIXTURES / "tradhist_excerpt.csv"))
    plan = plan_records(
        records,
        tradhist_mapping(records),
        dossier.id,
        Options(**GIVEN, unit="1", store_unit="1000000"),
    )
    first = plan.preview(2)[0]
    assert first == {
        "line": "5",
        "period": "1992",
        "flow": "Imports",
        "amount": "8.217166",
        "currency": "USD",
        "unit": "million",
    }


def test_reimport_skips_identical_and_reports_different_figures(store, dossier):
    records = records_of(read_table(FIXTURES / "tradhist_excerpt.csv"))
    mapping = tradhist_mapping(records)
    plan = plan_records(records, mapping, dossier.id, Options(**GIVEN, unit="1"))
    assert store_plan(store, plan, dossier.id, "TRADHIST").added == 14
    again = store_plan(
        store,
        plan_records(records, mapping, dossier.id, Options(**GIVEN, unit="1")),
        dossier.id,
        "TRADHIST",
    )
    assert (again.added, again.duplicates) == (0, 14)
    # The same figures stated in millions are still duplicates (same amount in USD).
    millions = plan_records(
        records, mapping, dossier.id, Options(**GIVEN, unit="1", store_unit="1000000")
    )
    assert store_plan(store, millions, dossier.id, "TRADHIST").duplicates == 14
    wrong = plan_records(records, mapping, dossier.id, Options(**GIVEN, unit="1000"))
    result = store_plan(store, wrong, dossier.id, "TRADHIST")
    assert result.added == 0
    assert len(result.conflicts) == 14
    assert "not changed" in result.conflicts[0]
    assert store.trade.count(dossier.id) == 14
    assert store.sources.count(dossier.id) == 1


def test_broken_rows_are_reported_and_nothing_crashes(dossier):
    text = (
        "year;flow;value\n2012;export;223,3\n2013;export;abc\n2014;sideways;5\n"
        "20x5;import;1\n2016;import;-4\n2017;import\n2018;export;1 234,5\n"
    )
    records = records_of(read_text(text))
    mapping = TradeMapping(period="year", flow="flow", amount="value")
    plan = plan_records(records, mapping, dossier.id, Options(**GIVEN, unit="1000000"))
    assert [(f.period_start, f.amount) for f in plan.figures] == [("2012", 223.3), ("2018", 1234.5)]
    reasons = {p.line: p.reason for p in plan.skipped}
    assert "“abc” in value is not a number" in reasons[3]
    assert "unknown flow" in reasons[4]
    assert "not a period" in reasons[5]
    assert "negative" in reasons[6]
    assert "2 cells" in {p.line: p.reason for p in records.skipped}[7]
    assert plan.report()[0].startswith("line 3:")


def test_mapping_errors_name_what_is_missing():
    records = records_of(read_text("a,b\n1,2\n"))
    with pytest.raises(TableError, match="period"):
        plan_records(records, TradeMapping(amount="b"), 1, Options(**GIVEN, unit="1"))
    with pytest.raises(TableError, match="No column “zzz”"):
        plan_records(
            records,
            TradeMapping(period="zzz", amount="b", fixed_flow="export"),
            1,
            Options(**GIVEN, unit="1"),
        )
    with pytest.raises(TableError, match="which flow"):
        plan_records(records, TradeMapping(period="a", amount="b"), 1, Options(**GIVEN, unit="1"))


@pytest.mark.parametrize(
    ("cell", "period"),
    [
        ("1992", ("1992", "1992")),
        (1992, ("1992", "1992")),
        ("2013-09", ("2013-09", "2013-09")),
        ("2013Q3", ("2013-07", "2013-09")),
        ("Q1 2014", ("2014-01", "2014-03")),
        ("2013M09", ("2013-09", "2013-09")),
        ("2013-09-30", ("2013-09-30", "2013-09-30")),
    ],
)
def test_periods(cell, period):
    assert parse_period(cell) == period


@pytest.mark.parametrize(
    ("text", "scale"),
    [
        ("1e6", "1000000"),
        ("1000", "1000"),
        ("million", "1000000"),
        ("млрд", "1000000000"),
        ("1", "1"),
    ],
)
def test_units(text, scale):
    assert parse_unit(text) == scale
    with pytest.raises(ValueError, match="unknown unit"):
        parse_unit("1e5")


def rosstat_blocks():
    return find_blocks(read_table(FIXTURES / "rosstat_kep_excerpt.csv"))


def test_rosstat_blocks_are_found_with_headings_and_percent_blocks_marked():
    blocks = rosstat_blocks()
    turnover = next(b for b in blocks if b.heading.startswith("1.9. Внешнеторговый оборот"))
    assert turnover.columns[:2] == [("year", "year"), ("quarter", "Q1")]
    assert len(turnover.columns) == 17
    assert turnover.years() == (1999, 2017)
    assert not turnover.is_percent
    assert suggest_unit([turnover.heading], []).scale == "1000000000"
    percent = blocks[blocks.index(turnover) + 1]
    assert percent.is_percent
    with pytest.raises(TableError, match="percentages"):
        plan_block(percent, "turnover", 1, Options(**GIVEN, unit="1"))


def test_rosstat_turnover_figures_match_the_table(dossier):
    turnover = next(b for b in rosstat_blocks() if b.heading.startswith("1.9. Внешне"))
    plan = plan_block(
        turnover,
        "turnover",
        dossier.id,
        Options(**GIVEN, unit="1000000000"),
        ("year", "quarter", "month"),
    )
    got = {(f.period_start, f.period_end): f.amount for f in plan.figures}
    # Read by hand from lines 762, 779 and 780 of the file.
    assert got[("1999", "1999")] == 115.1
    assert got[("1999-01", "1999-03")] == 24.4
    assert got[("2016", "2016")] == 473.2
    assert got[("2016-12", "2016-12")] == 50.4
    assert got[("2017-01", "2017-01")] == 38.8
    assert ("2017", "2017") not in got  # empty in the table
    assert len(plan.figures) == 18 * 17 + 1
    assert plan.empty_cells == 16
    assert {f.unit_scale for f in plan.figures} == {"1000000000"}


def test_footnotes_fused_to_numbers_and_years_are_kept_as_notes(dossier):
    months = "\t".join(
        f"{m}."
        for m in (
            "Янв. Jan",
            "Фев. Feb",
            "Март Mar",
            "Апр. Apr",
            "Май May",
            "Июнь June",
            "Июль July",
            "Авг. Aug",
            "Сент. Sept",
            "Окт. Oct",
            "Нояб. Nov",
            "Дек. Dec",
        )
    )
    text = (
        "1.1. Оборот, млн.долларов США / Turnover, mln US dollars\r\n"
        f"\tГод Year\tКварталы / Quarters\t{months}\r\n"
        "\t\tI\tII\tIII\tIV\r\n"
        "20142)\t714062)\t106,21)\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\r\n"
        "_________ 1) footnote\r\n"
    )
    [block] = find_blocks(read_text(text, delimiter="\t"))
    assert block.rows[0][1] == 2014
    plan = plan_block(
        block, "turnover", dossier.id, Options(**GIVEN, unit="1000000"), ("year", "quarter"), ","
    )
    heading = "1.1. Оборот, млн.долларов США / Turnover, mln US dollars"
    assert block.heading == heading
    assert [(f.period_start, f.amount, f.note) for f in plan.figures] == [
        ("2014", 71406.0, f"{heading}; footnote 2) in the source table"),
        ("2014-01", 106.2, f"{heading}; footnote 1) in the source table"),
    ]


def test_full_tradhist_file(shared_data, store, dossier):
    path = shared_data / "trade" / "tradhist_tradeflow_xx.csv"
    records = records_of(read_table(path))
    assert len(records.rows) == 69_893
    pairs = dict(partner_pairs(records, partner_columns(records.header)))
    for country in ("RUS", "BLR", "AZE", "KAZ", "UZB"):
        assert sum(n for (dest, _), n in pairs.items() if dest == country) == 92
    plan = plan_records(
        records, tradhist_mapping(records, "BLR"), dossier.id, Options(**GIVEN, unit="1")
    )
    exports = {f.period_start: f.amount for f in plan.figures if f.flow == "export"}
    assert exports["1992"] == 62177156.0  # BLR;DEU;1992;35801176;62177156
    assert store_plan(store, plan, dossier.id, path.name).added == len(plan.figures)


@pytest.mark.slow
def test_full_tradhist_counts_empty_and_scientific_values(shared_data):
    path = shared_data / "trade" / "tradhist_tradeflow_xx.csv"
    records = records_of(read_table(path))
    plan = plan_records(records, guess_mapping(records.header), 1, Options(**GIVEN, unit="1"))
    # Rows naming a country that no longer exists are left out, each said why (the
    # file has 1,633 empty cells; 16 of them are on those rows).
    reasons = {p.reason.split(" in ")[0]: p.reason for p in plan.skipped}
    assert sorted(reasons) == ["“ANT”", "“HWI”", "“YAR”", "“YMD”", "“YUG”"]
    assert "former country's code (Yugoslavia" in reasons["“YUG”"]
    assert len(plan.skipped) == 1064
    assert plan.empty_cells == 1617
    assert len(plan.figures) == 2 * (69_893 - 1064) - 1617
    # Romania's code until 2002 (ROM) is Romania.
    assert any(f.reporter == "RO" or f.partner == "RO" for f in plan.figures)


def test_full_rosstat_file_trade_blocks(shared_data, dossier):
    blocks = find_blocks(read_table(shared_data / "trade" / "rosstat_kep_2017_ind02_tab.csv"))
    trade = [
        b
        for b in blocks
        if "млрд.долларов США" in b.heading and not b.is_percent and b.section.startswith("1.9")
    ]
    headings = [b.heading.split(",")[0] for b in trade]
    assert len(trade) == 9  # total, far abroad, CIS: turnover, exports, imports each
    assert headings[0].startswith("1.9. Внешнеторговый оборот")
    exports = plan_block(trade[1], "export", dossier.id, Options(**GIVEN, unit="1000000000"))
    assert {f.period_start: f.amount for f in exports.figures}["2016"] == 281.8
    cis_imports = plan_block(trade[8], "import", dossier.id, Options(**GIVEN, unit="1000000000"))
    assert {f.period_start: f.amount for f in cis_imports.figures}["1999"] == 10.4


def test_cli_import_trade_asks_for_the_pair_and_the_unit_then_imports(store_file, capsys):
    from dossier.cli import main

    base = [
        "--store",
        str(store_file),
        "import-trade",
        str(FIXTURES / "tradhist_excerpt.csv"),
        "--country",
        "AZ",
    ]
    assert main(base) == 1
    assert "names no currency" in capsys.readouterr().err
    base += ["--currency", "usd"]
    pair = ["--rows", "destination_country_code=AZE", "--partner", "origin_country_code=DEU"]
    assert main([*base, *pair]) == 2
    captured = capsys.readouterr()
    assert "they look like plain units" in captured.out
    assert "Confirm the unit" in captured.err
    assert main([*base, *pair, "--dry-run"]) == 0
    assert "Dry run: nothing changed." in capsys.readouterr().out
    assert main([*base, *pair, "--unit", "1", "--store-unit", "1e6"]) == 0
    assert "Imported 14 figures into AZ" in capsys.readouterr().out
    assert main([*base, "--list-partners"]) == 0
    assert "AZE / DEU: 7 rows" in capsys.readouterr().out


def test_cli_import_trade_blocks(store_file, capsys):
    from dossier.cli import main

    base = [
        "--store",
        str(store_file),
        "import-trade",
        str(FIXTURES / "rosstat_kep_excerpt.csv"),
        "--country",
        "AZ",
    ]
    assert main([*base, "--list-blocks"]) == 0
    listing = capsys.readouterr().out
    line = next(ln for ln in listing.splitlines() if "1.9. Внешнеторговый" in ln)
    number = line.split()[1]
    assert main([*base, "--block", number]) == 1
    assert "--flow" in capsys.readouterr().err
    block = [*base, "--block", number, "--flow", "turnover", "--unit", "1e9"]
    assert main(block) == 1
    assert "Say whose trade" in capsys.readouterr().err
    block += ["--reporter", "RUS", "--partner", "world"]
    assert main(block) == 1
    assert "names no currency" in capsys.readouterr().err
    assert main([*block, "--currency", "USD"]) == 0
    assert "Imported 18 figures into AZ" in capsys.readouterr().out
    assert main([*base, "--block", str(int(number) + 1), "--flow", "turnover"]) == 1
    assert "percentages" in capsys.readouterr().err


@pytest.mark.parametrize("content", [b"", b"\x00\x01binary", b"caf\xe9;\xff\n1;2\n"])
def test_cli_hostile_trade_files_change_nothing(store_file, tmp_path, capsys, content):
    from dossier.cli import main
    from dossier.store import open_store

    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    assert (
        main(
            [
                "--store",
                str(store_file),
                "import-trade",
                str(path),
                "--country",
                "AZ",
                "--unit",
                "1",
            ]
        )
        == 1
    )
    assert capsys.readouterr().err.startswith("dossier: ")
    store = open_store(store_file)
    assert store.trade.count() == 4
    store.close()


def test_xlsx_long_table_with_a_flow_column(tmp_path, store, dossier):
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["Товарооборот Беларуси и Азербайджана, млн долларов США"])
    ws.append(["Период", "Поток", "Сумма", "Валюта"])
    ws.append(["2012", "товарооборот", 223.3, "USD"])
    ws.append(["2013Q3", "экспорт", "1\u00a0234,5", "usd"])
    ws.append(["2013-09", "импорт", None, "USD"])
    path = tmp_path / "trade.xlsx"
    book.save(path)
    records = records_of(read_table(path))
    mapping = guess_mapping(records.header)
    assert (mapping.period, mapping.flow, mapping.amount, mapping.currency) == (
        "Период",
        "Поток",
        "Сумма",
        "Валюта",
    )
    assert suggest_unit([*records.header, "Товарооборот … млн долларов США"], []).scale == "1000000"
    plan = plan_records(records, mapping, dossier.id, Options(**GIVEN, unit="1000000"))
    assert [(f.period_start, f.period_end, f.flow, f.amount, f.currency) for f in plan.figures] == [
        ("2012", "2012", "turnover", 223.3, "USD"),
        ("2013-07", "2013-09", "export", 1234.5, "USD"),
    ]
    assert plan.empty_cells == 1
    assert store_plan(store, plan, dossier.id, path.name).added == 2


def test_the_skipped_rows_report_speaks_the_readers_language() -> None:
    from dossier.ingest.tables import Problem
    from dossier.ingest.trade_types import TradePlan
    from dossier.said import said

    reason = said("no currency in this row", "в строке нет валюты")
    plan = TradePlan(skipped=[Problem(n, reason, "a;b") for n in (3, 4, 5, 6, 7, 8)])
    assert plan.report(1) == ["line 3: no currency in this row — a;b", "… and 5 more skipped rows"]
    assert plan.report(4, "ru")[0] == "строка 3: в строке нет валюты — a;b"
    assert plan.report(4, "ru")[-1] == "… и ещё 2 пропущенные строки"
    assert plan.report(1, "ru")[-1] == "… и ещё 5 пропущенных строк"
