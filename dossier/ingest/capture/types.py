"""The candidates a text yields: plain dataclasses the review dialog may edit.

Every candidate keeps the character span of the text it came from (indexes into
`Capture.text`) and a confidence between 0 and 1; `existing` is the id of the
dossier record it repeats or updates, filled in by `accept.match_capture`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


class CaptureError(ValueError):
    """The text cannot be captured (empty, binary, too large); the message says why."""


@dataclass
class SourceCandidate:
    title: str
    publisher: str | None = None
    published_on: str | None = None
    language: str = "ru"
    span: Span = (0, 0)


@dataclass
class OfficialCandidate:
    name: str
    position: str | None = None
    country: str | None = None  # ISO code, "AZ"
    country_name: str | None = None  # as the dossier writes it, "Азербайджан"
    name_latin: str | None = None
    span: Span = (0, 0)
    confidence: float = 0.5
    mentions: list[Span] = field(default_factory=list)
    existing: int | None = None  # id of the official this person already is
    side: str | None = None  # home | host | third, once the dossier is known
    reason: str | None = None  # why the review leaves it unticked
    post_from_context: bool = False  # the post stands apart from the name

    kind = "official"

    @property
    def ticked(self) -> bool:
        return self.reason is None and self.confidence >= 0.5

    @property
    def label(self) -> str:
        return f"{self.name}, {self.position}" if self.position else self.name


@dataclass
class TradeCandidate:
    flow: str  # turnover | export | import
    amount: float | None = None  # in units: 223 300 000
    currency: str | None = None
    scale: int = 1_000_000  # the scale the text states ("млн")
    amount_high: float | None = None  # upper end of a range ("$ 500−700 млн")
    period_start: str | None = None
    period_end: str | None = None
    growth_factor: float | None = None
    base_start: str | None = None
    base_end: str | None = None
    estimate: bool = False  # "close to", "около", ranges
    note: str | None = None  # the words it came from
    span: Span = (0, 0)
    confidence: float = 0.5
    existing: int | None = None
    figure_kind: str = "actual"  # actual | estimate | target | forecast (TradeFigure.kind)
    reporter: str | None = None  # ISO codes, as the text names them
    partner: str | None = None
    bilateral: bool = False  # "двусторонний", "the two countries": the dossier's pair
    hedged: bool = False  # a result beside talk of goals or forecasts
    not_trade: bool = False  # investment, a loan, a contract beside the flow word
    year_estimated: bool = False  # a goal's year from "за пять лет" and the article's date
    period_open: bool = False  # "this year" in a text without a date
    reason: str | None = None  # why the review leaves it unticked

    kind = "trade"

    @property
    def ticked(self) -> bool:
        return self.reason is None and self.confidence >= 0.5

    @property
    def label(self) -> str:
        from dossier.model import period_label

        parts = [self.flow]
        if self.figure_kind not in ("actual", "estimate"):
            parts.append(self.figure_kind)
        if self.amount is not None:
            value = self.amount / self.scale
            high = f"–{self.amount_high / self.scale:g}" if self.amount_high else ""
            unit = {
                1: "",
                1000: " thousand",
                1_000_000: " million",
                10**9: " billion",
                10**12: " trillion",
            }.get(self.scale, "")
            parts.append(f"{value:g}{high}{unit} {self.currency or '?'}")
        if self.growth_factor is not None:
            parts.append(f"×{self.growth_factor:g}")
        if self.period_start and self.period_end:
            parts.append(period_label(self.period_start, self.period_end))
        if self.growth_factor is not None and self.base_start and self.base_end:
            parts.append(f"vs {period_label(self.base_start, self.base_end)}")
        if self.reporter or self.partner:
            parts.append(f"({self.reporter or '?'}–{self.partner or '?'})")
        return " ".join(parts)


@dataclass
class OrganisationCandidate:
    name: str
    span: Span = (0, 0)
    confidence: float = 0.5
    reason: str | None = None

    kind = "organisation"

    @property
    def ticked(self) -> bool:
        return self.reason is None and self.confidence >= 0.5

    @property
    def label(self) -> str:
        return self.name


@dataclass
class ProjectCandidate:
    title: str
    project_kind: str = "other"  # assembly | supply | joint_venture | investment | other
    partner: str | None = None  # our company ("Амкодор")
    quantity: int | None = None
    quantity_unit: str | None = None
    due_date: str | None = None
    status: str = "proposed"
    location: str | None = None
    description: str | None = None
    span: Span = (0, 0)
    confidence: float = 0.5
    existing: int | None = None
    reason: str | None = None

    kind = "project"

    @property
    def ticked(self) -> bool:
        return self.reason is None and self.confidence >= 0.5

    @property
    def label(self) -> str:
        extra = [f"{self.quantity} {self.quantity_unit or ''}".strip()] if self.quantity else []
        if self.due_date:
            extra.append(f"by {self.due_date}")
        return self.title + (f" ({', '.join(extra)})" if extra else "")


@dataclass
class QuoteCandidate:
    text: str
    speaker: str | None = None
    direct: bool = True  # in quotation marks, not reported speech
    span: Span = (0, 0)
    confidence: float = 0.5
    speaker_official: int | None = None  # index into Capture.officials
    existing: int | None = None
    reason: str | None = None

    kind = "quote"

    @property
    def ticked(self) -> bool:
        return self.reason is None and self.confidence >= 0.5

    @property
    def label(self) -> str:
        return f"{self.speaker or '?'}: {self.text}"


Candidate = (
    OfficialCandidate | TradeCandidate | OrganisationCandidate | ProjectCandidate | QuoteCandidate
)


@dataclass
class Capture:
    text: str
    source: SourceCandidate
    reference_date: str | None  # what "этого года" was read against (None: no date)
    officials: list[OfficialCandidate] = field(default_factory=list)
    trade_figures: list[TradeCandidate] = field(default_factory=list)
    organisations: list[OrganisationCandidate] = field(default_factory=list)
    projects: list[ProjectCandidate] = field(default_factory=list)
    quotes: list[QuoteCandidate] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Set by match_capture when the text names neither of the dossier's countries.
    off_topic: str | None = None

    def groups(self) -> list[tuple[str, list[Any]]]:
        """Candidates by kind, in the order the review shows them."""
        return [
            ("officials", self.officials),
            ("trade_figures", self.trade_figures),
            ("projects", self.projects),
            ("quotes", self.quotes),
            ("organisations", self.organisations),
        ]

    def candidates(self) -> list[tuple[str, Any]]:
        """Every candidate with its key ("officials:0"), the key `accept` selects by."""
        return [(f"{group}:{i}", c) for group, items in self.groups() for i, c in enumerate(items)]

    def as_json(self) -> dict[str, Any]:
        def plain(item: Any) -> dict[str, Any]:
            data = dataclasses.asdict(item)
            data["span"] = list(item.span)
            if "mentions" in data:
                data["mentions"] = [list(s) for s in item.mentions]
            return data

        out: dict[str, Any] = {"source": plain(self.source), "reference_date": self.reference_date}
        for group, items in self.groups():
            out[group] = [plain(c) for c in items]
        for group, items in self.groups():
            for data, item in zip(out[group], items, strict=True):
                data["ticked"] = item.ticked
        for official in out["officials"]:
            official["match"] = official["existing"]
        for project in out["projects"]:
            # The shape has quantity as words ("80 экскаваторов"); the
            # number stays available as quantity_count.
            count = project["quantity"]
            project["quantity_count"] = count
            project["quantity"] = (
                None if count is None else f"{count} {project['quantity_unit'] or ''}".strip()
            )
        out["warnings"] = list(self.warnings)
        out["off_topic"] = self.off_topic
        return out
