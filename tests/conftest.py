"""Shared fixtures: every test runs with its own data, config and temp directories.

The whole session, too: before anything imports Qt, matplotlib or platformdirs,
HOME and the XDG folders point into a temporary folder, so no settings, data or
cache can reach the user's own; and the session fails if the user's Dossier
folders changed all the same (a test that found another way to them).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

# Before anything imports Qt or matplotlib.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_API"] = "pyside6"
os.environ.setdefault("MPLBACKEND", "Agg")


def _user_dossier_folders() -> list[Path]:
    """The user's real Dossier folders (config, data, cache), as the environment
    names them before the session redirects it."""
    home = Path(os.environ.get("HOME") or Path.home())
    folders = []
    for var, default in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        base = Path(os.environ.get(var) or home / default)
        folders.append(base / "Dossier")
    return folders


USER_FOLDERS = _user_dossier_folders()
SESSION_HOME = Path(tempfile.mkdtemp(prefix="dossier-tests-home-"))
for _var, _sub in (
    ("HOME", ""),
    ("XDG_DATA_HOME", ".local/share"),
    ("XDG_CONFIG_HOME", ".config"),
    ("XDG_CACHE_HOME", ".cache"),
    ("XDG_STATE_HOME", ".local/state"),
    ("XDG_RUNTIME_DIR", "run"),
    ("MPLCONFIGDIR", ".mpl"),
):
    (SESSION_HOME / _sub).mkdir(parents=True, exist_ok=True)
    os.environ[_var] = str(SESSION_HOME / _sub)
(SESSION_HOME / "run").chmod(0o700)  # Qt refuses a runtime folder others can read
os.environ.pop("DOSSIER_STORE", None)
os.environ.pop("DOSSIER_PASSPHRASE", None)

import pytest  # noqa: E402

from dossier.store import Store, memory_store, open_store  # noqa: E402
from dossier.store.sample import load_sample  # noqa: E402

# DOSSIER_SHARED: the shared folder when the checkout is not beside it (a worktree).
SHARED = Path(os.environ.get("DOSSIER_SHARED") or Path(__file__).resolve().parents[2] / "shared")
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _snapshot(folders: list[Path]) -> dict[str, tuple[int, int]]:
    """Every file and folder under `folders` with its mtime and size."""
    seen: dict[str, tuple[int, int]] = {}
    for folder in folders:
        if not folder.exists():
            continue
        for path in [folder, *folder.rglob("*")]:
            try:
                info = path.lstat()
            except OSError:
                continue
            seen[str(path)] = (info.st_mtime_ns, info.st_size)
    return seen


_before: dict[str, tuple[int, int]] = {}


def pytest_sessionstart(session: pytest.Session) -> None:
    _before.update(_snapshot(USER_FOLDERS))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    after = _snapshot(USER_FOLDERS)
    changed = sorted(p for p in set(_before) | set(after) if _before.get(p) != after.get(p))
    shutil.rmtree(SESSION_HOME, ignore_errors=True)
    if changed:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = "The tests changed the user's own files: " + ", ".join(changed[:10])
        if reporter is not None:
            reporter.write_line(message, red=True, bold=True)
        else:  # pragma: no cover - without the terminal plugin
            print(message)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


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
def user_folders() -> list[Path]:
    """The user's own Dossier folders, which no test may change."""
    return list(USER_FOLDERS)


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
