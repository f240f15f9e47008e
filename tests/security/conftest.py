"""Fixtures for the safety tests: encrypted stores.

The cheap key derivation (and `real_kdf` to keep the real one) is tests/conftest.py's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from security_helpers import PASSPHRASE


@pytest.fixture
def encrypted_file(tmp_path: Path, store_templates: Any) -> Path:
    """An encrypted store file holding the sample dossier (passphrase PASSPHRASE), at
    the test's key derivation cost (the real one with `real_kdf`)."""
    return store_templates.file(tmp_path / "secret.db", PASSPHRASE)
