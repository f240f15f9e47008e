"""Fixtures for the safety tests: encrypted stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from security_helpers import PASSPHRASE

from dossier.store import connection, open_store
from dossier.store.sample import load_sample


@pytest.fixture
def encrypted_file(tmp_path: Path) -> Path:
    """An encrypted store file holding the sample dossier (passphrase PASSPHRASE)."""
    path = tmp_path / "secret.db"
    store = open_store(path, passphrase=PASSPHRASE)
    load_sample(store)
    store.close()
    return path


@pytest.fixture(autouse=True)
def _fast_key_derivation(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fewer PBKDF2 rounds so that the many opens here stay fast.

    Tests marked `real_kdf` (and every subprocess) use SQLCipher's default.
    """
    if "real_kdf" not in request.fixturenames:
        monkeypatch.setattr(connection, "KDF_ITER", 2000)


@pytest.fixture
def real_kdf() -> None:
    """Request this fixture to keep SQLCipher's real key derivation cost."""
