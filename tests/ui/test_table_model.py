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
def test_model_passes_qt_model_tester(
    qtmodeltester: Any, sample_store: Store, spec: EntitySpec
) -> None:
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


LONG = 2000  # trade figures added to the sample dossier's four


@pytest.fixture
def long_store(sample_store: Store) -> Store:
    """The sample with a long trade list: amounts in a shuffled order, years repeating."""
    did = dossier_id(sample_store)
    sample_store.trade.add_many(
        TradeFigure(
            dossier_id=did,
            period_start=str(1000 + i % 700),
            period_end=str(1000 + i % 700),
            flow="export",
            amount=float((i * 37) % LONG),
        )
        for i in range(LONG)
    )
    return sample_store


def small_pages(store: Store) -> EntityTableModel:
    model = EntityTableModel(TRADE, store, "en")
    model.PAGE, model.MAX_PAGES = 100, 4  # 400 rows kept at most, of 2,004
    model.set_dossier(dossier_id(store))
    return model


def test_long_lists_count_every_row_and_keep_a_few_pages(
    qtmodeltester: Any, long_store: Store
) -> None:
    model = small_pages(long_store)
    whole = long_store.trade.list(dossier_id(long_store))
    assert model.rowCount() == model.total == len(whole) == LONG + 4
    assert not model.canFetchMore()  # nothing to fetch: every row is counted up front
    assert model.kept_rows == 100  # the first page only
    # Down to the end, a screenful at a time, as a scroll bar dragged down shows it.
    amount = [c.name for c in model.columns].index("amount")
    for row in range(0, model.rowCount(), 30):
        assert model.index(row, 0).data(RECORD_ROLE) == whole[row]
        assert model.kept_rows <= 400
    last = model.rowCount() - 1
    assert model.index(last, amount).data() == model.display(
        whole[-1], TRADE.field("amount"), whole[-1].amount
    )
    assert model.record(last) == whole[-1]
    assert model.index(last + 1, 0).data() is None
    qtmodeltester.check(model)


def test_sorting_after_scrolling_to_the_end(long_store: Store) -> None:
    model = small_pages(long_store)
    for row in range(0, model.rowCount(), 50):
        model.index(row, 0).data()
    amount = [c.name for c in model.columns].index("amount")
    model.sort(amount, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == LONG + 4
    assert model.kept_rows == 100  # the pages read before are let go
    amounts = [model.record(r).amount for r in range(model.rowCount())]
    known = [a for a in amounts if a is not None]  # figures without one come last
    assert amounts == sorted(known, reverse=True) + [None] * (len(amounts) - len(known))
    assert amounts[0] == LONG - 1
    # A record deep in the list is found at its row in this order, and only there.
    deep = long_store.trade.list(dossier_id(long_store), order_by="amount", descending=True)[1500]
    model.sort(amount, Qt.SortOrder.DescendingOrder)  # pages forgotten again
    assert model.row_of(deep.id) == 1500
    assert model.record(1500) == deep
    assert model.row_of(10**9) is None


def test_every_column_sorts_both_ways_through_all_pages(long_store: Store) -> None:
    # Some orders an index serves (pages read at an offset), others SQLite must sort
    # (pages cut from the sorted ids): row by row, both match the store's whole list.
    model = small_pages(long_store)
    did = dossier_id(long_store)
    for column, spec in enumerate(model.columns):
        for descending in (False, True):
            model.sort(
                column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            )
            shown = [model.record(r).id for r in range(model.rowCount() - 1, -1, -7)]
            whole = [
                f.id for f in long_store.trade.list(did, order_by=spec.name, descending=descending)
            ]
            assert shown == whole[::-1][::7], (spec.name, descending)


def test_sorting_by_period_keeps_ties_in_the_natural_order(long_store: Store) -> None:
    model = small_pages(long_store)
    model.sort(0, Qt.SortOrder.AscendingOrder)  # period start; many figures share a year
    assert [model.record(r).id for r in range(model.rowCount())] == [
        f.id for f in long_store.trade.list(dossier_id(long_store))
    ]


def test_filter_of_a_long_list_pages_through_its_matches(long_store: Store) -> None:
    model = small_pages(long_store)
    model.set_filter("1003")  # a year: three figures in each of the 2,000
    matches = long_store.trade.list(dossier_id(long_store), text="1003")
    assert model.total == len(matches) == 3
    assert [model.record(r) for r in range(model.rowCount())] == matches
    model.set_filter("")
    assert model.rowCount() == LONG + 4


def test_rows_deleted_elsewhere_show_as_empty_not_as_errors(long_store: Store) -> None:
    model = small_pages(long_store)
    long_store.db.execute("DELETE FROM trade_figures")  # as another program would
    assert model.rowCount() == LONG + 4  # counted before the delete: shown until reloaded
    assert model.index(LONG, 0).data() is None
    assert model.record(LONG) is None
    model.reload()
    assert model.rowCount() == 0


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
