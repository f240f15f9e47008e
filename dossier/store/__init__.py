"""The store: SQLite through sqlite-utils, migrations, repositories and search. No Qt."""

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
