"""FollowTheMoney export: officials as Person + Position + Occupancy, and the rest."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from dossier.cli import main
from dossier.exports.ftm import ftm_entities, ftm_lines


def test_sample_dossier_as_ftm_entities(sample_store):
    dossier = sample_store.dossiers.list()[0]
    entities = list(ftm_entities(sample_store, dossier))
    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities)  # ids are unique
    kinds = Counter(e["schema"] for e in entities)
    assert kinds["Person"] == 3
    assert kinds["Occupancy"] == 3
    assert kinds["Article"] == 1
    assert kinds["Project"] == 9
    aliyev = next(
        e
        for e in entities
        if e["schema"] == "Person" and e["properties"]["name"] == ["Ильхам Алиев"]
    )
    assert aliyev["properties"]["alias"] == ["Ilham Aliyev"]
    assert aliyev["properties"]["country"] == ["az"]
    occupancy = next(
        e
        for e in entities
        if e["schema"] == "Occupancy" and e["properties"]["holder"] == [aliyev["id"]]
    )
    post = by_id[occupancy["properties"]["post"][0]]
    assert post["properties"]["name"] == ["Президент Азербайджанской Республики"]
    # Every reference points at an entity of the same export, written before it.
    seen = set()
    for e in entities:
        for prop in ("holder", "post", "project", "participant", "proof", "organization"):
            for ref in e["properties"].get(prop, []):
                assert ref in seen, (e["schema"], prop)
        seen.add(e["id"])
    amkodor = next(e for e in entities if e["properties"].get("name") == ["Амкодор"])
    assert amkodor["schema"] == "Company"


def test_ids_are_stable_between_exports(sample_store):
    dossier = sample_store.dossiers.list()[0]
    assert ftm_lines(sample_store, dossier) == ftm_lines(sample_store, dossier)


def test_cli_export_ftm(store_file, capsys):
    assert main(["--store", str(store_file), "export-ftm", "AZ"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(json.loads(line)["schema"] for line in lines)


# -- every exported line checked by the followthemoney library (issue 22, item 6) ----
def assert_valid_ftm(lines: list[str]) -> list[dict]:
    """Each line a valid FtM entity: a known schema, known properties, every value
    accepted by its type (re-cleaning drops none), references to entities of the
    export, each id once."""
    from followthemoney import model

    entities = [json.loads(line) for line in lines]
    ids = [e["id"] for e in entities]
    assert len(ids) == len(set(ids)), "an entity is written more than once"
    for e in entities:
        schema = model.get(e["schema"])
        assert schema is not None, e["schema"]
        unknown = set(e["properties"]) - set(schema.properties)
        assert not unknown, (e["schema"], unknown)
        schema.validate(e)  # raises InvalidData
        proxy = model.get_proxy(e, cleaned=False)
        for prop, values in e["properties"].items():
            assert len(proxy.get(prop)) == len(values), (e["schema"], prop, values)
            if schema.properties[prop].type.name == "entity":
                assert set(values) <= set(ids), (e["schema"], prop)
        for prop in schema.required:
            assert e["properties"].get(prop), (e["schema"], prop)
    return entities


def test_sample_export_is_valid_ftm_with_a_country_for_both_sides(sample_store):
    dossier = sample_store.dossiers.list()[0]
    entities = assert_valid_ftm(ftm_lines(sample_store, dossier).splitlines())
    people = {e["properties"]["name"][0]: e for e in entities if e["schema"] == "Person"}
    assert all(p["properties"].get("country") for p in people.values())
    # Our own side is Belarus's (the dossier's home country), the host side Azerbaijan's.
    assert people["Николай Пацкевич"]["properties"]["country"] == ["by"]
    assert people["Ильхам Алиев"]["properties"]["country"] == ["az"]


def write_holders(path: Path) -> Path:
    path.write_text(
        "position,person,personID,start,end,gender,DOB\n"
        "Minister of Economy,Mikalai Snapkou,Q13031552,2009-12-04,2014-12-27,male,1969-05-26\n"
        "First Deputy Prime Minister,Mikalai Snapkou,Q13031552,2020-06-04,,male,1969-05-26\n"
        "Minister of Foreign Affairs,Maryna Bahdanava,Q1,2012,2015,female,\n"
        "Minister of Foreign Affairs,Uladzimir Makei,Q2,2012-08-20,2022-11-26,male,1958-08-05\n",
        encoding="utf-8",
    )
    return path


def test_every_post_held_is_an_occupancy_and_birth_and_gender_are_kept(
    store_file, tmp_path, capsys
):
    holders = write_holders(tmp_path / "holders.csv")
    assert (
        main(["--store", str(store_file), "import-officials", str(holders), "--country", "AZ"]) == 0
    )
    capsys.readouterr()
    assert main(["--store", str(store_file), "export-ftm", "AZ"]) == 0
    entities = assert_valid_ftm(capsys.readouterr().out.splitlines())
    by_id = {e["id"]: e for e in entities}
    person = next(e for e in entities if e["properties"].get("name") == ["Mikalai Snapkou"])
    assert person["properties"]["birthDate"] == ["1969-05-26"]
    assert person["properties"]["gender"] == ["male"]
    assert person["properties"]["country"] == ["az"]
    posts = sorted(
        (
            by_id[o["properties"]["post"][0]]["properties"]["name"][0],
            o["properties"].get("startDate"),
            o["properties"].get("endDate"),
            o["properties"]["status"],
        )
        for o in entities
        if o["schema"] == "Occupancy" and o["properties"]["holder"] == [person["id"]]
    )
    assert posts == [
        ("First Deputy Prime Minister", ["2020-06-04"], None, ["current"]),
        ("Minister of Economy", ["2009-12-04"], ["2014-12-27"], ["ended"]),
    ]
    # One post held by two people is one Position, written once.
    ministers = [
        e
        for e in entities
        if e["schema"] == "Position" and e["properties"]["name"] == ["Minister of Foreign Affairs"]
    ]
    assert len(ministers) == 1
    # The file's name is recorded as a file, not as a bogus web address.
    (article,) = (e for e in entities if e["properties"].get("title") == ["holders.csv"])
    assert "sourceUrl" not in article["properties"]
    assert article["properties"]["fileName"] == ["holders.csv"]


def test_real_officials_list_exports_valid_ftm_with_every_post(shared_data, store_file, capsys):
    import csv

    holders = shared_data / "officials" / "azerbaijan_officeholders_holders21.csv"
    with holders.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert (
        main(["--store", str(store_file), "import-officials", str(holders), "--country", "AZ"]) == 0
    )
    capsys.readouterr()
    assert main(["--store", str(store_file), "export-ftm", "AZ"]) == 0
    entities = assert_valid_ftm(capsys.readouterr().out.splitlines())
    people_in_file = {r["personID"] for r in rows}
    posts_in_file = {(r["personID"], r["position"], r["start"], r["end"]) for r in rows}
    occupancies = [e for e in entities if e["schema"] == "Occupancy"]
    # Every row of the file is a post; the sample's three officials hold one each, and
    # Ilham Aliyev's (in the file too) is the same post as the file's.
    assert len(occupancies) == len(posts_in_file) + 3 - 1
    assert len(posts_in_file) > len(people_in_file)
    heydar = next(e for e in entities if e["properties"].get("name") == ["Heydar Aliyev"])
    assert heydar["properties"]["birthDate"] == ["1923-05-10"]
    assert heydar["properties"]["gender"] == ["male"]
    assert all("sourceUrl" not in e["properties"] for e in entities if e["schema"] == "Article")
