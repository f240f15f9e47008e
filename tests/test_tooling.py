"""The house's checks (issue 22, item 3): the import contracts catch what they must,
and pre-commit runs the same checks as `make lint`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the package and its contracts, to break on purpose."""
    shutil.copytree(ROOT / "dossier", tmp_path / "dossier", ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_contracts_hold_today(tree: Path) -> None:
    result = lint_imports(tree)
    assert result.returncode == 0, result.stdout
    assert "Contracts: 3 kept, 0 broken." in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("dossier/model.py", "import PySide6.QtCore", "The core imports no Qt"),
        # Indirectly too: a core module reaching Qt through a UI module.
        ("dossier/brief/build.py", "import dossier.ui.i18n", "The core imports no Qt"),
        ("dossier/exports/ftm.py", "import sqlite3", "Only the store talks to the SQLite drivers"),
        ("dossier/cli/basic.py", "import sqlcipher3", "Only the store talks to the SQLite drivers"),
        ("dossier/store/db.py", "import dossier.ingest.names", "Layers"),
    ],
)
def test_a_broken_layer_fails_the_lint(tree: Path, module: str, line: str, contract: str) -> None:
    path = tree / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    result = lint_imports(tree)
    assert result.returncode != 0
    assert f"{contract}" in result.stdout
    assert "BROKEN" in result.stdout


def test_pre_commit_runs_what_make_lint_runs() -> None:
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lint = makefile.split("\nlint:", 1)[1].split("\n\n", 1)[0]
    for tool in ("ruff check", "ruff format", "mypy", "lint-imports"):
        assert f".venv/bin/{tool}" in config, tool
        assert f"$(BIN)/{tool}" in lint, tool
