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
    parsed = parse_app_cell(source)
    return None if parsed is None else (parsed[0], parsed[2])


def parse_app_cell(source: str) -> tuple[str | None, str | None, str] | None:
    """``(name, file, body)`` of a ``%%app [NAME] [--file PATH]`` cell, or ``None``.

    Example:
        >>> parse_app_cell("%%app --file app.py\\n")
        (None, 'app.py', '')
    """
    m = _MAGIC.match(source)
    if m is None:
        return None
    name, file = parse_app_args(m.group("args") or "")
    return name, file, source[m.end():]


def parse_app_args(line: str) -> tuple[str | None, str | None]:
    """The ``NAME`` and ``--file PATH`` of a ``%%app`` line (either may be missing).

    Example:
        >>> parse_app_args("dash --file 'my app.py'")
        ('dash', 'my app.py')
    """
    import shlex

    try:
        words = shlex.split(line)
    except ValueError:  # an unbalanced quote: the line as one name, as before
        words = [line.strip()] if line.strip() else []
    file = None
    rest = []
    i = 0
    while i < len(words):
        w = words[i]
        if w == "--file" or w.startswith("--file="):
            if "=" in w:
                file = w.split("=", 1)[1]
            elif i + 1 < len(words):
                i += 1
                file = words[i]
            if not file:
                raise ValueError("%%app --file needs a path: `%%app --file app.py`")
        else:
            rest.append(w)
        i += 1
    return (" ".join(rest) or None), file


def one_line_app_cell(lines: list[str]) -> list[str]:
    """An IPython input transformer: a ``%%app ...`` cell with nothing under its first line
    (``%%app --file app.py``) becomes the line magic ``%app ...``.

    Example:
        >>> one_line_app_cell(["%%app --file app.py\\n", "\\n"])
        ['%app --file app.py\\n']
    """
    if lines and lines[0].lstrip().startswith("%%app") and not any(
            ln.strip() for ln in lines[1:]):
        first = lines[0].lstrip()
        if first[5:6] in ("", " ", "\t", "\n"):
            return ["%" + first[2:].rstrip("\n") + "\n"]
    return lines


def load_ipython_extension(ipython: Any) -> None:
    """Register ``%%app`` and the hook that closes the apps of deleted cells; loading twice
    is harmless."""
    from .frontends.ipy import app_line_magic, app_magic, close_deleted_cells

    ipython.register_magic_function(app_magic, magic_kind="cell", magic_name="app")
    # `%app --file app.py`, and what a one-line `%%app --file app.py` cell becomes (IPython
    # refuses a cell magic whose body is empty)
    ipython.register_magic_function(app_line_magic, magic_kind="line", magic_name="app")
    cleanup = ipython.input_transformers_cleanup
    if one_line_app_cell not in cleanup:
        cleanup.append(one_line_app_cell)
    callbacks = ipython.events.callbacks.get("pre_run_cell", [])
    if close_deleted_cells not in callbacks:
        ipython.events.register("pre_run_cell", close_deleted_cells)
