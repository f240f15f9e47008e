"""Shared fixtures: every test runs with its own data, config and temp directories."""

from __future__ import annotations

import os

# Before anything imports Qt or matplotlib.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_API"] = "pyside6"
os.environ.setdefault("MPLBACKEND", "Agg")

from pathlib import Path

import pytest

from dossier.store import Store, memory_store, open_store
from dossier.store.sample import load_sample

# DOSSIER_SHARED: the shared folder when the checkout is not beside it (a worktree).
SHARED = Path(os.environ.get("DOSSIER_SHARED") or Path(__file__).resolve().parents[2] / "shared")
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", help="also run tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point data, config, cache and settings at a fresh folder for each test."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("MPLCONFIGDIR", str(home / ".mpl"))
    monkeypatch.delenv("DOSSIER_STORE", raising=False)
    monkeypatch.delenv("DOSSIER_PASSPHRASE", raising=False)
    return home


@pytest.fixture
def store() -> Store:
    """A migrated, empty in-memory store."""
    s = memory_store()
    yield s
    s.close()


@pytest.fixture
def sample_store() -> Store:
    """An in-memory store holding the sample dossier."""
    s = memory_store()
    load_sample(s)
    yield s
    s.close()


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    """A real store file holding the sample dossier (for persistence and CLI tests)."""
    path = tmp_path / "dossier.db"
    s = open_store(path)
    load_sample(s)
    s.close()
    return path


@pytest.fixture
def shared_data() -> Path:
    """The larger real files in ../shared/data; tests using them skip on a fresh clone."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip("../shared/data is not present")
    return path
