"""The user's preferences and window state, in one INI file beside other user config.

An explicit file (rather than QSettings' platform default) follows XDG_CONFIG_HOME
each time it is opened, so tests and portable set-ups get their own settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

_override: Path | None = None


def use_file(path: Path | None) -> None:
    """Keep settings in `path` instead (screenshots must not touch the user's own)."""
    global _override
    _override = path


def settings_path() -> Path:
    if _override is not None:
        return _override
    # Qt's generic config folder plus our own name: on Linux and Windows the same
    # folder platformdirs gives the CLI ($XDG_CONFIG_HOME or ~/.config; %LOCALAPPDATA%),
    # without importing platformdirs before the window is up.
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(base) / "Dossier" / "dossier.ini"


_open: dict[Path, QSettings] = {}


def settings() -> QSettings:
    """The settings file (one object per path: Qt writes it back in the background)."""
    path = settings_path()
    if path not in _open:
        _open[path] = QSettings(str(path), QSettings.Format.IniFormat)
    return _open[path]


def get(key: str, default: object = None) -> object:
    return settings().value(key, default)


def put(key: str, value: object) -> None:
    settings().setValue(key, value)


def sync() -> None:
    """Write pending changes now (on closing the window, before quitting)."""
    for s in _open.values():
        s.sync()
