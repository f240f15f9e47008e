"""One trade import, as the terminal and the window both run it: load, plan, commit.

`load_trade` reads the file once and says how it is laid out (calendar blocks or
records); `suggest_block` and `plan_records` give the plan with the same
suggestions (unit, flow) whichever front end asks; `commit_trade` writes the plan
as one undoable operation of the store. The CLI (cli/imports.py) and the import
dialog drive these same calls, so a file imported from either gives the same
figures (tests/ui/test_shared_importers.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dossier.ingest.tables import RawTable, Records, read_table, records_of
from dossier.ingest.trade_blocks import Block, find_blocks
from dossier.ingest.trade_import import guess_mapping, partner_columns, suggest_unit
from dossier.ingest.trade_import import plan_records as plan_record_rows
from dossier.ingest.trade_store import ImportResult, store_plan
from dossier.ingest.trade_types import Options, TradeMapping, TradePlan, UnitHint
from dossier.progress import Progress
from dossier.store import Store

# Words of a block's heading that name its flow, checked in this order.
_FLOW_HINTS = (
    ("export", ("экспорт", "export")),
    ("import", ("импорт", "import")),
    ("turnover", ("оборот", "turnover")),
)


@dataclass
class TradeFile:
    """A trade table read from a file: calendar blocks, or records under a header."""

    path: Path
    table: RawTable
    blocks: list[Block]  # every block, percentages included (they are listed, not planned)
    records: Records | None  # None for a table of blocks (see `as_records`)

    @property
    def amount_blocks(self) -> list[Block]:
        """The blocks that hold amounts: the ones a user can import."""
        return [b for b in self.blocks if not b.is_percent]

    def block(self, number: int) -> Block | None:
        return next((b for b in self.blocks if b.number == number), None)

    def as_records(self) -> Records:
        """The table as records, even when it has blocks (a mapping given by hand)."""
        if self.records is None:
            self.records = records_of(self.table)
        return self.records

    def guessed_mapping(self) -> TradeMapping:
        return guess_mapping(self.as_records().header)

    def many_countries(self) -> list[str]:
        """The partner columns of a file of many countries (empty for one pair)."""
        return partner_columns(self.as_records().header)


def load_trade(
    path: Path,
    *,
    encoding: str | None = None,
    sheet: str | None = None,
    check: Callable[[], None] | None = None,
) -> TradeFile:
    """Read a trade table; TableError (one line) if it cannot be. `check` is called
    between the steps and may raise to cancel (the window's Cancel button)."""
    table = read_table(path, encoding=encoding, sheet=sheet)
    if check is not None:
        check()
    blocks = find_blocks(table)
    records = None if any(not b.is_percent for b in blocks) else records_of(table)
    if check is not None:
        check()
    return TradeFile(path, table, blocks, records)


@dataclass(frozen=True)
class BlockSuggestion:
    unit: UnitHint
    flow: str | None  # what the heading names, or None: the user must say


def guess_flow(heading: str) -> str | None:
    """The flow a block's heading names ("Экспорт товаров" -> export), or None."""
    text = heading.casefold()
    for flow, words in _FLOW_HINTS:
        if any(w in text for w in words):
            return flow
    return None


def suggest_block(block: Block) -> BlockSuggestion:
    """The unit and the flow a block's own heading suggests."""
    return BlockSuggestion(suggest_unit([block.heading], []), guess_flow(block.heading))


def plan_records(
    trade_file: TradeFile,
    mapping: TradeMapping,
    dossier_id: int,
    opts: Options,
    progress: Callable[[int, int], bool] | None = None,
) -> tuple[TradePlan, UnitHint]:
    """The plan of a records table, and the unit its numbers suggest.

    The hint judges the numbers as written in the file (before any conversion to
    the stored unit), and only the rows that will be imported, empty cells left out.
    """
    records = trade_file.as_records()
    plan = plan_record_rows(records, mapping, dossier_id, opts, progress)
    back = float(opts.store_unit or opts.unit) / float(opts.unit)
    amounts = [f.amount * back for f in plan.figures[:5000] if f.amount is not None]
    return plan, suggest_unit(records.header, amounts)


def commit_trade(
    store: Store,
    plan: TradePlan,
    dossier_id: int,
    source_title: str,
    *,
    url: str | None = None,
    lang: str = "en",
    progress: Progress | None = None,
) -> ImportResult:
    """Write the plan as one operation of the store's log (`dossier undo` takes it back)."""
    return store_plan(store, plan, dossier_id, source_title, url=url, lang=lang, progress=progress)
