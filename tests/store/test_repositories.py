"""Every repository lists, gets, adds, updates and deletes, and audits each change."""

from __future__ import annotations

import dataclasses

import pytest

from dossier.fields import ValidationError
from dossier.model import DOSSIER, ENTITIES, EVENT, OFFICIAL, PROJECT, SOURCE, TALKING_POINT, TRADE
from dossier.store import NotFound, Store

VALID = {
    "source": {"kind": "article", "title": "Визит в Баку", "publisher": "ИТАР-ТАСС"},
    "official": {
        "name": "Ильхам Алиев",
        "name_latin": "Ilham Aliyev",
        "side": "host",
        "status": "current",
        "position": "Президент",
    },
    "trade": {
        "period_start": "2012",
        "period_end": "2012",
        "flow": "turnover",
        "amount": "223,3",
        "currency": "USD",
        "unit_scale": "1000000",
    },
    "project": {
        "title": "Поставка экскаваторов",
        "kind": "supply",
        "status": "in_progress",
        "quantity": "80",
        "home_partner": "Амкодор",
    },
    "talking_point": {"kind": "objective", "text": "Нарастить товарооборот.", "status": "approved"},
    "event": {"title": "Визит в Баку", "place": "Баку", "start_date": "2013-11"},
}
EDIT = {
    "source": ("title", "Визит"),
    "official": ("position", "Президент Азербайджана"),
    "trade": ("amount", 230.0),
    "project": ("quantity", 90),
    "talking_point": ("text", "Удвоить товарооборот."),
    "event": ("place", "Минск"),
}


@pytest.fixture
def dossier_id(store: Store) -> int:
    return store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан"})).id


@pytest.mark.parametrize("name", list(VALID))
def test_crud_with_audit(store: Store, dossier_id: int, name: str) -> None:
    spec = ENTITIES[name]
    repo = store.repo(spec)
    added = repo.add(spec.make(VALID[name], dossier_id=dossier_id))
    assert added.id is not None
    assert repo.get(added.id) == added
    assert repo.list(dossier_id) == [added]
    assert repo.count(dossier_id) == 1

    field, value = EDIT[name]
    updated = repo.update(dataclasses.replace(added, **{field: value}))
    assert getattr(updated, field) == value

    removed = repo.delete(added.id)
    assert removed == updated
    with pytest.raises(NotFound):
        repo.get(added.id)

    audit = [(c["action"], c["field"]) for c in store.changes() if c["table_name"] == spec.table]
    assert ("delete", None) in audit
    assert ("update", field) in audit
    assert any(action == "insert" for action, _ in audit)
    old_new = next(
        c for c in store.changes() if c["action"] == "update" and c["table_name"] == spec.table
    )
    assert old_new["new"] == str(value)


def test_dossier_crud_and_its_last_change(store: Store, dossier_id: int) -> None:
    before = store.dossiers.get(dossier_id).updated_at
    store.dossiers.update(dataclasses.replace(store.dossiers.get(dossier_id), name_en="Azerbaijan"))
    assert store.dossiers.get(dossier_id).name_en == "Azerbaijan"
    assert store.dossiers.get(dossier_id).updated_at >= before
    store.dossiers.delete(dossier_id)
    assert store.dossiers.count() == 0


def test_adding_a_fact_marks_its_dossier_changed(store: Store, dossier_id: int) -> None:
    store.db.execute("UPDATE dossiers SET updated_at = '2000-01-01T00:00:00Z'")
    store.officials.add(OFFICIAL.make(VALID["official"], dossier_id=dossier_id))
    assert store.dossiers.get(dossier_id).updated_at > "2000"


def test_invalid_record_changes_nothing(store: Store, dossier_id: int) -> None:
    bad = TRADE.make(VALID["trade"], dossier_id=dossier_id)
    bad.flow = "smuggling"
    with pytest.raises(ValidationError):
        store.trade.add(bad)
    assert store.trade.count() == 0
    assert not [c for c in store.changes() if c["table_name"] == "trade_figures"]


def test_a_failed_multi_record_action_rolls_back(store: Store, dossier_id: int) -> None:
    good = OFFICIAL.make(VALID["official"], dossier_id=dossier_id)
    bad = OFFICIAL.make(VALID["official"], dossier_id=dossier_id)
    bad.side = "enemy"
    with pytest.raises(ValidationError):
        store.officials.add_many([good, bad])
    assert store.officials.count() == 0


def test_deleting_a_source_keeps_the_facts_citing_it(store: Store, dossier_id: int) -> None:
    source = store.sources.add(SOURCE.make(VALID["source"], dossier_id=dossier_id))
    official = store.officials.add(
        OFFICIAL.make({**VALID["official"], "source_id": source.id}, dossier_id=dossier_id)
    )
    assert [r.id for _, r in store.citing(source.id)] == [official.id]
    store.sources.delete(source.id)
    assert store.officials.get(official.id).source_id is None


def test_deleted_record_can_be_restored_with_its_id(store: Store, dossier_id: int) -> None:
    project = store.projects.add(PROJECT.make(VALID["project"], dossier_id=dossier_id))
    old = store.projects.delete(project.id)
    assert store.projects.add(old) == project


def test_talking_points_keep_their_order(store: Store, dossier_id: int) -> None:
    ids = [
        store.talking_points.add(
            TALKING_POINT.make(
                {"kind": "key_message", "text": f"Тезис {n}", "status": "draft"},
                dossier_id=dossier_id,
            )
        ).id
        for n in range(4)
    ]
    store.talking_points.move(ids[3], 0)
    assert [p.id for p in store.talking_points.list(dossier_id)] == [ids[3], *ids[:3]]
    store.talking_points.move(ids[3], 99)
    assert [p.id for p in store.talking_points.list(dossier_id)] == [*ids[:3], ids[3]]


def test_sorting_cyrillic_ignores_case(store: Store, dossier_id: int) -> None:
    for name in ["ёлкин", "Борисов", "алиев", "Ангелов", "Ежов"]:
        store.officials.add(
            OFFICIAL.make(
                {"name": name, "side": "host", "status": "current"}, dossier_id=dossier_id
            )
        )
    names = [o.name for o in store.officials.list(dossier_id, order_by="name")]
    assert names == ["алиев", "Ангелов", "Борисов", "Ежов", "ёлкин"]
    names = [o.name for o in store.officials.list(dossier_id, order_by="name", descending=True)]
    assert names[0] == "ёлкин"


def test_filter_and_paging(store: Store, dossier_id: int) -> None:
    for n in range(30):
        store.officials.add(
            OFFICIAL.make(
                {
                    "name": f"Чиновник {n}",
                    "position": "Министр" if n % 3 == 0 else "Посол",
                    "side": "host",
                    "status": "current",
                },
                dossier_id=dossier_id,
            )
        )
    assert store.officials.count(dossier_id, text="министр") == 10
    page = store.officials.list(dossier_id, text="МИНИСТР", limit=4, offset=8)
    assert len(page) == 2
    assert store.officials.count(dossier_id, text='"(') == 0


def test_unknown_sort_column_is_refused(store: Store, dossier_id: int) -> None:
    with pytest.raises(KeyError):
        store.officials.list(dossier_id, order_by="name; DROP TABLE officials")


def test_events_validate_their_dates(store: Store, dossier_id: int) -> None:
    with pytest.raises(ValidationError):
        store.events.add(
            EVENT.make(
                {"title": "x", "start_date": "2013-12", "end_date": "2013-01"},
                dossier_id=dossier_id,
            )
        )


def test_some_columns_of_every_record_in_the_lists_order(sample_store: Store) -> None:
    d = sample_store.dossiers.list()[0]
    rows = sample_store.officials.columns(d.id, ("id", "name", "status"))
    assert [r[1] for r in rows] == [o.name for o in sample_store.officials.list(d.id)]
    assert {r[2] for r in rows} == {"current"}
    with pytest.raises(KeyError):
        sample_store.officials.columns(d.id, ("name; DROP TABLE officials",))
