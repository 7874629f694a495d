"""domain.tuples.NamedTuple builds the same record classes as typing.NamedTuple."""

from __future__ import annotations

import pickle
import typing

import pytest

from netrhythm.domain.tuples import NamedTuple


class Point(NamedTuple):
    """A point on a plane."""

    x: int
    y: int
    label: str = ""
    tags: tuple[str, ...] = ()

    @property
    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)

    def moved(self, dx: int) -> Point:
        return self._replace(x=self.x + dx)


class TypedPoint(typing.NamedTuple):
    """A point on a plane."""

    x: int
    y: int
    label: str = ""
    tags: tuple[str, ...] = ()


def test_same_fields_defaults_and_behaviour_as_typing() -> None:
    p, t = Point(1, -2), TypedPoint(1, -2)
    assert Point._fields == TypedPoint._fields
    assert Point._field_defaults == TypedPoint._field_defaults
    assert p == t == (1, -2, "", ())
    assert repr(p) == repr(t).replace("TypedPoint", "Point")
    assert p._asdict() == t._asdict()
    assert Point.__doc__ == TypedPoint.__doc__ == "A point on a plane."
    assert Point.__match_args__ == TypedPoint.__match_args__
    assert Point.__module__ == __name__ and Point.__qualname__ == "Point"
    assert isinstance(p, tuple) and Point.__bases__ == (tuple,)
    assert hash(p) == hash(t)


def test_methods_properties_and_replace() -> None:
    p = Point(3, 4, "a")
    assert p.norm1 == 7
    assert p.moved(2) == Point(5, 4, "a")
    assert Point._make([1, 2, "b", ("t",)]).tags == ("t",)
    assert pickle.loads(pickle.dumps(p)) == p


def test_annotations_are_kept_as_written() -> None:
    assert Point.__annotations__ == {"x": "int", "y": "int", "label": "str",
                                     "tags": "tuple[str, ...]"}


def test_a_field_without_default_after_one_with_is_refused_as_by_typing() -> None:
    with pytest.raises(TypeError, match="Non-default namedtuple field"):
        class Bad(NamedTuple):
            a: int = 0
            b: int


def test_namedtuple_attributes_cannot_be_overwritten() -> None:
    with pytest.raises(AttributeError, match="Cannot overwrite NamedTuple attribute"):
        class Bad(NamedTuple):
            a: int

            def _replace(self) -> None:  # type: ignore[override]
                pass
