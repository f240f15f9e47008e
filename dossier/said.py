"""Messages of the Qt-free core in both languages: the English, and beside it the Russian.

A `Said` is the English text (what `str()`, f-strings and `print` give: the command
line, logs and tests see exactly what they saw before) carrying its Russian. The
core builds one with `said(en, ru, **values)` from two templates with the same
placeholders (tests/test_said.py checks every call); exceptions carry it as their
message (`TableError(said(...))`); the window shows `in_language(text, lang)`, and a
plain string passes through unchanged.

Numbers in the Russian text are written as the Russian window writes them
elsewhere (dossier.fields.format_value): a no-break space between thousands and a
decimal comma (`1 234,5`), under the same format spec as the English.
"""

from __future__ import annotations

import string
from typing import Any

# The Russian window's number marks (format_value, plural.group_digits).
_RU_MARKS = str.maketrans({",": "\u00a0", ".": ","})


class Said(str):
    """English text that knows its Russian (`ru`)."""

    ru: str

    def __new__(cls, en: str, ru: str) -> Said:
        text = super().__new__(cls, en)
        text.ru = ru
        return text

    def __reduce__(self) -> Any:  # copied and pickled with its Russian
        return (Said, (str(self), self.ru))


def number(value: float, spec: str, lang: str) -> str:
    """`format(value, spec)` as a reader of `lang` writes it (Russian: 1 234,5)."""
    text = format(value, spec)
    return text.translate(_RU_MARKS) if lang == "ru" else text


class _Russian(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Said):
            return format(value.ru, format_spec)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return number(value, format_spec, "ru")
        return format(value, format_spec)


_russian = _Russian()


def said(en: str, ru: str, /, **values: Any) -> Said:
    """The message of two templates ("{name}" placeholders, the same in both) filled
    with `values`; a value that is itself a Said is given in each language."""
    return Said(en.format(**values), _russian.format(ru, **values))


def in_language(text: str, lang: str) -> str:
    """`text` as a reader of `lang` should see it: a Said's Russian for "ru", else
    the text itself (English, or a plain string the core had no Russian for)."""
    if lang == "ru" and isinstance(text, Said):
        return text.ru
    return str(text)


def said_by(exc: BaseException) -> str:
    """An exception's message keeping its Russian: its argument if that is a Said (the
    core raises `TableError(said(...))`), else str(exc)."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Said):
        return exc.args[0]
    return str(exc)
