"""Messages of the core in both languages (dossier/said.py): the English is the string
itself, the Russian rides along, and no template can lose a parameter."""

from __future__ import annotations

import ast
import copy
import pickle
import string
from pathlib import Path

from dossier.ingest.tables import TableError
from dossier.said import Said, in_language, said, said_by

DOSSIER = Path(__file__).resolve().parents[1] / "dossier"


def _said_calls() -> list[tuple[str, ast.Call]]:
    calls = []
    for path in sorted(DOSSIER.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "said"
            ):
                calls.append((f"{path.relative_to(DOSSIER)}:{node.lineno}", node))
    return calls


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_message_has_a_russian_with_the_same_placeholders() -> None:
    calls = _said_calls()
    assert len(calls) > 60  # the import's messages, counted where they are written
    for where, call in calls:
        assert len(call.args) == 2, where
        en, ru = (ast.literal_eval(a) for a in call.args)  # written out, so checked here
        assert isinstance(en, str), where
        assert isinstance(ru, str), where
        assert ru != en or not _letters(en), where  # translated, not copied
        assert _fields(en) == _fields(ru), where
        # Every placeholder is given, and nothing given goes unused.
        assert {k.arg for k in call.keywords} == _fields(en), where


def _letters(text: str) -> bool:
    return any(c.isalpha() for c in text)


def test_the_english_is_the_string_and_the_russian_rides_along() -> None:
    text = said("line {n}: {what}", "строка {n}: {what}", n=5, what=said("no name", "нет имени"))
    assert text == "line 5: no name"
    assert str(text) == f"{text}" == "line 5: no name"
    assert type(str(text)) is str
    assert in_language(text, "ru") == "строка 5: нет имени"
    assert in_language(text, "en") == "line 5: no name"
    assert in_language("plain", "ru") == "plain"
    for kept in (copy.copy(text), pickle.loads(pickle.dumps(text))):
        assert in_language(kept, "ru") == "строка 5: нет имени"


def test_numbers_in_russian_are_written_as_the_russian_window_writes_them() -> None:
    text = said("{n:,} rows, median {m:,.4g}", "{n:,} строк, медиана {m:,.4g}", n=500000, m=0.25)
    assert text == "500,000 rows, median 0.25"
    assert text.ru == "500\u00a0000 строк, медиана 0,25"


def test_an_error_keeps_its_russian_and_prints_its_english() -> None:
    exc = TableError(said("The file is empty.", "Файл пуст."))
    assert str(exc) == "The file is empty."
    assert in_language(said_by(exc), "ru") == "Файл пуст."
    assert said_by(ValueError("plain")) == "plain"
    assert isinstance(said_by(exc), Said)
