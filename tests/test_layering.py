"""The core imports no Qt; heavy libraries load only when first needed."""

from __future__ import annotations

import ast
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import dossier

CORE = (
    "dossier.model",
    "dossier.fields",
    "dossier.store",
    "dossier.ingest",
    "dossier.charts",
    "dossier.brief",
    "dossier.exports",
    "dossier.files",
    "dossier.paths",
    "dossier.countries",
    "dossier.bilateral",
    "dossier.chart_data",
    "dossier.chart_text",
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


# Modules allowed SQL outside the store while they are being moved into it: none
# left (issue 15); the list stays so that an exception is visible and only shrinks.
SQL_LEFT: set[str] = set()
_SQL = re.compile(
    r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|BEGIN|COMMIT|ROLLBACK"
    r"|SAVEPOINT|RELEASE|ATTACH|DETACH|VACUUM|WITH)\s"
    r"|\[?\b\w+\]? (=|<>|>|<|IS|IN|LIKE) (\?|\(|NULL\b)"
)


def _sql_strings(path: Path) -> list[str]:
    """String literals (f-strings by their fixed parts) that read as SQL."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.JoinedStr):
            text = "".join(
                v.value
                for v in node.values
                if isinstance(v, ast.Constant) and isinstance(v.value, str)
            )
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if _SQL.search(text):
            found.append(f"{path}:{node.lineno}: {text[:60]!r}")
    return found


def test_no_sql_outside_the_store() -> None:
    """Only dossier/store writes SQL: the rest asks the store by name (issue 15, item 5)."""
    root = Path(dossier.__file__).parent
    offenders = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root.parent).as_posix()
        if relative.startswith("dossier/store/") or relative in SQL_LEFT:
            continue
        offenders += _sql_strings(path)
    assert offenders == []
    # The allow-list only shrinks: a module that lost its SQL leaves it.
    assert [p for p in SQL_LEFT if not _sql_strings(root.parent / p)] == []


def test_no_driver_import_outside_the_store() -> None:
    root = Path(dossier.__file__).parent
    driver = re.compile(r"^\s*(import|from)\s+(sqlite3|sqlcipher3)\b", re.M)
    importing = sorted(
        path.relative_to(root.parent).as_posix()
        for path in root.rglob("*.py")
        if driver.search(path.read_text(encoding="utf-8"))
    )
    assert [p for p in importing if not p.startswith("dossier/store/")] == sorted(SQL_LEFT)


# Modules still over the limit (issue 15, item 10): none since model.py was split
# (choices, entity_spec, entity_checks, periods) and brief_dialog.py (brief_options_form).
LONG_LEFT: set[str] = set()
MAX_LINES = 500


def test_modules_a_reader_can_hold() -> None:
    """No module in dossier/ over 500 lines (issue 15, item 10)."""
    root = Path(dossier.__file__).parent
    lines = {
        path.relative_to(root.parent).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in root.rglob("*.py")
    }
    assert {p: n for p, n in lines.items() if n > MAX_LINES and p not in LONG_LEFT} == {}
    assert [p for p in LONG_LEFT if lines.get(p, 0) <= MAX_LINES] == []


def test_the_exporters_live_together() -> None:
    """Every writer of a dossier is in dossier/exports/ (issue 15, item 10)."""
    import importlib

    root = Path(dossier.__file__).parent
    exports = {p.stem for p in (root / "exports").glob("*.py")} - {"__init__"}
    assert exports == {"json_text", "csv_tab", "ftm", "exchange_writer"}
    for old in ("export.py", "ingest/csv_export.py", "ingest/ftm.py"):
        assert not (root / old).exists(), old
    # The .dossier reader in ingest no longer also writes one.
    reader = importlib.import_module("dossier.ingest.exchange_file")
    assert not hasattr(reader, "export_dossier")


def test_dead_code_is_gone() -> None:
    """Names nothing used, removed (issue 15, item 10)."""
    from dossier import model
    from dossier.ingest import trade_import

    assert not hasattr(model, "Record")
    assert not hasattr(model, "as_dict")
    assert not hasattr(model.EntitySpec, "internal_fields")
    assert not hasattr(trade_import, "describe_file")
    # The brief reads from the store only: the test-only Snapshot path is gone.
    from dossier import brief
    from dossier.brief import context

    assert not hasattr(brief, "Snapshot")
    assert not hasattr(context, "Snapshot")
    # capture_dialog's uncalled list of stage texts (kept only for lupdate) became
    # the mapping the dialog translates its stages with.
    source = (Path(dossier.__file__).parent / "ui" / "capture_dialog.py").read_text()
    assert "_stage_texts" not in source
