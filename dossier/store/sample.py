"""The bundled sample dossier, loaded from resources/samples/ into a store."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from dossier.model import DOSSIER, EVENT, OFFICIAL, PROJECT, SOURCE, TALKING_POINT, TRADE, Dossier
from dossier.paths import resource
from dossier.store.facade import Store

SAMPLE = "azerbaijan.json"


def sample_path() -> Path:
    return resource("samples", SAMPLE)


def load_sample(store: Store, path: Path | None = None) -> Dossier:
    """Add the sample dossier (one transaction); returns it."""
    path = path or sample_path()
    import json  # only when the sample is loaded, not on every start

    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    with store.transaction():
        dossier = store.dossiers.add(DOSSIER.make(data["dossier"]))
        sources: dict[str, int | None] = {}
        for item in data["sources"]:
            values = dict(item)
            key = values.pop("key")
            body_file = values.pop("body_file", None)
            if body_file:
                values["body"] = (path.parent / body_file).read_text(encoding="utf-8")
            # When the report was taken into the dossier (the brief's "retrieved"), not
            # when the sample was loaded: a 2013 brief must not cite a later retrieval.
            added_at = values.pop("added_at", None)
            source = SOURCE.make(values, dossier_id=dossier.id)
            if added_at:
                source = dataclasses.replace(source, added_at=added_at)
            sources[key] = store.sources.add(source).id
        officials: dict[str, int | None] = {}
        for item in data["officials"]:
            values = _cite(item, sources)
            key = values.pop("key")
            officials[key] = store.officials.add(OFFICIAL.make(values, dossier_id=dossier.id)).id
        for spec, items in (
            (TRADE, data["trade"]),
            (PROJECT, data["projects"]),
            (EVENT, data.get("events", [])),
        ):
            for item in items:
                store.repo(spec).add(spec.make(_cite(item, sources), dossier_id=dossier.id))
        for item in data["talking_points"]:
            values = _cite(item, sources)
            audience = values.pop("audience", None)
            if audience:
                values["audience_id"] = officials[audience]
            store.talking_points.add(TALKING_POINT.make(values, dossier_id=dossier.id))
    return store.dossiers.get(dossier.id)


def _cite(item: dict[str, Any], sources: dict[str, int | None]) -> dict[str, Any]:
    values = dict(item)
    key = values.pop("source", None)
    if key:
        values["source_id"] = sources[key]
    return values


def open_or_create(path: Path, passphrase: str | None = None) -> Store:
    """Open the store at `path`; on first run, create it holding the sample dossier.

    With a passphrase an encrypted store opens, or a new one is created encrypted.
    """
    from dossier.store.facade import open_store

    fresh = not path.exists()
    store = open_store(path, passphrase=passphrase)
    if fresh and store.dossiers.count() == 0:
        load_sample(store)
    return store
