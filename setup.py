"""Copies db/ and resources/ into the wheel as dossier/_data/.

They live at the project root (the layout the team agreed on), but a plain
`pip install .` must carry them; dossier.paths looks in both places.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "dossier" / "_data"
        for name in ("db", "resources"):
            shutil.copytree(
                ROOT / name,
                target / name,
                dirs_exist_ok=True,
                ignore=shutil.ignore_patterns("*.ts", "__pycache__"),
            )


setup(cmdclass={"build_py": BuildWithData})
