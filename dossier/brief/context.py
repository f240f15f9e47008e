"""Everything a brief is built from, gathered once: records, options, styles, citations.

A brief of a large dossier reads only what it prints: light rows (ids, sides, periods,
amounts) to choose and sum, then whole records for the cards and rows shown. Reading
every record of a 30,000-official, 100,000-figure dossier as dataclasses alone took
longer than setting the brief.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dossier.brief.options import BriefOptions
from dossier.brief.styles import Styles
from dossier.brief.totals import TradeGroup, YearTotal, several_years, sum_by_year
from dossier.fields import bilingual
from dossier.model import (
    EVENT,
    PROJECT,
    SOURCE,
    TALKING_POINT,
    Dossier,
    EntitySpec,
    Event,
    Official,
    Project,
    Source,
    TalkingPoint,
    TradeFigure,
)
from dossier.protocol import protocol_rank

# Cards in protocol order: the host side first, then third parties; our own side is
# the delegation, listed rather than carded.
SIDE_RANK = {"host": 0, "third": 1, "home": 2}
OFFICIAL_ROW = ("id", "side", "status", "rank", "position", "handling")


@dataclass
class Citations:
    """Numbers sources in the order the brief first cites them: [1], [2], ..."""

    sources: dict[int, Source]
    numbers: dict[int, int] = field(default_factory=dict)

    def cite(self, source_id: int | None) -> str:
        """' [n]' for a fact's source, or '' when it has none (or the source is gone)."""
        if source_id is None or source_id not in self.sources:
            return ""
        if source_id not in self.numbers:
            self.numbers[source_id] = len(self.numbers) + 1
        return f" [{self.numbers[source_id]}]"

    def cite_many(self, source_ids: tuple[int, ...], more: bool) -> str:
        """' [1, 4, 7 …]' for a sum of figures from several sources."""
        for source_id in source_ids:
            self.cite(source_id)  # numbers the ones not cited yet
        numbers = sorted(self.numbers[i] for i in source_ids if i in self.numbers)
        if not numbers:
            return ""
        return f" [{', '.join(map(str, numbers))}{' …' if more else ''}]"

    def numbered(self, limit: int | None = None) -> tuple[list[tuple[int, Source]], int]:
        """Cited sources by number, then the uncited ones if there are at most `limit`
        of them (an arbitrary few of thousands would tell a reader nothing); and how
        many uncited sources are left out."""
        uncited = [i for i in self.sources if i not in self.numbers]
        shown = uncited if limit is None or len(uncited) <= limit else []
        for source_id in shown:
            self.numbers[source_id] = len(self.numbers) + 1
        listed = sorted(
            ((n, self.sources[i]) for i, n in self.numbers.items()), key=lambda pair: pair[0]
        )
        return listed, len(uncited) - len(shown)


@dataclass
class BriefContext:
    dossier: Dossier
    options: BriefOptions
    styles: Styles
    officials: list[Official]  # one card each
    points: list[TalkingPoint]
    trade: list[TradeFigure]  # listed one by one (every figure unless they are summed)
    projects: list[Project]
    events: list[Event]
    citations: Citations
    all_officials: dict[int, Official]  # the cards', the table's and the points' addressees
    listed_officials: list[Official] = field(default_factory=list)  # the compact table
    delegation: list[Official] = field(default_factory=list)  # our own side, listed
    delegation_left: int = 0  # our side beyond the card limit
    officials_left: int = 0  # chosen officials in neither cards nor table
    officials_total: int = 0  # every official in the dossier
    trade_totals: list[YearTotal] | None = None  # sums per year and flow, for many figures
    trade_count: int = 0  # every trade figure in the dossier
    trade_left: int = 0  # figures neither listed nor summed (beyond the row limit)
    growth: list[TradeFigure] = field(default_factory=list)  # figures with a growth factor
    trade_pair: Any = None  # the dossier's pair seen from one side (dossier.bilateral)
    trade_partners: list[Any] = field(default_factory=list)  # the partner's main partners
    frame_width: float = 0.0
    fact_changes: Any = None  # FactChanges since an earlier brief (brief/changes.py)
    # The records as stored, by (entity, id), before brief/translated.py put them into
    # the brief's language; and what an English brief could not translate.
    originals: dict[tuple[str, Any], Any] = field(default_factory=dict)
    untranslated: Any = None
    headings: list[Any] = field(default_factory=list)  # in story order, for the contents
    _keys: int = 0

    @property
    def lang(self) -> str:
        return self.options.lang

    def t(self, en: str, ru: str) -> str:
        return bilingual(self.lang, en, ru)

    @property
    def releasable(self) -> bool:
        return not self.options.include_background

    def shows(self, spec: EntitySpec, name: str) -> bool:
        """Whether a field prints: internal annotations stay out of a releasable brief."""
        return not (self.releasable and spec.field(name).internal)

    def key(self, prefix: str) -> str:
        """A unique bookmark name for a heading."""
        self._keys += 1
        return f"{prefix}{self._keys}"


def visit_countries(dossier: Dossier | None) -> frozenset[str]:
    """The visit's two countries (the host's and ours) as ISO codes: an ambassador
    accredited to neither is no interlocutor of the visit."""
    if dossier is None:
        return frozenset()
    from dossier.countries import code_of

    home = code_of(dossier.home_country) if dossier.home_country else None
    return frozenset(c for c in (dossier.code.upper() if dossier.code else None, home) if c)


def _take(items: list[Any], limit: int | None) -> list[Any]:
    return items if limit is None else items[:limit]


class _Reader:
    """Reads a dossier's records from a Store: only what the brief prints, in SQL."""

    def __init__(self, store: Any, dossier_id: int):
        self.store = store
        self.did = dossier_id

    # officials: light rows in dossier order, then whole records by id
    def official_rows(self) -> list[tuple[Any, ...]]:
        """(id, side, status, rank, position, handling) of every official."""
        repo = self.store.officials
        rows: list[tuple[Any, ...]] = repo.columns(self.did, OFFICIAL_ROW)
        return rows

    def _by_id(self, repo: Any, ids: list[int]) -> dict[int, Any]:
        """Whole records of this dossier by id, read 500 at a time (SQLite's limit on
        bound parameters is 999 on older builds)."""
        found: dict[int, Any] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for record in repo.get_many(chunk):
                found[record.id] = record
        return found

    def officials(self, ids: list[int]) -> dict[int, Official]:
        return self._by_id(self.store.officials, ids)

    # trade: the count, light rows in id order, whole records by id (dossier order)
    def trade_count(self) -> int:
        count: int = self.store.trade.count(self.did)
        return count

    def all_trade(self) -> list[TradeFigure]:
        figures: list[TradeFigure] = self.store.trade.list(self.did)
        return figures

    def trade_groups(self) -> list[TradeGroup]:
        """Figures with an amount summed per period, flow and currency."""
        from dossier.store.trade_reads import summed_groups

        return [TradeGroup(*row) for row in summed_groups(self.store.trade, self.did)]

    def trade_ids(self) -> tuple[list[int], list[int]]:
        """Ids of figures with an amount over several years, and of growth figures."""
        from dossier.store.trade_reads import growth_with_amount, span_and_growth_ids

        rows = span_and_growth_ids(self.store.trade, self.did)
        several = {r[0] for r in rows if not r[1]}
        if len(several) < len(rows):  # growth figures may also span years
            several |= {
                f.id for f in growth_with_amount(self.store.trade, self.did) if several_years(f)
            }
        return sorted(several), [r[0] for r in rows if r[1]]

    def trade(self, ids: set[int]) -> list[TradeFigure]:
        found = self._by_id(self.store.trade, sorted(ids))
        # The store's order for trade figures (period, flow, id), without sorting them all.
        return sorted(found.values(), key=lambda f: (f.period_start, f.period_end, f.flow, f.id))


def _shown(spec: EntitySpec, records: list[Any], releasable: bool) -> list[Any]:
    """The records a brief may print: all, or in a releasable one the releasable ones."""
    return [r for r in records if not spec.is_background(r)] if releasable else records


def read_records(
    store: Any, dossier_id: int, options: BriefOptions, dossier: Dossier | None = None
) -> dict[str, Any]:
    """What a brief with these options prints, read from the store."""
    did = dossier_id
    if dossier is None:
        dossier = store.dossiers.get(did)
    reader = _Reader(store, did)
    points = store.talking_points.list(did)
    if options.talking_point_ids is None:
        points = [p for p in points if p.status == "approved"]
    else:
        wanted = set(options.talking_point_ids)
        points = [p for p in points if p.id in wanted]
    releasable = not options.include_background
    if releasable:
        # The releasable version: nothing marked background only, of any kind.
        points = [p for p in points if not TALKING_POINT.is_background(p)]

    # Officials in protocol order: the host side by rank (those the points address
    # first within a rank), then third parties; cards up to the limit, a compact table
    # for the next ones, a count for the rest. Our own side is the delegation list.
    rows = reader.official_rows()
    if releasable:
        rows = [r for r in rows if r[5] != "background"]
    if options.official_ids is None:
        chosen = [r for r in rows if r[2] == "current"]
    else:
        wanted = set(options.official_ids)
        chosen = [r for r in rows if r[0] in wanted]
    addressed = [p.audience_id for p in points if p.audience_id is not None]
    first = {oid: n for n, oid in enumerate(dict.fromkeys(addressed))}
    accredited = visit_countries(dossier)

    def precedence(r: tuple[Any, ...]) -> tuple[int, tuple[int, int], int]:
        side = SIDE_RANK.get(r[1], len(SIDE_RANK))
        return (side, protocol_rank(r[3], r[4], accredited), first.get(r[0], len(first)))

    ranked = sorted((r for r in chosen if r[1] != "home"), key=precedence)
    home = sorted((r for r in chosen if r[1] == "home"), key=precedence)
    # Officials the user picked one by one all get cards; the limit only trims the
    # default choice (every current official), which is what grows with the dossier.
    card_limit = options.max_cards if options.official_ids is None else None
    carded = [r[0] for r in _take(ranked, card_limit)]
    rest = [r[0] for r in ranked[len(carded) :]]
    listed = _take(rest, options.max_rows)
    # A delegation is a handful of people: as many as the cards, the rest counted.
    delegation = [r[0] for r in _take(home, card_limit)]
    records = reader.officials(
        list(dict.fromkeys(carded + listed + delegation + [i for i in first if i not in carded]))
    )
    cards = [records[i] for i in carded]

    # Trade: every figure while they fit the row limit, else sums per year and flow.
    count = reader.trade_count()
    totals: list[YearTotal] | None = None
    trade_left = 0
    if options.max_rows is None or count <= options.max_rows:
        trade = reader.all_trade()
        growth = [f for f in trade if f.growth_factor is not None]
    else:
        totals = sum_by_year(reader.trade_groups())
        singles, growth_ids = reader.trade_ids()
        shown = set(_take(singles, options.max_rows))
        trade_left = len(singles) - len(shown)
        growing = set(_take(growth_ids, options.max_rows))
        both = reader.trade(shown | growing)
        trade = [f for f in both if f.id in shown]
        growth = [f for f in both if f.id in growing]
        if len(totals) > options.max_rows:
            totals = totals[-options.max_rows :]  # the most recent years

    from dossier.brief.trade_summary import read_pair

    pair, partners = read_pair(store, dossier)
    return {
        "trade_pair": pair,
        "trade_partners": partners,
        "officials": cards,
        "points": points,
        "trade": trade,
        "projects": _shown(PROJECT, store.projects.list(did), releasable),
        "events": _shown(EVENT, store.events.list(did), releasable),
        "sources": {
            s.id: s
            for s in sorted(_shown(SOURCE, store.sources.list(did), releasable), key=lambda s: s.id)
        },
        "all_officials": records,
        "listed_officials": [records[i] for i in listed],
        "delegation": [records[i] for i in delegation],
        "delegation_left": len(home) - len(delegation),
        "officials_left": len(rest) - len(listed),
        "officials_total": len(rows),
        "trade_totals": totals,
        "trade_count": count,
        "trade_left": trade_left,
        "growth": growth,
    }


def load_context(
    store: Any, dossier: Dossier, options: BriefOptions, styles: Styles
) -> BriefContext:
    """Read the dossier's records and apply the options' choices and limits."""
    if dossier.id is None:
        raise ValueError("A brief reads a stored dossier; this one has no id: add it first.")
    found = read_records(store, dossier.id, options, dossier)
    sources = found.pop("sources")
    return BriefContext(
        dossier=dossier, options=options, styles=styles, citations=Citations(sources), **found
    )
