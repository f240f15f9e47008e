"""Fixtures for the importer tests."""

from __future__ import annotations

import pytest

from dossier.store import connection


@pytest.fixture(autouse=True)
def _fast_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap keys for the exchange files made here (the subject is the merge, not the
    key): a real Argon2id derivation takes 256 MiB and half a second, and these tests
    make dozens. tests/security checks the real parameters."""
    monkeypatch.setattr(connection, "KDF_ITER", 2000)
