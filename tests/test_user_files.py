"""The test session keeps away from the user's own files, and fails if a test does not."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.paths import default_store_path, user_data_dir

CONFTEST = Path(__file__).resolve().parent / "conftest.py"

WRITES_THE_REAL_SETTINGS = """
import os
from pathlib import Path

def test_saves_window_size_in_the_real_settings():
    real = Path(os.environ["FAKE_REAL_HOME"]) / ".config" / "Dossier" / "dossier.ini"
    real.parent.mkdir(parents=True, exist_ok=True)
    real.write_text("[General]\\ngeometry=743x345\\n")
"""

KEEPS_TO_ITS_OWN = """
from dossier.paths import default_store_path

def test_uses_only_the_session_folders():
    default_store_path().parent.mkdir(parents=True, exist_ok=True)
    default_store_path().write_text("a store of the test's own")
"""


KNOWS_THE_REAL_FOLDERS = """
import os
from pathlib import Path

def test_the_worker_watches_the_real_folders(user_folders):
    assert os.environ.get("PYTEST_XDIST_WORKER")  # run by a worker, not the controller
    real = Path(os.environ["FAKE_REAL_HOME"])
    assert user_folders == [
        real / ".config" / "Dossier", real / ".local/share" / "Dossier", real / ".cache" / "Dossier"
    ]
    assert not Path.home().is_relative_to(real)
"""


def _run_session(
    tmp_path: Path, test: str, *options: str
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """A pytest session with our conftest, for a user whose home is `real`."""
    real = tmp_path / "real-home"
    (real / ".config" / "Dossier").mkdir(parents=True)
    (real / ".config" / "Dossier" / "dossier.ini").write_text("[General]\ngeometry=1200x800\n")
    suite = tmp_path / "suite"
    suite.mkdir()
    shutil.copy(CONFTEST, suite / "conftest.py")
    (suite / "test_one.py").write_text(test)
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(real), FAKE_REAL_HOME=str(real))
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *options, str(suite)],
        cwd=suite,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    return done, real


def test_a_test_writing_the_real_settings_fails_the_session(tmp_path: Path) -> None:
    done, real = _run_session(tmp_path, WRITES_THE_REAL_SETTINGS)
    assert "1 passed" in done.stdout  # the test itself passes ...
    assert done.returncode == pytest.ExitCode.TESTS_FAILED  # ... the session does not
    assert "The tests changed the user's own files" in done.stdout
    assert str(real / ".config" / "Dossier" / "dossier.ini") in done.stdout


def test_a_session_keeping_to_its_own_folders_passes(tmp_path: Path) -> None:
    done, real = _run_session(tmp_path, KEEPS_TO_ITS_OWN)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (real / ".local").exists()
    assert (real / ".config" / "Dossier" / "dossier.ini").read_text().endswith("1200x800\n")


def test_a_write_to_the_real_settings_from_an_xdist_worker_fails_the_session(
    tmp_path: Path,
) -> None:
    """Under `make test`'s parallel workers the guard still holds: the controller
    watches the user's folders until every worker has finished."""
    done, real = _run_session(tmp_path, WRITES_THE_REAL_SETTINGS, "-n", "2")
    assert "1 passed" in done.stdout, done.stdout + done.stderr
    assert done.returncode == pytest.ExitCode.TESTS_FAILED
    assert "The tests changed the user's own files" in done.stdout
    assert str(real / ".config" / "Dossier" / "dossier.ini") in done.stdout


def test_xdist_workers_are_told_the_users_real_folders(tmp_path: Path) -> None:
    done, _ = _run_session(tmp_path, KNOWS_THE_REAL_FOLDERS, "-n", "2")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout


def test_no_folder_the_app_uses_is_the_users_own(user_folders: list[Path]) -> None:
    from dossier.ui.settings import settings_path

    assert len(user_folders) == 3
    for path in (default_store_path(), user_data_dir(), settings_path()):
        assert not any(path.is_relative_to(folder) for folder in user_folders), path
