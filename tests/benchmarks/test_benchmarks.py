"""The benchmark scripts keep working: the generator at a tiny size, the probes and the runner.

Nothing here asserts a time: only that each script runs and reports what it measured.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import generate, probes  # noqa: E402
from dossier.store import open_store  # noqa: E402

TINY = generate.SIZES["tiny"]


@pytest.fixture(scope="module")
def tiny_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bench") / "tiny.db"
    generate.generate(path, TINY, seed=3)
    return path


def test_generator_builds_the_requested_store(tiny_store: Path) -> None:
    store = open_store(tiny_store, create=False)
    assert store.dossiers.count() == TINY.dossiers
    assert store.officials.count() == TINY.officials
    assert store.trade.count() == TINY.trade
    assert store.sources.count() == TINY.sources
    assert store.check() == []
    # The first dossier holds the promised share (the main partner's).
    assert store.officials.count(1) == round(TINY.officials * 0.30)
    assert store.trade.count(1) == round(TINY.trade / 3)
    biggest = probes.largest_dossier(store)
    # Rows arrived through the schema: search and name sorting work on them.
    assert store.search("Баку")
    names = [o.name for o in store.officials.list(biggest, order_by="name")]
    assert [n.casefold().replace("ё", "е") for n in names] == sorted(
        n.casefold().replace("ё", "е") for n in names
    )
    for source in store.sources.list():
        assert (
            TINY.source_bytes[0] * 0.5
            < len((source.body or "").encode())
            < TINY.source_bytes[1] * 1.5
        )


def test_generator_is_deterministic(tmp_path: Path, tiny_store: Path) -> None:
    again = tmp_path / "again.db"
    generate.generate(again, TINY, seed=3)
    other = tmp_path / "other.db"
    generate.generate(other, TINY, seed=4)

    def content(path: Path) -> list[tuple[object, ...]]:
        store = open_store(path, create=False)
        return store.db.execute(
            "SELECT name, name_latin, position FROM officials ORDER BY id"
        ).fetchall()

    assert content(again) == content(tiny_store)
    assert content(other) != content(tiny_store)


def test_cached_store_is_built_once(tmp_path: Path) -> None:
    path, stats, built = generate.cached_store(TINY, 5, tmp_path)
    assert built
    assert stats["officials"] == TINY.officials
    again, _, built = generate.cached_store(TINY, 5, tmp_path)
    assert (again, built) == (path, False)
    assert not list(tmp_path.glob("*.part"))


def test_search_queries_mix_common_and_rare_words() -> None:
    queries = probes.search_queries(8)
    assert len(queries) == len(set(queries)) == 50
    rare = set(generate.rare_words(8))
    assert 15 <= sum(q in rare for q in queries) <= 25


def test_brief_baseline_sets_the_same_records(tiny_store: Path) -> None:
    out = probes.brief_baseline_probe(tiny_store, "largest")
    assert out["pages"] >= 1


@pytest.mark.gui
@pytest.mark.usefixtures("qapp")
def test_table_probe_opens_scrolls_sorts_and_filters(tiny_store: Path) -> None:
    out = probes.table_probe(tiny_store, "official", smallest=False, repeat=1, scroll_limit_s=5)
    store = open_store(tiny_store, create=False)
    assert out["rows"] == store.officials.count(probes.largest_dossier(store)) > 0
    assert out["scroll_complete"]
    assert out["sort_column"] == "name"
    assert 0 < out["filter_found"] <= out["rows"]


def test_runner_prints_the_table(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--size",
            "tiny",
            "--repeat",
            "1",
            "--only",
            "2,4,8",
            "--cache",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert lines[1].split()[:3] == ["#", "figure", "median"]
    assert any(line.startswith("2  create the tiny store") for line in lines)
    p95 = next(line for line in lines if "p95" in line)
    assert "n/a" not in p95
    assert json.loads(json.dumps(result.stdout))  # plain text, nothing undecodable


@pytest.mark.gui
@pytest.mark.usefixtures("qapp")
def test_trade_probe_times_the_chart_of_the_pair(tiny_store: Path) -> None:
    out = probes.table_probe(tiny_store, "trade", smallest=False, repeat=1, scroll_limit_s=1)
    assert out["chart_pairs"] > 1  # figures spread over pairs, as the generator makes them
    assert out["chart_ms"] > 0
    assert out["chart_before_ms"] > 0


@pytest.mark.gui
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_panel_stalls_run_every_step_over_the_officials(
    qtbot: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue-21 panels in the stalls benchmark (a small store here): every step
    runs, the quick filters and the text filter narrow the table, clearing restores it."""
    from benchmarks import stalls

    monkeypatch.setattr(stalls, "PANEL_OFFICIALS", 300)
    real = stalls.officials_store
    monkeypatch.setattr(stalls, "officials_store", lambda path: real(path, 300))
    out = stalls.panel_stalls(tmp_path)
    # 300 officials and one of them again in Latin script (for the duplicate finder)
    assert out["officials"] == 301
    assert out["quick filter: current only"]["rows shown"] == 241
    assert out["quick filter: host side"]["rows shown"] < 241
    assert out["text filter: typed"]["rows shown"] < out["quick filter: host side"]["rows shown"]
    assert out["filters cleared"]["rows shown"] == 301
    assert all("stall_ms" in v for k, v in out.items() if k != "officials")
