"""Python's cycle collector paused while a bulk step runs (an import, its undo).

Reading a 70,000-row table, planning and storing 135,000 trade figures or undoing
them makes hundreds of thousands of objects, mostly acyclic (freed by reference
counting); every collection meanwhile walks them all again: 0.2-0.4 s of a TRADHIST
import and 0.25 s of its undo (benchmarks/README.md, item 6). The window already
pauses the collector around its bulk tasks (ui/tasks.py); this does the same for
the core's own bulk steps, so the commands (`dossier import`, `dossier undo`) get it
too. Nested or under a caller that turned the collector off, it does nothing. After,
what was made meanwhile goes straight to the oldest generation (freeze, unfreeze),
where it is walked again only once that generation has grown by a quarter.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The collector off inside (if it was on), back on after, the new objects aged."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        gc.enable()
