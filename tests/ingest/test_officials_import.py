"""Officials lists: posts with dates, current or former, matched across spellings."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.cli import main
from dossier.ingest.officials_import import (
    NOTES_HEAD,
    guess_officials_mapping,
    plan_officials,
    store_officials,
)
from dossier.ingest.tables import TableError, read_table, read_text, records_of
from dossier.model import DOSSIER, OFFICIAL

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.fixture
def belarus(store):
    return store.dossiers.add(
        DOSSIER.make({"code": "BY", "name": "Беларусь", "name_en": "Belarus"})
    )


def run_import(store, dossier, path, **options):
    records = records_of(read_table(path))
    mapping = guess_officials_mapping(records.header)
    if mapping.country:
        mapping.country_value = dossier.name_en
    plan = plan_officials(store, dossier, records, mapping, **options)
    store_officials(store, plan)
    return plan


def by_name(store, dossier):
    return {o.name: o for o in store.officials.list(dossier.id)}


def test_holders_become_officials_with_posts_dates_and_status(store, belarus):
    plan = run_import(store, belarus, FIXTURES / "belarus_holders_excerpt.csv")
    people = by_name(store, belarus)
    luka = people["Alexander Lukashenko"]
    assert (luka.position, luka.start_date, luka.end_date, luka.status) == (
        "President",
        "1994-07-20",
        None,
        "current",
    )
    # Snapkou held three posts: the current one with the latest start is kept,
    # the others are listed in the notes.
    snapkou = people["Mikalai Snapkou"]
    assert snapkou.position == "First Deputy Prime Minister"
    assert snapkou.notes.startswith(NOTES_HEAD)
    assert "- Minister of Economy (2009-12-04 – 2014-12-27)" in snapkou.notes
    assert "Wikidata: Q13031552" in snapkou.notes
    # A year-only date stays a year; an ended post makes a former official.
    yermalovich = people["Максім Леанідавіч Ермаловіч"]
    assert (yermalovich.start_date, yermalovich.end_date, yermalovich.status) == (
        "2018",
        "2020",
        "former",
    )
    assert plan.count("add") == len(people) == 5


def test_reimport_and_other_spelling_update_instead_of_duplicating(store, belarus):
    run_import(store, belarus, FIXTURES / "belarus_holders_excerpt.csv")
    again = run_import(store, belarus, FIXTURES / "belarus_holders_excerpt.csv")
    assert again.summary().startswith("0 new, 0 updated, 5 unchanged")
    # The government site spells him "Nikolai Snopkov".
    site = run_import(store, belarus, FIXTURES / "belarus_site_excerpt.csv")
    assert site.count("add") == 1  # Yury Nazarov is not in the excerpt of holders
    snopkov = next(c for c in site.people if c.person.name == "Nikolai Snopkov")
    assert snopkov.action == "update"
    assert snopkov.existing.name == "Mikalai Snapkou"
    assert (
        snopkov.changes["position"][1] == "First Deputy Prime Minister of the Republic of Belarus"
    )
    assert store.officials.count(belarus.id) == 6


def test_cyrillic_official_is_matched_and_keeps_its_russian_post(store, belarus):
    mine = store.officials.add(
        OFFICIAL.make(
            {
                "name": "Александр Лукашенко",
                "position": "Президент Республики Беларусь",
                "start_date": "1994-07-20",
                "side": "host",
                "status": "current",
            },
            dossier_id=belarus.id,
        )
    )
    run_import(store, belarus, FIXTURES / "world_leaders_excerpt.csv")
    luka = store.officials.get(mine.id)
    assert luka.position == "Президент Республики Беларусь"  # not replaced by English
    assert luka.start_date == "1994-07-20"  # not coarsened to 1994 by the year-only file
    assert luka.name_latin == "Alexander Lukashenko"
    assert store.officials.count(belarus.id) == 2  # + Golovchenko, nobody else's leaders


def test_surname_first_names_and_invisible_marks_are_cleaned(store):
    russia = store.dossiers.add(DOSSIER.make({"code": "RU", "name": "Россия"}))
    run_import(store, russia, FIXTURES / "russia_holders_excerpt.csv")
    names = set(by_name(store, russia))
    assert "Владимир Александрович Токарев" in names
    assert "Valerii Leonidovich Musatov" in names  # the U+200F mark is gone
    putin = by_name(store, russia)["Vladimir Putin"]
    assert putin.status == "current"
    assert putin.start_date == "2012-05-07"


def test_scraped_site_positions_with_commas_and_backticks(store):
    az = store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан"}))
    run_import(store, az, FIXTURES / "azerbaijan_site_excerpt.csv")
    muradova = by_name(store, az)["Bahar Muradova"]
    assert muradova.position == (
        "Chairperson of the State Committee on Family, Women’s and Children’s Problems"
    )
    assert muradova.status == "current"


def test_bad_dates_are_reported_and_left_empty(store, belarus):
    records = records_of(
        read_text(
            "person,position,start,end\nA Person,Minister,soon,2019\n"
            "B Person,Minister,2020,2019\n,Minister,2020,\n"
        )
    )
    plan = plan_officials(store, belarus, records, guess_officials_mapping(records.header))
    reasons = [p.reason for p in plan.skipped]
    assert "start “soon” is not a date; left empty" in reasons
    assert any("before start" in r for r in reasons)
    assert "no name" in reasons
    assert plan.count("add") == 2


def test_a_file_without_a_name_column_is_refused(store, belarus):
    records = records_of(read_text("x,y\n1,2\n"))
    with pytest.raises(TableError, match="name"):
        plan_officials(store, belarus, records, guess_officials_mapping(records.header))


def test_cli_import_officials_dry_run_changes_nothing(store_file, capsys):
    args = [
        "--store",
        str(store_file),
        "import-officials",
        str(FIXTURES / "azerbaijan_holders_excerpt.csv"),
        "--country",
        "AZ",
    ]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "2 new, 1 updated" in out
    assert "~ Ильхам Алиев (file: Ilham Aliyev)" in out
    assert "Dry run: nothing changed." in out
    assert main(args) == 0
    assert "Added 2 and updated 1 officials in AZ." in capsys.readouterr().out
    assert main(args) == 0
    assert "Nothing to change." in capsys.readouterr().out


@pytest.mark.parametrize(
    "name",
    [
        "world_leaders_2021_wikidata.csv",
        "belarus_officeholders_holders21.csv",
        "belarus_cabinet_official_site_scraped.csv",
        "azerbaijan_officeholders_holders21.csv",
        "azerbaijan_cabinet_official_site_scraped.csv",
        "russia_officeholders_holders21.csv",
        "russia_cabinet_official_site_scraped.csv",
    ],
)
def test_every_real_officials_file(shared_data, store, belarus, name):
    plan = run_import(store, belarus, shared_data / "officials" / name)
    assert not plan.skipped
    assert plan.count("add") > 0
    again = run_import(store, belarus, shared_data / "officials" / name)
    assert again.count("add") == 0
    assert again.count("update") == 0


def test_real_belarus_site_matches_wikidata_holders(shared_data, store, belarus):
    run_import(store, belarus, shared_data / "officials" / "belarus_officeholders_holders21.csv")
    before = store.officials.count(belarus.id)
    site = run_import(
        store, belarus, shared_data / "officials" / "belarus_cabinet_official_site_scraped.csv"
    )
    matched = {c.person.name: c.existing.name for c in site.people if c.existing}
    assert matched["Nikolai Snopkov"] == "Mikalai Snapkou"
    assert store.officials.count(belarus.id) == before + site.count("add")


def test_birth_date_and_gender_are_kept_and_odd_values_reported(store, belarus, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(
        "ФИО,Должность,Дата рождения,Пол\n"
        "Роман Головченко,Премьер-министр,1973-08-16,М\n"
        "Наталья Кочанова,Председатель Совета Республики,1960-09-25,женский\n"
        "Иван Иванов,Министр,25.13.1960,?\n",
        encoding="utf-8",
    )
    records = records_of(read_table(path))
    mapping = guess_officials_mapping(records.header)
    assert (mapping.birth_date, mapping.gender) == ("Дата рождения", "Пол")
    plan = plan_officials(store, belarus, records, mapping)
    store_officials(store, plan)
    people = by_name(store, belarus)
    assert (people["Роман Головченко"].birth_date, people["Роман Головченко"].gender) == (
        "1973-08-16",
        "male",
    )
    assert people["Наталья Кочанова"].gender == "female"
    assert (people["Иван Иванов"].birth_date, people["Иван Иванов"].gender) == (None, None)
    reasons = [p.reason for p in plan.skipped]
    assert "birth date “25.13.1960” is not a date; left empty" in reasons
    assert "gender “?” not understood; left empty" in reasons
