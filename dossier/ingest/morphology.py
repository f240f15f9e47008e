"""natasha's morphology on pymorphy3, the maintained fork of pymorphy2.

natasha 1.6 (the latest) imports `pymorphy2.analyzer`, which is unmaintained since
2020: a plain `pymorphy2.MorphAnalyzer()` fails on Python 3.11 (it calls
`inspect.getargspec`), and its dictionaries are found through pkg_resources, gone
from Python 3.12 venvs. pymorphy3 keeps pymorphy2's API and dictionary format.
Registering it under the two module names natasha imports, before natasha is first
imported, makes natasha run on it; nothing else is patched. Capture output is the
same, word for word, on the evaluation texts (tests/ingest/test_morphology.py).

pymorphy2 itself stays installed (natasha declares it) but is never imported.
"""

from __future__ import annotations

import sys


def use_pymorphy3() -> str:
    """Make natasha use pymorphy3; returns the module natasha's analyzer comes from.

    Call before the first `import natasha`; later calls change nothing.
    """
    if "natasha.morph.vocab" not in sys.modules:
        import pymorphy3
        import pymorphy3.analyzer

        sys.modules.setdefault("pymorphy2", pymorphy3)
        sys.modules.setdefault("pymorphy2.analyzer", pymorphy3.analyzer)
    from natasha.morph import vocab

    return str(vocab.PymorphyAnalyzer.__module__)
