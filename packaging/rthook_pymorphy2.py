"""PyInstaller run-time hook: point pymorphy2 at the dictionaries inside the bundle.

pymorphy2 (natasha's morphology) otherwise finds its dictionaries through
pkg_resources entry points, which in a frozen app needs PyInstaller's
pkg_resources hook: ~0.2 s on every start, even for `dossier --version`.
PYMORPHY2_DICT_PATH is pymorphy2's documented override; a value set by the user wins.
"""

import os
import sys

os.environ.setdefault(
    "PYMORPHY2_DICT_PATH", os.path.join(sys._MEIPASS, "pymorphy2_dicts_ru", "data")
)
