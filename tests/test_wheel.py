"""A plain (non-editable) install carries the migrations, fonts and the sample dossier."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_carries_db_and_resources_and_runs(tmp_path: Path) -> None:
    src = tmp_path / "src"
    # Build from a copy so the checkout gets no build/ folder.
    shutil.copytree(
        ROOT,
        src,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", "tests"
        ),
    )
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(src)],
        check=True,
        capture_output=True,
        text=True,
    )
    # The build backend has nothing to complain about (it once warned three times
    # that the licence's TOML-table form is deprecated).
    assert "BuildBackendWarning" not in build.stderr
    assert "deprecated" not in build.stderr
    (wheel,) = wheels.glob("dossier-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    # The licence travels with the package, as an SPDX expression and its text.
    (metadata,) = (n for n in names if n.endswith(".dist-info/METADATA"))
    assert "License-Expression: LicenseRef-Proprietary" in (
        zipfile.ZipFile(wheel).read(metadata).decode()
    )
    assert {n.split(".dist-info/")[-1] for n in names} >= {
        "licenses/LICENSE",
        "licenses/resources/fonts/LICENSE_DEJAVU.txt",
    }
    # A pip install gets `dossier-gui` as a gui-script: no console window on Windows.
    (entry_points,) = (n for n in names if n.endswith(".dist-info/entry_points.txt"))
    scripts = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[gui_scripts]\ndossier-gui = dossier.cli:gui_main" in scripts
    for needed in (
        "dossier/_data/db/migrations/0001_initial.sql",
        "dossier/_data/resources/samples/azerbaijan.json",
        "dossier/_data/resources/samples/article_baku_visit_ru.txt",
        "dossier/_data/resources/fonts/DejaVuSans.ttf",
    ):
        assert needed in names

    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    store = tmp_path / "s.db"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import dossier.paths as p, sys; print(p.migrations_dir()); "
            "from dossier.cli import main; main(['sample', '--out', sys.argv[1]]); "
            "sys.exit(main(['--store', sys.argv[1], 'show', 'AZ']))",
            str(store),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(str(target / "dossier" / "_data"))
    assert "Ильхам Алиев" in result.stdout
