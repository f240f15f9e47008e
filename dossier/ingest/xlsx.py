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
from dossier.ingest.spreadsheets import empty_sheet, no_sheet
from dossier.ingest.tables import Problem, RawTable, TableError
from dossier.said import said

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
        raise TableError(_unreadable(path, exc)) from None
    if declared > MAX_UNPACKED:
        raise TableError(
            said(
                "{name} unpacks to {size:,.0f} MB; spreadsheets over {most:,.0f} MB unpacked "
                "are not imported (save the sheet you need alone, or as CSV).",
                "{name} распаковывается в {size:,.0f} МБ; таблицы больше {most:,.0f} МБ "
                "в распакованном виде не импортируются (сохраните нужный лист отдельно "
                "или как CSV).",
                name=path.name,
                size=declared / 1e6,
                most=MAX_UNPACKED / 1e6,
            )
        )


def read_xlsx(path: Path, sheet: str | None = None) -> RawTable:
    check_declared_sizes(path)
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a dependency
        raise TableError(
            said(
                "Reading .xlsx needs the openpyxl package.",
                "Для чтения .xlsx нужен пакет openpyxl.",
            )
        ) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise TableError(_unreadable(path, exc)) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise TableError(no_sheet(sheet, book.sheetnames))
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        table = RawTable([], [], sheet=ws.title)
        _read_rows(path, ws, table)
    except TableError:
        raise
    except Exception as exc:  # damaged XML inside, or sizes the zip lied about
        raise TableError(_unreadable(path, exc)) from None
    finally:
        book.close()
    if not table.rows:
        raise TableError(empty_sheet(table.sheet, path.name))
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
                    n,
                    said(
                        "a cell longer than {most:,} characters; the row was skipped",
                        "ячейка длиннее {most:,} символов; строка пропущена",
                        most=tables.MAX_CELL,
                    ),
                )
            )
            continue
        while values and values[-1] == "":
            values.pop()  # trailing empty cells cost memory and mean nothing
        cells += len(values)
        if len(table.rows) >= tables.MAX_ROWS or cells > MAX_CELLS:
            raise TableError(
                said(
                    "{name} has more than {rows:,} rows; tables over {most:,} rows or "
                    "{cells:,} cells are not imported.",
                    "В {name} больше {rows:,} строк; таблицы больше {most:,} строк или "
                    "{cells:,} ячеек не импортируются.",
                    name=path.name,
                    rows=len(table.rows),
                    most=tables.MAX_ROWS,
                    cells=MAX_CELLS,
                )
            )
        table.rows.append(values)
        table.lines.append(n)


def _unreadable(path: Path, exc: BaseException) -> str:
    return said(
        "{name} is not a readable .xlsx file ({exc}).",
        "{name} — не читаемый файл .xlsx ({exc}).",
        name=path.name,
        exc=exc,
    )


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value  # text, int, float, bool
