"""Reading CSV/TSV/semicolon/XLSX tables: delimiter, encoding, header, broken rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.ingest.tables import (
    TableError,
    detect_delimiter,
    find_header,
    read_table,
    read_text,
    records_of,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def test_tradhist_is_semicolon_separated_with_padded_header_names():
    table = read_table(FIXTURES / "tradhist_excerpt.csv")
    assert table.delimiter == ";"
    records = records_of(table)
    # "destination_country_code " in the file: trailing spaces dropped.
    assert records.header == [
        "destination_country_code",
        "origin_country_code",
        "year",
        "imports",
        "exports",
    ]
    assert records.rows[0] == ["ABW", "DEU", "1990", "40636.48047", "2715622.5"]
    assert not records.skipped


def test_rosstat_csv_is_really_tab_separated():
    table = read_table(FIXTURES / "rosstat_kep_excerpt.csv")
    assert table.delimiter == "\t"
    assert table.encoding == "utf-8"
    # A doubled quote inside a quoted cell is read as one quote.
    assert any('"Строительство"' in str(row[0]) for row in table.rows)


@pytest.mark.parametrize(
    ("text", "delim"),
    [
        ("a,b,c\n1,2,3\n4,5,6\n", ","),
        ("a;b;c\n1,5;2,5;3\n4;5;6\n", ";"),  # decimal commas do not fool it
        ("a\tb\tc\n1,5\t2,5\t3,5\n", "\t"),
        ("a|b\n1|2\n", "|"),
    ],
)
def test_delimiter_detection(text, delim):
    assert detect_delimiter(text) == delim


def test_header_is_found_below_a_title_line_and_repeats_are_dropped():
    text = (
        "Trade of Azerbaijan, mln USD\n"
        "year,flow,value\n2012,export,223.3\n"
        "year,flow,value\n2013,export,216\n"
    )
    records = records_of(read_text(text))
    assert records.header == ["year", "flow", "value"]
    assert records.header_line == 2
    assert [r[0] for r in records.rows] == ["2012", "2013"]
    assert records.repeated_headers == 1


def test_broken_rows_are_reported_with_their_line_and_skipped():
    text = "year,flow,value\n2012,export,223.3\n2013,export\n2014,import,5,extra\n2015,x,1\n"
    records = records_of(read_text(text))
    assert [r[0] for r in records.rows] == ["2012", "2015"]
    lines = {p.line: p.reason for p in records.skipped}
    assert lines[4] == "row has 4 cells but the header has 3"
    assert "2 cells" in lines[3]


def test_footnote_rows_are_skipped_as_such():
    text = "year,value\n2012,1\n_______ 1) By times.\n"
    records = records_of(read_text(text))
    assert records.skipped[0].reason == "footnote row"


def test_windows_1251_is_read_and_said(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes("год;поток;сумма\n2012;экспорт;223,3\n".encode("cp1251"))
    table = read_table(path)
    assert table.encoding == "cp1251"
    assert "Windows-1251" in table.notes[0]
    assert records_of(table).header == ["год", "поток", "сумма"]


def test_invalid_encoding_is_one_clear_error(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"year,value\n2012,\xff\xfe\x80 caf\xe9\n")
    with pytest.raises(TableError, match=r"not UTF-8 text .*--encoding"):
        read_table(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\n\n  \n", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old excel", "not a readable Excel 97-2003"),
        (b"PK\x03\x04not really a zip", "not a readable .xlsx"),
    ],
)
def test_hostile_files_are_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(TableError, match=message):
        read_table(path)


def test_a_table_without_header_is_refused():
    with pytest.raises(TableError, match="No header row"):
        find_header([["1", "2"], ["3", "4"]])


def test_a_runaway_quote_does_not_crash(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('year,value\n2012,"1\n2013,2\n', encoding="utf-8")
    records = records_of(read_table(path))
    assert records.rows == [] or records.skipped  # reported, not raised


def test_xlsx_is_read_with_numbers_and_dates(tmp_path):
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Trade"
    ws.append(["Торговля, млн долл."])
    ws.append(["period", "flow", "amount"])
    ws.append([2012, "export", 223.3])
    ws.append([dt.datetime(2013, 9, 30), "import", 12])
    path = tmp_path / "t.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.sheet == "Trade"
    records = records_of(table)
    assert records.header == ["period", "flow", "amount"]
    assert records.rows == [[2012, "export", 223.3], ["2013-09-30", "import", 12]]
    with pytest.raises(TableError, match="No sheet"):
        read_table(path, sheet="Nope")


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as fh:
        fh.write(b"year,value\n")
        fh.truncate(50_000_000)  # sparse: the test does not write 50 MB
    with pytest.raises(TableError, match="50 MB; tables over 40 MB are not imported"):
        read_table(path)
