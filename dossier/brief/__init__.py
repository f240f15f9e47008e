"""The printable brief (reportlab, no Qt): `build_brief(store, dossier, options)`.

reportlab loads on the first build, not when this package is imported; matplotlib
when the first chart is drawn (the brief's trade chart is the screen's figure,
`dossier.charts.trade_chart`, saved as a 200 dpi PNG).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from dossier.brief.options import PAPERS, SECTIONS, BriefOptions, section_title
from dossier.model import Dossier

if TYPE_CHECKING:
    from dossier.progress import Progress


def build_brief(
    store: Any,
    dossier: Dossier,
    options: BriefOptions | None = None,
    *,
    progress: Progress | None = None,
) -> bytes:
    """The brief for `dossier` as PDF bytes; the same input gives the same bytes.

    `progress(done, total)` hears how many parts of the brief are laid out; when it
    returns False the build stops and raises `dossier.progress.Cancelled`.
    """
    from dossier.brief.build import build_pdf

    return build_pdf(store, dossier, options or BriefOptions(), progress=progress)


def write_brief(
    path: Path | str, store: Any, dossier: Dossier, options: BriefOptions | None = None
) -> Path:
    """Build the brief, then write it atomically: a failure leaves any old file intact."""
    from dossier.files import write_atomic

    data = build_brief(store, dossier, options)
    path = Path(path)
    write_atomic(path, data)
    return path


__all__ = [
    "PAPERS",
    "SECTIONS",
    "BriefOptions",
    "build_brief",
    "section_title",
    "write_brief",
]
