"""The real thing: build the PyInstaller bundle, smoke-test it, install it from the tarball.

Slow (a minute or two and ~300 MB in a temp folder): run with --runslow.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from packaging_helpers import PACKAGING, ROOT, project_version

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (pip install -e '.[package]')")
    out = tmp_path_factory.mktemp("bundle")
    env = {
        **os.environ,
        "PYTHON": sys.executable,
        "DIST": str(out / "dist"),
        "WORK": str(out / "work"),
    }
    result = subprocess.run(
        ["bash", str(PACKAGING / "build.sh")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=1200,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "bundle: " in result.stdout  # the size line the README promises
    return out / "dist"


def test_bundle_passes_the_smoke_test(built: Path) -> None:
    result = subprocess.run(
        ["bash", str(PACKAGING / "smoke.sh"), str(built / "dossier")],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke: all steps passed" in result.stdout


def test_bundle_ships_no_tests_and_no_unneeded_qt(built: Path) -> None:
    internal = built / "dossier" / "_internal"
    names = {p.name for p in internal.rglob("*")}
    assert not {n for n in names if n.startswith(("libQt6WebEngine", "libQt6Quick", "libQt6Qml"))}
    assert "pytest" not in names
    assert "tests" not in {p.name for p in (internal / "dossier").rglob("*")}
    platforms = {p.name for p in (internal / "PySide6" / "Qt" / "plugins" / "platforms").iterdir()}
    assert {"libqoffscreen.so", "libqxcb.so"} <= platforms
    assert (internal / "dossier" / "_data" / "db" / "migrations" / "0001_initial.sql").is_file()


def test_release_tarball_installs_for_one_user(built: Path, tmp_path: Path) -> None:
    (tarball,) = built.glob(f"dossier-{project_version()}-linux-*.tar.gz")
    with tarfile.open(tarball) as tar:
        tar.extractall(tmp_path, filter="tar")
    (unpacked,) = tmp_path.glob("dossier-*")
    result = subprocess.run(
        ["bash", str(unpacked / "install.sh")],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    installed = Path(os.environ["HOME"]) / ".local" / "bin" / "dossier"
    shown = subprocess.run(
        [str(installed), "--version"],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/nonexistent", "HOME": os.environ["HOME"]},
    )
    assert shown.stdout == f"dossier {project_version()}\n"
