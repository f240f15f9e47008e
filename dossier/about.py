"""What Help > About and support questions need: versions, where things are. No Qt.

`about_info(store)` gathers it as a dict; `about_text(info)` prints it as lines a
user can copy into a message to IT. The GUI adds the Qt version it runs on (only
the GUI may import Qt).
"""

from __future__ import annotations

import platform
import sqlite3
import sys
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from dossier import __version__
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
    found["SQLite"] = sqlite3.sqlite_version
    return {label: v for label, v in found.items() if v}


def about_info(store: Any = None) -> dict[str, Any]:
    """Everything About shows. `store` is the open Store, or None before one is open."""
    from dossier.store import migrations

    info: dict[str, Any] = {
        "app": "Dossier",
        "version": __version__,
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
        info["store_path"] = str(default_store_path())
        return info
    info["store_path"] = str(store.path) if store.path else ":memory:"
    info["store_schema"] = store.schema_version
    # The encrypted driver's class lives in sqlcipher3; a plain store uses sqlite3.
    info["store_encrypted"] = type(store.db.conn).__module__.startswith("sqlcipher3")
    if info["store_encrypted"]:
        row = store.db.execute("PRAGMA cipher_version").fetchone()
        if row and row[0]:
            info["libraries"]["SQLCipher"] = row[0]
    return info


def about_text(info: dict[str, Any]) -> str:
    """The info as plain lines, e.g. for a "Copy" button or a support e-mail."""
    store = info["store_path"] or "-"
    if info["store_schema"] is not None:
        kind = "encrypted" if info["store_encrypted"] else "not encrypted"
        store += f" (schema {info['store_schema']}, {kind})"
    lines = [
        f"{info['app']} {info['version']} ({info['installed_as']})",
        f"Store: {store}",
        f"Schema this version writes: {info['app_schema']}",
        f"Data folder: {info['user_data']}",
        f"Python {info['python']} on {info['platform']}",
        "Libraries: " + ", ".join(f"{k} {v}" for k, v in info["libraries"].items()),
    ]
    return "\n".join(lines) + "\n"
