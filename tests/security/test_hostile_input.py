"""Hostile input: any text in any field, any search query, huge and odd strings.

Every attempt either stores the value and reads it back as cleaned, or is refused
with a ValidationError naming the field; nothing else may escape.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.fields import Kind, ValidationError
from dossier.model import DOSSIER, DOSSIER_PARTS, ENTITIES, EVENT, EntitySpec
from dossier.store import Store, memory_store
from dossier.store.sample import load_sample

FUZZ = settings(
    max_examples=12, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

HOSTILE = st.one_of(
    st.text(),  # any code point, lone surrogates and control characters included
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "<b>жирный</b> &amp; &lt;",
            "\u202eевиж\u202c",
            "\u200f\u200e\u061c",
            "\x00\x01\x1b[31m",
            "'); DROP TABLE dossiers; --",
            '"quoted" AND NEAR(x y) OR title:* ^',
            '=HYPERLINK("http://x","y")',
            "\ud800",
            "a\udfffb",
            "🇦🇿 Азәрбајҹан",
            "\r\n\t",
            " " * 50,
        ]
    ),
)

_store: Store | None = None


def sample() -> Store:
    """One in-memory store with the sample, shared by every example (they only add)."""
    global _store
    if _store is None:
        _store = memory_store()
        load_sample(_store)
    return _store


def text_fields(spec: EntitySpec) -> list[str]:
    return [f.name for f in spec.fields if f.kind in (Kind.TEXT, Kind.LONGTEXT)]


def base_values(spec: EntitySpec) -> dict[str, Any]:
    """Valid values for the required fields, so only the fuzzed field can be wrong."""
    values: dict[str, Any] = {}
    for f in spec.fields:
        if f.required and f.kind is not Kind.READONLY:
            if f.kind is Kind.CHOICE:
                values[f.name] = f.choices[0].value
            elif f.kind is Kind.DATE:
                values[f.name] = "2013-11-25"
            elif f.kind in (Kind.INTEGER, Kind.NUMBER):
                values[f.name] = "1"
            else:
                values[f.name] = "x"
    if spec is DOSSIER:
        values["code"] = "QZ"
    return values


CASES = [
    (spec.name, name)
    for spec in (DOSSIER, *DOSSIER_PARTS, EVENT)
    for name in text_fields(spec)
    if not (spec is DOSSIER and name == "code")
]


@pytest.mark.parametrize(("entity", "field"), CASES)
@FUZZ
@given(text=HOSTILE)
def test_any_text_in_any_field_is_stored_or_refused(entity: str, field: str, text: str) -> None:
    store = sample()
    spec = ENTITIES[entity]
    values = {**base_values(spec), field: text}
    keys = {} if spec is DOSSIER else {"dossier_id": store.dossiers.list()[0].id}
    try:
        record = spec.make(values, **keys)
    except ValidationError as exc:
        problems = exc.errors  # each problem names its field
        assert set(problems) <= {f.name for f in spec.fields}
        return
    repo = store.repo(spec)
    if spec is DOSSIER:
        for old in repo.list(where="code = 'QZ'"):
            repo.delete(old.id)
    saved = repo.add(record)
    assert getattr(repo.get(saved.id), field) == getattr(record, field)
    repo.delete(saved.id)


@settings(FUZZ, max_examples=150)
@given(query=HOSTILE)
def test_any_search_query_is_answered(query: str) -> None:
    store = sample()
    hits = store.search(query)
    assert len(hits) <= 200
    store.officials.list(store.dossiers.list()[0].id, text=query)


def test_a_megabyte_of_text_is_stored_or_refused_with_a_reason() -> None:
    store = sample()
    d = store.dossiers.list()[0]
    from dossier.model import SOURCE

    big = "Ж" * 1_000_000
    source = store.sources.add(
        SOURCE.make({"title": "Большой", "kind": "note", "body": big}, dossier_id=d.id)
    )
    assert store.sources.get(source.id).body == big
    with pytest.raises(ValidationError, match="too long"):
        SOURCE.make({"title": big, "kind": "note"}, dossier_id=d.id)


def test_a_lone_surrogate_never_escapes_as_an_encoding_error() -> None:
    store = sample()
    from dossier.model import SOURCE

    d = store.dossiers.list()[0]
    try:
        source = store.sources.add(
            SOURCE.make({"title": "a\ud800b", "kind": "note"}, dossier_id=d.id)
        )
    except ValidationError:
        return
    assert "\ud800" not in store.sources.get(source.id).title
