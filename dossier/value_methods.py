"""The `__repr__`, `__eq__` and `__hash__` that `@dataclass` writes, written once.

`@dataclass` writes these methods for each class as source text and compiles them at
every start of the program; for the eighteen dataclasses made before the app's first
paint that was ~30 M instructions (benchmarks/README.md, "Third round"). A class
that says `@dataclass(repr=False, eq=False)` and derives from `Compared` (or
`frozen=True` and `Hashed`) gets the same results from the methods here: the class
name and every shown field; equal only to an instance of the very same class whose
compared fields are equal as a tuple (so a value is equal to itself, as tuples
compare); unhashable, or for `Hashed` the hash of that tuple, as a frozen dataclass.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any

_Values = Callable[[Any], tuple[Any, ...]]
_Methods = tuple[tuple[str, ...], _Values, _Values]
_CACHE: dict[object, _Methods] = {}


def _tuple_of(names: list[str]) -> _Values:
    if len(names) > 1:
        return attrgetter(*names)
    # attrgetter of one name gives the value, not a tuple (and of none, an error)
    return lambda record: tuple(getattr(record, name) for name in names)


def _methods(cls: type) -> _Methods:
    """The names shown by repr, and getters of the compared and the hashed values."""
    found = _CACHE.get(cls)
    if found is None:
        every = fields(cls)
        shown = tuple(f.name for f in every if f.repr)
        compared = _tuple_of([f.name for f in every if f.compare])
        hashed = _tuple_of([f.name for f in every if (f.compare if f.hash is None else f.hash)])
        found = _CACHE[cls] = (shown, compared, hashed)
    return found


class _Shared:
    """repr and == (a class that defines __eq__ alone is unhashable)."""

    __slots__ = ()

    @recursive_repr()
    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in _methods(type(self))[0])
        return f"{type(self).__qualname__}({inner})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = _methods(type(self))[1]
        return bool(values(self) == values(other))


class Compared(_Shared):
    """Base of a `@dataclass(repr=False, eq=False)`: its repr and ==, unhashable."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]  # as @dataclass(eq=True) makes it


class Hashed(_Shared):
    """Base of a `@dataclass(frozen=True, repr=False, eq=False)`: repr, == and hash."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(_methods(type(self))[2](self))
