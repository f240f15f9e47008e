"""Test modules are imported by their file name (pytest's default import mode, which
lets tests/security import its helpers): two of one name in different folders stop the
whole run at collection, as tests/ui/test_keys.py beside tests/security/test_keys.py
did. Caught here with the two names, rather than as an import mismatch."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path


def test_no_two_test_modules_share_a_file_name() -> None:
    tests = Path(__file__).parent
    where: dict[str, list[str]] = defaultdict(list)
    for module in tests.rglob("test_*.py"):
        where[module.name].append(str(module.relative_to(tests)))
    clashes = {name: paths for name, paths in where.items() if len(paths) > 1}
    assert clashes == {}
