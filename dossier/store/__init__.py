"""The store: SQLite through sqlite-utils, migrations, repositories and search. No Qt."""

import sys as _sys

if "numpy" not in _sys.modules:
    # sqlite-utils imports numpy (150+ ms, the largest part of the app's start-up)
    # only to map numpy types to column types; the store never passes numpy values.
    # A None entry makes that optional import fail fast; numpy stays importable later.
    _sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del _sys.modules["numpy"]

from dossier.store.errors import NotFound, StoreError
from dossier.store.facade import Store, memory_store, open_store
from dossier.store.search import HIT_END, HIT_START, SearchHit

__all__ = [
    "HIT_END",
    "HIT_START",
    "NotFound",
    "SearchHit",
    "Store",
    "StoreError",
    "memory_store",
    "open_store",
]
