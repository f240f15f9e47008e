"""The desktop app (PySide6). The only package that imports Qt."""

import sys


def _make_singletons_immortal() -> None:
    """Give None, True and False reference counts nothing can use up (Python 3.11).

    PySide6 6.12.0 returns None from every void method (setText, setData, resize...)
    without taking a reference to it: each call drops None's count by one, and after
    some tens of thousands of calls (a brief dialog listing 30,000 officials, a long
    day's work) Python aborts with "none_dealloc: deallocating None"; True and False
    wear out the same way somewhere ("bool_dealloc" at exit after a 30,000-item
    list). Python 3.12 made these objects immortal (PEP 683) for exactly this; on
    older versions we do the same by raising their counts far beyond reach.
    Measured: 6.11.3 does not drop references, 6.12.0 drops one per void call;
    tests/ui/test_app.py checks the guard.
    """
    if sys.version_info < (3, 12):
        # ctypes' c_ssize_t made from its C core: importing all of ctypes costs ~3 ms
        # of every start.
        from _ctypes import _SimpleCData

        class SSize(_SimpleCData):
            _type_ = "q" if sys.maxsize > 2**32 else "i"  # as wide as Py_ssize_t

        for singleton in (None, True, False):
            count = SSize.from_address(id(singleton))
            count.value = max(count.value, 1 << 60)


_make_singletons_immortal()


def _plain_imports() -> None:
    """Take PySide6's `__feature__` hook out of every later import (issue 21, start-up).

    Importing PySide6 replaces `builtins.__import__` with a hook for its optional
    `from __feature__ import snake_case, true_property` switches. On every import
    statement it calls two Python functions, and on the first import of each module it
    reads the module's whole source file (inspect.getsource) to see whether the text
    "PySide6" occurs in it: about 75 modules before the window is painted, ~34 M
    instructions of a start (benchmarks/README.md, "Third round"). Dossier uses none
    of those switches, and without them PySide treats every module alike, so the
    hook only costs. The import PySide installed under it (its lazy class loading)
    stays. tests/ui/test_startup_imports.py checks this.
    """
    import builtins

    import PySide6  # noqa: F401 - the hook is installed by this import

    feature_import = getattr(builtins, "__feature_import__", None)
    original = getattr(builtins, "__orig_import__", None)
    if original is not None and builtins.__import__ is feature_import:
        builtins.__import__ = original


_plain_imports()
