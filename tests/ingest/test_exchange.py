"""Dossier exchange: an encrypted .dossier file out, a careful merge in."""

from __future__ import annotations

import dataclasses

import pytest

from dossier.cli import main
from dossier.exports.exchange_writer import export_dossier
from dossier.exports.json_text import dossier_json
from dossier.ingest.exchange import (
    ExchangeError,
    apply_merge,
    plan_merge,
    read_exchange,
    undo_merge,
)
from dossier.model import OFFICIAL, PROJECT
from dossier.store import memory_store

PASS = "correct horse battery"


def comparable(store, dossier):
    """The dossier as JSON with ids replaced by what they point at."""
    data = dossier_json(store, dossier)
    sources = {s["id"]: s["title"] for s in data["sources"]}
    officials = {o["id"]: o["name"] for o in data["officials"]}
    data["dossier"].pop("id")
    data["dossier"].pop("updated_at")
    for table, rows in data.items():
        if table == "dossier":
            continue
        for row in rows:
            row.pop("id")
            row.pop("dossier_id")
            row.pop("added_at", None)
            if row.get("source_id"):
                row["source_id"] = sources[row["source_id"]]
            if row.get("audience_id"):
                row["audience_id"] = officials[row["audience_id"]]
        rows.sort(key=repr)
    return data


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The sample dossier exported once (key derivation makes each export take a while)."""
    from dossier.store.sample import load_sample

    store = memory_store()
    dossier = load_sample(store)
    path = tmp_path_factory.mktemp("exchange") / "az.dossier"
    counts = export_dossier(store, dossier, path, PASS)
    store.close()
    assert counts["officials"] == 3
    return path


def test_the_file_is_encrypted(exported):
    head = exported.read_bytes()[:16]
    assert head != b"SQLite format 3\x00"
    assert "Алиев".encode() not in exported.read_bytes()


def test_export_then_import_into_a_fresh_store_equals_the_original(sample_store, exported):
    fresh = memory_store()
    plan = plan_merge(fresh, read_exchange(exported, PASS))
    assert plan.dossier is None
    result = apply_merge(fresh, plan, {})
    original = sample_store.dossiers.list()[0]
    assert comparable(fresh, result.dossier) == comparable(sample_store, original)
    fresh.close()


def test_reimport_finds_everything_identical(sample_store, exported):
    plan = plan_merge(sample_store, read_exchange(exported, PASS))
    assert (len(plan.new), len(plan.conflicts)) == (0, 0)
    assert len(plan.identical) == 23


def colleague_edits(exported, tmp_path):
    """The colleague's store: imported the file, edited an official, added a project."""
    theirs = memory_store()
    dossier = apply_merge(theirs, plan_merge(theirs, read_exchange(exported, PASS)), {}).dossier
    aliyev = next(o for o in theirs.officials.list(dossier.id) if o.name == "Ильхам Алиев")
    theirs.officials.update(dataclasses.replace(aliyev, position="Президент (переизбран 2024)"))
    theirs.projects.add(
        PROJECT.make(
            {"title": "Новый проект", "kind": "other", "status": "proposed"}, dossier_id=dossier.id
        )
    )
    back = tmp_path / "back.dossier"
    export_dossier(theirs, dossier, back, PASS)
    theirs.close()
    return back


def test_conflicting_edits_are_shown_side_by_side_and_resolved_as_chosen(
    sample_store, exported, tmp_path
):
    back = colleague_edits(exported, tmp_path)
    dossier = sample_store.dossiers.list()[0]
    aliyev = next(o for o in sample_store.officials.list(dossier.id) if o.name == "Ильхам Алиев")
    sample_store.officials.update(dataclasses.replace(aliyev, position="Президент АР"))
    plan = plan_merge(sample_store, read_exchange(back, PASS))
    assert [r.title for _, r in plan.new] == ["Новый проект"]
    [conflict] = plan.conflicts
    assert conflict.rows() == [("Post", "Президент АР", "Президент (переизбран 2024)")]
    result = apply_merge(sample_store, plan, {conflict.key: "theirs"})
    assert (result.added, result.updated) == (1, 1)
    assert sample_store.officials.get(aliyev.id).position == "Президент (переизбран 2024)"
    # Undo puts everything back as it was before the merge.
    undo_merge(sample_store, result)
    assert sample_store.officials.get(aliyev.id).position == "Президент АР"
    assert "Новый проект" not in {p.title for p in sample_store.projects.list(dossier.id)}


def test_keep_mine_and_keep_both_lose_nothing(sample_store, exported, tmp_path):
    back = colleague_edits(exported, tmp_path)
    dossier = sample_store.dossiers.list()[0]
    aliyev = next(o for o in sample_store.officials.list(dossier.id) if o.name == "Ильхам Алиев")
    sample_store.officials.update(dataclasses.replace(aliyev, position="Президент АР"))
    plan = plan_merge(sample_store, read_exchange(back, PASS))
    apply_merge(sample_store, plan, {})  # no choice: mine is kept
    assert sample_store.officials.get(aliyev.id).position == "Президент АР"
    plan = plan_merge(sample_store, read_exchange(back, PASS))
    [conflict] = plan.conflicts
    apply_merge(sample_store, plan, {conflict.key: "both"})
    posts = sorted(
        o.position for o in sample_store.officials.list(dossier.id) if o.name == "Ильхам Алиев"
    )
    assert posts == ["Президент (переизбран 2024)", "Президент АР"]


def test_wrong_passphrase_and_foreign_files_are_refused(exported, tmp_path, sample_store):
    with pytest.raises(ExchangeError, match="Wrong passphrase"):
        read_exchange(exported, "not the passphrase")
    junk = tmp_path / "junk.dossier"
    junk.write_bytes(b"hello" * 100)
    with pytest.raises(ExchangeError, match=r"not a \.dossier file"):
        read_exchange(junk, PASS)
    with pytest.raises(ExchangeError, match="too short"):
        export_dossier(
            sample_store, sample_store.dossiers.list()[0], tmp_path / "x.dossier", "short"
        )
    assert not (tmp_path / "x.dossier").exists()


def test_officials_matched_across_scripts_are_not_duplicated(sample_store, tmp_path):
    """A colleague's dossier written with Latin names merges into the Cyrillic one."""
    other = memory_store()
    dossier = other.dossiers.add(dataclasses.replace(sample_store.dossiers.list()[0], id=None))
    other.officials.add(
        OFFICIAL.make(
            {"name": "Ilham ALIYEV", "position": "President", "side": "host", "status": "current"},
            dossier_id=dossier.id,
        )
    )
    path = tmp_path / "latin.dossier"
    export_dossier(other, dossier, path, PASS)
    plan = plan_merge(sample_store, read_exchange(path, PASS))
    assert plan.new == []
    [conflict] = [c for c in plan.conflicts if c.spec is OFFICIAL]
    assert conflict.mine.name == "Ильхам Алиев"


def test_cli_round_trip(store_file, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DOSSIER_EXCHANGE_PASSPHRASE", PASS)
    out = tmp_path / "az.dossier"
    assert main(["--store", str(store_file), "export-dossier", "AZ", "--out", str(out)]) == 0
    assert "encrypted" in capsys.readouterr().out
    other = tmp_path / "other.db"
    assert main(["sample", "--out", str(other)]) == 0
    assert main(["--store", str(other), "import-dossier", str(out), "--dry-run"]) == 0
    assert "0 new, 23 identical, 0 conflicting" in capsys.readouterr().out
    monkeypatch.setenv("DOSSIER_EXCHANGE_PASSPHRASE", "wrong passphrase")
    assert main(["--store", str(other), "import-dossier", str(out)]) == 1
    assert "Wrong passphrase" in capsys.readouterr().err
