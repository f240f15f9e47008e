"""The generic table model: Qt's model contract, fetching on demand, SQL sort and filter."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from dossier.model import DOSSIER_PARTS, OFFICIAL, TRADE, EntitySpec, TradeFigure
from dossier.store import Store
from dossier.ui.table_model import RECORD_ROLE, EntityTableModel

pytestmark = pytest.mark.gui


def dossier_id(store: Store) -> int:
    return store.dossiers.list()[0].id


@pytest.mark.parametrize("spec", DOSSIER_PARTS, ids=lambda spec: spec.name)
def test_model_passes_qt_model_tester(qtmodeltester: Any, sample_store: Store,
                                      spec: EntitySpec) -> None:
    model = EntityTableModel(spec, sample_store, "ru")
    model.muted = lambda record: record.id == 1  # the extra roles are checked too
    model.set_dossier(dossier_id(sample_store))
    assert model.rowCount() == sample_store.repo(spec).count()
    qtmodeltester.check(model)


def test_columns_and_cells_come_from_the_spec(sample_store: Store) -> None:
    model = EntityTableModel(OFFICIAL, sample_store, "en")
    model.set_dossier(dossier_id(sample_store))
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["Name", "Latin spelling", "Post"]
    sides = {model.index(r, headers.index("Side")).data() for r in range(model.rowCount())}
    assert sides == {"Home side", "Host side"}  # choice labels, not stored values
    source = model.index(0, headers.index("Source")).data()
    assert source.startswith("Президент Белоруссии")  # the cited source's title, not its id
    model.set_lang("ru")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Имя"


def test_big_tables_are_fetched_in_batches(qtmodeltester: Any, sample_store: Store) -> None:
    did = dossier_id(sample_store)
    sample_store.trade.add_many(
        TradeFigure(dossier_id=did, period_start=str(1500 + i), period_end=str(1500 + i),
                    flow="export", amount=float(i)) for i in range(450))
    model = EntityTableModel(TRADE, sample_store, "en")
    model.BATCH = 100
    model.set_dossier(did)
    assert model.total == 454
    assert model.rowCount() == 100
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 200
    assert model.row_of(sample_store.trade.list(did)[-1].id) is not None  # fetches to it
    assert model.rowCount() == 454
    assert not model.canFetchMore()
    qtmodeltester.check(model)


def test_sorting_is_done_by_the_store(sample_store: Store) -> None:
    model = EntityTableModel(OFFICIAL, sample_store, "en")
    model.set_dossier(dossier_id(sample_store))
    model.sort(0, Qt.SortOrder.DescendingOrder)
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["Николай Пацкевич", "Ильхам Алиев", "Александр Лукашенко"]
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 0).data() == "Александр Лукашенко"
    model.sort(-1)  # sort indicator cleared: the store's natural order again
    assert model.order_by is None


def test_filter_finds_words_in_any_case(sample_store: Store) -> None:
    model = EntityTableModel(OFFICIAL, sample_store, "en")
    model.set_dossier(dossier_id(sample_store))
    model.set_filter("алиев")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Ильхам Алиев"]
    assert model.index(0, 0).data(RECORD_ROLE).name_latin == "Ilham Aliyev"
    model.set_filter("посол")  # matches the post, not only the name
    assert model.total == 1
    model.set_filter("")
    assert model.total == 3


def test_no_dossier_means_no_rows(sample_store: Store) -> None:
    model = EntityTableModel(OFFICIAL, sample_store, "en")
    assert model.rowCount() == 0
    assert not model.canFetchMore()
