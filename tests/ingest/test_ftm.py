"""FollowTheMoney export: officials as Person + Position + Occupancy, and the rest."""

from __future__ import annotations

import json
from collections import Counter

from dossier.cli import main
from dossier.ingest.ftm import ftm_entities, ftm_lines


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
