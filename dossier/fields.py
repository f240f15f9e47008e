"""Field specs: what a field is called, what it holds, how it is checked and shown.

Entities in dossier.model declare their fields with `spec_field(...)`; the table
model, the forms, the importers and the brief all read these specs, so a field
is described once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from dossier.said import number
from dossier.value_methods import Hashed
from dossier.written_init import record_class


class Kind(StrEnum):
    TEXT = "text"  # one line
    LONGTEXT = "longtext"  # paragraphs: biographies, source bodies
    INTEGER = "integer"
    NUMBER = "number"
    DATE = "date"  # ISO, day, month or year precision: 2013, 2013-09, 2013-09-30
    CHOICE = "choice"
    BOOL = "bool"
    REF = "ref"  # id of another record (a source, an official)
    PHOTO = "photo"  # image bytes
    READONLY = "readonly"  # kept by the store (timestamps)


@record_class(frozen=True)
class Choice(Hashed):
    """One allowed value of a choice field, with its English and Russian labels."""

    value: str
    en: str
    ru: str

    def label(self, lang: str = "en") -> str:
        return self.ru if lang == "ru" else self.en


@record_class(frozen=True)
class FieldSpec(Hashed):
    """How one field is labelled, edited, checked and shown (the form, table, import
    and brief all read it)."""

    name: str
    en: str
    ru: str
    kind: Kind = Kind.TEXT
    required: bool = False
    choices: tuple[Choice, ...] = ()
    ref: str | None = None  # entity name a REF points to
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    example: str = ""
    in_table: bool = True  # shown as a column of the entity's table
    unit_field: str | None = None  # currency shown beside an amount
    # An internal annotation (priority, audience, verification, notes): printed in the
    # full brief, never in the releasable one.
    internal: bool = False
    # The English version of another text field: the name of that field (its labels
    # are that field's with "(English)"); see english_field and english_of.
    english_for: str | None = None

    def label(self, lang: str = "en") -> str:
        return self.ru if lang == "ru" else self.en

    def choice(self, value: str | None) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)


TEXT_LIMIT = 2_000
# Source bodies may be long wire reports or whole documents; a megabyte of
# text must be accepted, a runaway paste of hundreds of megabytes not.
LONGTEXT_LIMIT = 5_000_000
PHOTO_LIMIT = 10_000_000


def spec_field(
    en: str,
    ru: str,
    kind: Kind = Kind.TEXT,
    *,
    default: Any = None,
    **options: Any,
) -> Any:
    """A dataclass field carrying its FieldSpec (the name is filled in later)."""
    spec = FieldSpec(name="", en=en, ru=ru, kind=kind, **options)
    return dataclasses.field(default=default, metadata={"spec": spec})


def english_field(
    of: str, kind: Kind = Kind.TEXT, *, en: str = "", ru: str = "", **options: Any
) -> Any:
    """A field holding the English version of the text field `of` (labelled from it).

    Content is written in the dossier's language (Russian); the English brief prints
    these companions and lists the fields that have none.
    """
    options.setdefault("in_table", False)
    spec = FieldSpec(name="", en=en, ru=ru, kind=kind, english_for=of, **options)
    return dataclasses.field(default=None, metadata={"spec": spec})


def specs_of(record_type: type) -> tuple[FieldSpec, ...]:
    out: list[FieldSpec] = []
    for f in dataclasses.fields(record_type):
        spec = f.metadata.get("spec")
        if spec is None:
            continue
        # A copy with the field's name (and an English field's labels from its base):
        # every FieldSpec field is an __init__ argument, so its __dict__ is a full set
        # (dataclasses.replace, which checks that, cost ~1 ms of every start here).
        values = {**spec.__dict__, "name": f.name}
        if spec.english_for:
            base = next(s for s in out if s.name == spec.english_for)
            values["en"] = spec.en or f"{base.en} (English)"
            values["ru"] = spec.ru or f"{base.ru} (англ.)"
            values["max_length"] = spec.max_length or base.max_length
            values["internal"] = base.internal
        out.append(FieldSpec(**values))
    return tuple(out)


def english_of(fields: tuple[FieldSpec, ...], name: str) -> str | None:
    """The name of the field holding the English version of `name`, or None."""
    return next((f.name for f in fields if f.english_for == name), None)


def translations(fields: tuple[FieldSpec, ...]) -> dict[str, str]:
    """Each translatable field's name -> the name of its English companion."""
    return {f.english_for: f.name for f in fields if f.english_for}


class ValidationError(ValueError):
    """Raised with every field's problem at once, in words a user understands."""

    def __init__(self, errors: Mapping[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))


def bilingual(lang: str, en: str, ru: str) -> str:
    return ru if lang == "ru" else en


# Pattern strings, compiled (and cached by `re`) on first use: start-up need not wait.
_DATE_RE = r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$"
_DMY_RE = r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"


def parse_date(text: str) -> str:
    """Normalise a date of year, month or day precision to ISO; ValueError if not one."""
    text = text.strip()
    m = re.match(_DMY_RE, text)
    if m:
        text = f"{m[3]}-{m[2]}-{m[1]}"
    m = re.match(_DATE_RE, text)
    if not m:
        raise ValueError(text)
    year, month, day = int(m[1]), m[2], m[3]
    if month is None:
        return f"{year:04d}"
    if not 1 <= int(month) <= 12:
        raise ValueError(text)
    if day is None:
        return f"{year:04d}-{int(month):02d}"
    return dt.date(year, int(month), int(day)).isoformat()


def date_bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last day covered by a date of any precision."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    day = dt.date(*parts)
    return day, day


_NUMBER_JUNK = r"[\s\u00a0\u202f']"


def parse_number(text: str) -> float:
    """Read 223.3, 223,3, 1 234,5 or 1,234.5; ValueError if not a number."""
    s = re.sub(_NUMBER_JUNK, "", text.strip()).replace("−", "-")
    if "," in s and "." in s:
        # The later separator is the decimal one: 1,234.5 or 1.234,5.
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif s.count(",") == 1:
        s = s.replace(",", ".")
    elif s.count(",") > 1:
        s = s.replace(",", "")
    value = float(s)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value


_TRUE = {"1", "true", "yes", "y", "да", "on", "x", "✓"}
_FALSE = {"0", "false", "no", "n", "нет", "off", ""}


def clean_value(spec: FieldSpec, raw: Any, lang: str = "en") -> Any:
    """Turn form or file input into the stored value; ValueError(message) if it is wrong."""
    label = spec.label(lang)
    if isinstance(raw, str) and spec.kind not in (Kind.LONGTEXT,):
        raw = raw.strip()
    if raw is None or raw == "":
        if spec.required:
            raise ValueError(
                bilingual(lang, f"{label} is required.", f"Поле «{label}» обязательно.")
            )
        return False if spec.kind is Kind.BOOL else None

    kind = spec.kind
    if kind in (Kind.TEXT, Kind.LONGTEXT, Kind.READONLY):
        # A lone surrogate (from a broken file or clipboard) cannot be stored as UTF-8:
        # it becomes U+FFFD instead of failing the save with an encoding error.
        text = str(raw).encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        limit = spec.max_length or (TEXT_LIMIT if kind is Kind.TEXT else LONGTEXT_LIMIT)
        if len(text) > limit:
            raise ValueError(
                bilingual(
                    lang,
                    f"{label} is too long: {len(text):,} characters, at most {limit:,}.",
                    f"Поле «{label}» слишком длинное: {number(len(text), ',', 'ru')} знаков, "
                    f"не более {number(limit, ',', 'ru')}.",
                )
            )
        if kind is Kind.TEXT and ("\n" in text or "\r" in text):
            text = " ".join(text.split())
        return text
    if kind in (Kind.NUMBER, Kind.INTEGER):
        return _clean_number(spec, raw, label, lang)
    if kind is Kind.DATE:
        try:
            return parse_date(raw.isoformat() if isinstance(raw, dt.date) else str(raw))
        except ValueError:
            raise ValueError(
                bilingual(
                    lang,
                    f"{label} must be a date such as 2013-09-30, 2013-09 or 2013.",
                    f"Поле «{label}» должно быть датой, например 2013-09-30, 2013-09 или 2013.",
                )
            ) from None
    if kind is Kind.CHOICE:
        value = str(raw)
        for c in spec.choices:
            if value in (c.value, c.en, c.ru) or value.casefold() in (
                c.value.casefold(),
                c.en.casefold(),
                c.ru.casefold(),
            ):
                return c.value
        allowed = ", ".join(c.label(lang) for c in spec.choices)
        raise ValueError(
            bilingual(
                lang,
                f"{label} must be one of: {allowed}.",
                f"Поле «{label}»: выберите одно из: {allowed}.",
            )
        )
    if kind is Kind.BOOL:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().casefold()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ValueError(
            bilingual(lang, f"{label} must be yes or no.", f"Поле «{label}»: да или нет.")
        )
    if kind is Kind.REF:
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise ValueError(
                bilingual(
                    lang,
                    f"{label} must refer to an existing record.",
                    f"Поле «{label}» должно ссылаться на существующую запись.",
                )
            ) from None
    if kind is Kind.PHOTO:
        if not isinstance(raw, bytes | bytearray | memoryview):
            raise ValueError(
                bilingual(
                    lang,
                    f"{label} must be an image file.",
                    f"Поле «{label}» должно быть изображением.",
                )
            )
        data = bytes(raw)
        if len(data) > PHOTO_LIMIT:
            raise ValueError(
                bilingual(lang, f"{label} is larger than 10 MB.", f"Поле «{label}» больше 10 МБ.")
            )
        return data
    raise AssertionError(kind)


def _clean_number(spec: FieldSpec, raw: Any, label: str, lang: str) -> float | int:
    example = spec.example or ("3" if spec.kind is Kind.INTEGER else "223.3")
    try:
        if isinstance(raw, bool):
            raise ValueError(raw)
        value = raw if isinstance(raw, int | float) else parse_number(str(raw))
        if spec.kind is Kind.INTEGER:
            if float(value) != int(float(value)):
                raise ValueError(raw)
            value = int(float(value))
        else:
            value = float(value)
            if value != value or abs(value) == float("inf"):
                raise ValueError(raw)
    except (ValueError, OverflowError):
        what = (
            bilingual(lang, "a whole number", "целым числом")
            if spec.kind is Kind.INTEGER
            else bilingual(lang, "a number", "числом")
        )
        raise ValueError(
            bilingual(
                lang,
                f"{label} must be {what}, e.g. {example}.",
                f"Поле «{label}» должно быть {what}, например {example.replace('.', ',')}.",
            )
        ) from None
    if spec.minimum is not None and value < spec.minimum:
        raise ValueError(
            bilingual(
                lang,
                f"{label} must be at least {spec.minimum:g}.",
                f"Поле «{label}» должно быть не меньше {spec.minimum:g}.",
            )
        )
    if spec.maximum is not None and value > spec.maximum:
        raise ValueError(
            bilingual(
                lang,
                f"{label} must be at most {spec.maximum:g}.",
                f"Поле «{label}» должно быть не больше {spec.maximum:g}.",
            )
        )
    return value


def format_value(spec: FieldSpec, value: Any, lang: str = "en") -> str:
    """The value as a person reads it in a table cell, a text dump or a brief."""
    if value is None or value == "":
        return ""
    if spec.kind is Kind.CHOICE:
        c = spec.choice(value)
        return c.label(lang) if c else str(value)
    if spec.kind is Kind.BOOL:
        return bilingual(lang, "yes", "да") if value else bilingual(lang, "no", "нет")
    if spec.kind is Kind.NUMBER:
        text = f"{value:,.6f}".rstrip("0").rstrip(".")
        if lang == "ru":
            text = text.replace(",", "\u00a0").replace(".", ",")
        return text
    if spec.kind is Kind.PHOTO:
        return bilingual(lang, "photo", "фото")
    return str(value)
