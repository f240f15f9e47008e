"""The `__init__` written ahead of time (dossier.written_init) is the one `@dataclass`
writes: the same parameters, defaults and result, frozen or not."""

from __future__ import annotations

import dataclasses
import inspect
import subprocess
import sys

import pytest

import dossier.cli
import dossier.store  # noqa: F401
from dossier import record_inits, written_init

NAMES = sorted(cls.__name__ for cls in written_init.CLASSES)
START_UP = {"Choice", "FieldSpec", "EntitySpec", "Migration", "Operation", "SearchHit"}
START_UP |= {"Changes"}  # with default factories


def test_every_record_class_takes_its_written_init() -> None:
    """Fails when a field changed: run `make inits` (`python -m dossier.write_inits >
    dossier/record_inits.py`, then `ruff format` it)."""
    assert written_init.written_by_dataclass == []
    assert set(NAMES) >= START_UP
    for cls in written_init.CLASSES:
        assert cls.__init__ is getattr(record_inits, cls.__name__)
        assert cls.__init__.__qualname__ == f"{cls.__name__}.__init__"
        if written_init.FROZEN[cls]:  # not compiled by @dataclass (its file: "<string>")
            for method in (cls.__setattr__, cls.__delattr__):
                assert method.__code__.co_filename == written_init.__file__


def _twin(cls: type) -> type:
    """The same class made by @dataclass alone."""
    namespace = {"__annotations__": cls.__annotations__}
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            namespace[f.name] = f.default
        elif f.default_factory is not dataclasses.MISSING:
            namespace[f.name] = dataclasses.field(default_factory=f.default_factory)
    frozen = written_init.FROZEN[cls]
    return dataclasses.dataclass(repr=False, eq=False, frozen=frozen)(
        type(cls.__name__, (), namespace)
    )


@pytest.mark.parametrize("name", NAMES)
def test_the_written_init_is_the_dataclass_one(name: str) -> None:
    cls = next(c for c in written_init.CLASSES if c.__name__ == name)
    twin = _twin(cls)
    mine, theirs = inspect.signature(cls.__init__), inspect.signature(twin.__init__)
    assert [(p.name, p.default, p.kind) for p in mine.parameters.values()] == [
        (p.name, p.default, p.kind) for p in theirs.parameters.values()
    ]
    values = {f.name: f"v{i}" for i, f in enumerate(dataclasses.fields(cls))}
    assert vars(cls(**values)) == vars(twin(**values))
    positional = list(values.values())
    assert vars(cls(*positional)) == vars(twin(*positional))
    with pytest.raises(TypeError):
        cls(*positional, no_such_field=1)
    required = [p for p in theirs.parameters.values() if p.default is inspect.Parameter.empty]
    least = {p.name: f"x{i}" for i, p in enumerate(required[1:])}
    assert vars(cls(**least)) == vars(twin(**least))
    made = [
        name
        for name, p in theirs.parameters.items()
        if p.default is dataclasses._HAS_DEFAULT_FACTORY
    ]
    for name in made:  # each instance its own
        assert getattr(cls(**least), name) is not getattr(cls(**least), name)
    if twin.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        pair = (cls(*positional), twin(*positional))
        for change, args in ((setattr, ("id", 1)), (delattr, ("id",))):
            errors = []
            for made in pair:
                with pytest.raises(dataclasses.FrozenInstanceError) as caught:
                    change(made, *args)
                errors.append(str(caught.value))
            assert errors[0] == errors[1]


def test_a_changed_class_compiles_its_init_as_dataclass_would() -> None:
    before = list(written_init.written_by_dataclass)
    try:

        @written_init.record_class(frozen=True)
        class Choice:  # the name of a record class, other fields
            """A changed class."""

            value: str
            extra: str | None = "x"

        assert Choice.__init__ is not record_inits.Choice
        assert vars(Choice("a")) == {"value": "a", "extra": "x"}
        with pytest.raises(dataclasses.FrozenInstanceError):
            Choice("a").value = "b"  # type: ignore[misc]
        assert written_init.written_by_dataclass == [*before, "Choice"]
    finally:
        written_init.written_by_dataclass[:] = before
        del written_init.CLASSES[-1]


def test_a_changed_class_with_a_factory_compiles_its_init_too() -> None:
    before = list(written_init.written_by_dataclass)
    try:

        @written_init.record_class()
        class Changes:
            """A changed class."""

            label: str = ""
            added: dict[str, int] = dataclasses.field(default_factory=dict)

        assert Changes.__init__ is not record_inits.Changes
        one, two = Changes(), Changes(label="x")
        assert vars(one) == {"label": "", "added": {}}
        assert one.added is not two.added
    finally:
        written_init.written_by_dataclass[:] = before
        del written_init.CLASSES[-1]


def test_a_record_class_needs_a_docstring() -> None:
    with pytest.raises(TypeError, match="docstring"):

        @written_init.record_class()
        class Bare:
            value: str | None = None


def test_the_written_module_is_what_the_generator_writes() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "dossier.write_inits"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    generated: dict[str, object] = {}
    exec(compile(out, "generated", "exec"), generated)
    for name in NAMES:
        fresh = generated[name].__code__  # type: ignore[attr-defined]
        written = getattr(record_inits, name).__code__
        assert (fresh.co_code, fresh.co_varnames) == (written.co_code, written.co_varnames)
