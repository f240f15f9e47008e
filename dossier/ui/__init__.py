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
