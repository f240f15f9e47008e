"""EntitySpec: everything the app knows about one kind of record.

The entities themselves (dossier.model) are dataclasses whose field specs this
reads; tables, forms, imports, history and the brief all go through an EntitySpec.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from dossier.fields import FieldSpec, Kind, ValidationError, clean_value, specs_of
from dossier.value_methods import Hashed
from dossier.written_init import record_class

_BAD = object()  # a value clean_value refused (validate_many)


class RowValidationError(ValidationError):
    """ValidationError of one row of many (EntitySpec.validate_many): `index` says which."""

    def __init__(self, index: int, errors: Mapping[str, str]):
        super().__init__(errors)
        self.index = index


@record_class(frozen=True)
class EntitySpec(Hashed):
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
    # `check` over the cleaned columns (name -> values) of many rows at once: the index
    # of the first of the first n rows it refuses, or None; it normalises the columns
    # as `check` normalises a row (validate_columns; entity_checks.check_trade_columns).
    check_columns: Callable[[dict[str, list[Any]], int, str], int | None] | None = None

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

    def validate_many(
        self, rows: Sequence[Mapping[str, Any]], lang: str = "en"
    ) -> list[dict[str, Any]]:
        """`validate` of many rows (an import): the same cleaned values, column by column.

        Each field cleans each distinct value of its column once (an import's rows share
        most of them), and `check_columns` does the cross-field checks a column at a
        time. The first row `validate` would refuse raises RowValidationError with
        validate's own message and the row's index.
        """
        if self.check_columns is None and self.check is not None:
            names, columns, first_bad = self._clean_columns(rows, lang)
            cleaned = [
                dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)
            ]
            # check normalises the rows it passes (upper-case codes) as validate does
            found = next(
                (i for i, values in enumerate(cleaned[:first_bad]) if self.check(values, lang)),
                None,
            )
            self._raise_at(rows, first_bad if found is None else found, lang)
            return cleaned
        names, columns = self.validate_columns(rows, lang)
        return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]

    def validate_columns(
        self, rows: Sequence[Mapping[str, Any]], lang: str = "en"
    ) -> tuple[list[str], list[list[Any]]]:
        """validate_many's values as columns: the field names and, per name, each row's
        cleaned value (what a bulk insert binds, without a dict per row)."""
        if self.check_columns is None and self.check is not None:
            cleaned = self.validate_many(rows, lang)
            names = list(cleaned[0]) if cleaned else []
            return names, [list(map(itemgetter(n), cleaned)) for n in names]
        names, columns, first_bad = self._clean_columns(rows, lang)
        if self.check_columns is not None:
            found = self.check_columns(dict(zip(names, columns, strict=True)), first_bad, lang)
            if found is not None:
                first_bad = found
        self._raise_at(rows, first_bad, lang)
        return names, columns

    def _clean_columns(
        self, rows: Sequence[Mapping[str, Any]], lang: str
    ) -> tuple[list[str], list[list[Any]], int]:
        """Each field's column cleaned, and the first row a field refuses (or len(rows))."""
        fields = [f for f in self.fields if f.kind is not Kind.READONLY]
        first_bad = len(rows)
        columns = []
        for f in fields:
            try:
                raw = list(map(itemgetter(f.name), rows))  # twice as fast as .get
            except KeyError:
                raw = [row.get(f.name) for row in rows]
            column, bad = _clean_column(f, raw, lang)
            first_bad = min(first_bad, bad)
            columns.append(column)
        return [f.name for f in fields], columns, first_bad

    def _raise_at(self, rows: Sequence[Mapping[str, Any]], index: int, lang: str) -> None:
        """RowValidationError with validate's message for rows[index] (none past the end)."""
        if index < len(rows):
            try:
                self.validate(rows[index], lang)
            except ValidationError as exc:
                raise RowValidationError(index, exc.errors) from None
            raise AssertionError(f"validate_many and validate disagree on row {index}")

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
    check_columns: Callable[[dict[str, list[Any]], int, str], int | None] | None = None,
) -> EntitySpec:
    """The spec of a record dataclass, its fields read from the dataclass's field specs."""
    return EntitySpec(
        name,
        table,
        record,
        en,
        ru,
        plural_en,
        plural_ru,
        title_field,
        specs_of(record),
        check,
        check_columns,
    )


def _clean_column(spec: FieldSpec, raw: list[Any], lang: str) -> tuple[list[Any], int]:
    """clean_value of every value of a column, each distinct value cleaned once; and
    the index of the first value refused (len(raw) if none)."""
    if raw.count(None) == len(raw):  # a field no row gives (an import's growth, note)
        try:
            empty = clean_value(spec, None, lang)
        except ValueError:
            return raw, 0
        return (raw if empty is None else [empty] * len(raw)), len(raw)
    types = set(map(type, raw))
    # Amounts differ on every row: parsed floats need only be finite.
    if (
        spec.kind is Kind.NUMBER
        and spec.minimum is None
        and spec.maximum is None
        and (types == {float} or (types == {float, type(None)} and not spec.required))
    ):
        given = raw if types == {float} else [v for v in raw if v is not None]
        if all(map(math.isfinite, given)):
            return raw, len(raw)
        isfinite = math.isfinite
        return raw, next(i for i, v in enumerate(raw) if v is not None and not isfinite(v))
    # 1, 1.0 and True are one key of a dict but not one value of a field: a column of
    # mixed types is keyed by type too.
    keys: list[Any] = (
        raw if len(types - {type(None)}) <= 1 else list(zip(map(type, raw), raw, strict=True))
    )
    try:
        by_key = dict(zip(keys, raw, strict=True))
    except TypeError:  # unhashable values (a photo's memoryview): one by one
        keys = list(range(len(raw)))
        by_key = dict(zip(keys, raw, strict=True))
    table: dict[Any, Any] = dict.fromkeys(by_key)
    for key in table:
        try:
            table[key] = clean_value(spec, by_key[key], lang)
        except ValueError:
            table[key] = _BAD
    column = list(map(table.__getitem__, keys))
    if any(v is _BAD for v in table.values()):
        return column, next(i for i, v in enumerate(column) if v is _BAD)
    return column, len(raw)
