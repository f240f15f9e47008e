"""The hashed lock files cover what pyproject.toml asks for (issue 22, item 1).

`make` installs from requirements/*.txt only (then the project with --no-deps), so
a dependency added to pyproject.toml without `make lock` would be missing on a
fresh clone; this says so first.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
LOCKS = {
    "runtime.txt": [],
    "test.txt": ["test"],
    "bundle.txt": ["package"],
}
PIN = re.compile(r"^([A-Za-z0-9._-]+)==(\S+) \\$", re.M)


def pins(name: str) -> dict[str, str]:
    text = (ROOT / "requirements" / name).read_text(encoding="utf-8")
    return {canonicalize_name(m[1]): m[2] for m in PIN.finditer(text)}


def wanted(extras: list[str]) -> list[Requirement]:
    reqs = [Requirement(r) for r in PROJECT["dependencies"]]
    for extra in extras:
        reqs += [Requirement(r) for r in PROJECT["optional-dependencies"][extra]]
    # The lock is for CPython 3.11 on Linux: markers are judged there.
    env = {"python_version": "3.11", "sys_platform": "linux", "platform_system": "Linux"}
    return [r for r in reqs if r.marker is None or r.marker.evaluate(env)]


@pytest.mark.parametrize(("lock", "extras"), LOCKS.items())
def test_every_dependency_is_locked_within_its_bounds(lock: str, extras: list[str]) -> None:
    locked = pins(lock)
    for req in wanted(extras):
        name = canonicalize_name(req.name)
        assert name in locked, f"{req.name} is not in requirements/{lock}: run `make lock`"
        assert req.specifier.contains(locked[name], prereleases=True), (
            f"requirements/{lock} pins {req.name}=={locked[name]}, outside {req.specifier}: "
            "run `make lock`"
        )


def test_every_pin_has_hashes_and_the_locks_agree() -> None:
    seen: dict[str, str] = {}
    for lock in LOCKS:
        text = (ROOT / "requirements" / lock).read_text(encoding="utf-8")
        blocks = re.split(r"\n(?=\S)", text.split("\n", 2)[2])
        for block in blocks:
            if "==" in block:
                assert "--hash=sha256:" in block, block.splitlines()[0]
        for name, version in pins(lock).items():
            assert seen.setdefault(name, version) == version, (name, lock)


def test_every_install_of_the_house_uses_the_lock() -> None:
    """make (tests, CI), make bundle and the offline wheelhouse take the locked
    versions, hashes checked; the project itself comes on top with --no-deps."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    install = makefile.split("$(STAMP):", 1)[1].split("\n\n", 1)[0]
    assert "pip install --quiet --require-hashes -r requirements/test.txt" in install
    assert "pip install --quiet --no-deps -e ." in install
    assert "-e '.[" not in makefile  # no unlocked install of the extras
    bundle = makefile.split("\nbundle:", 1)[1].split("\n\n", 1)[0]
    assert "--require-hashes -r requirements/bundle.txt" in bundle
    assert "packaging/smoke.sh" in bundle
    wheelhouse = (ROOT / "packaging" / "wheelhouse.sh").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements/runtime.txt" in wheelhouse
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
