"""IPython glue: ``%load_ext nbstate`` and the ``%%app`` cell magic.

Example (in a notebook):
    %load_ext nbstate

    %%app counter
    import nbstate as st
    st.button("+1", key="inc")
"""

from __future__ import annotations

import re
from typing import Any

_MAGIC = re.compile(r"^\s*%%app(?:[ \t]+(?P<args>[^\n]*))?\n?")


def split_app_cell(source: str) -> tuple[str | None, str] | None:
    """``(name, body)`` of a ``%%app`` cell, or ``None`` for any other cell.

    Example:
        >>> split_app_cell("%%app demo\\nx = 1\\n")
        ('demo', 'x = 1\\n')
    """
    m = _MAGIC.match(source)
    if m is None:
        return None
    name = (m.group("args") or "").strip() or None
    return name, source[m.end():]


def load_ipython_extension(ipython: Any) -> None:
    """Register ``%%app`` and the hook that closes the apps of deleted cells; loading twice
    is harmless."""
    from .frontends.ipy import app_magic, close_deleted_cells

    ipython.register_magic_function(app_magic, magic_kind="cell", magic_name="app")
    callbacks = ipython.events.callbacks.get("pre_run_cell", [])
    if close_deleted_cells not in callbacks:
        ipython.events.register("pre_run_cell", close_deleted_cells)
