"""Where the app's own files and the user's store live."""

from __future__ import annotations

import os
import sys
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


APP_NAME = "Dossier"


def _xdg_base(env_var: str, fallback: str) -> str | None:
    """platformdirs' rule on Linux: the variable if it is an absolute path, else the
    fallback under an absolute HOME; None where that rule may not be platformdirs'
    (Android, another system, a relative or missing HOME)."""
    if sys.platform != "linux" or os.environ.get("ANDROID_DATA"):
        return None
    path = os.environ.get(env_var, "")
    if os.path.isabs(path):
        return path
    home = os.environ.get("HOME", "")
    return os.path.join(home, fallback) if os.path.isabs(home) else None


def user_data_dir() -> Path:
    """The user's data folder for the app, as platformdirs gives it: on Linux found
    here ($XDG_DATA_HOME or ~/.local/share), since importing platformdirs costs
    several milliseconds before the window is up; elsewhere asked of platformdirs."""
    base = _xdg_base("XDG_DATA_HOME", ".local/share")
    if base is not None:
        return Path(base) / APP_NAME
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def user_cache_dir() -> Path:
    """The user's cache folder for the app, as platformdirs gives it (see user_data_dir)."""
    base = _xdg_base("XDG_CACHE_HOME", ".cache")
    if base is not None:
        return Path(base) / APP_NAME
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def default_store_path() -> Path:
    """The store to open: DOSSIER_STORE if set, else the user's data directory."""
    env = os.environ.get("DOSSIER_STORE")
    if env:
        return Path(env).expanduser()
    return user_data_dir() / "dossier.db"
