"""The dataclasses made at every start share their repr, == and hash (issue 21,
start-up): the results are those of the methods @dataclass generated per class."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from dossier.entity_spec import EntitySpec
from dossier.fields import Choice, FieldSpec, Kind
from dossier.model import OFFICIAL
from dossier.store.backup import BackupInfo
from dossier.store.briefs import BriefRecord
from dossier.store.migrations import Migration
from dossier.store.oplog import Changes, Operation, _Step
from dossier.store.rekey import Outcome
from dossier.store.search import SearchHit

SHARED = [Choice, FieldSpec, EntitySpec, BackupInfo, BriefRecord, Migration]
SHARED += [Changes, Operation, _Step, Outcome, SearchHit]


@pytest.mark.parametrize("cls", SHARED, ids=lambda c: c.__name__)
def test_no_class_compiles_its_own_methods(cls: type) -> None:
    for name in ("__repr__", "__eq__", "__hash__"):
        assert name not in vars(cls)
    assert dataclasses.is_dataclass(cls)


def as_generated(record: object) -> str:
    inner = ", ".join(
        f"{f.name}={getattr(record, f.name)!r}" for f in dataclasses.fields(record) if f.repr
    )
    return f"{type(record).__qualname__}({inner})"


def test_frozen_records_compare_print_and_hash_by_value() -> None:
    spec = FieldSpec(name="post", en="Post", ru="Должность", kind=Kind.TEXT, example="x")
    same = FieldSpec(name="post", en="Post", ru="Должность", kind=Kind.TEXT, example="x")
    other = dataclasses.replace(spec, example="y")
    assert repr(spec) == as_generated(spec)
    assert spec == same
    assert spec != other
    values = tuple(getattr(spec, f.name) for f in dataclasses.fields(spec))
    assert hash(spec) == hash(values) == hash(same)
    assert len({spec, same, other}) == 2
    assert spec.__eq__(Choice("post", "Post", "Должность")) is NotImplemented
    assert pickle.loads(pickle.dumps(spec)) == spec
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.name = "other"  # type: ignore[misc]
    assert dataclasses.replace(OFFICIAL) == OFFICIAL
    assert hash(OFFICIAL) == hash(dataclasses.replace(OFFICIAL))
    hit = SearchHit("official", 1, 2, "Name", "snippet")
    assert repr(hit) == as_generated(hit)
    migration = Migration(3, Path("0003_x.sql"))
    assert {migration: 1}[Migration(3, Path("0003_x.sql"))] == 1


def test_mutable_records_compare_and_print_by_value_and_are_unhashable() -> None:
    outcome = Outcome(**{f.name: None for f in dataclasses.fields(Outcome)})
    twin = Outcome(**{f.name: None for f in dataclasses.fields(Outcome)})
    assert repr(outcome) == as_generated(outcome)
    assert outcome == twin
    with pytest.raises(TypeError):
        hash(outcome)
