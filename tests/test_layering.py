"""The core imports no Qt; heavy libraries load only when first needed."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import dossier

CORE = (
    "dossier.model",
    "dossier.fields",
    "dossier.store",
    "dossier.ingest",
    "dossier.charts",
    "dossier.brief",
    "dossier.export",
    "dossier.files",
    "dossier.paths",
    "dossier.countries",
    "dossier.bilateral",
    "dossier.chart_data",
)


def _core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(dossier.__path__, "dossier."):
        if info.name.startswith(CORE) and not info.name.startswith("dossier.ui"):
            names.append(info.name)
    return names


def test_core_imports_no_qt() -> None:
    modules = _core_modules()
    assert "dossier.store.repository" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'PyQt')))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"core pulled in Qt: {result.stdout}"


def test_cli_start_does_not_load_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from dossier.cli import build_parser\n"
        "build_parser()\n"
        "heavy = ('matplotlib', 'reportlab', 'natasha', 'PySide6')\n"
        "heavy = [m for m in heavy if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
