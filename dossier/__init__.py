"""Dossier: offline country dossiers and printable briefs."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dossier")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+src"
