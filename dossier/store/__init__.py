"""The store: SQLite through sqlite-utils, migrations, repositories and search. No Qt."""

from dossier.store.errors import (
    DamagedStore,
    NewerSchema,
    NotFound,
    StoreBusy,
    StoreError,
    WrongPassphrase,
    failures,
)
from dossier.store.facade import Store, memory_store, open_store
from dossier.store.search import HIT_END, HIT_START, SearchHit

__all__ = [
    "HIT_END",
    "HIT_START",
    "DamagedStore",
    "NewerSchema",
    "NotFound",
    "SearchHit",
    "Store",
    "StoreBusy",
    "StoreError",
    "WrongPassphrase",
    "failures",
    "memory_store",
    "open_store",
]
