"""One spec per entity drives tables, forms, imports and the brief."""

from __future__ import annotations

import dataclasses

from dossier.model import (
    DOSSIER_PARTS,
    ENTITIES,
    TRADE,
    is_partial_year,
    period_label,
)


def test_every_entity_field_has_both_labels_and_a_kind() -> None:
    for spec in ENTITIES.values():
        names = {f.name for f in dataclasses.fields(spec.record)} - {"id", "dossier_id"}
        assert names == {f.name for f in spec.fields}, spec.name
        for f in spec.fields:
            assert f.en, (spec.name, f.name)
            assert f.ru, (spec.name, f.name)


def test_the_six_tabs_come_in_the_users_order() -> None:
    assert [s.label("en", plural=True) for s in DOSSIER_PARTS] == [
        "Officials",
        "Trade",
        "Projects",
        "Talking points",
        "Sources",
        "Events",
    ]
    assert [s.label("ru", plural=True) for s in DOSSIER_PARTS] == [
        "Должностные лица",
        "Торговля",
        "Проекты",
        "Тезисы",
        "Источники",
        "События",
    ]


def test_facts_cite_sources() -> None:
    assert all(spec.cites_source for spec in DOSSIER_PARTS if spec.name != "source")


def test_period_labels() -> None:
    assert period_label("2012-01-01", "2012-12-31") == "2012"
    assert period_label("2013-01-01", "2013-09-30") == "Jan–Sep 2013"
    assert period_label("2013-01-01", "2013-09-30", "ru") == "янв.–сент. 2013"
    assert period_label("2006", "2012") == "2006–2012"
    assert period_label("2013-03", "2013-03") == "Mar 2013"
    assert is_partial_year("2013-01-01", "2013-09-30")
    assert not is_partial_year("2012", "2012")


def test_make_builds_a_validated_record() -> None:
    fig = TRADE.make(
        {
            "period_start": "2012",
            "period_end": "2012",
            "flow": "Turnover",
            "amount": "223,3",
            "currency": "usd",
        },
        dossier_id=1,
    )
    assert (fig.flow, fig.amount, fig.currency, fig.dossier_id) == ("turnover", 223.3, "USD", 1)


def test_records_compare_and_print_as_dataclasses_do_with_methods_written_once() -> None:
    """Start-up (issue 21): the entities share one `__repr__` and `__eq__` (dataclass
    compiled a pair per class at every start); they behave as the generated ones did."""
    import pickle

    import pytest

    for spec in ENTITIES.values():
        cls = spec.record
        assert "__repr__" not in vars(cls)
        assert "__eq__" not in vars(cls)
        record = cls()
        names = [f.name for f in dataclasses.fields(cls)]
        shown = ", ".join(f"{name}={getattr(record, name)!r}" for name in names)
        assert repr(record) == f"{cls.__qualname__}({shown})"
        twin = cls()
        assert record == twin
        assert (record != twin) is False
        changed = dataclasses.replace(record, id=7)
        assert record != changed
        assert (record == changed) is False
        assert pickle.loads(pickle.dumps(changed)) == changed
        assert record.__eq__(object()) is NotImplemented
        assert record != dataclasses.asdict(record)
        with pytest.raises(TypeError):
            hash(record)
    # A value that is not equal to itself is still equal when it is the same object,
    # as in the tuples the generated __eq__ compared.
    nan = float("nan")
    assert TRADE.record(amount=nan) == TRADE.record(amount=nan)
    assert TRADE.record(amount=nan) != TRADE.record(amount=float("nan"))
