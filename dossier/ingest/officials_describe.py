"""The officials import's preview in words: a line per official added or updated."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from dossier.fields import format_value
from dossier.model import OFFICIAL

if TYPE_CHECKING:
    from dossier.ingest.officials_import import PersonChange


def describe(changes: Iterable[PersonChange], limit: int = 40, lang: str = "en") -> list[str]:
    """A line per official added ("+") or updated ("~"), in `lang` (field names and
    choices as the window labels them in Russian)."""
    ru = lang == "ru"
    out = []
    for n, c in enumerate(changes):
        if n >= limit:
            out.append("…")
            break
        post = c.record.position or ""
        if c.action == "add":
            status = _shown("status", c.record.status, lang) if ru else c.record.status
            out.append(f"+ {c.record.name} — {post} ({status})")
        elif c.action == "update":
            what = ", ".join(
                f"{_field_name(k, lang)}: {_shown(k, old, lang)} → {_shown(k, new, lang)}"
                for k, (old, new) in c.changes.items()
                if k != "notes"
            )
            if "notes" in c.changes:
                what = (what + ", " if what else "") + ("список должностей" if ru else "posts list")
            shown = c.existing.name if c.existing else c.record.name
            out.append(f"~ {shown} ({'файл' if ru else 'file'}: {c.person.name}) — {what}")
    return out


def _field_name(name: str, lang: str) -> str:
    return OFFICIAL.field(name).label(lang).lower() if lang == "ru" else name


def _shown(name: str, value: Any, lang: str) -> str:
    if not value:
        return "—"
    if lang != "ru":
        return str(value)
    spec = OFFICIAL.field(name)
    text = format_value(spec, value, lang)
    return text.lower() if spec.choices else text  # "действующий", as in a sentence
