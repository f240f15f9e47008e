"""Numbers as statistics offices write them in tables.

A cell may hold `115,1` (decimal comma), `1 234,5` or `1,234.5` (thousands
separators, also NBSP and narrow NBSP), `1.0239E+11` (scientific notation),
`714062)` (71406 with footnote 2 fused on, as in Rosstat tables) or nothing.
`parse_cell` reads one cell; `detect_decimal` decides, for a whole column or
table, whether the comma is the decimal mark, since `1,234` alone cannot say.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from dossier.said import said

# Spaces that separate thousands: ordinary, NBSP, narrow NBSP, thin space, and
# the apostrophe used in Swiss tables.
_GROUP = re.compile(r"[ \u00a0\u202f\u2009']")
_MINUS = str.maketrans({"−": "-", "–": "-", "‒": "-", "—": "-"})
# A one-digit footnote number closed by a parenthesis, or superscript digits and
# asterisks, fused to the end of a number.
_FOOTNOTE = re.compile(r"^(?P<num>.*?\d)(?:(?P<paren>\d)\)|(?P<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰*]+))$")
_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
# Cells that mean "no value" in statistical tables.
_EMPTY = {"", "-", "–", "—", "…", "...", "..", "x", "х", "n/a", "na", "nan"}


@dataclass(frozen=True)
class Cell:
    """A parsed table number; `value` is None for an empty cell."""

    value: float | None
    footnote: str | None = None


def parse_cell(text: object, decimal: str | None = None) -> Cell:
    """Read one table cell; ValueError if it holds text that is not a number.

    `decimal` is "," or "." when known for the table (see detect_decimal);
    with None, a single comma is read as the decimal mark.
    """
    if text is None:
        return Cell(None)
    if isinstance(text, bool):
        raise ValueError(repr(text))
    if isinstance(text, int | float):
        if isinstance(text, float) and not math.isfinite(text):
            raise ValueError(repr(text))
        return Cell(float(text))
    s = _GROUP.sub("", str(text).strip()).translate(_MINUS)
    if s.casefold() in _EMPTY:
        return Cell(None)
    footnote = None
    if not _PLAIN.match(s) or s.endswith(")"):
        m = _FOOTNOTE.match(s)
        if m and m["num"].rstrip(",.") == m["num"]:
            footnote = m["paren"] or m["sup"].translate(_SUPERSCRIPT)
            s = m["num"]
    value = _to_float(s, decimal)
    if value is None:
        raise ValueError(said("not a number: {text}", "не число: {text}", text=text))
    return Cell(value, footnote)


def _to_float(s: str, decimal: str | None) -> float | None:
    if not s or not re.fullmatch(r"[+-]?[\d.,]*\d[\d.,]*([eE][+-]?\d+)?", s):
        return None
    mantissa, _, exponent = s.replace("E", "e").partition("e")
    commas, points = mantissa.count(","), mantissa.count(".")
    if commas and points:
        # Both marks: the later one is the decimal mark (1,234.5 or 1.234,5).
        group, mark = (".", ",") if mantissa.rfind(",") > mantissa.rfind(".") else (",", ".")
        if mantissa.count(mark) > 1:
            return None
        mantissa = mantissa.replace(group, "").replace(mark, ".")
    elif commas or points:
        mark = "," if commas else "."
        count = commas or points
        if count > 1:
            # Only thousands groups can repeat: 1,234,567 or 1.234.567.
            if not re.fullmatch(rf"[+-]?\d{{1,3}}(\{mark}\d{{3}})+", mantissa):
                return None
            mantissa = mantissa.replace(mark, "")
        elif (
            decimal is not None
            and decimal != mark
            and not exponent
            and re.fullmatch(rf"[+-]?\d{{1,3}}\{mark}\d{{3}}", mantissa)
        ):
            # `207,600` in a point-decimal table is two hundred thousand.
            mantissa = mantissa.replace(mark, "")
        else:
            mantissa = mantissa.replace(mark, ".")
    try:
        value = float(mantissa + (f"e{exponent}" if exponent else ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


_COMMA_DECIMAL = re.compile(r"^[+-]?\d+,\d{1,2}(\d\))?$|^[+-]?\d+,\d{4,}$|\d\.\d{3},\d")
_POINT_DECIMAL = re.compile(
    r"^[+-]?\d+\.\d{1,2}$|^[+-]?\d+\.\d{4,}$|\d,\d{3}\.\d|^[+-]?\d+\.\d+[eE]"
)


def detect_decimal(cells: Iterable[object], sample: int = 5000) -> str:
    """ "," or "." : the decimal mark most cells of a table use (". " if no evidence)."""
    comma = point = 0
    for n, cell in enumerate(cells):
        if n >= sample:
            break
        if not isinstance(cell, str):
            continue
        s = _GROUP.sub("", cell.strip())
        if _COMMA_DECIMAL.search(s):
            comma += 1
        elif _POINT_DECIMAL.search(s):
            point += 1
    return "," if comma > point else "."


_YEAR_FOOTNOTE = re.compile(r"^(1[89]\d\d|2[01]\d\d)(\d\)|[¹²³⁴⁵⁶⁷⁸⁹*]+)?$")


def parse_year(text: object) -> int | None:
    """A year cell, maybe with a fused footnote (`20142)` is 2014); None if not a year."""
    if isinstance(text, int) and 1800 <= text <= 2199:
        return text
    if isinstance(text, float) and text.is_integer() and 1800 <= text <= 2199:
        return int(text)
    m = _YEAR_FOOTNOTE.match(str(text or "").strip())
    return int(m[1]) if m else None
