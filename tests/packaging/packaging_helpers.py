"""Paths and small helpers shared by the packaging tests."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
ICONS = ROOT / "resources" / "icons"
APP_ID = "org.dossier.Dossier"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]["version"]


def fake_bundle(where: Path, version: str = "9.9.9") -> Path:
    """A stand-in for dist/dossier: a `dossier` program and the icons, laid out as in a bundle."""
    bundle = where / "dossier"
    icons = bundle / "_internal" / "dossier" / "_data" / "resources" / "icons"
    icons.mkdir(parents=True)
    for path in ICONS.iterdir():
        shutil.copy(path, icons / path.name)
    exe = bundle / "dossier"
    exe.write_text(f'#!/bin/sh\necho "dossier {version}"\n')
    exe.chmod(0o755)
    return bundle
