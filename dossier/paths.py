"""Where the app's own files and the user's store live."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_root() -> Path:
    # A source checkout keeps db/ and resources/ beside the package; an installed
    # wheel carries them inside it (see setup.py).
    checkout = _PACKAGE.parent
    if (checkout / "db" / "migrations").is_dir():
        return checkout
    return _PACKAGE / "_data"


def migrations_dir() -> Path:
    return _data_root() / "db" / "migrations"


def resources_dir() -> Path:
    return _data_root() / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("Dossier", appauthor=False)


def default_store_path() -> Path:
    """The store to open: DOSSIER_STORE if set, else the user's data directory."""
    env = os.environ.get("DOSSIER_STORE")
    if env:
        return Path(env).expanduser()
    return user_data_dir() / "dossier.db"
