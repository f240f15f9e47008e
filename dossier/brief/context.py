"""Everything a brief is built from, gathered once: records, options, styles, citations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dossier.brief.options import BriefOptions
from dossier.brief.styles import Styles
from dossier.fields import bilingual
from dossier.model import (
    Dossier,
    Event,
    Official,
    Project,
    Source,
    TalkingPoint,
    TradeFigure,
)


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

    def numbered(self) -> list[tuple[int, Source]]:
        """Cited sources by number, then the dossier's uncited ones after them."""
        for source_id in self.sources:
            if source_id not in self.numbers:
                self.numbers[source_id] = len(self.numbers) + 1
        return sorted(((n, self.sources[i]) for i, n in self.numbers.items()),
                      key=lambda pair: pair[0])


@dataclass
class BriefContext:
    dossier: Dossier
    options: BriefOptions
    styles: Styles
    officials: list[Official]
    points: list[TalkingPoint]
    trade: list[TradeFigure]
    projects: list[Project]
    events: list[Event]
    citations: Citations
    all_officials: dict[int, Official]
    frame_width: float = 0.0
    headings: list[Any] = field(default_factory=list)  # in story order, for the contents
    _keys: int = 0

    @property
    def lang(self) -> str:
        return self.options.lang

    def t(self, en: str, ru: str) -> str:
        return bilingual(self.lang, en, ru)

    def key(self, prefix: str) -> str:
        """A unique bookmark name for a heading."""
        self._keys += 1
        return f"{prefix}{self._keys}"


def load_context(store: Any, dossier: Dossier, options: BriefOptions,
                 styles: Styles) -> BriefContext:
    """Read the dossier's records and apply the options' choice of officials and points."""
    did = dossier.id
    officials = store.officials.list(did)
    if options.official_ids is None:
        chosen = [o for o in officials if o.status == "current"]
    else:
        wanted = set(options.official_ids)
        chosen = [o for o in officials if o.id in wanted]
    points = store.talking_points.list(did)
    if options.talking_point_ids is None:
        points = [p for p in points if p.status == "approved"]
    else:
        wanted = set(options.talking_point_ids)
        points = [p for p in points if p.id in wanted]
    if not options.include_background:
        # The releasable version: nothing that must not be said or shown.
        points = [p for p in points if p.releasable]
    sources = {s.id: s for s in sorted(store.sources.list(did), key=lambda s: s.id)}
    return BriefContext(
        dossier=dossier, options=options, styles=styles, officials=chosen, points=points,
        trade=store.trade.list(did), projects=store.projects.list(did),
        events=store.events.list(did), citations=Citations(sources),
        all_officials={o.id: o for o in officials},
    )


class _Rows:
    def __init__(self, rows: list[Any]):
        self._rows = rows

    def list(self, _dossier_id: int | None = None) -> list[Any]:
        return list(self._rows)


class Snapshot:
    """A dossier's records read up front, standing in for the store in `build_brief`.

    A SQLite connection belongs to the thread that opened it, so the GUI reads the
    records on its own thread and hands this snapshot to a background build.
    """

    def __init__(self, store: Any, dossier_id: int):
        for name in ("officials", "talking_points", "trade", "projects", "events",
                     "sources"):
            setattr(self, name, _Rows(getattr(store, name).list(dossier_id)))
