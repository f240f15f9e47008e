"""Importers know whose trade a figure is: pair columns, or the pair the user gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.countries import code_of, country_name
from dossier.ingest.tables import TableError, read_table, records_of
from dossier.ingest.trade_import import Options, guess_mapping, plan_records
from dossier.model import DOSSIER

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.fixture
def dossier(store):
    return store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан"}))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("AZE", "AZ"),
        ("az", "AZ"),
        ("Azerbaijan", "AZ"),
        ("Азербайджан", "AZ"),
        ("Republic of Belarus", "BY"),
        ("Белоруссия", "BY"),
        ("031", "AZ"),  # Comtrade's numeric code
        ("World", "world"),
        ("Narnia", None),
        ("ROM", "RO"),  # Romania's code until 2002, still in TRADHIST and the UN's files
        ("YUG", None),  # a former country: no country of today stands for it
    ],
)
def test_country_codes_from_codes_and_names(text, code):
    assert code_of(text) == code


def test_a_row_naming_a_former_country_is_left_out_and_named(tmp_path, dossier):
    path = tmp_path / "tradhist.csv"
    path.write_text(
        "destination_country_code;origin_country_code;year;imports;exports\n"
        "AZE;YUG;1990;5;6\nAZE;ROM;1990;7;8\n",
        encoding="utf-8",
    )
    records = records_of(read_table(path))
    mapping = guess_mapping(records.header)
    mapping.partner = {"destination_country_code": "AZE"}
    plan = plan_records(records, mapping, dossier.id, Options(unit="1", currency="USD"))
    assert {(f.reporter, f.partner) for f in plan.figures} == {("AZ", "RO")}
    (problem,) = plan.skipped
    assert problem.reason == (
        "“YUG” in origin_country_code is a former country's code "
        "(Yugoslavia, (Socialist) Federal Republic of)"
    )


def test_country_names_in_both_languages():
    assert country_name("AZ", "en") == "Azerbaijan"
    assert country_name("AZ", "ru") == "Азербайджан"
    assert country_name("world", "ru") == "весь мир"


def test_tradhist_rows_are_the_destinations_trade_with_the_origin(dossier):
    records = records_of(read_table(FIXTURES / "tradhist_excerpt.csv"))
    mapping = guess_mapping(records.header)
    assert (mapping.reporter_column, mapping.partner_column) == (
        "destination_country_code",
        "origin_country_code",
    )
    mapping.partner = {"destination_country_code": "AZE"}
    plan = plan_records(records, mapping, dossier.id, Options(unit="1", currency="USD"))
    assert {(f.reporter, f.partner) for f in plan.figures} == {("AZ", "DE")}
    assert {f.flow for f in plan.figures} == {"export", "import"}


def test_comtrade_reporter_and_partner_names_are_mapped(tmp_path, dossier):
    path = tmp_path / "comtrade.csv"
    path.write_text(
        "refYear,reporterCode,reporterDesc,reporterISO,partnerCode,partnerDesc,partnerISO,"
        "flowDesc,primaryValue\n"
        "2022,112,Belarus,BLR,31,Azerbaijan,AZE,Export,223300000\n"
        "2022,112,Belarus,BLR,0,World,W00,Import,41000000000\n"
        "2022,112,Belarus,BLR,999,Atlantis,XXX,Import,5\n",
        encoding="utf-8",
    )
    records = records_of(read_table(path))
    mapping = guess_mapping(records.header)
    assert (mapping.reporter_column, mapping.partner_column) == ("reporterISO", "partnerISO")
    mapping.period, mapping.flow, mapping.amount = "refYear", "flowDesc", "primaryValue"
    plan = plan_records(records, mapping, dossier.id, Options(unit="1", currency="USD"))
    assert [(f.reporter, f.partner, f.flow) for f in plan.figures] == [
        ("BY", "AZ", "export"),
        ("BY", "world", "import"),
    ]
    assert "“XXX” in partnerISO is not a country" in plan.skipped[0].reason


def test_a_file_without_pair_or_currency_is_not_taken_for_the_dossiers_trade(tmp_path, dossier):
    path = tmp_path / "plain.csv"
    path.write_text("year,exports\n2012,223.3\n", encoding="utf-8")
    records = records_of(read_table(path))
    mapping = guess_mapping(records.header)
    with pytest.raises(TableError, match="Say whose trade"):
        plan_records(records, mapping, dossier.id, Options(unit="1000000", currency="USD"))
    with pytest.raises(TableError, match="names no currency"):
        plan_records(records, mapping, dossier.id, Options(unit="1", reporter="BY", partner="AZ"))
    given = Options(unit="1000000", currency="USD", reporter="BY", partner="AZ")
    plan = plan_records(records, mapping, dossier.id, given)
    assert [(f.reporter, f.partner, f.amount) for f in plan.figures] == [("BY", "AZ", 223.3)]


def test_cli_takes_the_pair_and_the_currency(store_file, tmp_path, capsys):
    from dossier.cli import main
    from dossier.store import open_store

    path = tmp_path / "plain.csv"
    path.write_text("year,exports\n2012,223.3\n2013,250.1\n", encoding="utf-8")
    base = ["--store", str(store_file), "import-trade", str(path), "--country", "AZ"]
    base += ["--unit", "1e6"]
    assert main(base) == 1
    assert "Say whose trade" in capsys.readouterr().err
    assert main([*base, "--reporter", "BY", "--partner", "Narnia"]) == 1
    assert "“Narnia” is not a country" in capsys.readouterr().err
    # A former country's code is named as such, never taken for its successor.
    assert main([*base, "--reporter", "YUG", "--partner", "AZ", "--currency", "USD"]) == 1
    err = capsys.readouterr().err
    assert "“YUG” is a former country's code (Yugoslavia" in err
    assert "reporter" in err
    assert main([*base, "--reporter", "BY", "--partner", "AZ"]) == 1
    assert "names no currency" in capsys.readouterr().err
    assert main([*base, "--reporter", "BY", "--partner", "AZE", "--currency", "eur"]) == 0
    store = open_store(store_file)
    dossier = store.find_dossier("AZ")
    rows = store.trade.list(dossier.id, where="period_start = '2013'")
    store.close()
    assert [(f.reporter, f.partner, f.flow, f.amount, f.currency) for f in rows] == [
        ("BY", "AZ", "export", 250.1, "EUR")
    ]


def test_factbook_totals_are_trade_with_the_world_seen_from_the_home_country(store):
    from dossier.bilateral import point_of_view
    from dossier.ingest.factbook import apply_factbook, plan_factbook, read_factbook

    book = read_factbook(FIXTURES / "aj_excerpt.json")
    dossier = apply_factbook(store, plan_factbook(store, book), home_country="Беларусь")
    assert dossier.home_code == "BY"
    assert point_of_view(dossier) == ("BY", "AZ")
    figures = [f for f in store.trade.list(dossier.id) if f.amount is not None]
    assert figures
    assert {(f.reporter, f.partner) for f in figures} == {("AZ", "world")}
    # The world totals are context, never the Belarus–Azerbaijan pair.
    assert store.trade.pair_sums(dossier.id, "BY", "AZ") == []
