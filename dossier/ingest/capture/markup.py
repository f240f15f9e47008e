"""HTML pasted or saved from a browser: reduced to the plain text a reader sees."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_MARKUP = re.compile(
    r"<(?:html|body|div|p|br|span|a|script|style|table|h[1-6]|li|ul)\b", re.IGNORECASE
)
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "title",
}
_HIDDEN = {"script", "style", "noscript", "template", "head"}


def looks_like_markup(text: str) -> bool:
    return len(_MARKUP.findall(text[:200_000])) >= 2


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def strip_markup(text: str) -> str:
    """The visible text of an HTML page, one paragraph a line."""
    parser = _Text()
    parser.feed(text)
    parser.close()
    lines = (
        re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(parser.parts).splitlines()
    )
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
