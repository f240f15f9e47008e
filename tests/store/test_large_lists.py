"""Long lists stay correct when paged, sorted from indexes, and searched with bounded ranking."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from dossier.model import DOSSIER, OFFICIAL, SOURCE, TRADE
from dossier.store import Store

NAMES = [
    "ёлкин",
    "Борисов",
    "алиев",
    "Ангелов",
    "Ежов",
    "Öztürk",
    "Müller",
    "Яковлев",
    "Щукин",
    "елизаров",
]


@pytest.fixture
def dossier_id(store: Store) -> int:
    return store.dossiers.add(DOSSIER.make({"code": "AZ", "name": "Азербайджан"})).id


@pytest.fixture
def officials(store: Store, dossier_id: int) -> list[int]:
    return store.officials.add_many(
        OFFICIAL.make(
            {
                "name": f"{NAMES[n % len(NAMES)]} {n:03d}",
                "side": ["host", "home"][n % 2],
                "status": "current",
                "position": "Министр" if n % 4 == 0 else "Посол",
            },
            dossier_id=dossier_id,
        )
        for n in range(230)
    )


def _all_pages(store: Store, dossier_id: int, size: int = 40, **kw: object) -> list[int]:
    ids: list[int] = []
    while True:
        page = store.officials.list(dossier_id, limit=size, offset=len(ids), **kw)
        if not page:
            return ids
        ids += [o.id for o in page]


@pytest.mark.usefixtures("officials")
@pytest.mark.parametrize(
    ("order_by", "descending"),
    [(None, False), ("name", False), ("name", True), ("position", True), ("start_date", False)],
)
def test_pages_in_a_row_give_the_whole_list_once(
    store: Store, dossier_id: int, order_by: str | None, descending: bool
) -> None:
    whole = [
        o.id for o in store.officials.list(dossier_id, order_by=order_by, descending=descending)
    ]
    assert len(whole) == 230
    assert _all_pages(store, dossier_id, order_by=order_by, descending=descending) == whole


@pytest.mark.usefixtures("officials")
def test_filtered_pages_match_the_filtered_list(store: Store, dossier_id: int) -> None:
    whole = [o.id for o in store.officials.list(dossier_id, text="министр")]
    assert len(whole) == store.officials.count(dossier_id, text="министр") == 58
    assert _all_pages(store, dossier_id, text="министр") == whole


def test_a_page_after_an_edit_shows_the_edit(
    store: Store, dossier_id: int, officials: list[int]
) -> None:
    first = store.officials.list(dossier_id, order_by="name", limit=50, offset=50)
    assert first
    # Renaming a record moves it to the top: later pages must not come from a stale order.
    moved = store.officials.get(first[0].id)
    store.officials.update(dataclasses.replace(moved, name="AAA"))
    assert store.officials.list(dossier_id, order_by="name", limit=1)[0].id == moved.id
    again = store.officials.list(dossier_id, order_by="name", limit=50, offset=50)
    assert moved.id not in [o.id for o in again]
    store.officials.delete(officials[-1])
    assert officials[-1] not in _all_pages(store, dossier_id)


def test_names_sort_ignoring_case_and_yo_after_edits(store: Store, dossier_id: int) -> None:
    for name in ["Борисов", "ёлкин", "Ангелов"]:
        store.officials.add(
            OFFICIAL.make(
                {"name": name, "side": "host", "status": "current"}, dossier_id=dossier_id
            )
        )
    zhukov = store.officials.add(
        OFFICIAL.make({"name": "Жуков", "side": "host", "status": "current"}, dossier_id=dossier_id)
    )
    store.officials.update(dataclasses.replace(zhukov, name="алиев"))
    names = [o.name for o in store.officials.list(dossier_id, order_by="name")]
    assert names == ["алиев", "Ангелов", "Борисов", "ёлкин"]
    # The natural order (side, then name) follows the same rule.
    assert [o.name for o in store.officials.list(dossier_id)] == names


def _plan(store: Store, sql: str, params: list[object]) -> str:
    return " | ".join(r[3] for r in store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def test_natural_orders_of_long_tabs_come_from_an_index(store: Store, dossier_id: int) -> None:
    repo = store.officials
    plan = _plan(
        store,
        f"SELECT * FROM officials WHERE dossier_id = ? ORDER BY "
        f"{repo.order_clause(None, False)} LIMIT 200",
        [dossier_id],
    )
    assert "TEMP B-TREE" not in plan
    plan = _plan(
        store,
        f"SELECT * FROM officials WHERE dossier_id = ? ORDER BY "
        f"{repo.order_clause('name', True)} LIMIT 200",
        [dossier_id],
    )
    assert "TEMP B-TREE" not in plan
    plan = _plan(
        store,
        f"SELECT * FROM trade_figures WHERE dossier_id = ? ORDER BY "
        f"{store.trade.order_clause(None, False)} LIMIT 200",
        [dossier_id],
    )
    assert "TEMP B-TREE" not in plan


def test_store_stays_writable_by_plain_sqlite(store_file: Path) -> None:
    """No app-only function or collation in the schema: other tools can still write."""
    conn = sqlite3.connect(store_file)
    conn.execute(
        "INSERT INTO officials(dossier_id, name) SELECT id, 'Иванов' FROM dossiers LIMIT 1"
    )
    conn.execute("UPDATE officials SET name = 'Петров' WHERE name = 'Иванов'")
    conn.commit()
    conn.close()


def test_common_word_search_is_ranked_and_bounded(store: Store, dossier_id: int) -> None:
    store.sources.add_many(
        SOURCE.make(
            {
                "title": f"Заметка {n}",
                "kind": "note",
                "body": "Посол встретился с министром. " * (1 + n % 5),
            },
            dossier_id=dossier_id,
        )
        for n in range(400)
    )
    best = store.officials.add(
        OFFICIAL.make(
            {"name": "Посол Посолов", "position": "посол", "side": "host", "status": "current"},
            dossier_id=dossier_id,
        )
    )
    hits = store.search("посол")
    assert len(hits) == 50
    # The record where the word fills the title and the body ranks first.
    assert (hits[0].kind, hits[0].id) == ("official", best.id)
    assert all("\x02" in h.snippet for h in hits)
    assert len(store.search("посол", limit=200)) == 200
    # Only inflected forms in the text ("министром"): found by prefix all the same.
    assert len(store.search("министр")) == 50


def test_trade_sorted_by_amount_pages_in_order(store: Store, dossier_id: int) -> None:
    store.trade.add_many(
        TRADE.make(
            {
                "period_start": f"{2000 + n % 20}",
                "period_end": f"{2000 + n % 20}",
                "flow": "export",
                "amount": str((n * 37) % 101),
            },
            dossier_id=dossier_id,
        )
        for n in range(120)
    )
    amounts = [
        f.amount
        for n in range(0, 120, 25)
        for f in store.trade.list(dossier_id, order_by="amount", limit=25, offset=n)
    ]
    assert amounts == sorted(amounts)
    assert len(amounts) == 120


def test_titles_of_many_records_at_once(store: Store, dossier_id: int) -> None:
    ids = store.sources.add_many(
        SOURCE.make(
            {"title": f"Статья {n}", "kind": "article", "body": "текст " * 500},
            dossier_id=dossier_id,
        )
        for n in range(3)
    )
    store.sources.delete(ids[1])
    assert store.sources.titles([*ids, ids[0], 999]) == {ids[0]: "Статья 0", ids[2]: "Статья 2"}
    assert store.sources.titles([]) == {}


def test_snippets_mark_the_words_found_in_long_texts(store: Store, dossier_id: int) -> None:
    body = (
        "Вводные слова о погоде. " * 200
        + "Переговоры провёл Jürgen Öztürk в Баку. "
        + "Заключительные слова. " * 200
    )
    src = store.sources.add(
        SOURCE.make({"title": "Хроника", "kind": "article", "body": body}, dossier_id=dossier_id)
    )
    [hit] = store.search("ozturk переговор")
    assert hit.id == src.id
    assert "\x02Öztürk\x03" in hit.snippet
    assert "\x02Переговоры\x03" in hit.snippet
    assert hit.snippet.startswith("…")
    assert hit.snippet.endswith("…")
    assert len(hit.snippet) < 300
    [hit] = store.search("ХРОНИКА")
    assert hit.snippet == "\x02Хроника\x03"
