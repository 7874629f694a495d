"""``NamedTuple`` without importing :mod:`typing`: the record types of the fast command line.

Importing ``typing`` costs a quick command about 4 ms, and every ``typing.NamedTuple`` class
another 0.3 ms or so (it turns each annotation into a ``ForwardRef``, compiling its text):
together over 10 ms of the ~40 ms that ``log``, ``status`` and ``nudge`` may spend beyond
importing Peewee. The classes built here are the same ``collections.namedtuple`` classes, with
the class body's defaults, methods and docstring, and the annotations kept as written (text,
``from __future__ import annotations``). Type checkers see ``typing.NamedTuple`` itself.

Modules on that path that need ``typing`` only for annotations import it under
``TYPE_CHECKING = False`` / ``if TYPE_CHECKING:``, which type checkers take as true.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    from collections import namedtuple

    # What namedtuple itself defines, which a class body must not overwrite (as in typing).
    _PROHIBITED = frozenset({
        "__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults",
        "_make", "_replace", "_asdict", "_source",
    })
    _SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})

    class _NamedTupleMeta(type):
        def __new__(mcs, typename, bases, namespace):  # noqa: N804
            if not bases:  # NamedTuple itself
                return super().__new__(mcs, typename, bases, namespace)
            if bases != (NamedTuple,):
                raise TypeError("can only inherit from a NamedTuple type")
            annotations = namespace.get("__annotations__", {})
            defaults = []
            for name in annotations:
                if name in namespace:
                    defaults.append(namespace[name])
                elif defaults:
                    raise TypeError(f"Non-default namedtuple field {name} cannot follow "
                                    f"default field{'s' if len(defaults) > 1 else ''}")
            cls = namedtuple(typename, list(annotations), defaults=defaults,
                             module=namespace["__module__"])
            cls.__annotations__ = cls.__new__.__annotations__ = dict(annotations)
            for key, value in namespace.items():
                if key in _PROHIBITED:
                    raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
                if key not in _SPECIAL and key not in cls._fields:
                    setattr(cls, key, value)
            return cls

    class NamedTuple(metaclass=_NamedTupleMeta):
        """Base of a record class: ``class Point(NamedTuple): x: int; y: int = 0``."""
