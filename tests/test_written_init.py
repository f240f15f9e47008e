"""The entities' `__init__` written ahead of time (dossier.written_init) is the one
`@dataclass` writes: the same parameters, defaults and result."""

from __future__ import annotations

import dataclasses
import inspect
import subprocess
import sys

import pytest

from dossier import entity_inits, written_init
from dossier.model import ENTITIES


def test_every_entity_takes_its_written_init() -> None:
    """Fails when a field changed: run `python -m dossier.written_init >
    dossier/entity_inits.py` (then `ruff format` it)."""
    assert written_init.written_by_dataclass == []
    for spec in ENTITIES.values():
        cls = spec.record
        assert cls.__init__ is getattr(entity_inits, cls.__name__)
        assert cls.__init__.__qualname__ == f"{cls.__name__}.__init__"


@pytest.mark.parametrize("name", sorted(ENTITIES))
def test_the_written_init_is_the_dataclass_one(name: str) -> None:
    cls = ENTITIES[name].record
    twin = dataclasses.dataclass(repr=False, eq=False)(
        type(cls.__name__, (), {"__annotations__": cls.__annotations__, **_defaults(cls)})
    )
    mine, theirs = inspect.signature(cls.__init__), inspect.signature(twin.__init__)
    assert [(p.name, p.default, p.kind) for p in mine.parameters.values()] == [
        (p.name, p.default, p.kind) for p in theirs.parameters.values()
    ]
    values = {f.name: f"v{i}" for i, f in enumerate(dataclasses.fields(cls))}
    assert vars(cls(**values)) == vars(twin(**values))
    assert vars(cls()) == vars(twin())
    positional = list(values.values())[:3]
    assert vars(cls(*positional)) == vars(twin(*positional))
    with pytest.raises(TypeError):
        cls(no_such_field=1)


def _defaults(cls: type) -> dict[str, object]:
    return {f.name: f.default for f in dataclasses.fields(cls)}  # type: ignore[arg-type]


def test_a_changed_class_falls_back_to_the_dataclass_init() -> None:
    before = list(written_init.written_by_dataclass)

    @written_init.record_class
    class Dossier:  # the name of an entity, other fields
        id: int | None = None
        extra: str | None = "x"

    assert Dossier.__init__ is not entity_inits.Dossier
    assert vars(Dossier(id=3)) == {"id": 3, "extra": "x"}
    assert written_init.written_by_dataclass == [*before, "Dossier"]
    written_init.written_by_dataclass[:] = before


def test_the_generated_module_is_what_the_generator_writes(tmp_path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "dossier.written_init"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    generated = {}
    exec(compile(out, "generated", "exec"), generated)
    for spec in ENTITIES.values():
        code = getattr(entity_inits, spec.record.__name__).__code__
        fresh = generated[spec.record.__name__]
        assert fresh.__code__.co_code == code.co_code
        assert fresh.__defaults__ == getattr(entity_inits, spec.record.__name__).__defaults__
