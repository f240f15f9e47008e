"""New dossier / refresh from a CIA World Factbook JSON file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.ingest.factbook import (
    FactbookError,
    apply_factbook,
    parse_leaders,
    parse_since,
    plan_factbook,
    read_factbook,
    text_of,
)
from dossier.model import OFFICIAL

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def test_fips_codes_are_turned_into_iso_codes():
    aj = read_factbook(FIXTURES / "aj_excerpt.json")
    bo = read_factbook(FIXTURES / "bo_excerpt.json")
    assert (aj.fips, aj.iso, aj.name_en, aj.name_ru) == ("AJ", "AZ", "Azerbaijan", "Азербайджан")
    # BO is Bolivia in ISO; in the Factbook it is Belarus.
    assert (bo.fips, bo.iso, bo.name_ru) == ("BO", "BY", "Беларусь")


def test_leaders_totals_and_partners_are_read():
    aj = read_factbook(FIXTURES / "aj_excerpt.json")
    assert [(x.role, x.title, x.name, x.since) for x in aj.leaders] == [
        ("chief of state", "President", "Ilham Aliyev", "2003-10-31"),
        ("head of government", "Prime Minister", "Ali Asadov", "2019-10-08"),
    ]
    totals = {(t.flow, t.year): t.amount for t in aj.totals}
    assert totals[("export", "2024")] == 34.113  # "$34.113 billion (2024 est.)"
    assert totals[("import", "2022")] == 21.274
    assert aj.partners["export"].startswith("Italy 37%, Turkey 19%")


def test_the_factbook_age_is_shown():
    aj = read_factbook(FIXTURES / "aj_excerpt.json")
    assert aj.age(dt.date(2026, 11, 25)) == (
        "The World Factbook was frozen in 2026-02 "
        "(9 months ago); its newest trade figures are "
        "for 2024."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Premier Mikhail Vladimirovich MISHUSTIN (since 16 January 2020)",
            ("Premier", "Mikhail Vladimirovich Mishustin", "2020-01-16"),
        ),
        (
            "Prime Minister Alyaksandr TURCHYN (since 10 March 2025)",
            ("Prime Minister", "Alyaksandr Turchyn", "2025-03-10"),
        ),
        (
            "President Ilham ALIYEV (since 31 October 2003); Vice President Mehriban ALIYEVA",
            ("President", "Ilham Aliyev", "2003-10-31"),
        ),
    ],
)
def test_leader_lines(text, expected):
    [leader] = parse_leaders("head of government", text)
    assert (leader.title, leader.name, leader.since) == expected


def test_html_entities_and_nbsp_are_cleaned():
    assert (
        text_of({"text": "<b>note:</b> a&amp;b\u00a0c<br><br>non\u2011stop"})
        == "note: a&b c\n\nnon-stop"
    )
    assert parse_since("July 2025") == "2025-07"
    assert parse_since("nonsense") is None


def test_new_dossier_from_the_factbook(store):
    book = read_factbook(FIXTURES / "bo_excerpt.json")
    plan = plan_factbook(store, book)
    assert plan.lines[0] == "New dossier BY (Belarus)."
    dossier = apply_factbook(store, plan, home_country="Азербайджан")
    assert (dossier.code, dossier.name, dossier.name_en) == ("BY", "Беларусь", "Belarus")
    assert dossier.summary.startswith("After seven decades")
    [source] = store.sources.list(dossier.id)
    assert (source.title, source.published_on) == ("CIA World Factbook: Belarus", "2026-02")
    assert "frozen in 2026-02" in source.body
    officials = {o.name: o for o in store.officials.list(dossier.id)}
    assert officials["Alyaksandr Lukashenka"].start_date == "1994-07-20"
    assert officials["Alyaksandr Turchyn"].position == "Prime Minister"
    assert {o.source_id for o in officials.values()} == {source.id}
    trade = {(f.period_start, f.flow): f for f in store.trade.list(dossier.id)}
    exports = trade[("2024", "export")]
    assert (exports.amount, exports.unit_scale, exports.kind) == (49.386, "1000000000", "estimate")
    assert (exports.reporter, exports.partner) == ("BY", "world")
    assert exports.note.startswith("World total:")
    [point] = store.talking_points.list(dossier.id)
    assert "China 34%" in point.text
    assert point.kind == "background"


def test_refresh_matches_officials_and_updates_instead_of_duplicating(store):
    book = read_factbook(FIXTURES / "bo_excerpt.json")
    dossier = apply_factbook(store, plan_factbook(store, book))
    luka = next(o for o in store.officials.list(dossier.id) if "Lukashenka" in o.name)
    store.officials.update(
        OFFICIAL.make(
            {**luka.__dict__, "name": "Александр Лукашенко", "name_latin": "Alexander Lukashenko"},
            id=luka.id,
            dossier_id=dossier.id,
        )
    )
    plan = plan_factbook(store, book)
    assert "update Александр Лукашенко" in plan.lines[1]
    apply_factbook(store, plan)
    assert store.officials.count(dossier.id) == 2
    assert store.trade.count(dossier.id) == 6
    assert store.sources.count(dossier.id) == 1
    assert store.talking_points.count(dossier.id) == 1


def test_sample_dossier_is_refreshed(sample_store):
    book = read_factbook(FIXTURES / "aj_excerpt.json")
    before = sample_store.officials.count(1)
    dossier = apply_factbook(sample_store, plan_factbook(sample_store, book))
    aliyev = next(o for o in sample_store.officials.list(dossier.id) if o.name == "Ильхам Алиев")
    assert aliyev.start_date == "2003-10-31"
    assert sample_store.officials.count(dossier.id) == before + 1  # Ali Asadov is new
    assert dossier.summary.startswith("Двухдневный визит")  # the user's text is kept


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not JSON"),
        ('{"Economy": {}}', "not a World Factbook country file"),
        ("[1, 2]", "not a World Factbook"),
    ],
)
def test_bad_files_are_refused(tmp_path, content, message):
    path = tmp_path / "xx.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FactbookError, match=message):
        read_factbook(path)


def test_unknown_country_asks_for_the_code(tmp_path):
    path = tmp_path / "zz.json"
    path.write_text(
        json.dumps(
            {"Government": {"Country name": {"conventional short form": {"text": "Atlantis"}}}}
        ),
        encoding="utf-8",
    )
    with pytest.raises(FactbookError, match="--code"):
        read_factbook(path)
    assert read_factbook(path, code="xa").iso == "XA"


def test_cli_import_factbook(store_file, capsys):
    args = ["--store", str(store_file), "import-factbook", str(FIXTURES / "bo_excerpt.json")]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "New dossier BY (Belarus)." in out
    assert "frozen in 2026-02" in out
    assert main(args) == 0
    assert main(["--store", str(store_file), "list"]) == 0
    assert "BY  Беларусь" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "iso", "exports_2024", "head"),
    [
        ("aj_azerbaijan.json", "AZ", 34.113, "Ali Asadov"),
        ("bo_belarus.json", "BY", 49.386, "Alyaksandr Turchyn"),
        ("rs_russia.json", "RU", 475.277, "Mikhail Vladimirovich Mishustin"),
    ],
)
def test_every_real_factbook_file(shared_data, store, name, iso, exports_2024, head):
    book = read_factbook(shared_data / "factbook" / name)
    assert book.iso == iso
    dossier = apply_factbook(store, plan_factbook(store, book))
    trade = {(f.period_start, f.flow): f.amount for f in store.trade.list(dossier.id)}
    assert trade[("2024", "export")] == exports_2024
    assert head in {o.name for o in store.officials.list(dossier.id)}
