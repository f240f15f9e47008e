"""Full-text search: Cyrillic-aware, case-insensitive, safe for any input, bounded."""

from __future__ import annotations

import pytest

from dossier.model import DOSSIER, OFFICIAL, SOURCE
from dossier.store import HIT_END, HIT_START, Store
from dossier.store.search import fts_query


def test_lowercase_cyrillic_finds_capitalised_name(sample_store: Store) -> None:
    hits = sample_store.search("алиев", kinds=("official",))
    assert [h.title for h in hits] == ["Ильхам Алиев Ilham Aliyev"]
    assert f"{HIT_START}Алиев{HIT_END}" in hits[0].snippet


def test_latin_spelling_finds_the_same_person(sample_store: Store) -> None:
    assert [h.kind for h in sample_store.search("ALIYEV", kinds=("official",))] == ["official"]
    # The English texts name him too (issue 19): the person comes first.
    assert sample_store.search("ALIYEV")[0].kind == "official"


def test_inflected_forms_in_source_text_are_found_by_prefix(sample_store: Store) -> None:
    kinds = {h.kind for h in sample_store.search("Пацкевич")}
    assert {"official", "source"} <= kinds


def test_search_across_kinds(sample_store: Store) -> None:
    kinds = {h.kind for h in sample_store.search("экскаваторов")}
    assert {"project", "source"} <= kinds
    assert {h.kind for h in sample_store.search("закрытых тем")} >= {"talking_point"}


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "AND (",
        "*",
        "NEAR",
        "алиев NEAR/2",
        "'",
        '"алиев',
        "OR OR",
        "^",
        "title:x",
        "-",
        "()",
        "\x00",
        "💥",
    ],
)
def test_hostile_queries_never_raise(sample_store: Store, query: str) -> None:
    sample_store.search(query)


def test_fts_syntax_is_searched_literally(store: Store) -> None:
    d = store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан"}))
    store.sources.add(
        SOURCE.make({"title": "Oil AND gas NEAR Baku", "kind": "note"}, dossier_id=d.id)
    )
    assert len(store.search("AND")) == 1
    assert len(store.search("NEAR")) == 1
    assert fts_query('a" OR b') == '"a"* AND "OR"* AND "b"*'
    assert fts_query("  ,,, ") is None


def test_results_are_bounded(store: Store) -> None:
    d = store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан"}))
    store.officials.add_many(
        OFFICIAL.make({"name": f"Посол {n}", "side": "host", "status": "current"}, dossier_id=d.id)
        for n in range(300)
    )
    assert len(store.search("посол", limit=10_000)) == 200
    assert len(store.search("посол")) == 50


def test_megabyte_text_is_stored_and_found(store: Store) -> None:
    d = store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан"}))
    body = ("обычный текст " * 80_000) + " редчайшееслово"
    assert len(body) > 1_000_000
    src = store.sources.add(
        SOURCE.make({"title": "Большой", "kind": "report", "body": body}, dossier_id=d.id)
    )
    assert store.sources.get(src.id).body == body
    assert [h.id for h in store.search("редчайшееслово")] == [src.id]


def test_edits_and_deletes_update_the_index(store: Store) -> None:
    d = store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан"}))
    o = store.officials.add(
        OFFICIAL.make({"name": "Пацкевич", "side": "home", "status": "current"}, dossier_id=d.id)
    )
    o.name_latin = "Patskevich"
    store.officials.update(o)
    assert store.search("patskevich")
    store.officials.delete(o.id)
    assert not store.search("пацкевич")
    assert store.check() == []


def test_search_within_one_dossier(sample_store: Store) -> None:
    assert sample_store.search("алиев", dossier_id=999) == []


def test_ye_and_yo_are_one_letter_in_search(store: Store) -> None:
    d = store.dossiers.add(DOSSIER.make({"code": "RU", "name": "Россия"}))
    yolkin = store.officials.add(
        OFFICIAL.make({"name": "Пётр Ёлкин", "side": "host", "status": "current"}, dossier_id=d.id)
    )
    fedorov = store.officials.add(
        OFFICIAL.make(
            {"name": "Фёдор Федоров", "side": "host", "status": "current"}, dossier_id=d.id
        )
    )
    assert [h.id for h in store.search("елкин")] == [yolkin.id]
    assert [h.id for h in store.search("петр")] == [yolkin.id]
    assert {h.id for h in store.search("фёдоров")} == {fedorov.id}
    assert store.officials.count(d.id, text="ЕЛКИН") == 1
    (hit,) = store.search("елкин")
    assert f"{HIT_START}Ёлкин{HIT_END}" in hit.snippet
