"""The printable brief (reportlab, no Qt): `build_brief(store, dossier, options)`.

reportlab and matplotlib load on the first build, not when this package is imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dossier.brief.context import Snapshot
from dossier.brief.options import PAPERS, SECTIONS, BriefOptions, section_title
from dossier.model import Dossier


def build_brief(store: Any, dossier: Dossier, options: BriefOptions | None = None) -> bytes:
    """The brief for `dossier` as PDF bytes; the same input gives the same bytes."""
    from dossier.brief.build import build_pdf

    return build_pdf(store, dossier, options or BriefOptions())


def write_brief(path: Path | str, store: Any, dossier: Dossier,
                options: BriefOptions | None = None) -> Path:
    """Build the brief, then write it atomically: a failure leaves any old file intact."""
    from dossier.files import write_atomic

    data = build_brief(store, dossier, options)
    path = Path(path)
    write_atomic(path, data)
    return path


__all__ = ["PAPERS", "SECTIONS", "BriefOptions", "Snapshot", "build_brief", "section_title",
           "write_brief"]
