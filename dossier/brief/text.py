"""User text made safe for reportlab's Paragraph, which parses a mini markup language.

Anything a user typed is escaped here, so `<b>`, `&`, `<img src=...>` and unbalanced
tags print literally and can never pull a local file into the PDF.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

# C0 controls other than tab and newline are invisible and make reportlab choke.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def esc(text: object) -> str:
    """One line of user text as Paragraph markup."""
    if text is None:
        return ""
    plain = _CONTROL.sub("", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    return escape(plain).replace("\n", "<br/>")


def paragraphs(text: str | None) -> list[str]:
    """Long text split at blank lines, each part escaped (single newlines kept as breaks)."""
    if not text:
        return []
    parts = re.split(r"\n\s*\n", _CONTROL.sub("", text.replace("\r\n", "\n")).strip())
    return [esc(p.strip()) for p in parts if p.strip()]
