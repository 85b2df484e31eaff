"""Widget ids: computed from a widget's kind, key, label and the parameters that shape it.

Not from its value, callbacks, ``disabled`` or ``help``: those may change between runs
without making a new widget (SPEC §4).

Example:
    >>> a = widget_id("slider", None, ("Age", 0, 100, 1, None), None)
    >>> a == widget_id("slider", None, ("Age", 0, 100, 1, None), None)
    True
    >>> a == widget_id("slider", None, ("Age (years)", 0, 100, 1, None), None)
    False
"""

from __future__ import annotations

import hashlib
from typing import Any

# ids are pure functions of their inputs; most apps ask for the same few thousand each rerun.
# The cache compares probes with ==, where 1 == 1.0 == True: a widget whose numeric parameters
# may be of either type puts its value type in ``ident`` (slider, number_input), or an int
# widget and a float one would share whichever id was computed first.
_cache: dict[tuple, str] = {}
_CACHE_MAX = 100_000


def widget_id(kind: str, key: str | None, ident: tuple, form: object) -> str:
    """The stable id of a widget. ``ident`` is a tuple of the identity parameters, ``form``
    the scope the id is unique in (the run gives its app's name and the form)."""
    probe = (kind, key, ident, form)
    try:
        return _cache[probe]
    except KeyError:
        pass
    except TypeError:  # an unhashable identity parameter: hash its repr instead
        return _make(kind, key, ident, form)
    wid = _make(kind, key, ident, form)
    if len(_cache) >= _CACHE_MAX:
        _cache.clear()
    _cache[probe] = wid
    return wid


def _make(kind: str, key: str | None, ident: tuple, form: object) -> str:
    digest = hashlib.blake2b(repr((kind, key, ident, form)).encode("utf-8", "backslashreplace"),
                             digest_size=8).hexdigest()
    return f"$$ID-{kind}-{digest}-{key or ''}"


def options_ident(options: Any) -> tuple:
    """An identity tuple for a list of options (which may hold unhashable objects)."""
    try:
        t = tuple(options)
        hash(t)
        return t
    except TypeError:
        return tuple(repr(o) for o in options)


def hashable(v: Any) -> Any:
    """``v`` as a hashable identity part: lists (a multiselect's default, captions) become
    tuples; dicts and sets their sorted items."""
    t = type(v)
    if t is list or t is tuple:
        return tuple(hashable(x) for x in v)
    if t is dict:
        return tuple(sorted((repr(k), hashable(x)) for k, x in v.items()))
    if t is set or t is frozenset:
        return tuple(sorted(repr(x) for x in v))
    return v
