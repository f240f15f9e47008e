"""Table numbers as statistics offices write them."""

from __future__ import annotations

import pytest

from dossier.ingest.numbers import Cell, detect_decimal, parse_cell, parse_year


@pytest.mark.parametrize(
    ("text", "decimal", "value", "footnote"),
    [
        ("115,1", ",", 115.1, None),  # Rosstat decimal comma
        ("714062)", ",", 71406.0, "2"),  # footnote 2 fused onto 71406
        ("106,21)", ",", 106.2, "1"),
        ("2,31)", ",", 2.3, "1"),
        ("1.0239E+11", ".", 1.0239e11, None),  # TRADHIST scientific notation
        ("1.0239E+11", ",", 1.0239e11, None),  # an exponent makes the point a decimal point
        ("40636.48047", ".", 40636.48047, None),
        ("1 234,5", ",", 1234.5, None),
        ("1\u00a0234,5", ",", 1234.5, None),  # NBSP thousands
        ("1\u202f234\u202f567", ".", 1234567.0, None),  # narrow NBSP
        ("1,234.5", ",", 1234.5, None),  # both marks: the later one is the decimal
        ("1.234,5", ".", 1234.5, None),
        ("207,600", ".", 207600.0, None),  # thousands comma in a point-decimal table
        ("207,600", ",", 207.6, None),
        ("1,234,567", None, 1234567.0, None),
        ("−44,4", ",", -44.4, None),  # Unicode minus
        ("12¹", None, 12.0, "1"),
        ("3346225664", None, 3346225664.0, None),
    ],
)
def test_table_numbers_are_read_as_people_mean_them(text, decimal, value, footnote):
    cell = parse_cell(text, decimal)
    assert cell.value == pytest.approx(value)
    assert cell.footnote == footnote


@pytest.mark.parametrize("text", ["", "  ", "-", "…", "x", None])
def test_empty_cells_have_no_value(text):
    assert parse_cell(text) == Cell(None)


@pytest.mark.parametrize("text", ["abc", "1,2,3", "12 apples", "1.2.3,4.5", "nan%"])
def test_text_that_is_not_a_number_is_an_error(text):
    with pytest.raises(ValueError, match="not a number"):
        parse_cell(text)


def test_spreadsheet_numbers_pass_through():
    assert parse_cell(3.5) == Cell(3.5)
    assert parse_cell(7) == Cell(7.0)
    with pytest.raises(ValueError, match="inf"):
        parse_cell(float("inf"))


def test_decimal_mark_is_detected_from_the_column():
    assert detect_decimal(["115,1", "24,4", "", "7,2"]) == ","
    assert detect_decimal(["40636.48047", "2715622.5", "1.0239E+11"]) == "."
    assert detect_decimal(["1,234.5", "2,000.25"]) == "."
    assert detect_decimal(["12", "13"]) == "."  # no evidence: the usual mark


def test_years_may_carry_a_footnote():
    assert parse_year("20142)") == 2014
    assert parse_year("1999") == 1999
    assert parse_year(2003.0) == 2003
    assert parse_year("I") is None
    assert parse_year("123") is None
