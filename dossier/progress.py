"""Progress and cancelling for long operations, without Qt.

A long core function (an import, an export, a backup) takes an optional
`progress(done, total)` callable and calls it now and then; when it returns
False the user has cancelled, and the function raises `Cancelled` before it
changes anything more: its writes are in one transaction, which rolls back, and
its files are written beside their final name and only renamed at the end.
`total` 0 means "unknown so far". The GUI passes a callable that moves a
progress bar and reads its Cancel button; the CLI and tests pass their own.
"""

from __future__ import annotations

from collections.abc import Callable

# Returns False to stop; True or None to go on.
Progress = Callable[[int, int], "bool | None"]


class Cancelled(Exception):
    """The user cancelled; nothing was written."""


def report(progress: Progress | None, done: int, total: int) -> None:
    """Tell `progress` how far the work is; raise Cancelled if it says stop."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled


def scaled(progress: Progress | None, start: int, span: int, of: int = 100) -> Progress | None:
    """A progress for one stage of a longer job: its 0..total maps to start..start+span
    of `of` (so several stages make one bar that only moves forward)."""
    if progress is None:
        return None

    def stage(done: int, total: int) -> bool | None:
        part = span * done // total if total > 0 else 0
        return progress(start + min(part, span), of)

    return stage
