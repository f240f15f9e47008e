"""EntitySpec: everything the app knows about one kind of record.

The entities themselves (dossier.model) are dataclasses whose field specs this
reads; tables, forms, imports, history and the brief all go through an EntitySpec.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from dossier.fields import FieldSpec, Kind, ValidationError, clean_value, specs_of


@dataclass(frozen=True)
class EntitySpec:
    """Everything the app knows about one kind of record."""

    name: str  # "official"
    table: str  # "officials"
    record: type
    en: str
    ru: str
    plural_en: str
    plural_ru: str
    title_field: str
    fields: tuple[FieldSpec, ...]
    check: Callable[[dict[str, Any], str], dict[str, str]] | None = None

    def label(self, lang: str = "en", plural: bool = False) -> str:
        if plural:
            return self.plural_ru if lang == "ru" else self.plural_en
        return self.ru if lang == "ru" else self.en

    def field(self, name: str) -> FieldSpec:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def table_fields(self) -> tuple[FieldSpec, ...]:
        return tuple(f for f in self.fields if f.in_table)

    @property
    def cites_source(self) -> bool:
        return any(f.name == "source_id" for f in self.fields)

    def is_background(self, record: Any) -> bool:
        """True for a record that must stay out of a releasable brief: marked
        background only (talking points say it with their `releasable` flag)."""
        if getattr(record, "handling", None) == "background":
            return True
        return getattr(record, "releasable", True) is False

    def title_of(self, record: Any) -> str:
        return str(getattr(record, self.title_field) or "")

    def validate(self, values: Mapping[str, Any], lang: str = "en") -> dict[str, Any]:
        """Clean every field; raise ValidationError listing every problem at once."""
        cleaned: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for f in self.fields:
            if f.kind is Kind.READONLY:
                continue
            try:
                cleaned[f.name] = clean_value(f, values.get(f.name), lang)
            except ValueError as exc:
                errors[f.name] = str(exc)
        if not errors and self.check is not None:
            errors.update(self.check(cleaned, lang))
        if errors:
            raise ValidationError(errors)
        return cleaned

    def make(self, values: Mapping[str, Any], lang: str = "en", **keys: Any) -> Any:
        """A validated record from user values, with store keys (id, dossier_id)."""
        return self.record(**keys, **self.validate(values, lang))


def entity(
    name: str,
    table: str,
    record: type,
    en: str,
    ru: str,
    plural_en: str,
    plural_ru: str,
    title_field: str,
    check: Callable[[dict[str, Any], str], dict[str, str]] | None = None,
) -> EntitySpec:
    """The spec of a record dataclass, its fields read from the dataclass's field specs."""
    return EntitySpec(
        name, table, record, en, ru, plural_en, plural_ru, title_field, specs_of(record), check
    )
