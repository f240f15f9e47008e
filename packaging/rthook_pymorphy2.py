"""PyInstaller run-time hook: point the morphology at the dictionaries inside the bundle.

natasha's morphology (pymorphy3, or pymorphy2 in older builds) otherwise finds its
dictionaries through package metadata (pymorphy2: pkg_resources entry points,
which in a frozen app need PyInstaller's pkg_resources hook: ~0.2 s on every
start, even for `dossier --version`). PYMORPHY2_DICT_PATH is the documented
override both read; a value set by the user wins.
"""

import os
import sys

for package in ("pymorphy3_dicts_ru", "pymorphy2_dicts_ru"):
    path = os.path.join(sys._MEIPASS, package, "data")
    if os.path.isdir(path):
        os.environ.setdefault("PYMORPHY2_DICT_PATH", path)
        break
