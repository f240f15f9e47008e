"""User text made safe for reportlab's Paragraph, which parses a mini markup language.

Anything a user typed is escaped here, so `<b>`, `&`, `<img src=...>` and unbalanced
tags print literally and can never pull a local file into the PDF.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from dossier.fields import bilingual

# C0 controls other than tab and newline are invisible and make reportlab choke.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# A brief is read before a meeting: a long text (a biography, a scene-setter) prints
# its first pages' worth and says where the rest is. Without a bound, a pasted
# half-megabyte biography makes a brief of a hundred pages that takes minutes.
MAX_TEXT = 6_000
# One-line fields (titles, names, table cells) are cut sooner.
MAX_LINE = 1_500


def esc(text: object, limit: int | None = MAX_LINE) -> str:
    """One line of user text as Paragraph markup (cut at `limit` characters)."""
    if text is None:
        return ""
    plain = _CONTROL.sub("", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    if limit is not None and len(plain) > limit:
        plain = _cut(plain, limit) + " …"
    return escape(plain).replace("\n", "<br/>")


def is_plain_line(text: str) -> bool:
    """True for one line without control characters: safe to draw as a plain table
    cell (a Table draws a string as it is, without parsing markup)."""
    return "\n" not in text and "\r" not in text and not _CONTROL.search(text)


def paragraphs(text: str | None, lang: str = "ru") -> list[str]:
    """Long text split at blank lines, each part escaped (single newlines kept as
    breaks); past MAX_TEXT characters it is cut, with a note saying the whole text
    is in the dossier."""
    if not text:
        return []
    plain = _CONTROL.sub("", text.replace("\r\n", "\n")).strip()
    cut = len(plain) > MAX_TEXT
    if cut:
        plain = _cut(plain, MAX_TEXT) + " …"
    parts = re.split(r"\n\s*\n", plain)
    out = [esc(p.strip(), None) for p in parts if p.strip()]
    if cut:
        out.append(f"<i>{esc(cut_note(len(text), lang), None)}</i>")
    return out


def cut_note(length: int, lang: str) -> str:
    return bilingual(
        lang,
        f"[Shortened for the brief: the whole text ({length:,} characters) is in the dossier.]",
        f"[Сокращено для справки: полный текст ({length:,} знаков) — в досье.]".replace(",", " "),
    )


def _cut(text: str, limit: int) -> str:
    """`text` cut at a word boundary near `limit` characters."""
    head = text[:limit]
    space = head.rfind(" ", limit - 200)
    return head[:space] if space > 0 else head
