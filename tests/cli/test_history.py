"""`dossier undo`, `redo`, `history` and `import-json` (issue 15, items 1-3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.store import open_store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


OFFICIALS_CSV = "name,position\nМухтар Бабаев,Министр экологии\nСамир Шарифов,Министр финансов\n"


def test_an_import_from_the_terminal_can_be_undone_and_redone(
    capsys: pytest.CaptureFixture[str], store_file: Path, tmp_path: Path
) -> None:
    csv = tmp_path / "officials.csv"
    csv.write_text(OFFICIALS_CSV, encoding="utf-8")
    store = open_store(store_file)
    before = store.officials.count()
    store.close()
    code, _, err = run(
        capsys, "--store", str(store_file), "import-officials", str(csv), "--country", "AZ"
    )
    assert code == 0, err
    code, out, _ = run(capsys, "--store", str(store_file), "history", "AZ", "--limit", "1")
    assert code == 0
    # Two officials and the file itself, as the source they cite.
    assert "2 officials added, 1 source added" in out
    assert "[3 records; by import-officials]" in out
    code, out, _ = run(capsys, "--store", str(store_file), "undo")
    assert code == 0
    assert "officials" in out
    store = open_store(store_file)
    assert store.officials.count() == before
    store.close()
    run(capsys, "--store", str(store_file), "redo")
    store = open_store(store_file)
    assert store.officials.count() == before + 2
    store.close()


def test_undo_with_nothing_to_undo_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "empty.db"
    open_store(path).close()
    code, _, err = run(capsys, "--store", str(path), "undo")
    assert code == 1
    assert err.strip() == "dossier: Nothing to undo."


def test_json_round_trip_into_an_empty_store_is_identical(
    capsys: pytest.CaptureFixture[str], store_file: Path, tmp_path: Path
) -> None:
    first = tmp_path / "az.json"
    assert run(capsys, "--store", str(store_file), "export-json", "AZ", "--out", str(first))[0] == 0
    empty = tmp_path / "empty.db"
    open_store(empty).close()
    code, out, err = run(capsys, "--store", str(empty), "import-json", str(first))
    assert code == 0, err
    assert "added" in out
    again = tmp_path / "again.json"
    run(capsys, "--store", str(empty), "export-json", "AZ", "--out", str(again))
    a, b = json.loads(first.read_text()), json.loads(again.read_text())
    # updated_at says when this store last changed the dossier: now, after the import.
    a["dossier"].pop("updated_at")
    b["dossier"].pop("updated_at")
    assert a == b
    # ... and the import is one operation `dossier undo` takes back.
    assert run(capsys, "--store", str(empty), "undo")[0] == 0
    store = open_store(empty)
    assert store.dossiers.count() == 0
    assert store.officials.count() == 0
    store.close()


def test_import_json_reports_conflicts_and_keeps_mine(
    capsys: pytest.CaptureFixture[str], store_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "az.json"
    run(capsys, "--store", str(store_file), "export-json", "AZ", "--out", str(path))
    data = json.loads(path.read_text())
    data["projects"][0]["sector"] = "строительство"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "--store", str(store_file), "import-json", str(path))
    assert code == 0
    assert "1 conflicting" in out
    assert "conflict: Project" in out
    assert "1 kept as mine" in out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "is not JSON (line 1"),
        ('{"dossier": []}', "is not a dossier"),
        ('{"dossier": {"id": 1, "code": "Azerbaijan", "name": "x"}}', "too long"),
        ('{"dossier": {"id": 1, "code": "AZ", "name": "x", "colour": 1}}', "unknown fields"),
    ],
)
def test_a_broken_file_changes_nothing_and_says_why(
    capsys: pytest.CaptureFixture[str], store_file: Path, tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    before = store_file.read_bytes()
    code, _, err = run(capsys, "--store", str(store_file), "import-json", str(path))
    assert code == 1
    assert message in err
    assert "Traceback" not in err
    assert store_file.read_bytes() == before


def test_a_trade_import_from_the_terminal_is_one_undoable_operation(
    capsys: pytest.CaptureFixture[str], store_file: Path, tmp_path: Path
) -> None:
    csv = tmp_path / "trade.csv"
    csv.write_text(
        "year,flow,value\n" + "".join(f"{1990 + i},export,{i + 1}\n" for i in range(30)),
        encoding="utf-8",
    )
    store = open_store(store_file)
    before = store.trade.count()
    store.close()
    argv = ["--store", str(store_file), "import-trade", str(csv), "--country", "AZ"]
    pair = ["--reporter", "BY", "--partner", "AZ", "--currency", "USD", "--unit", "1000000"]
    code, _, err = run(capsys, *argv, *pair)
    assert code == 0, err
    code, out, _ = run(capsys, "--store", str(store_file), "history", "--limit", "1")
    assert "import of 30 trade figures" in out
    assert run(capsys, "--store", str(store_file), "undo")[0] == 0
    store = open_store(store_file)
    assert store.trade.count() == before
    store.close()


def test_the_sample_command_is_named_as_the_maker_of_the_sample(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "sample.db"
    assert run(capsys, "sample", "--out", str(path))[0] == 0
    code, out, _ = run(capsys, "--store", str(path), "history")
    assert code == 0
    assert "by sample]" in out
    assert "by window" not in out  # the window was never opened
