"""Issue 15, item 10: capture is its own subpackage, type-checked like the rest of
the core (off mypy's list of modules whose errors are ignored)."""

from __future__ import annotations

import importlib
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_capture_lives_in_its_own_subpackage() -> None:
    assert not list((ROOT / "dossier" / "ingest").glob("capture*.py"))
    pipeline = importlib.import_module("dossier.ingest.capture.pipeline")
    assert callable(pipeline.capture)


def test_capture_modules_are_not_exempt_from_type_checks() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    ignored = [
        module
        for override in config["tool"]["mypy"]["overrides"]
        if override.get("ignore_errors")
        for module in override["module"]
    ]
    assert not [m for m in ignored if "capture" in m]
