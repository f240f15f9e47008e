"""The app's data and cache folders, found without platformdirs on Linux (issue 21,
start-up), are the folders platformdirs gives."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from dossier import paths

needs_linux = pytest.mark.skipif(sys.platform != "linux", reason="the fast path is Linux's")


@needs_linux
@pytest.mark.parametrize(
    "env",
    [
        {},
        {"XDG_DATA_HOME": "/x/data", "XDG_CACHE_HOME": "/x/cache"},
        {"XDG_DATA_HOME": "", "XDG_CACHE_HOME": ""},
        {"XDG_DATA_HOME": "relative/data", "XDG_CACHE_HOME": "relative/cache"},
    ],
)
def test_the_folders_are_platformdirs_folders(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert paths._xdg_base("XDG_DATA_HOME", ".local/share") is not None
    assert paths.user_data_dir() == platformdirs.user_data_path("Dossier", appauthor=False)
    assert paths.user_cache_dir() == platformdirs.user_cache_path("Dossier", appauthor=False)


def test_elsewhere_platformdirs_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths.sys, "platform", "darwin")
    assert paths._xdg_base("XDG_DATA_HOME", ".local/share") is None
    assert paths.user_data_dir() == platformdirs.user_data_path("Dossier", appauthor=False)
    assert paths.user_cache_dir() == platformdirs.user_cache_path("Dossier", appauthor=False)


def test_a_relative_home_is_left_to_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "not/absolute")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert paths._xdg_base("XDG_DATA_HOME", ".local/share") is None
