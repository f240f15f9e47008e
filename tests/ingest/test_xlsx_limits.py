"""XLSX imports have the limits CSV has, refuse zip bombs unopened, read in bounded memory."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from xlsx_helpers import write_sheet

from dossier.ingest import tables
from dossier.ingest.tables import TableError, read_table, records_of


def test_an_ordinary_sheet_reads(tmp_path: Path) -> None:
    table = read_table(write_sheet(tmp_path / "t.xlsx", 50))
    records = records_of(table)
    assert records.header == ["year", "export", "import"]
    assert len(records.rows) == 50


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 320 MB of blanks inside a file of a few hundred kilobytes.
    bomb = write_sheet(tmp_path / "bomb.xlsx", 10, padding=320 << 20)
    assert bomb.stat().st_size < 2_000_000
    import openpyxl

    def never(*_a: object, **_k: object) -> None:
        raise AssertionError("the sheet was opened")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    with pytest.raises(TableError, match=r"bomb.xlsx unpacks to 3\d\d MB"):
        read_table(bomb)


def test_too_many_rows_are_refused_as_in_a_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tables, "MAX_ROWS", 100)
    with pytest.raises(TableError, match="more than 100 rows"):
        read_table(write_sheet(tmp_path / "t.xlsx", 150))
    csv_rows = "".join(f"{n},{n}\n" for n in range(150))
    (tmp_path / "t.csv").write_text("a,b\n" + csv_rows)
    with pytest.raises(TableError, match="more than 100 rows"):
        read_table(tmp_path / "t.csv")


def test_an_overlong_cell_skips_its_row_as_in_a_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["name", "position"])
    sheet.append(["A" * 300, "Minister"])
    sheet.append(["Ilham Aliyev", "President"])
    book.save(tmp_path / "p.xlsx")
    monkeypatch.setattr(tables, "MAX_CELL", 200)
    table = read_table(tmp_path / "p.xlsx")
    assert [r[0] for r in table.rows] == ["name", "Ilham Aliyev"]
    assert "longer than 200 characters" in table.problems[0].reason


MEASURE = """
import resource, sys
from dossier.ingest import tables
from dossier.ingest.tables import TableError, read_table
tables.MAX_ROWS = int(sys.argv[2])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    read_table(sys.argv[1])
    print("read")
except TableError as exc:
    print("refused", exc)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


def test_a_sheet_far_over_the_limit_reads_in_bounded_memory(tmp_path: Path) -> None:
    # 300,000 rows, the limit at 20,000: reading stops there, memory stays flat.
    sheet = write_sheet(tmp_path / "big.xlsx", 300_000)
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(sheet), "20000"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    verdict, grown_kb = done.stdout.splitlines()
    assert verdict.startswith("refused big.xlsx has more than 20,000 rows")
    assert int(grown_kb) < 60_000, f"peak memory grew by {int(grown_kb) // 1024} MB"
