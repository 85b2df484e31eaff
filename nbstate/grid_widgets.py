"""``st.dataframe`` (with its selection widget) over :mod:`nbstate.tabular` (core).

Without ``on_select`` a dataframe is a display element; with it, a widget of kind
``dataframe`` whose value is Streamlit's dataframe state, ``{"selection": {"rows": [...],
"columns": [...], "cells": [(row, column), ...]}}`` with attribute access, kept in session
state under its key. A selection the frontend sends is checked against the selection modes
and the data (a row that does not exist is refused, as for any widget); one written through
session state is filtered as Streamlit filters it.

Example (inside an app):
    >>> event = st.dataframe(df, on_select="rerun", key="pick")         # doctest: +SKIP
    >>> df.iloc[event.selection.rows]                                   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .elements import Element
from .errors import IncompatibleParametersError, InvalidArgumentError, RefusedValue
from .kinds import KINDS, Kind
from .params import check_width
from .run import require
from .state import normalize_key
from .tabular import GridSource, identity


class _AttrDict(dict):
    """A dict whose keys read as attributes too (Streamlit's ``ReadOnlyAttributeDictionary``)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(
                f"{type(self).__name__} has no attribute {name!r}; it has "
                f"{', '.join(map(repr, self))}.") from None


class DataframeSelectionState(_AttrDict):
    """The selection of a dataframe: ``rows`` (positions in the data, whatever the sort),
    ``columns`` (names) and ``cells`` (``(row position, column name)`` tuples)."""


class DataframeState(_AttrDict):
    """What ``st.dataframe(..., on_select=...)`` returns: ``{"selection": ...}``."""


SELECTION_MODES = ("single-row", "single-row-required", "multi-row", "single-column",
                   "multi-column", "single-cell", "multi-cell")
ROW_MODES = frozenset({"single-row", "single-row-required", "multi-row"})


def selection_modes(selection_mode: Any) -> tuple[str, ...]:
    """Check Streamlit's selection modes; return them sorted.

    Example:
        >>> selection_modes(["multi-column", "single-row"])
        ('multi-column', 'single-row')
    """
    modes = {selection_mode} if isinstance(selection_mode, str) else set(selection_mode)
    bad = modes - set(SELECTION_MODES)
    if bad:
        raise InvalidArgumentError(
            f"`st.dataframe`: unknown selection_mode {sorted(bad)!r}; use "
            f"{', '.join(repr(m) for m in SELECTION_MODES)}.")
    if len(modes & ROW_MODES) > 1:
        raise IncompatibleParametersError(
            f"`st.dataframe`: selection_mode {sorted(modes & ROW_MODES)!r}: only one row "
            "selection mode can be specified.")
    for a, b in (("single-column", "multi-column"), ("single-cell", "multi-cell")):
        if {a, b} <= modes:
            raise IncompatibleParametersError(
                f"`st.dataframe`: selection_mode {a!r} and {b!r} cannot be used together.")
    return tuple(sorted(modes))


def _state(rows: list, columns: list, cells: list) -> DataframeState:
    return DataframeState(selection=DataframeSelectionState(
        rows=rows, columns=columns, cells=[tuple(c) for c in cells]))


def empty_state(spec: dict) -> DataframeState:
    rows = [0] if "single-row-required" in spec["modes"] and spec["nrows"] > 0 else []
    return _state(rows, [], [])


def filter_state(spec: dict, value: Any) -> DataframeState:
    """A selection written by the app (session state, ``selection_default``), filtered as
    Streamlit filters it: unknown rows and columns dropped, single modes keep the first."""
    if not isinstance(value, dict) or not isinstance(value.get("selection"), dict):
        raise InvalidArgumentError(
            f"`st.dataframe` (key {spec.get('key')!r}): a selection state must be a dict with "
            "a 'selection' key holding 'rows', 'columns' and 'cells' lists, e.g. "
            '{"selection": {"rows": [0]}}; got ' f"{value!r:.80}.")
    sel, modes, n = value["selection"], set(spec["modes"]), spec["nrows"]
    names = set(spec["columns"])
    rows: list = []
    raw = sel.get("rows")
    if isinstance(raw, list) and modes & ROW_MODES:
        rows = list(dict.fromkeys(r for r in raw if type(r) is int and 0 <= r < n))
        rows = rows if "multi-row" in modes else rows[:1]
    if "single-row-required" in modes and n > 0 and not rows:
        rows = [0]
    columns: list = []
    raw = sel.get("columns")
    if isinstance(raw, list) and modes & {"single-column", "multi-column"}:
        columns = list(dict.fromkeys(c for c in raw if isinstance(c, str) and c in names))
        columns = columns if "multi-column" in modes else columns[:1]
    cells: list = []
    raw = sel.get("cells")
    if isinstance(raw, list) and "single-cell" in modes:
        ok = [tuple(c) for c in raw if isinstance(c, (list, tuple)) and len(c) == 2
              and type(c[0]) is int and 0 <= c[0] < n and c[1] in names]
        cells = list(dict.fromkeys(ok))[:1]
    return _state(rows, columns, cells)


def check_selection(spec: dict, v: Any) -> DataframeState:
    """A selection from the frontend: refused unless the real grid could have sent it."""
    if isinstance(v, dict) and "selection" in v:
        v = v["selection"]
    if not isinstance(v, dict):
        raise RefusedValue(f"expected a selection dict, got {type(v).__name__}")
    modes, n, names = set(spec["modes"]), spec["nrows"], set(spec["columns"])

    def items(name: str) -> list:
        x = v.get(name, [])
        if not isinstance(x, (list, tuple)):
            raise RefusedValue(f"{name} must be a list, got {type(x).__name__}")
        return list(x)

    rows, columns, cells = items("rows"), items("columns"), items("cells")
    for r in rows:
        if type(r) is not int or not 0 <= r < n:
            raise RefusedValue(f"row {r!r} is not a row of the data (0 to {n - 1})")
    if len(set(rows)) != len(rows):
        raise RefusedValue("a row is selected twice")
    if rows and not modes & ROW_MODES:
        raise RefusedValue("rows cannot be selected (selection_mode)")
    if len(rows) > 1 and "multi-row" not in modes:
        raise RefusedValue(f"{len(rows)} rows selected, the mode allows one")
    if "single-row-required" in modes and n > 0 and not rows:
        raise RefusedValue("a row must stay selected (single-row-required)")
    for c in columns:
        if not isinstance(c, str) or c not in names:
            raise RefusedValue(f"{c!r} is not a column of the data")
    if columns and not modes & {"single-column", "multi-column"}:
        raise RefusedValue("columns cannot be selected (selection_mode)")
    if len(columns) > 1 and "multi-column" not in modes:
        raise RefusedValue(f"{len(columns)} columns selected, the mode allows one")
    out_cells = []
    for c in cells:
        if (not isinstance(c, (list, tuple)) or len(c) != 2 or type(c[0]) is not int
                or not 0 <= c[0] < n or c[1] not in names):
            raise RefusedValue(f"{c!r} is not a cell of the data (row position, column name)")
        out_cells.append(tuple(c))
    if out_cells and not modes & {"single-cell", "multi-cell"}:
        raise RefusedValue("cells cannot be selected (selection_mode)")
    if len(out_cells) > 1 and "multi-cell" not in modes:
        raise RefusedValue(f"{len(out_cells)} cells selected, the mode allows one")
    return _state(rows, columns, out_cells)


def state_selection(spec, v, default, label, key):
    return filter_state(dict(spec, key=key), v)


KINDS.setdefault("dataframe", Kind("dataframe", check_selection, state_selection,
                                   callback="on_select", value_type="selection"))


def _width(width: Any, use_container_width: bool | None) -> Any:
    if use_container_width is not None:
        if use_container_width:
            width = "stretch"
        elif not isinstance(width, int):
            width = "content"
    return check_width("dataframe", width)


def _height(height: Any) -> Any:
    if height in ("auto", "stretch", "content") or (type(height) is int and height > 0):
        return height
    raise InvalidArgumentError(
        f"`st.dataframe`: height must be 'auto', 'content', 'stretch' or a positive number of "
        f"pixels, got {height!r}.")


def dataframe(data: Any = None, width: Any = "stretch", height: Any = "auto", *,
              use_container_width: bool | None = None, hide_index: bool | None = None,
              column_order: Iterable[str] | None = None, column_config: Any = None,
              key: Any = None, on_select: Any = "ignore", selection_mode: Any = "multi-row",
              selection_default: Any = None, row_height: int | None = None,
              placeholder: str | None = None, lazy: bool | None = None,
              alt: str | None = None) -> Any:
    """See :func:`nbstate.data.dataframe`."""
    ctx = require("dataframe")
    from .grid_buttons import register, split_buttons

    column_config, buttons = split_buttons(column_config)
    if on_select not in ("ignore", "rerun") and not callable(on_select):
        raise InvalidArgumentError(
            f"`st.dataframe`: on_select must be 'ignore', 'rerun' or a function, got "
            f"{on_select!r}.")
    active = on_select != "ignore"
    if selection_default is not None and not active:
        raise IncompatibleParametersError(
            "`st.dataframe`: selection_default needs on_select='rerun' or a callback "
            "(with on_select='ignore' nothing can be selected).")
    if row_height is not None and (type(row_height) is not int or row_height <= 0):
        raise InvalidArgumentError(
            f"`st.dataframe`: row_height must be a positive number of pixels, got "
            f"{row_height!r}.")
    width = _width(width, use_container_width)
    height = _height(height)
    source = GridSource(data)
    order = None if column_order is None else tuple(
        [column_order] if isinstance(column_order, str) else column_order)
    modes = selection_modes(selection_mode) if active else ()
    if active and hide_index is None and modes and set(modes) & ROW_MODES:
        import pandas as pd

        if type(source.frame.index) is pd.RangeIndex:
            hide_index = True  # as Streamlit: row markers replace a plain 0..n-1 index
    if isinstance(alt, str) and not alt.strip():
        alt = None
    props: dict[str, Any] = {
        "source": source, "width": width, "height": height, "hide_index": hide_index,
        "column_order": order, "column_config": _config(column_config),
        "row_height": row_height, "placeholder": placeholder, "alt": alt,
        "on_select": "rerun" if active else "ignore", "selection_mode": modes,
    }
    if lazy is False:
        ctx.emit(Element("warning", props={"body": (
            "`st.dataframe(lazy=False)`: the notebook's grid always loads the rows it shows "
            "from the kernel as you scroll (Streamlit's lazy=True); lazy=False changes nothing "
            "here.")}))
    if buttons:
        # keyed button columns: their trigger widgets, after the grid (column -> widget id)
        props["buttons"] = {}
    if not active:
        if key is not None:
            ctx.check_key(normalize_key(key))
        from .layout import handle

        # as Streamlit: a dataframe without selections returns its element's handle
        if not buttons:
            return handle(ctx, Element("dataframe", None, key, props))
        ctx.hold_flush += 1  # (a live frontend sees the grid with its buttons' ids)
        try:
            out = handle(ctx, Element("dataframe", None, key, props))
            props["buttons"].update(register(ctx, buttons, source.nrows))
        finally:
            ctx.hold_flush -= 1
        ctx.flush()
        return out
    key = normalize_key(key) if key is not None else None
    cb = on_select if callable(on_select) else None
    names = [str(c) for c in source.frame.columns]
    props.update(nrows=source.nrows, columns=names, modes=modes, disabled=False,
                 label="dataframe", help=None)
    default = empty_state(props)
    if selection_default is not None:
        default = filter_state(props, selection_default)
    if key is not None:
        ident: tuple = (modes,)
    else:
        ident = (identity(source.fp), modes, order, width, height, row_height, placeholder, alt,
                 repr(column_config))
    if not buttons:
        return ctx.widget(KINDS["dataframe"], "dataframe", key, ident, props, default, False,
                          cb, None, None)
    ctx.hold_flush += 1
    try:
        out = ctx.widget(KINDS["dataframe"], "dataframe", key, ident, props, default, False,
                         cb, None, None)
        props["buttons"].update(register(ctx, buttons, source.nrows))
    finally:
        ctx.hold_flush -= 1
    ctx.flush()
    return out


def _config(column_config: Any) -> Any:
    if column_config is None:
        return None
    if not isinstance(column_config, dict):
        raise InvalidArgumentError(
            "`column_config` must be a dict of column name -> None, a label or a "
            f"st.column_config.* value, got {type(column_config).__name__}.")
    return dict(column_config)
