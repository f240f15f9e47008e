"""Old Excel (.xls) and OpenDocument (.ods) tables read like .xlsx (issue 22, item 7)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from dossier.cli import main
from dossier.ingest.tables import TableError, read_table, records_of

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def write_ods(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """A minimal OpenDocument spreadsheet, as LibreOffice would save it: a zip with an
    uncompressed mimetype first, the manifest and content.xml."""

    def cell(value: object) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, (int, float)):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        if isinstance(value, tuple):  # ("date", "2013-09-30")
            return (
                f'<table:table-cell office:value-type="date" office:date-value="{value[1]}">'
                f"<text:p>{value[1]}</text:p></table:table-cell>"
            )
        return (
            f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
            "</text:p></table:table-cell>"
        )

    tables = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join(
            "<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
            for row in rows
        )
        + "</table:table>"
        for name, rows in sheets.items()
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/"'
        ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


TRADE = [
    ["Торговля, млн долл."],
    [],
    ["period", "flow", "amount"],
    [2012, "export", 223.3],
    [("date", "2013-09-30"), "import", 12],
]


def test_xls_is_read_with_numbers_dates_and_sheet_rows():
    table = read_table(FIXTURES / "trade_excerpt.xls")
    assert table.sheet == "Trade"
    assert table.lines == [1, 3, 4, 5]  # the sheet's own row numbers, for reports
    records = records_of(table)
    assert records.header == ["period", "flow", "amount"]
    assert records.rows == [[2012, "export", 223.3], ["2013-09-30", "import", 12]]
    assert read_table(FIXTURES / "trade_excerpt.xls", sheet="Notes").rows == [["Источник: Белстат"]]
    with pytest.raises(TableError, match=r"No sheet “Nope”; the sheets are: Trade, Notes"):
        read_table(FIXTURES / "trade_excerpt.xls", sheet="Nope")


def test_ods_is_read_like_xlsx(tmp_path):
    path = write_ods(tmp_path / "trade.ods", {"Trade": TRADE, "Notes": [["Белстат"]]})
    table = read_table(path)
    assert table.sheet == "Trade"
    records = records_of(table)
    assert records.header == ["period", "flow", "amount"]
    assert records.rows == [[2012, "export", 223.3], ["2013-09-30", "import", 12]]
    assert read_table(path, sheet="Notes").rows == [["Белстат"]]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old excel", r"not a readable Excel 97-2003"),
        ("bad.ods", b"PK\x03\x04not really a zip", r"not a readable OpenDocument \(\.ods\)"),
        ("bad.ods", b"just text", r"not a readable OpenDocument"),
    ],
)
def test_damaged_spreadsheets_are_one_clear_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TableError, match=message):
        read_table(path)
    assert path.read_bytes() == content


def test_an_empty_sheet_is_refused(tmp_path):
    path = write_ods(tmp_path / "empty.ods", {"Blank": [[None, None]]})
    with pytest.raises(TableError, match=r"Sheet “Blank” of empty\.ods is empty"):
        read_table(path)


def test_cli_imports_trade_from_an_ods_file(store_file, tmp_path, capsys):
    path = write_ods(tmp_path / "trade.ods", {"Trade": TRADE})
    argv = ["--store", str(store_file), "import-trade", str(path), "--country", "AZ"]
    pair = ["--reporter", "BY", "--partner", "AZ"]  # a file without a pair names it
    assert main([*argv, *pair, "--currency", "USD", "--unit", "1000000"]) == 0
    out = capsys.readouterr().out
    assert "spreadsheet, sheet “Trade”" in out
    assert "Imported 2 figures into AZ" in out
