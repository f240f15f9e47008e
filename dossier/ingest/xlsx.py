"""Reading .xlsx sheets within the limits a CSV file has (see tables.py).

An .xlsx file is a zip of XML: a small file may declare gigabytes inside (a zip
bomb). The sizes declared in the zip's directory are checked before anything is
decompressed, and Python's zipfile never inflates a member past its declared
size, so a file that lies about them fails as damaged instead. The sheet is then
streamed (openpyxl's read-only mode) and reading stops at the row limit, so
memory stays bounded whatever the sheet holds.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

from dossier.ingest import tables
from dossier.ingest.tables import Problem, RawTable, TableError

# The XML a sheet of MAX_ROWS ordinary rows unpacks to, with room to spare.
MAX_UNPACKED = 300_000_000
# Cells kept in memory at most: MAX_ROWS rows of a dozen columns.
MAX_CELLS = 6_000_000


def check_declared_sizes(path: Path) -> None:
    """TableError if the zip declares more than MAX_UNPACKED bytes inside (nothing
    is decompressed to find out)."""
    try:
        with zipfile.ZipFile(path) as archive:
            declared = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise TableError(f"{path.name} is not a readable .xlsx file ({exc}).") from None
    if declared > MAX_UNPACKED:
        raise TableError(
            f"{path.name} unpacks to {declared / 1e6:,.0f} MB; spreadsheets over "
            f"{MAX_UNPACKED / 1e6:,.0f} MB unpacked are not imported (save the sheet "
            "you need alone, or as CSV)."
        )


def read_xlsx(path: Path, sheet: str | None = None) -> RawTable:
    check_declared_sizes(path)
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a dependency
        raise TableError("Reading .xlsx needs the openpyxl package.") from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise TableError(f"{path.name} is not a readable .xlsx file ({exc}).") from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise TableError(f"No sheet “{sheet}”; the sheets are: {', '.join(book.sheetnames)}.")
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        table = RawTable([], [], sheet=ws.title)
        _read_rows(path, ws, table)
    except TableError:
        raise
    except Exception as exc:  # damaged XML inside, or sizes the zip lied about
        raise TableError(f"{path.name} is not a readable .xlsx file ({exc}).") from None
    finally:
        book.close()
    if not table.rows:
        raise TableError(f"Sheet “{table.sheet}” of {path.name} is empty.")
    return table


def _read_rows(path: Path, ws: Any, table: RawTable) -> None:
    cells = 0
    for n, row in enumerate(ws.iter_rows(values_only=True), start=1):
        values = [_cell(v) for v in row]
        if not any(c != "" for c in values):
            continue
        if any(isinstance(c, str) and len(c) > tables.MAX_CELL for c in values):
            table.problems.append(
                Problem(
                    n, f"a cell longer than {tables.MAX_CELL:,} characters; the row was skipped"
                )
            )
            continue
        while values and values[-1] == "":
            values.pop()  # trailing empty cells cost memory and mean nothing
        cells += len(values)
        if len(table.rows) >= tables.MAX_ROWS or cells > MAX_CELLS:
            raise TableError(
                f"{path.name} has more than {len(table.rows):,} rows; tables over "
                f"{tables.MAX_ROWS:,} rows or {MAX_CELLS:,} cells are not imported."
            )
        table.rows.append(values)
        table.lines.append(n)


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value  # text, int, float, bool
