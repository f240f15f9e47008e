"""`dossier import-json`: a dossier in the `export-json` format, merged like a .dossier file.

The file is read whole and every record validated before anything is written;
the merge then goes through the same plan (new, identical, conflicting) and the
same store operation as `import-dossier`, so it can be undone.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from pathlib import Path
from typing import Any

from dossier.fields import Kind, ValidationError
from dossier.ingest.exchange import PARTS, ExchangeError, Incoming
from dossier.model import DOSSIER, EntitySpec

# A dossier of tens of thousands of records is a few tens of MB of JSON.
MAX_BYTES = 512 * 1024 * 1024


def read_json(path: Path | str) -> Incoming:
    """Read an export-json file; ExchangeError (one line) for anything malformed."""
    path = Path(path)
    if not path.is_file():
        raise ExchangeError(f"No file {path}.")
    if path.stat().st_size > MAX_BYTES:
        raise ExchangeError(f"{path.name} is larger than {MAX_BYTES // 2**20} MB.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ExchangeError(f"{path.name} is not UTF-8 text.") from None
    except json.JSONDecodeError as exc:
        raise ExchangeError(
            f"{path.name} is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("dossier"), dict):
        raise ExchangeError(f"{path.name} is not a dossier as `dossier export-json` writes it.")
    dossier = _record(DOSSIER, data["dossier"], path, "dossier")
    records = {}
    for spec in PARTS:
        items = data.get(spec.table, [])
        if not isinstance(items, list):
            raise ExchangeError(f"{path.name}: “{spec.table}” must be a list.")
        records[spec.name] = [
            _record(spec, item, path, f"{spec.table}[{n}]") for n, item in enumerate(items)
        ]
    return Incoming(path, dossier, records, {})


def _record(spec: EntitySpec, item: Any, path: Path, where: str) -> Any:
    """One record of the file, validated as a form would validate it."""
    if not isinstance(item, dict):
        raise ExchangeError(f"{path.name}: {where} is not an object.")
    names = {f.name for f in dataclasses.fields(spec.record)}
    unknown = set(item) - names
    if unknown:
        raise ExchangeError(
            f"{path.name}: {where} has unknown fields: {', '.join(sorted(unknown))}."
        )
    values = dict(item)
    for f in spec.fields:
        if f.kind is Kind.PHOTO and isinstance(values.get(f.name), str):
            try:
                values[f.name] = base64.b64decode(values[f.name], validate=True)
            except ValueError:
                raise ExchangeError(f"{path.name}: {where}: {f.name} is not base64.") from None
    try:
        clean = spec.validate(values)
    except ValidationError as exc:
        raise ExchangeError(f"{path.name}: {where}: {exc}") from None
    keys = {k: values.get(k) for k in ("id", "dossier_id") if k in names}
    dates = {f.name: values.get(f.name) for f in spec.fields if f.kind is Kind.READONLY}
    if not isinstance(keys.get("id"), int):
        raise ExchangeError(f"{path.name}: {where} has no numeric id.")
    return spec.record(**keys, **clean, **dates)
