"""Shared fixtures: every test runs with its own data, config and temp directories.

The whole session, too: before anything imports Qt, matplotlib or platformdirs,
HOME and the XDG folders point into a temporary folder, so no settings, data or
cache can reach the user's own; and the session fails if the user's Dossier
folders changed all the same (a test that found another way to them).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
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


# pytest-xdist's workers are started by the session's first process after it has
# redirected HOME, so they inherit the redirection: they take the user's folders from
# that process (the variable names the HOME it was handed down with, so a pytest run
# by a test, with a HOME of its own, works them out afresh).
_GUARD_VAR = "DOSSIER_TESTS_USER_FOLDERS"


def _inherited_user_folders() -> list[Path] | None:
    """The user's folders as the session's first process found them, in a worker of it."""
    try:
        handed = json.loads(os.environ.get(_GUARD_VAR) or "null")
    except ValueError:
        return None
    if not isinstance(handed, dict) or handed.get("home") != os.environ.get("HOME"):
        return None
    return [Path(folder) for folder in handed["folders"]]


INHERITED_FOLDERS = _inherited_user_folders()
USER_FOLDERS = INHERITED_FOLDERS or _user_dossier_folders()
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
os.environ[_GUARD_VAR] = json.dumps(
    {"home": os.environ["HOME"], "folders": [str(folder) for folder in USER_FOLDERS]}
)
# The session's environment, for what is built once per session (store templates).
SESSION_ENV = {
    var: os.environ[var]
    for var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "MPLCONFIGDIR")
}
os.environ.pop("DOSSIER_STORE", None)
os.environ.pop("DOSSIER_PASSPHRASE", None)

import pytest  # noqa: E402

from dossier.store import Store, connection, memory_store, migrations, open_store  # noqa: E402
from dossier.store.integrity import mark_verified  # noqa: E402
from dossier.store.sample import load_sample  # noqa: E402

# PBKDF2 rounds in the tests: connection.KDF_ITER set also means Argon2id's low cost
# (store/keys.py, keys.LOW).
FAST_KDF_ITER = 2000
# The passphrase of the encrypted template built up front (tests/security's PASSPHRASE).
TEMPLATE_PASSPHRASE = "correct horse battery staple"

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


def _guards(session: pytest.Session) -> bool:
    """Whether this process watches the user's folders: the session's first process
    (alone, or pytest-xdist's controller, which ends after every worker has), not a
    worker of it."""
    return not hasattr(session.config, "workerinput")


def pytest_sessionstart(session: pytest.Session) -> None:
    if _guards(session):
        _before.update(_snapshot(USER_FOLDERS))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not _guards(session):
        shutil.rmtree(SESSION_HOME, ignore_errors=True)
        return
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


@pytest.fixture(autouse=True)
def _fast_key_derivation(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap keys for the stores and exchange files the tests encrypt: a real Argon2id
    derivation takes 256 MiB and half a second, and the tests make hundreds. The
    cost is recorded in each file's header, so a subprocess opens them all the same.

    Tests requesting `real_kdf` (and every subprocess's own new files) keep the real
    parameters; tests/security/test_keys.py checks them.
    """
    if "real_kdf" not in request.fixturenames:
        monkeypatch.setattr(connection, "KDF_ITER", FAST_KDF_ITER)


@pytest.fixture
def real_kdf() -> None:
    """Request this fixture to keep the real key derivation cost (Argon2id, PBKDF2)."""


class StoreTemplates:
    """The sample dossier's stores, built once per session (per xdist worker) and
    copied into each test that asks: building one runs every migration (~0.2 s) and,
    encrypted, a key derivation. Built before any test's own patches (session
    fixtures come first), in the session's folders, never a test's."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._memory: dict[bool, Store] = {}
        self._files: dict[tuple[str | None, int | None], Path] = {}

    def memory(self, *, sample: bool) -> Store:
        """A fresh in-memory store: a copy (SQLite's backup API) of the empty or
        sample template, on a connection configured as `memory_store` configures one."""
        if sample not in self._memory:
            with _session_env():
                template = memory_store()
                if sample:
                    load_sample(template)
            self._memory[sample] = template
        conn = connection.raw_connection(":memory:")
        self._memory[sample].db.conn.backup(conn)
        db = connection.configure(conn)
        migrations.migrate(db)  # nothing to do: the copy is current
        return Store(db)

    def file(self, dest: Path, passphrase: str | None = None) -> Path:
        """The sample store file (encrypted with `passphrase`, at this test's key
        derivation cost) copied to `dest`, closed and recorded as verified, as
        building it there would leave it."""
        key = (passphrase, connection.KDF_ITER)
        if key not in self._files:
            folder = self.folder / f"store-{len(self._files)}"
            folder.mkdir()
            with _session_env():
                built = open_store(folder / "store.db", passphrase=passphrase)
                load_sample(built)
                built.close()
            self._files[key] = folder / "store.db"
        source = self._files[key]
        for part in source.parent.iterdir():  # the store and anything left beside it
            shutil.copy2(part, dest.parent / part.name.replace(source.name, dest.name, 1))
        mark_verified(dest)
        return dest

    def close(self) -> None:
        for template in self._memory.values():
            template.close()


@contextlib.contextmanager
def _session_env() -> Iterator[None]:
    """The session's own folders (not a test's), for what outlives a test."""
    with pytest.MonkeyPatch.context() as mp:
        for var, value in SESSION_ENV.items():
            mp.setenv(var, value)
        yield


@pytest.fixture(scope="session")
def store_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreTemplates]:
    templates = StoreTemplates(tmp_path_factory.mktemp("templates"))
    # The common ones now, before any test's patches: an empty and a sample store,
    # the sample file plain and encrypted at the tests' cost.
    templates.memory(sample=False).close()
    templates.memory(sample=True).close()
    probe = tmp_path_factory.mktemp("probe")
    templates.file(probe / "plain.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(connection, "KDF_ITER", FAST_KDF_ITER)
        templates.file(probe / "secret.db", TEMPLATE_PASSPHRASE)
    shutil.rmtree(probe, ignore_errors=True)
    yield templates
    templates.close()


@pytest.fixture
def store(store_templates: StoreTemplates) -> Iterator[Store]:
    """A migrated, empty in-memory store."""
    s = store_templates.memory(sample=False)
    yield s
    s.close()


@pytest.fixture
def sample_store(store_templates: StoreTemplates) -> Iterator[Store]:
    """An in-memory store holding the sample dossier."""
    s = store_templates.memory(sample=True)
    yield s
    s.close()


@pytest.fixture
def store_file(tmp_path: Path, store_templates: StoreTemplates) -> Path:
    """A real store file holding the sample dossier (for persistence and CLI tests)."""
    return store_templates.file(tmp_path / "dossier.db")


@pytest.fixture
def shared_data() -> Path:
    """The larger real files in ../shared/data; tests using them skip on a fresh clone."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip("../shared/data is not present")
    return path


def _count_vm_steps(store: Store, call: Callable[[], object]) -> int:
    """SQLite virtual-machine steps `call` takes, in hundreds: the work a query does
    (rows read, sorted), counted rather than timed."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    store.db.conn.set_progress_handler(count, 100)
    try:
        call()
    finally:
        store.db.conn.set_progress_handler(None, 0)
    return steps[0]


@pytest.fixture
def vm_steps() -> Callable[[Store, Callable[[], object]], int]:
    """`vm_steps(store, call)`: the SQLite steps (in hundreds) `call` takes on `store`."""
    return _count_vm_steps
