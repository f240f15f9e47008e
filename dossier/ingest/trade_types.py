"""The trade import's shared parts: what the user confirmed, the plan, and how a
figure is made from a cell. Split from trade_import.py so the calendar-block
planner (trade_blocks.py) and the writer (trade_store.py) need not import it.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from dossier.countries import code_of, former_country
from dossier.fields import format_value
from dossier.ingest.tables import Problem, TableError
from dossier.model import TRADE, TradeFigure, period_label
from dossier.plural import ru_form
from dossier.progress import Cancelled
from dossier.said import Said, in_language, said

FLOW_WORDS = {
    "export": ("export", "exports", "exp", "x", "экспорт", "вывоз"),
    "import": ("import", "imports", "imp", "m", "импорт", "ввоз"),
    "turnover": ("turnover", "total", "trade", "товарооборот", "оборот"),
}
SCALE_WORDS = (
    ("1000000000", re.compile(r"млрд|\bbln\b|\bbn\b|billion", re.I)),
    ("1000000", re.compile(r"млн|\bmln\b|\bmn\b|million", re.I)),
    ("1000", re.compile(r"тыс\.?|thousand", re.I)),
)
SCALE_NAMES = {"1": "units", "1000": "thousands", "1000000": "millions", "1000000000": "billions"}
# Blocks whose heading says these are shares or indices, not amounts.
PERCENT = re.compile(r"%|в разах|by times|percent|процент", re.I)


class ImportCancelled(Cancelled):
    """The user pressed Cancel; nothing was written."""


@dataclass
class TradeMapping:
    """Which column means what (column names as in the header)."""

    period: str | None = None
    amount: str | None = None  # with `flow` (a flow column) or `fixed_flow`
    flow: str | None = None
    fixed_flow: str | None = None  # the whole table is one flow
    flow_columns: dict[str, str] = field(default_factory=dict)  # flow -> its amount column
    currency: str | None = None  # column; else `TradePlan` currency
    partner: dict[str, str] = field(default_factory=dict)  # column -> value to keep
    # Columns naming whose trade a row is (TRADHIST destination/origin, Comtrade
    # reporter/partner); else the pair given in `Options`.
    reporter_column: str | None = None
    partner_column: str | None = None

    def columns(self) -> list[str]:
        cols = [
            self.period,
            self.amount,
            self.flow,
            self.currency,
            self.reporter_column,
            self.partner_column,
            *self.flow_columns.values(),
            *self.partner,
        ]
        return [c for c in cols if c]


@dataclass(frozen=True)
class UnitHint:
    scale: str | None  # suggested unit scale ("1", "1000000", ...) or None
    reason: str  # a Said: in_language(reason, lang) for the window


@dataclass
class TradePlan:
    """Figures ready to store (not yet stored) and what was left out."""

    figures: list[TradeFigure] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # file line of each figure
    skipped: list[Problem] = field(default_factory=list)
    empty_cells: int = 0
    unit: str | None = None
    notes: list[str] = field(default_factory=list)

    def preview(self, n: int = 10, lang: str = "en") -> list[dict[str, str]]:
        """The first figures as a user will see them in the dossier."""
        out = []
        for line, fig in zip(self.lines[:n], self.figures[:n], strict=False):
            out.append(
                {
                    "line": str(line),
                    "period": period_label(fig.period_start, fig.period_end, lang),
                    "flow": format_value(TRADE.field("flow"), fig.flow, lang),
                    "amount": format_value(TRADE.field("amount"), fig.amount, lang),
                    "currency": fig.currency or "",
                    "unit": format_value(TRADE.field("unit_scale"), fig.unit_scale, lang),
                }
            )
        return out

    def report(self, limit: int = 50, lang: str = "en") -> list[str]:
        """A line per skipped row, in `lang` (the command line's English by default)."""
        lines = [p.line_text(lang) for p in self.skipped[:limit]]
        if len(self.skipped) > limit:
            more = len(self.skipped) - limit
            lines.append(
                in_language(
                    said(
                        "… and {more} more skipped {rows}",
                        "… и ещё {more} {rows}",
                        more=more,
                        rows=Said(
                            "rows",
                            ru_form(
                                more,
                                "пропущенная строка",
                                "пропущенные строки",
                                "пропущенных строк",
                            ),
                        ),
                    ),
                    lang,
                )
            )
        return lines


# -- the unit and the flow ----------------------------------------------------------
def suggest_unit(texts: Iterable[str], amounts: Iterable[float]) -> UnitHint:
    """What the file's own words and the size of its numbers say about the unit."""
    joined = " ".join(texts)
    for scale, pattern in SCALE_WORDS:
        m = pattern.search(joined)
        if m:
            return UnitHint(
                scale, said("the table says “{word}”", "в таблице сказано «{word}»", word=m[0])
            )
    values = [abs(a) for a in amounts if a]
    if values:
        median = statistics.median(values)
        if median >= 100_000:
            return UnitHint(
                "1",
                said(
                    "no unit is named and the values are large (median {median:,.0f}): "
                    "they look like plain units",
                    "единица не названа, а значения велики (медиана {median:,.0f}): "
                    "похоже, это просто единицы",
                    median=median,
                ),
            )
        return UnitHint(
            None,
            said(
                "no unit is named and the values are small (median {median:,.4g}): "
                "check the publication",
                "единица не названа, а значения малы (медиана {median:,.4g}): "
                "сверьтесь с публикацией",
                median=median,
            ),
        )
    return UnitHint(None, said("no unit is named", "единица не названа"))


def parse_unit(text: str | float | int) -> str:
    """'1e6', '1000000', 'million', 'млн' -> '1000000'; ValueError if unknown."""
    s = str(text).strip().casefold()
    for scale, pattern in SCALE_WORDS:
        if pattern.fullmatch(s) or (pattern.search(s) and not re.search(r"\d", s)):
            return scale
    if s in ("1", "units", "unit", "единиц", "plain"):
        return "1"
    unknown = said(
        "unknown unit “{text}”: use 1, 1e3, 1e6 or 1e9",
        "неизвестная единица «{text}»: укажите 1, 1e3, 1e6 или 1e9",
        text=text,
    )
    try:
        value = float(s)
    except ValueError:
        raise ValueError(unknown) from None
    for scale in SCALE_NAMES:
        if value == float(scale):
            return scale
    raise ValueError(unknown)


# -- records layout ----------------------------------------------------------------
@dataclass
class Options:
    """What the user confirmed in the mapping step."""

    unit: str  # the unit the file's numbers are in
    # The currency when no column gives it: asked for, never assumed (None: not said).
    currency: str | None = None
    store_unit: str | None = None  # convert to this unit when storing (default: unit)
    note: str | None = None
    kind: str = "actual"  # actual, estimate, target, forecast (TRADE_KINDS)
    # Whose trade the figures are when no column says it (alpha-2 or `world`).
    reporter: str | None = None
    partner: str | None = None


_SIDES = {"reporter": "отчитывающуюся страну", "partner": "страну-партнёра"}


def pair_code(text: str | None, what: str) -> str:
    """A reporter or partner as typed ('BY', 'BLR', 'Belarus', 'world') -> 'BY';
    ValueError with a one-line message if it names no country."""
    code = code_of(text or "")
    former = former_country(text or "") if code is None else None
    side = Said(what, _SIDES.get(what, what))
    if former is not None:
        # Its figures belong to no country of today: never stored under a successor.
        raise ValueError(
            said(
                "“{text}” is a former country's code ({former}): its figures belong to no "
                "country of today; give the {what} as a country of today.",
                "«{text}» — код бывшей страны ({former}): её данные не относятся ни к одной "
                "нынешней стране; укажите {what} как нынешнюю страну.",
                text=text,
                former=Said(former, former_country(text or "", "ru") or former),
                what=side,
            )
        )
    if code is None:
        raise ValueError(
            said(
                "“{text}” is not a country for the {what}: use an ISO code (BY, AZE), "
                "a country name or “world”.",
                "«{text}» — не страна: укажите {what} кодом ISO (BY, AZE), названием страны "
                "или «world».",
                text=text,
                what=side,
            )
        )
    return code


def make_figure(
    dossier_id: int,
    start: str,
    end: str,
    flow: str,
    value: float,
    currency: str | None,
    opts: Options,
    pair: tuple[str | None, str | None] | None = None,
) -> TradeFigure:
    return figure_maker(dossier_id, opts)(start, end, flow, value, currency, pair, False)


FigureMaker = Callable[
    [str, str, str, float, str | None, tuple[str | None, str | None] | None, bool], TradeFigure
]


def figure_maker(dossier_id: int, opts: Options) -> FigureMaker:
    """make_figure(dossier_id, ..., opts, pair) for many figures: what the options decide
    (the unit and its conversion, kind, note) worked out once, and each figure made
    from a copy of one made by TradeFigure(...) (a third of the time of its __init__
    with eleven keywords: a planner makes one per cell of a 100,000-figure file).

    `short`: the value is a decimal of at most 12 significant digits as read (float of
    "40636.48047"). In the file's own unit its rounding to 12 digits gives it back
    unchanged (it differs from that decimal by far less than half a unit in the 12th
    digit, and so does value * unit / unit), so it is not formatted and parsed again."""
    store_unit = opts.store_unit or opts.unit
    unit, store = float(opts.unit), float(store_unit)
    same = unit == store
    template = vars(
        TradeFigure(
            dossier_id=dossier_id,
            period_start="",
            period_end="",
            flow="",
            unit_scale=store_unit,
            kind=opts.kind,
            note=opts.note,
        )
    )
    given = (opts.reporter, opts.partner)
    new = object.__new__

    def make(
        start: str,
        end: str,
        flow: str,
        value: float,
        currency: str | None,
        pair: tuple[str | None, str | None] | None = None,
        short: bool = False,
    ) -> TradeFigure:
        reporter, partner = pair or given
        figure = new(TradeFigure)
        figure.__dict__ = {
            **template,
            "period_start": start,
            "period_end": end,
            "reporter": reporter,
            "partner": partner,
            "flow": flow,
            "amount": value if short and same else float(f"{value * unit / store:.12g}"),
            "currency": currency,
        }
        return figure

    return make


def check_pair(opts: Options, reporter_column: bool = False, partner_column: bool = False) -> None:
    """TableError unless the file's figures say whose trade they are (a column or the
    pair given): a file's numbers are never taken for the dossier's own trade unasked."""
    if not (reporter_column or opts.reporter) or not (partner_column or opts.partner):
        raise TableError(
            said(
                "Say whose trade these figures are: the reporter and partner columns, or "
                "the pair (reporter BY, partner AZ; the world is “world”).",
                "Укажите, чья это торговля: столбцы отчитывающейся страны и партнёра "
                "или пару стран (отчитывается BY, партнёр AZ; весь мир — «world»).",
            )
        )
    if opts.reporter and opts.reporter == opts.partner:
        raise TableError(
            said(
                "The reporter and the partner are the same country.",
                "Отчитывающаяся страна и партнёр — одна и та же страна.",
            )
        )


def check_currency(opts: Options, currency_column: bool = False) -> None:
    if not currency_column and not opts.currency:
        raise TableError(
            said(
                "The file names no currency: say which currency its amounts are in (e.g. USD).",
                "В файле не указана валюта: укажите, в какой валюте суммы (например, USD).",
            )
        )


def join_notes(*parts: str | None) -> str:
    return "; ".join(p for p in parts if p)
