"""Dossier: offline country dossiers and printable briefs."""

from __future__ import annotations

import functools


@functools.cache
def app_version() -> str:
    """The installed version (pyproject is the one source of truth).

    Read on first use: importlib.metadata costs ~40 ms, which start-up need not pay.
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dossier")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0+src"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return app_version()
    raise AttributeError(name)
