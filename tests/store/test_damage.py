"""Damage is caught before any write (issue 14, item 9).

Any store that `dossier check` would call damaged is refused before anything can
write to it, indexes included (SQLite's quick check does not read them against
their tables); the CLI says so in one line, never a traceback.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.store import StoreError, open_store

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corruption import damage  # noqa: E402


def index_pages(path: Path) -> tuple[int, list[int]]:
    """The page size and the root pages of the store's indexes (small ones are one page)."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        roots = [
            r[0]
            for r in conn.execute(
                "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND rootpage > 0"
            )
        ]
    finally:
        conn.close()
    return size, roots


def damage_an_index(data: bytearray, page_size: int, root: int, rng: random.Random) -> bytearray:
    """Change one byte in the cells of an index page: the page stays well formed."""
    start = (root - 1) * page_size
    header = start + (100 if root == 1 else 0)
    cells_from = int.from_bytes(data[header + 5 : header + 7], "big") or 65536
    at = start + rng.randrange(min(cells_from, page_size - 1), page_size)
    data[at] = (data[at] + rng.randrange(1, 256)) % 256
    return data


def damaged_copies(store_file: Path, folder: Path, count: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    pristine = bytearray(store_file.read_bytes())
    page_size, roots = index_pages(store_file)
    made = []
    for n in range(count):
        if n % 2:
            data = damage_an_index(bytearray(pristine), page_size, rng.choice(roots), rng)
        else:
            data = damage(bytearray(pristine), rng)[1]
        path = folder / f"damaged-{n}.db"
        path.write_bytes(bytes(data))
        made.append(path)
    return made


def full_check(path: Path) -> list[str]:
    """What `dossier check` finds, read from a throw-away copy (never the file itself)."""
    copy = path.with_name(f"copy-{path.name}")
    shutil.copyfile(path, copy)
    try:
        conn = sqlite3.connect(str(copy))
        try:
            return [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        copy.unlink()


@pytest.fixture
def closed_store_file(store_file: Path) -> Path:
    """The sample store in its closed state (log folded in), without its marker."""
    conn = sqlite3.connect(str(store_file))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return store_file


def test_no_damaged_store_is_opened_for_writing(closed_store_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "damaged"
    folder.mkdir()
    index_damage_that_quick_check_misses = 0
    for path in damaged_copies(closed_store_file, folder, 120, seed=14):
        before = path.read_bytes()
        problems = full_check(path)
        try:
            store = open_store(path, create=False)
        except StoreError:
            assert path.read_bytes() == before, f"{path.name} was written after a refusal"
            index_damage_that_quick_check_misses += bool(problems) and _quick_passes(path)
            continue
        store.close()
        assert not problems, f"{path.name} opened for writing although damaged: {problems[:2]}"
    # The index damage really was of the kind the quick check alone lets through.
    assert index_damage_that_quick_check_misses >= 5


def _quick_passes(path: Path) -> bool:
    copy = path.with_name(f"quick-{path.name}")
    shutil.copyfile(path, copy)
    try:
        conn = sqlite3.connect(str(copy))
        try:
            return [r[0] for r in conn.execute("PRAGMA quick_check")] == ["ok"]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    finally:
        copy.unlink()


def test_a_store_closed_normally_opens_with_the_quick_check_only(
    store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.store import integrity

    open_store(store_file).close()  # checked once, and left as verified
    calls: list[object] = []
    real = integrity.integrity_problems
    monkeypatch.setattr(integrity, "integrity_problems", lambda *a: calls.append(a) or real(*a))
    open_store(store_file).close()
    assert calls == []
    store_file.write_bytes(store_file.read_bytes())  # touched by something else
    open_store(store_file).close()
    assert len(calls) == 1


def test_a_damaged_rollback_journal_store_is_not_switched_to_wal(
    closed_store_file: Path, tmp_path: Path
) -> None:
    conn = sqlite3.connect(str(closed_store_file))
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    rng = random.Random(3)
    page_size, roots = index_pages(closed_store_file)
    for attempt in range(40):
        data = damage_an_index(bytearray(closed_store_file.read_bytes()), page_size, roots[0], rng)
        path = tmp_path / f"journal-{attempt}.db"
        path.write_bytes(bytes(data))
        if full_check(path) and _quick_passes(path):
            break
    else:
        pytest.fail("no index damage of the kind the quick check misses")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="damaged"):
        open_store(path, create=False)
    assert path.read_bytes() == before  # header byte 18 still says rollback journal
    assert before[18] == 1


def run_cli(path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dossier", "--store", str(path), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_cli_commands_on_damaged_files_say_so_in_one_line(
    closed_store_file: Path, tmp_path: Path
) -> None:
    csv = tmp_path / "officials.csv"
    csv.write_text("name,position\nИван Новый,советник\n", "utf-8")
    folder = tmp_path / "damaged"
    folder.mkdir()
    damaged = [p for p in damaged_copies(closed_store_file, folder, 40, seed=9) if full_check(p)][
        :6
    ]
    assert damaged
    for path in damaged:
        before = path.read_bytes()
        for args in (
            ["check"],
            ["show", "AZ"],
            ["export-csv", "AZ", "officials", "--out", str(tmp_path / "out.csv")],
            ["import-officials", str(csv), "--country", "AZ"],
        ):
            done = run_cli(path, *args)
            assert done.returncode != 0, (path.name, args, done.stdout)
            assert "Traceback" not in done.stderr, (path.name, args, done.stderr)
            assert done.stderr.startswith("dossier: "), (path.name, args, done.stderr)
            assert done.stderr.count("\n") == 1, (path.name, args, done.stderr)
        assert path.read_bytes() == before


def test_invalid_utf8_in_a_record_is_one_line_not_a_traceback(store_file: Path) -> None:
    conn = sqlite3.connect(str(store_file))
    conn.execute("UPDATE officials SET name = CAST(X'41C3FF42' AS TEXT) WHERE id = 1")
    conn.commit()
    conn.close()
    shown = run_cli(store_file, "show", "AZ")
    assert shown.returncode == 1
    assert shown.stderr.startswith("dossier: The store holds text that cannot be read")
    assert shown.stderr.count("\n") == 1, shown.stderr
    checked = run_cli(store_file, "check")
    assert checked.returncode == 1, checked.stdout
    assert "table officials: Could not decode to UTF-8" in checked.stdout
    assert "Traceback" not in checked.stderr + shown.stderr


def test_markers_of_stores_long_unused_are_forgotten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.store import integrity

    monkeypatch.setattr(integrity, "KEEP_MARKERS", 2)
    paths = [tmp_path / f"store-{n}.db" for n in range(4)]
    for path in paths:
        open_store(path).close()
    folder = integrity.marker_path(paths[0]).parent
    assert len(list(folder.iterdir())) == 2
    assert not integrity.left_as_verified(paths[0])  # its next open makes the full check
    assert integrity.left_as_verified(paths[3])
