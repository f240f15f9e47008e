"""Shared constants and helpers of the safety tests."""

from __future__ import annotations

from pathlib import Path

PASSPHRASE = "correct horse battery staple"


def snapshot(path: Path) -> dict[str, bytes]:
    """The bytes of a store file and any journal beside it, to prove nothing was written."""
    return {p.name: p.read_bytes() for p in sorted(path.parent.glob(path.name + "*"))}
