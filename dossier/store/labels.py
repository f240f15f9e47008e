"""The names of operations in the log, made here and read back in either language.

The log keeps one label per operation, in English (what `dossier history` prints and
what a log read years later still says). The window names its Undo and Redo after
it in the user's language: `localize()` reads a label made by the functions below
back into Russian. A label it cannot read (an older store's) is shown as it is.
No Qt here: the CLI and the window use the same words.
"""

from __future__ import annotations

import re

from dossier.model import ENTITIES, EntitySpec
from dossier.plural import group_digits, ru_form

# Per entity: English (one, many) and Russian (one, few, many) forms of the noun.
_NOUNS: dict[str, tuple[tuple[str, str], tuple[str, str, str]]] = {
    "dossier": (("dossier", "dossiers"), ("досье", "досье", "досье")),
    "source": (("source", "sources"), ("источник", "источника", "источников")),
    "official": (
        ("official", "officials"),
        ("должностное лицо", "должностных лица", "должностных лиц"),
    ),
    "trade": (
        ("trade figure", "trade figures"),
        ("торговый показатель", "торговых показателя", "торговых показателей"),
    ),
    "project": (("project", "projects"), ("проект", "проекта", "проектов")),
    "talking_point": (("talking point", "talking points"), ("тезис", "тезиса", "тезисов")),
    "event": (("event", "events"), ("событие", "события", "событий")),
}
_BY_EN = {forms[0][k]: name for name, forms in _NOUNS.items() for k in (0, 1)}
# The summary's nouns (oplog.Changes.summary: spec.en + "s").
_BY_EN |= {spec.en.lower() + "s": spec.name for spec in ENTITIES.values()}
_BY_EN |= {spec.en.lower(): spec.name for spec in ENTITIES.values()}

# Verbs of the labels below: English as stored -> Russian noun of action.
_VERBS_RU = {
    "add": "добавление:",
    "edit": "изменение:",
    "delete": "удаление:",
    "revert": "возврат к прежней версии:",
}
_FIXED_RU = {
    "move talking point": "перемещение тезиса",
    "capture from text": "данные из текста",
    "merge of a dossier file": "слияние с файлом досье",
    "merge of duplicate officials": "объединение повторов должностных лиц",
    "new dossier from factbook": "новое досье из Factbook",
    "no change": "без изменений",
}
_SUMMARY_RU = {"added": "добавлено", "updated": "изменено", "deleted": "удалено"}


def noun(name: str, n: int, lang: str = "en") -> str:
    """'1 official' / '63 officials'; '63 должностных лица'."""
    en, ru = _NOUNS[name]
    word = ru_form(n, *ru) if lang == "ru" else (en[0] if n == 1 else en[1])
    return f"{group_digits(n, lang)} {word}"


def _one(spec: EntitySpec) -> str:
    return _NOUNS[spec.name][0][0]


def add_label(spec: EntitySpec) -> str:
    return f"add {_one(spec)}"


def edit_label(spec: EntitySpec) -> str:
    return f"edit {_one(spec)}"


def delete_label(spec: EntitySpec, title: str) -> str:
    return f"delete {_one(spec)} “{_short(title)}”"


def revert_label(spec: EntitySpec, title: str) -> str:
    return f"revert {_one(spec)} “{_short(title)}”"


def import_label(name: str, n: int) -> str:
    """'import of 63 officials' (name: the entity's name, e.g. "official")."""
    return f"import of {noun(name, n)}"


MOVE_POINT = "move talking point"
CAPTURE = "capture from text"
MERGE = "merge of a dossier file"
MERGE_OFFICIALS = "merge of duplicate officials"
FACTBOOK = "new dossier from Factbook"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Patterns as text, compiled (and kept) by `re` at their first use, not at every
# start of the app (~2.5 M instructions for the four).
_UNDO = r"^(Undo|Redo) (.+)$"
_VERB = r"^(add|edit|delete|revert) ([a-z ]+?)( “.*”)?$"
_IMPORT = r"^import of ([\d,]+) ([a-z ]+)$"
_PART = r"^([\d,]+) ([a-z ]+) (added|updated|deleted)$"


def localize(label: str, lang: str) -> str:
    """A stored label in the user's language (English labels are returned as they are)."""
    if lang != "ru" or not label:
        return label
    undo = re.match(_UNDO, label, re.S)
    if undo:
        inner = localize(undo.group(2), lang)
        return ("отмена: " if undo.group(1) == "Undo" else "повтор: ") + inner
    if label.lower() in _FIXED_RU:
        return _FIXED_RU[label.lower()]
    verb = re.match(_VERB, label, re.S)
    if verb and verb.group(2) in _BY_EN:
        name = _BY_EN[verb.group(2)]
        return f"{_VERBS_RU[verb.group(1)]} {_NOUNS[name][1][0]}" + (verb.group(3) or "")
    found = re.match(_IMPORT, label)
    if found and found.group(2) in _BY_EN:
        return "импорт: " + noun(_BY_EN[found.group(2)], int(found.group(1).replace(",", "")), lang)
    parts = label.split(", ")
    said = []
    for part in parts:
        found = re.match(_PART, part)
        if not found or found.group(2) not in _BY_EN:
            return label  # not a label this module made: as it is
        n = int(found.group(1).replace(",", ""))
        said.append(f"{_SUMMARY_RU[found.group(3)]} {noun(_BY_EN[found.group(2)], n, lang)}")
    return ", ".join(said)
