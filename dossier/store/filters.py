"""Quick filters of a table view as SQL: "this field equals this value", for any field."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dossier.model import EntitySpec


def with_equals(
    spec: EntitySpec,
    where: str | None,
    params: Sequence[Any],
    equals: Mapping[str, Any],
) -> tuple[str | None, tuple[Any, ...]]:
    """`where` AND each field = its value. Field names are checked against the spec
    (KeyError for an unknown one), so no text from outside reaches the SQL."""
    clauses = [f"({where})"] if where else []
    args = list(params)
    for name, value in equals.items():
        field = spec.field(name)
        clauses.append(f"[{field.name}] = ?")
        args.append(value)
    return (" AND ".join(clauses) or None), tuple(args)
