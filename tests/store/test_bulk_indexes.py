"""A large import inserts without the trade table's indexes and search trigger and
builds them again in the same transaction (store/bulk_indexes.py): the same store
after it, after a cancel half-way, for another process looking on, and for undo."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dossier.ingest import trade_store
from dossier.ingest.trade_store import add_figures
from dossier.ingest.trade_types import ImportCancelled
from dossier.model import TradeFigure
from dossier.store import Store, bulk_indexes, open_store
from dossier.store.bulk_indexes import set_wise, set_wise_delete, worth_it


@pytest.fixture
def small_bulk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The quick path from 50 figures on, inserted 20 per statement."""
    monkeypatch.setattr(bulk_indexes, "MIN_ROWS", 50)
    monkeypatch.setattr(trade_store, "INSERT_CHUNK", 20)


def _figures(dossier_id: int, n: int) -> list[TradeFigure]:
    return [
        TradeFigure(
            dossier_id=dossier_id,
            period_start=str(1900 + i % 100),
            period_end=str(1900 + i % 100),
            flow="export" if i % 3 else "import",
            amount=float(i + 1),
            currency="USD",
            reporter="AZ",
            partner="DE" if i % 2 else "FR",
            note=f"shipment {i} zanzibar" if i % 4 == 0 else None,
        )
        for i in range(n)
    ]


def _state(store: Store) -> dict[str, Any]:
    """What a reader can see of the trade table: schema, rows, the search index."""
    db = store.db
    return {
        "schema": db.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'trade_figures' "
            "ORDER BY name"
        ).fetchall(),
        "rows": db.execute("SELECT * FROM trade_figures ORDER BY id").fetchall(),
        "search": db.execute(
            "SELECT rowid, title, body, kind, dossier_id FROM search_index ORDER BY rowid"
        ).fetchall(),
        "check": db.execute("PRAGMA integrity_check").fetchall(),
    }


def _statements(store: Store) -> list[str]:
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    return seen


def test_a_large_import_builds_the_same_indexes_and_search_index(
    sample_store: Store, store_templates: Any, small_bulk: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same figures into two copies of a store: one the quick way, one row by row.
    did = sample_store.find_dossier("AZ").id
    quick = _statements(sample_store)
    add_figures(sample_store, _figures(did, 200))
    assert any(s.startswith("DROP INDEX [trade_pair]") for s in quick)
    assert any(s.startswith("DROP TRIGGER [trade_figures_ai]") for s in quick)

    monkeypatch.setattr(bulk_indexes, "MIN_ROWS", 10**9)
    store = store_templates.memory(sample=True)  # the same sample, the slow way
    slow = _statements(store)
    add_figures(store, _figures(store.find_dossier("AZ").id, 200))
    assert not any(s.startswith("DROP INDEX") for s in slow)
    assert _state(sample_store) == _state(store)
    assert _state(store)["check"] == [("ok",)]
    # Found by the search and by the queries that name an index.
    assert len(sample_store.search("zanzibar", limit=100)) == 50
    assert sample_store.trade.pair_sums(did, "AZ", "DE") == store.trade.pair_sums(did, "AZ", "DE")
    store.close()


def test_a_cancel_half_way_leaves_indexes_trigger_and_search_as_they_were(
    sample_store: Store, small_bulk: None
) -> None:
    did = sample_store.find_dossier("AZ").id
    before = _state(sample_store)
    seen = _statements(sample_store)

    def progress(done: int, total: int) -> bool:
        return done < total // 2 + 60  # the figures validated, three batches in

    with pytest.raises(ImportCancelled):
        add_figures(sample_store, _figures(did, 200), progress)
    assert any(s.startswith("DROP INDEX") for s in seen)  # cancelled on the quick path
    assert _state(sample_store) == before
    add_figures(sample_store, _figures(did, 200))  # and the store takes the import after
    assert len(sample_store.search("zanzibar", limit=100)) == 50


_READER = """
import json, sys
from dossier.store import open_store
store = open_store(sys.argv[1])
db = store.db
print(json.dumps({
    "figures": db.execute("SELECT count(*) FROM trade_figures").fetchone()[0],
    "indexes": sorted(r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE tbl_name = 'trade_figures' AND sql NOT NULL")),
    "found": len(store.search("zanzibar", limit=100)),
    "pair": len(store.trade.pair_sums(int(sys.argv[2]), "AZ", "DE")),
    "check": db.execute("PRAGMA quick_check").fetchone()[0],
}))
store.close()
"""


def _read_in_another_process(path: Path, did: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", _READER, str(path), str(did)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return dict(json.loads(done.stdout))


def test_another_process_sees_the_store_whole_during_a_large_import(
    store_file: Path, small_bulk: None
) -> None:
    store = open_store(store_file)
    did = store.find_dossier("AZ").id
    before = _read_in_another_process(store_file, did)
    during: list[dict[str, Any]] = []
    seen = _statements(store)

    def progress(done: int, total: int) -> bool:
        if not during and done > total // 2 + 40:  # indexes dropped, rows half in
            during.append(_read_in_another_process(store_file, did))
        return True

    add_figures(store, _figures(did, 200), progress)
    after = _read_in_another_process(store_file, did)
    store.close()
    assert any(s.startswith("DROP INDEX") for s in seen)  # the quick path was taken
    assert during == [before]  # the indexes, the rows and the search as before
    assert before["check"] == after["check"] == "ok"
    assert after["indexes"] == before["indexes"]
    assert after["figures"] == before["figures"] + 200
    assert after["found"] == before["found"] + 50


def test_undo_and_redo_of_a_large_import(sample_store: Store, small_bulk: None) -> None:
    did = sample_store.find_dossier("AZ").id
    before = _state(sample_store)
    add_figures(sample_store, _figures(did, 200))
    after = _state(sample_store)
    seen = _statements(sample_store)
    sample_store.undo()
    # The undo deleted the figures the quick way too; the search index, losing more
    # rows than it keeps, made again with the rows it keeps (_search below).
    assert any(s.startswith("DROP TRIGGER [trade_figures_ad]") for s in seen)
    assert any(s.startswith("DROP TABLE [search_index]") for s in seen)
    assert _state(sample_store) == before
    sample_store.redo()  # puts the figures back with their ids: the quick path again
    assert _state(sample_store) == after
    assert len(sample_store.search("zanzibar", limit=100)) == 50


def test_the_quick_path_only_for_large_inserts_into_a_table_not_larger() -> None:
    big = bulk_indexes.MIN_ROWS
    assert worth_it(big, 0)
    assert worth_it(big * 2, big * 2)
    assert not worth_it(big - 1, 0)  # small: indexes kept up as rows arrive
    assert not worth_it(big, big + 1)  # building again would read more than it adds


def test_only_a_trigger_of_one_insert_per_row_is_replaced_by_a_set_wise_insert() -> None:
    sql = (
        "CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN\n"
        "    INSERT INTO s(rowid, title) VALUES (\n        new.id * 8 + 5, coalesce(new.a, ''));\n"
        "END"
    )
    assert set_wise("t", sql) == (
        "INSERT INTO s(rowid, title) SELECT \n        new.id * 8 + 5, coalesce(new.a, '') "
        "FROM [t] AS new WHERE new.id BETWEEN ?1 AND ?2 ORDER BY new.id"
    )
    two = sql.replace("END", "    DELETE FROM s WHERE rowid = 1;\nEND")
    assert set_wise("t", two) is None
    when = sql.replace("AFTER INSERT ON t BEGIN", "AFTER INSERT ON t WHEN new.a BEGIN")
    assert set_wise("t", when) is None


def test_only_a_delete_trigger_of_one_delete_by_rowid_is_done_set_wise() -> None:
    sql = "CREATE TRIGGER t_ad AFTER DELETE ON t BEGIN\n    DELETE FROM s WHERE rowid = old.id * 8 + 5;\nEND"
    assert set_wise_delete("t", sql) == (
        "DELETE FROM s WHERE rowid IN (SELECT old.id * 8 + 5 "
        "FROM [t] AS old WHERE old.id BETWEEN ?1 AND ?2)"
    )
    two = sql.replace("END", "    DELETE FROM u WHERE rowid = old.id;\nEND")
    assert set_wise_delete("t", two) is None
    assert set_wise_delete("t", sql.replace("rowid =", "title =")) is None


def _search(store: Store) -> dict[str, Any]:
    """The search index as a reader finds it, and its own check of itself."""
    db = store.db
    db.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")
    return {
        "rows": db.execute("SELECT rowid, * FROM search_index ORDER BY rowid").fetchall(),
        "settings": db.execute("SELECT * FROM search_index_config ORDER BY k").fetchall(),
        "found": [r.title for r in store.search("Азербайджан", limit=100)],
    }


def _officials(store: Store, did: int, n: int) -> None:
    with store.transaction(f"{n} officials"):
        store.officials.insert_many(
            [
                {"dossier_id": did, "name": f"Официал {i}", "side": "host", "status": "current"}
                for i in range(n)
            ]
        )


def test_an_undo_that_empties_most_of_the_search_index_makes_it_again(
    sample_store: Store, small_bulk: None
) -> None:
    did = sample_store.find_dossier("AZ").id
    before = _search(sample_store)
    assert before["found"]  # the sample's own entries, to be kept
    add_figures(sample_store, _figures(did, 200))
    seen = _statements(sample_store)
    sample_store.undo()
    assert any(s.startswith("DROP TABLE [search_index]") for s in seen)
    assert not any(s.startswith("DELETE FROM search_index") for s in seen)
    assert _search(sample_store) == before  # the rows kept, with their rowids and text


@pytest.mark.parametrize("why", ["keeps more", "a setting"])
def test_the_search_index_loses_rows_one_by_one_where_making_it_again_would_cost(
    sample_store: Store, small_bulk: None, why: str
) -> None:
    did = sample_store.find_dossier("AZ").id
    if why == "keeps more":
        _officials(sample_store, did, 300)  # 300 entries to keep against 200 to lose
    else:  # a setting of the index would be lost with it
        sample_store.db.execute(
            "INSERT INTO search_index(search_index, rank) VALUES ('automerge', 6)"
        )
    before = _search(sample_store)
    add_figures(sample_store, _figures(did, 200))
    seen = _statements(sample_store)
    sample_store.undo()
    assert any(s.startswith("DELETE FROM search_index WHERE rowid IN (SELECT") for s in seen)
    assert not any(s.startswith("DROP TABLE [search_index]") for s in seen)
    assert _search(sample_store) == before


def test_an_undo_failing_after_making_the_search_index_again_leaves_it_whole(
    sample_store: Store, small_bulk: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    did = sample_store.find_dossier("AZ").id
    add_figures(sample_store, _figures(did, 200))
    after = _state(sample_store), _search(sample_store)
    seen = _statements(sample_store)

    def fail(table: str, records: Any) -> None:  # after the delete, before the commit
        raise RuntimeError("disk gone")

    monkeypatch.setattr(sample_store.log, "note_deleted", fail)
    with pytest.raises(RuntimeError, match="disk gone"):
        sample_store.undo()
    assert any(s.startswith("DROP TABLE [search_index]") for s in seen)
    assert (_state(sample_store), _search(sample_store)) == after
    assert len(sample_store.search("zanzibar", limit=100)) == 50


def test_an_encrypted_store_makes_its_search_index_again_and_reopens_with_it(
    tmp_path: Path, store_templates: Any, small_bulk: None
) -> None:
    secret = "correct horse battery staple"  # the encrypted template's: built once
    path = store_templates.file(tmp_path / "secret.db", passphrase=secret)
    store = open_store(path, passphrase=secret)
    before = _search(store)
    add_figures(store, _figures(store.find_dossier("AZ").id, 200))
    seen = _statements(store)
    store.undo()
    store.close()
    assert any(s.startswith("DROP TABLE [search_index]") for s in seen)
    again = open_store(path, passphrase=secret)  # the schema check passes
    assert _search(again) == before
    again.redo()
    assert len(again.search("zanzibar", limit=100)) == 50
    again.close()
