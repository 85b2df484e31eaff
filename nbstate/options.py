"""Options of choice widgets: finding a value among them, and Enum coercion.

Streamlit's default ``runner.enumCoercion = "nameOnly"``: when a notebook cell that defines
an Enum runs again, the class is a new object and the members a widget kept from the last run
belong to the old one. A kept member is taken as the new class's member of the same name, so
``st.selectbox("Colour", Colour)`` keeps its choice across a re-executed cell.

Example:
    >>> import enum
    >>> Old = enum.Enum("Colour", "RED GREEN")
    >>> New = enum.Enum("Colour", "RED GREEN")
    >>> coerce_enum(Old.GREEN, list(New)) is New.GREEN
    True
"""

from __future__ import annotations

import enum
from typing import Any

from .errors import RefusedValue


def option_index(options: Any, v: Any, *, strict: bool = True) -> int | None:
    """The position of the option that ``v`` is: the same object first, else an equal one
    (``strict``: of the same type too, so ``1`` is no ``True``, as a frontend value must be);
    None if there is none. Objects whose ``==`` raises match nothing."""
    for i, o in enumerate(options):
        if o is v:
            return i
    for i, o in enumerate(options):
        try:
            if (not strict or type(o) is type(v)) and bool(o == v):
                return i
        except Exception:  # objects that cannot be compared are no match
            continue
    return None


def find_option(options: Any, v: Any, *, strict: bool = True) -> Any:
    """The option that ``v`` is (see :func:`option_index`), else ``RefusedValue``."""
    i = option_index(options, v, strict=strict)
    if i is None:
        raise RefusedValue(f"{_short(v)} is not one of the options")
    return options[i]


def _short(v: Any) -> str:
    try:
        shown = repr(v)
    except Exception:  # a repr that fails still names the value's type
        return f"<a {type(v).__name__}>"
    return shown if len(shown) <= 80 else shown[:77] + "..."


def _enum_class(options: list) -> type[enum.Enum] | None:
    """The one Enum class all options belong to, or None."""
    if not options or not isinstance(options[0], enum.Enum):
        return None
    cls = type(options[0])
    return cls if all(type(o) is cls for o in options) else None


def coerce_enum(value: Any, options: list) -> Any:
    """``value`` (an option, a list or a pair of them) with members of an earlier definition
    of the options' Enum class taken as the members of the same name (``nameOnly``)."""
    cls = _enum_class(options)
    if cls is None:
        return value

    def one(v: Any) -> Any:
        t = type(v)
        if isinstance(v, enum.Enum) and t is not cls and t.__qualname__ == cls.__qualname__:
            return cls.__members__.get(v.name, v)
        return v

    if isinstance(value, list):
        return [one(v) for v in value]
    if isinstance(value, tuple):
        return tuple(one(v) for v in value)
    return one(value)
