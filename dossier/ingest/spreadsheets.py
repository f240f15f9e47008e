"""Old Excel (.xls) and OpenDocument (.ods) sheets, as statistics offices publish them.

Read through python-calamine (Rust's calamine: one small wheel, no LibreOffice),
into the same RawTable the CSV and .xlsx readers give, so the header finding and
the importers downstream see no difference: empty cells are "", whole numbers
are ints (both formats store every number as a float), dates ISO strings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from dossier.ingest.tables import RawTable, TableError
from dossier.said import said

# The formats read here, by file name ending, with the name a user knows them by.
FORMATS = {".xls": "Excel 97-2003 (.xls)", ".ods": "OpenDocument (.ods)"}  # in both languages
# What an old Excel file starts with (an OLE compound document), whatever its name.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def is_spreadsheet(path: Path, head: bytes) -> bool:
    """Whether `path` is for this reader: named .xls/.ods, or an OLE file (.xls
    saved under another name)."""
    return path.suffix.lower() in FORMATS or head.startswith(OLE_MAGIC[:4])


def read_spreadsheet(path: Path, sheet: str | None = None) -> RawTable:
    """Every non-empty row of a sheet (the first unless named), with its sheet row."""
    kind = FORMATS.get(path.suffix.lower(), FORMATS[".xls"])
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:  # pragma: no cover - a dependency
        raise TableError(
            said(
                "Reading {kind} needs the python-calamine package.",
                "Для чтения {kind} нужен пакет python-calamine.",
                kind=kind,
            )
        ) from None
    try:
        book = CalamineWorkbook.from_path(str(path))
        names = list(book.sheet_names)
        if sheet is not None and sheet not in names:
            raise TableError(no_sheet(sheet, names))
        if not names:
            raise TableError(said("{name} has no sheets.", "В {name} нет листов.", name=path.name))
        name = sheet if sheet is not None else names[0]
        # skip_empty_area=False: row n of the list is row n+1 of the sheet, as shown.
        rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except TableError:
        raise
    except Exception as exc:  # calamine raises its own errors for damaged files
        raise TableError(
            said(
                "{name} is not a readable {kind} file ({exc}).",
                "{name} — не читаемый файл {kind} ({exc}).",
                name=path.name,
                kind=kind,
                exc=exc,
            )
        ) from None
    table = RawTable([], [], sheet=name)
    for n, row in enumerate(rows, start=1):
        cells = [_cell(v) for v in row]
        if any(c != "" for c in cells):
            table.rows.append(cells)
            table.lines.append(n)
    if not table.rows:
        raise TableError(empty_sheet(name, path.name))
    return table


def no_sheet(sheet: str, names: list[str]) -> str:
    return said(
        "No sheet “{sheet}”; the sheets are: {names}.",
        "Нет листа «{sheet}»; листы: {names}.",
        sheet=sheet,
        names=", ".join(names),
    )


def empty_sheet(sheet: str | None, file: str) -> str:
    return said(
        "Sheet “{sheet}” of {file} is empty.",
        "Лист «{sheet}» файла {file} пуст.",
        sheet=sheet,
        file=file,
    )


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)  # 2012.0 is the year 2012, as .xlsx gives it
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return value
