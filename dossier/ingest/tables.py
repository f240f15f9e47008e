"""Reading tables as users get them: CSV, TSV, semicolon CSV (any of them named .csv), XLSX,
and XLS/ODS (in spreadsheets.py).

`read_table(path)` finds the encoding and the delimiter and returns every row
with its line number; rows the csv module cannot read are reported, not fatal.
`records_of(table)` then finds the header row and yields the data rows below
it, skipping repeated header rows, section headings and footnote rows, and
reporting rows whose width does not match the header.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier import bulk_gc
from dossier.ingest.numbers import parse_cell
from dossier.plural import counted
from dossier.said import in_language, said

# A table bigger than this is not a statistics table a person exports by hand
# (TRADHIST, 70,000 rows, is 2 MB; reading 40 MB already takes ~0.5 GB of memory);
# refuse it with a message rather than filling memory.
MAX_BYTES = 40_000_000
# One cell longer than this is a broken quote swallowing the rest of the file.
MAX_CELL = 1_000_000
# More rows than this is a database dump, not a table to import (TRADHIST has 70,000):
# refused before they fill memory, CSV and XLSX alike.
MAX_ROWS = 500_000
DELIMITERS = ("\t", ";", ",", "|")
DELIMITER_NAMES = {"\t": "tab", ";": "semicolon", ",": "comma", "|": "pipe"}
DELIMITER_NAMES_RU = {
    "\t": "через табуляцию",
    ";": "через точку с запятой",
    ",": "через запятую",
    "|": "через черту",
}


_EMPTY_FILE = said("The file is empty.", "Файл пуст.")


class TableError(ValueError):
    """The file cannot be read as a table at all (one line for the user)."""


@dataclass(frozen=True)
class Problem:
    """A row that was skipped, and why, in words for the import report."""

    line: int
    reason: str  # a Said: the window shows its Russian (dossier/said.py)
    text: str = ""

    def line_text(self, lang: str = "en") -> str:
        """The report's line in `lang`: 'line 5: “XXX” in partner is not a country',
        then the row's text if kept."""
        line = said("line {n}: {reason}", "строка {n}: {reason}", n=self.line, reason=self.reason)
        return in_language(line, lang) + (f" — {self.text}" if self.text else "")


@dataclass
class RawTable:
    rows: list[list[Any]]
    lines: list[int]  # the file line (or sheet row) each row starts on, 1-based
    delimiter: str | None = None  # None for spreadsheets
    encoding: str | None = None
    sheet: str | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. "read as Windows-1251"

    def describe(self, lang: str = "en") -> str:
        """What was read, in `lang`: "comma-separated, utf-8, 12 rows"."""
        rows = counted(len(self.rows), lang, ("row", "rows"), ("строка", "строки", "строк"))
        if self.sheet is not None:
            if lang == "ru":
                return f"таблица, лист «{self.sheet}», {rows}"
            return f"spreadsheet, sheet “{self.sheet}”, {rows}"
        name = DELIMITER_NAMES.get(self.delimiter or "", repr(self.delimiter))
        if lang == "ru":
            name = DELIMITER_NAMES_RU.get(self.delimiter or "", f"разделитель {name}")
            return f"{name}, {self.encoding}, {rows}"
        return f"{name}-separated, {self.encoding}, {rows}"


@dataclass
class Records:
    """The data rows of a table under its header."""

    header: list[str]
    header_line: int
    rows: list[list[Any]]
    lines: list[int]
    skipped: list[Problem] = field(default_factory=list)
    repeated_headers: int = 0

    def column(self, name: str) -> int:
        try:
            return self.header.index(name)
        except ValueError:
            raise TableError(
                said(
                    "No column “{name}”; the columns are: {columns}.",
                    "Нет столбца «{name}»; столбцы: {columns}.",
                    name=name,
                    columns=", ".join(self.header),
                )
            ) from None


# -- decoding -----------------------------------------------------------------
def decode(data: bytes, encoding: str | None = None) -> tuple[str, str, list[str]]:
    """Text, the encoding used and notes; TableError if the bytes are not text."""
    notes: list[str] = []
    if encoding:
        try:
            return data.decode(encoding), encoding, notes
        except (UnicodeDecodeError, LookupError) as exc:
            raise TableError(
                said(
                    "The file is not valid {encoding} text ({exc}).",
                    "Файл — не текст в кодировке {encoding} ({exc}).",
                    encoding=encoding,
                    exc=exc,
                )
            ) from None
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), name, notes
            except UnicodeDecodeError as exc:
                raise TableError(
                    said(
                        "The file starts like {name} text but is not ({reason} at byte {at}).",
                        "Файл начинается как текст {name}, но им не является "
                        "({reason} в байте {at}).",
                        name=name,
                        reason=exc.reason,
                        at=exc.start,
                    )
                ) from None
    if b"\x00" in data[:4096]:
        raise TableError(
            said(
                "This is not a text table: it holds binary data. "
                "Save it from the spreadsheet as CSV or XLSX.",
                "Это не текстовая таблица: в файле двоичные данные. "
                "Сохраните его из табличного редактора как CSV или XLSX.",
            )
        )
    try:
        return data.decode("utf-8"), "utf-8", notes
    except UnicodeDecodeError as exc:
        bad = exc.start
    # Not UTF-8: Russian statistics offices still publish Windows-1251 files.
    # Accept it only if the text then reads as Cyrillic, and say so.
    text = data.decode("cp1251", errors="replace")
    letters = [c for c in text[:20000] if c.isalpha()]
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
    if letters and cyrillic / len(letters) > 0.3 and "\ufffd" not in text:
        notes.append(
            said(
                "The file is not UTF-8; it was read as Windows-1251 (Cyrillic).",
                "Файл не в UTF-8; он прочитан как Windows-1251 (кириллица).",
            )
        )
        return text, "cp1251", notes
    raise TableError(
        said(
            "The file is not UTF-8 text (invalid byte 0x{byte:02x} at offset {at}); "
            "give its encoding, e.g. --encoding cp1252.",
            "Файл — не текст в UTF-8 (недопустимый байт 0x{byte:02x} по смещению {at}); "
            "укажите его кодировку, например --encoding cp1252.",
            byte=data[bad],
            at=bad,
        )
    )


def detect_delimiter(text: str) -> str:
    """The delimiter most lines of a sample use the same number of times."""
    lines = [ln for ln in text.splitlines()[:200] if ln.strip()]
    if not lines:
        raise TableError(_EMPTY_FILE)
    best: tuple[float, int, str] | None = None
    for priority, delim in enumerate(reversed(DELIMITERS)):
        counts = Counter(ln.count(delim) for ln in lines)
        mode, hits = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        if mode == 0:
            continue
        score = (hits / len(lines), priority, delim)
        if best is None or score[:2] > best[:2]:
            best = score
    if best is None:
        return ","  # one column: any delimiter reads it
    return best[2]


# -- reading --------------------------------------------------------------------
@bulk_gc.paused()  # many objects, no cycles: dossier/bulk_gc.py
def read_table(
    path: Path | str,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> RawTable:
    """Every row of a CSV/TSV/XLSX/XLS/ODS file; TableError if it is not a readable table."""
    from dossier.store.live import is_live

    path = Path(path)
    if is_live(path):  # reading it would drop the open store's locks (store/live.py)
        raise TableError(
            said(
                "{name} is the store open here, not a table.",
                "{name} — хранилище, открытое здесь, а не таблица.",
                name=path.name,
            )
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise TableError(
            said(
                "Cannot read {path}: {error}.",
                "Не удалось прочитать {path}: {error}.",
                path=path,
                error=exc.strerror,
            )
        ) from None
    if path.is_dir():
        raise TableError(
            said("{path} is a folder, not a table.", "{path} — папка, а не таблица.", path=path)
        )
    if size == 0:
        raise TableError(said("{name} is empty.", "{name} пуст.", name=path.name))
    if size > MAX_BYTES:
        raise TableError(
            said(
                "{name} is {size:.0f} MB; tables over {most:.0f} MB are not imported.",
                "{name} занимает {size:.0f} МБ; таблицы больше {most:.0f} МБ не импортируются.",
                name=path.name,
                size=size / 1e6,
                most=MAX_BYTES / 1e6,
            )
        )
    with path.open("rb") as fh:
        head = fh.read(8)
    from dossier.ingest import spreadsheets

    if spreadsheets.is_spreadsheet(path, head):
        return spreadsheets.read_spreadsheet(path, sheet)
    if head.startswith(b"PK\x03\x04"):
        return read_xlsx(path, sheet)
    return read_text(path.read_bytes(), encoding=encoding, delimiter=delimiter)


@bulk_gc.paused()  # many objects, no cycles: dossier/bulk_gc.py
def read_text(
    data: bytes | str, *, encoding: str | None = None, delimiter: str | None = None
) -> RawTable:
    if isinstance(data, str):
        notes: list[str] = []
        text, used = data, "utf-8"
    else:
        text, used, notes = decode(data, encoding)
    if not text.strip():
        raise TableError(_EMPTY_FILE)
    delim = delimiter or detect_delimiter(text)
    csv.field_size_limit(MAX_CELL)
    table = RawTable([], [], delimiter=delim, encoding=used, notes=notes)
    lines = text.splitlines()
    chunks: list[tuple[int, str]] = []  # (first line, logical row text)
    n = 0
    while n < len(lines):
        # A quoted cell may hold line breaks; join lines until the quotes
        # balance, but an unclosed quote may not swallow the rest of the file.
        chunk, used_lines = lines[n], 1
        if '"' in chunk:
            while chunk.count('"') % 2 and n + used_lines < len(lines) and used_lines < 20:
                chunk += "\n" + lines[n + used_lines]
                used_lines += 1
            if chunk.count('"') % 2:
                table.problems.append(
                    Problem(
                        n + 1,
                        said(
                            "unclosed quote; the row was skipped",
                            "незакрытая кавычка; строка пропущена",
                        ),
                        lines[n][:100],
                    )
                )
                n += 1
                continue
        chunks.append((n + 1, chunk))
        n += used_lines
        if len(chunks) > MAX_ROWS:
            raise TableError(
                said(
                    "The file has more than {most:,} rows; larger tables are not imported.",
                    "В файле больше {most:,} строк; таблицы больше не импортируются.",
                    most=MAX_ROWS,
                )
            )
    try:
        # A Python loop, not list(zip(...)): a C call building the whole list would
        # hold the GIL (and freeze the GUI thread) for the whole file.
        parsed = []
        for pair in zip(
            chunks, csv.reader([c for _, c in chunks], delimiter=delim, strict=True), strict=True
        ):
            parsed.append(pair)
    except csv.Error:
        parsed = []  # some row is malformed: read row by row to find and report it
        for line, chunk in chunks:
            try:
                parsed.append(
                    ((line, chunk), next(csv.reader([chunk], delimiter=delim, strict=True)))
                )
            except csv.Error as exc:
                table.problems.append(
                    Problem(
                        line,
                        said("unreadable row ({exc})", "нечитаемая строка ({exc})", exc=exc),
                        chunk[:100],
                    )
                )
    for (line, _), row in parsed:
        if "".join(row).strip():  # some cell is not blank (csv gives text cells)
            table.rows.append(row)
            table.lines.append(line)
    if not table.rows:
        raise TableError(said("The file holds no rows.", "В файле нет строк."))
    return table


def read_xlsx(path: Path, sheet: str | None = None) -> RawTable:
    """A sheet of an .xlsx file, within the same limits (see dossier/ingest/xlsx.py)."""
    from dossier.ingest.xlsx import read_xlsx as read_sheet

    return read_sheet(path, sheet)


# -- header and records -----------------------------------------------------------
def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, str):
        # Most cells are plain words or numbers: skip the split/join for them.
        return (
            cell
            if cell.isprintable() and cell.strip() == cell and "  " not in cell
            else " ".join(cell.split())
        )
    return str(cell)


def _is_number(cell: Any) -> bool:
    try:
        return parse_cell(cell).value is not None
    except ValueError:
        return False


def header_score(row: list[Any]) -> int:
    """How much a row looks like a header: its count of non-empty text cells (0: not one)."""
    filled = [c for c in row if _text(c)]
    if len(filled) < 2 or any(_is_number(c) for c in filled):
        return 0
    return len(filled)


def find_header(rows: list[list[Any]], look: int = 30) -> int:
    """Index of the header row: the first row of several text cells, none a number."""
    # The data rows' usual width: a title line above the header ("Trade, mln
    # USD") may hold a comma and pass for two text cells, but not for a full row.
    widths = Counter(len(r) for r in rows[: look * 4])
    width = max(widths.items(), key=lambda kv: (kv[1], kv[0]))[0] if widths else 0
    for i, row in enumerate(rows[:look]):
        score = header_score(row)
        if score and len(row) >= width and score >= max(2, width // 2):
            return i
    raise TableError(
        said(
            "No header row found: the first rows should name the columns.",
            "Строка заголовка не найдена: первые строки должны называть столбцы.",
        )
    )


def header_names(row: list[Any]) -> list[str]:
    names: list[str] = []
    for n, cell in enumerate(row, start=1):
        name = _text(cell) or f"column {n}"
        while name in names:
            name += "*"
        names.append(name)
    return names


_FOOTNOTE_ROW = re.compile(r"^\s*(_{3,}|\*|\d\)\s)")


@bulk_gc.paused()  # many objects, no cycles: dossier/bulk_gc.py
def records_of(table: RawTable, header_index: int | None = None) -> Records:
    """The rows under the header; repeated headers, headings and footnotes set aside."""
    index = find_header(table.rows) if header_index is None else header_index
    header = header_names(table.rows[index])
    key = [_text(c).casefold() for c in table.rows[index]]
    out = Records(header, table.lines[index], [], [], skipped=list(table.problems))
    width = len(header)
    for row, line in zip(table.rows[index + 1 :], table.lines[index + 1 :], strict=True):
        while len(row) > width and not _text(row[-1]):
            row = row[:-1]
        first_text = _text(row[0]) if row else ""
        # Cheap test first: most rows are data, whose first cell is not the header's.
        if row and first_text.casefold() == key[0]:
            cells = [_text(c).casefold() for c in row]
            if cells == key[: len(cells)] or cells[:width] == key:
                out.repeated_headers += 1
                continue
        if len(row) == width and first_text and _text(row[-1]):
            out.rows.append(row)  # a full data row: the common case, no more checks
            out.lines.append(line)
            continue
        filled = [c for c in row if _text(c)]
        first = _text(filled[0]) if filled else ""
        if len(filled) == 1 and _FOOTNOTE_ROW.match(first):
            out.skipped.append(Problem(line, said("footnote row", "сноска"), first[:80]))
            continue
        if len(row) != width:
            if len(row) < width and len(filled) <= 1:
                out.skipped.append(
                    Problem(
                        line, said("heading or note row", "заголовок или примечание"), first[:80]
                    )
                )
                continue
            out.skipped.append(
                Problem(
                    line,
                    said(
                        "row has {cells} cells but the header has {width}",
                        "в строке {cells} ячеек, а в заголовке {width}",
                        cells=len(row),
                        width=width,
                    ),
                    _row_text(row),
                )
            )
            continue
        out.rows.append(list(row))
        out.lines.append(line)
    return out


def _row_text(row: list[Any]) -> str:
    text = " | ".join(_text(c) for c in row)
    return text if len(text) <= 100 else text[:99] + "…"
