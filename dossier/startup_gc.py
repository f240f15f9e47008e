"""Start-up without the cyclic garbage collector (issue 21, start-up).

Starting the app allocates hundreds of thousands of objects that live as long as
the process (modules, classes, Qt's enums, the field specs), and Python's cyclic
collector passes over them again and again while they are made: about 58
collections, 10-20 ms of every start, that find next to nothing to free. The
collector is paused while the app starts and resumed once its window is up (a
command: once its modules are loaded), for the rest of the run as usual; what the
app made until then is frozen (gc.freeze), left out of every later collection.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Pause the collector, if it runs (a caller that turned it off keeps it off)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume(*, freeze: bool = False) -> None:
    """Resume the collector paused by `pause`; nothing otherwise.

    With `freeze` (the app, its window up), what start-up made is set aside for good
    first: the first collection would otherwise pass over all of it at once (~10 ms,
    as long as the window lives), only to find a few hundred objects of garbage,
    which are then kept instead (tens of kilobytes)."""
    global _paused
    if _paused:
        _paused = False
        if freeze:
            gc.freeze()
        gc.enable()
