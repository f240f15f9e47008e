"""Rosstat-style calendar tables: year rows under a heading, columns for the year,
its quarters and its months (`find_blocks`); the user picks a block and its flow
(`plan_block`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dossier.ingest.numbers import parse_cell, parse_year
from dossier.ingest.tables import Problem, RawTable, TableError
from dossier.ingest.trade_types import (
    PERCENT,
    Options,
    TradePlan,
    check_currency,
    check_pair,
    join_notes,
    make_figure,
)
from dossier.said import said

# -- calendar blocks (Rosstat) ------------------------------------------------------
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass
class Block:
    """Year rows under one heading; columns are the year, quarters and months."""

    number: int
    heading: str
    section: str  # the numbered section the block belongs to (1.9.1. ...)
    columns: list[tuple[str, str]]  # per value column: ("year"|"quarter"|"month", label)
    rows: list[tuple[int, int, list[Any]]] = field(default_factory=list)  # line, year, cells

    def title(self) -> str:
        """The heading with its section when the heading alone is ambiguous
        ("экспорт товаров" is said under both far-abroad and CIS trade)."""
        if not self.section or self.heading.startswith(self.section[:12]):
            return self.heading
        return f"{self.section.split(' / ')[0]} — {self.heading}"

    @property
    def is_percent(self) -> bool:
        return bool(PERCENT.search(self.heading))

    @property
    def first_line(self) -> int:
        return self.rows[0][0] if self.rows else 0

    def years(self) -> tuple[int, int]:
        return self.rows[0][1], self.rows[-1][1]


def _calendar_columns(header: list[Any]) -> list[tuple[str, str]] | None:
    cells = " ".join(str(c) for c in header).casefold()
    if not re.search(r"год|year", cells):
        return None
    cols: list[tuple[str, str]] = [("year", "year")]
    if re.search(r"кварт|quarter", cells):
        cols += [("quarter", f"Q{q}") for q in range(1, 5)]
    months = [w for w in _MONTH_WORDS if re.search(rf"\b{w}", cells)]
    cols += [("month", w) for w in months]
    return cols if len(cols) > 1 else None


def find_blocks(table: RawTable) -> list[Block]:
    """The year-by-period blocks of a Rosstat-style table, each with its heading."""
    blocks: list[Block] = []
    heading: list[str] = []
    section = ""
    columns: list[tuple[str, str]] | None = None
    current: Block | None = None
    for row, line in zip(table.rows, table.lines, strict=True):
        first = str(row[0]).strip() if row else ""
        year = parse_year(first)
        filled = [str(c).strip() for c in row if str(c).strip()]
        if year is not None and (len(filled) > 1 or current is not None):
            if current is None:
                if columns is None:
                    continue
                current = Block(len(blocks) + 1, " ".join(heading), section, columns)
                blocks.append(current)
                heading = []
            current.rows.append((line, year, list(row[1:])))
            continue
        current = None
        cols = _calendar_columns(row) if not first else None
        if cols is not None:
            columns = cols
            continue
        if first.startswith("___"):
            continue
        if filled and all(re.fullmatch(r"I{1,3}|IV", c) for c in filled):
            continue  # the quarter numbers under the header
        text = " ".join(filled)
        if re.match(r"^\d+(\.\d+)+\.?\s*\S", text):
            heading = []  # a new numbered section starts
            section = " ".join(text.split())
        if text:
            heading.append(" ".join(text.split()))
    return blocks


def plan_block(
    block: Block,
    flow: str,
    dossier_id: int,
    opts: Options,
    kinds: Iterable[str] = ("year",),
    decimal: str = ",",
) -> TradePlan:
    """The figures of one calendar block, for the chosen period kinds."""
    if block.is_percent:
        raise TableError(
            said(
                "Block {number} holds percentages or ratios, not amounts: {heading}",
                "В блоке {number} проценты или отношения, а не суммы: {heading}",
                number=block.number,
                heading=block.heading[:80],
            )
        )
    check_pair(opts)
    check_currency(opts)
    wanted = set(kinds)
    plan = TradePlan(unit=opts.unit)
    opts = dataclasses.replace(opts, note=join_notes(opts.note, block.title()[:300]))
    for line, year, cells in block.rows:
        for (kind, label), cell in zip(block.columns, cells, strict=False):
            if kind not in wanted:
                continue
            try:
                value = parse_cell(cell, decimal)
            except ValueError:
                plan.skipped.append(
                    Problem(
                        line,
                        said(
                            "“{cell}” ({year} {label}) is not a number",
                            "«{cell}» ({year} {label}) — не число",
                            cell=cell,
                            year=year,
                            label=label,
                        ),
                    )
                )
                continue
            if value.value is None:
                plan.empty_cells += 1
                continue
            if kind == "year":
                start = end = str(year)
            elif kind == "quarter":
                q = int(label[1])
                start, end = f"{year}-{3 * q - 2:02d}", f"{year}-{3 * q:02d}"
            else:
                start = end = f"{year}-{_MONTH_WORDS.index(label) + 1:02d}"
            plan.figures.append(
                make_figure(dossier_id, start, end, flow, value.value, opts.currency, opts)
            )
            plan.lines.append(line)
            if value.footnote:
                plan.figures[-1].note = join_notes(
                    opts.note, f"footnote {value.footnote}) in the source table"
                )
    return plan
