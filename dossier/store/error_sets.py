"""What any store call may raise, for callers outside the store that must catch it all.

The window catches these to show a message rather than a traceback; it may not
import the SQLite driver itself (import-linter: only the store talks to it), so the
driver's base error is named here.
"""

from __future__ import annotations

import sqlite3

from dossier.store.errors import StoreError

# A StoreError is worded for the user; a driver error reaching the surface is shown
# through dossier.store.errors.driver_message.
STORE_ERRORS: tuple[type[Exception], ...] = (StoreError, sqlite3.Error)
# A write may also meet the file system (a full disk, a removed medium).
WRITE_ERRORS: tuple[type[Exception], ...] = (*STORE_ERRORS, OSError)
