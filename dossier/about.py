"""What Help > About and support questions need: versions, where things are. No Qt.

`about_info(store)` gathers it as a dict; `about_text(info)` prints it as lines a
user can copy into a message to IT. The GUI adds the Qt version it runs on (only
the GUI may import Qt).
"""

from __future__ import annotations

import platform
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from dossier import app_version
from dossier.paths import default_store_path, resources_dir, user_data_dir

# Distributions whose versions matter when something goes wrong, in display order.
LIBRARIES = (
    ("PySide6", "PySide6-Essentials"),
    ("sqlite-utils", "sqlite-utils"),
    ("SQLCipher driver", "sqlcipher3"),
    ("matplotlib", "matplotlib"),
    ("reportlab", "reportlab"),
    ("natasha", "natasha"),
    ("platformdirs", "platformdirs"),
)


def _dist_version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def library_versions() -> dict[str, str]:
    """Display name -> version of each library that is installed (metadata only: no imports)."""
    found = {label: _dist_version(dist) for label, dist in LIBRARIES}
    from dossier.store.file_facts import sqlite_version

    found["SQLite"] = sqlite_version()
    return {label: v for label, v in found.items() if v}


def store_file_facts(path: Path) -> tuple[int | None, bool | None]:
    """(schema version, encrypted?) of a store file, read without changing it."""
    from dossier.store.file_facts import file_facts

    return file_facts(path)


def about_info(store: Any = None, path: Path | None = None) -> dict[str, Any]:
    """Everything About shows.

    `store` is the open Store; without one, `path` (default: the default store)
    is described from the file, read-only.
    """
    from dossier.store import migrations

    info: dict[str, Any] = {
        "app": "Dossier",
        "version": app_version(),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        # A PyInstaller bundle sets sys.frozen; IT asks "installer or pip?" first.
        "installed_as": "bundle" if getattr(sys, "frozen", False) else "python package",
        "app_schema": migrations.latest_version(),
        "resources": str(resources_dir()),
        "user_data": str(user_data_dir()),
        "store_path": None,
        "store_schema": None,
        "store_encrypted": None,
        "libraries": library_versions(),
    }
    if store is None:
        path = path or default_store_path()
        info["store_path"] = str(path)
        info["store_schema"], info["store_encrypted"] = store_file_facts(path)
        info["store_exists"] = path.is_file()
        return info
    info["store_path"] = str(store.path) if store.path else ":memory:"
    info["store_schema"] = store.schema_version
    from dossier.store.file_facts import open_store_facts

    info["store_encrypted"], cipher = open_store_facts(store)
    if cipher:
        info["libraries"]["SQLCipher"] = cipher
    return info


def about_text(info: dict[str, Any]) -> str:
    """The info as plain lines, e.g. for a "Copy" button or a support e-mail."""
    store = info["store_path"] or "-"
    if info["store_schema"] is not None:
        kind = "encrypted" if info["store_encrypted"] else "not encrypted"
        store += f" (schema {info['store_schema']}, {kind})"
    elif info["store_encrypted"]:
        store += " (encrypted)"
    elif info.get("store_exists") is False:
        store += " (not created yet: the first start creates it with the sample)"
    lines = [
        f"{info['app']} {info['version']} ({info['installed_as']})",
        f"Store: {store}",
        f"Schema this version writes: {info['app_schema']}",
        f"Data folder: {info['user_data']}",
        f"Python {info['python']} on {info['platform']}",
        "Libraries: " + ", ".join(f"{k} {v}" for k, v in info["libraries"].items()),
    ]
    return "\n".join(lines) + "\n"
