"""``st.data_editor`` (core): an editable grid, a widget whose value is Streamlit's editing state.

The value (in ``st.session_state[key]``) is exactly Streamlit's ``{"edited_rows": {row
position: {column: value}}, "added_rows": [{column: value}], "deleted_rows": [row position]}``
(positions in the data as passed, whatever the sort or the deletions); it cannot be set through
session state. Each run applies it to a copy of the data, as Streamlit does, and the call
returns the edited data in the input's type (a DataFrame, a dict of columns, a list of dicts, a
numpy array, a pyarrow Table ...). The grid shows that edited copy.

A state the frontend sends is checked before it is stored: rows that exist, columns that exist
and are not disabled, values of the column's type inside its ``column_config`` limits
(``min_value``/``max_value``/``step``, ``max_chars``/``validate``, ``options``, ``required``),
rows added or deleted only where ``num_rows`` allows it. A refused edit is set back in the
grid and a warning names the editor, as for any widget.

Example (inside an app):
    >>> edited = st.data_editor(df, num_rows="dynamic", key="ed")        # doctest: +SKIP
    >>> st.session_state.ed["edited_rows"]                               # doctest: +SKIP
    {0: {'price': 9.5}}
"""

from __future__ import annotations

import datetime as _dt
import math
import numbers
import re
import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .errors import InvalidArgumentError, RefusedValue
from .grid_widgets import _AttrDict, _config, _height, _width
from .kinds import KINDS, Kind
from .run import require
from .state import normalize_key
from .tabular import GridSource, identity, to_frame

NUM_ROWS = ("fixed", "dynamic", "add", "delete")
INDEX = "_index"
_NOT_EDITABLE = {"progress", "line_chart", "bar_chart", "area_chart", "image", "json", "audio",
                 "video", "button"}


class DataEditorState(_AttrDict):
    """``{"edited_rows", "added_rows", "deleted_rows"}`` with attribute access."""


def empty_state() -> DataEditorState:
    return DataEditorState(edited_rows={}, added_rows=[], deleted_rows=[])


# -- checking a state from the frontend ------------------------------------------------------
def _number(col: dict, v: Any) -> Any:
    if isinstance(v, bool) or not isinstance(v, numbers.Real):
        raise RefusedValue(f"column {col['name']!r} takes a number, got {v!r}")
    f = float(v)
    if math.isnan(f) or math.isinf(f):
        raise RefusedValue(f"column {col['name']!r} takes a finite number, got {v!r}")
    if col.get("kind") == "int" and col.get("type") in (None, "number"):
        if f != int(f):
            raise RefusedValue(f"column {col['name']!r} takes whole numbers, got {v!r}")
        v = int(f)
    lo, hi, step = col.get("min"), col.get("max"), col.get("step")
    if lo is not None and v < lo:
        raise RefusedValue(f"{v!r} in column {col['name']!r} is below its min_value {lo!r}")
    if hi is not None and v > hi:
        raise RefusedValue(f"{v!r} in column {col['name']!r} is above its max_value {hi!r}")
    if step:
        k = (v - (lo or 0)) / step
        if abs(k - round(k)) > 1e-9:
            raise RefusedValue(f"{v!r} in column {col['name']!r} is not on its step {step!r}")
    return v


def _text(col: dict, v: Any) -> str:
    if not isinstance(v, str):
        raise RefusedValue(f"column {col['name']!r} takes text, got {v!r}")
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        raise RefusedValue("the text is not valid Unicode (a lone surrogate)") from None
    mx = col.get("max_chars")
    if mx is not None and len(v) > mx:
        raise RefusedValue(f"{len(v)} characters in column {col['name']!r}, at most {mx}")
    pattern = col.get("validate")
    if pattern and not re.search(pattern, v):
        raise RefusedValue(f"{v!r} does not match column {col['name']!r}'s pattern "
                           f"{pattern!r}")
    return v


def _temporal(col: dict, v: Any, kind: str) -> Any:
    if not isinstance(v, str):
        raise RefusedValue(f"column {col['name']!r} takes a {kind} (ISO text), got {v!r}")
    try:
        types: dict[str, Any] = {"date": _dt.date, "time": _dt.time, "datetime": _dt.datetime}
        parsed: Any = types[kind].fromisoformat(v)
    except ValueError:
        raise RefusedValue(f"{v!r} is not a {kind} (column {col['name']!r})") from None
    for bound, cmp in (("min", lambda a, b: a < b), ("max", lambda a, b: a > b)):
        b = col.get(bound)
        if b is not None:
            limit = type(parsed).fromisoformat(b) if isinstance(b, str) else b
            if cmp(parsed, limit):
                raise RefusedValue(f"{v!r} in column {col['name']!r} is "
                                   f"{'before' if bound == 'min' else 'after'} {b!r}")
    return v


def check_cell(col: dict, v: Any) -> Any:
    """One edited value for column ``col`` (a column of ``GridSource.columns``): returned as
    stored in the editing state, or :class:`RefusedValue`.

    Example:
        >>> check_cell({"name": "n", "kind": "int", "min": 0}, 3.0)
        3
    """
    ctype, kind = col.get("type"), col.get("kind")
    if ctype in _NOT_EDITABLE:
        raise RefusedValue(f"column {col['name']!r} ({ctype}) cannot be edited")
    if v is None:
        if col.get("required"):
            raise RefusedValue(f"column {col['name']!r} is required")
        return None
    if ctype == "checkbox" or (ctype is None and kind == "bool"):
        if type(v) is not bool:
            raise RefusedValue(f"column {col['name']!r} takes True or False, got {v!r}")
        return v
    if ctype == "selectbox":
        opts = [o for o, _ in col.get("labels") or ()]
        if v not in opts:
            raise RefusedValue(f"{v!r} is not one of column {col['name']!r}'s options")
        return v
    if ctype == "multiselect":
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise RefusedValue(f"column {col['name']!r} takes a list of options, got {v!r}")
        opts = [o for o, _ in col.get("labels") or ()]
        if col.get("labels") is not None and not col.get("accept_new_options"):
            bad = [x for x in v if x not in opts]
            if bad:
                raise RefusedValue(f"{bad!r} not among column {col['name']!r}'s options")
        if len(set(v)) != len(v):
            raise RefusedValue(f"an option is picked twice in column {col['name']!r}")
        return v
    if ctype == "markdown":
        return _text(col, v)
    if ctype == "number" or (ctype is None and kind in ("int", "float")):
        return _number(col, v)
    if ctype in ("text", "link"):
        return _text(col, v)
    if ctype == "list" or kind == "list":
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise RefusedValue(f"column {col['name']!r} takes a list of texts, got {v!r}")
        return v
    if ctype in ("date", "time", "datetime") or kind in ("date", "time", "datetime"):
        return _temporal(col, v, str(ctype or kind))
    if isinstance(v, (str, int, float, bool)):
        return v if not isinstance(v, str) else _text(col, v)
    raise RefusedValue(f"column {col['name']!r} cannot take {v!r}")


def _row_pos(k: Any, n: int) -> int:
    if isinstance(k, str) and k.isdigit():
        k = int(k)
    if type(k) is not int or not 0 <= k < n:
        raise RefusedValue(f"row {k!r} is not a row of the data (0 to {n - 1})")
    return k


def check_editing(spec: dict, v: Any) -> DataEditorState:
    """An editing state from the frontend, checked against the data and its columns."""
    if not isinstance(v, Mapping):
        raise RefusedValue(f"expected an editing state (a dict), got {type(v).__name__}")
    extra = set(v) - {"edited_rows", "added_rows", "deleted_rows"}
    if extra:
        raise RefusedValue(f"unknown parts of an editing state: {sorted(extra)}")
    n, mode = spec["nrows"], spec["num_rows"]
    cols = spec["editable"]  # column name -> column (the editable ones)
    edited_in, added_in = v.get("edited_rows", {}), v.get("added_rows", [])
    deleted_in = v.get("deleted_rows", [])
    if not isinstance(edited_in, Mapping) or not isinstance(added_in, list) or not isinstance(
            deleted_in, list):
        raise RefusedValue("edited_rows must be a dict, added_rows and deleted_rows lists")
    edited: dict[int, dict] = {}
    for k, change in edited_in.items():
        pos = _row_pos(k, n)
        if not isinstance(change, Mapping):
            raise RefusedValue(f"the edit of row {pos} is not a dict of column -> value")
        row = {}
        for name, value in change.items():
            if name not in cols:
                raise RefusedValue(f"column {name!r} cannot be edited (it does not exist or "
                                   "is disabled)")
            row[name] = check_cell(cols[name], value)
        edited[pos] = row
    if added_in and mode not in ("dynamic", "add"):
        raise RefusedValue(f"rows cannot be added (num_rows={mode!r})")
    added = []
    for r in added_in:
        if not isinstance(r, Mapping):
            raise RefusedValue("an added row is not a dict of column -> value")
        row = {}
        for name, value in r.items():
            if name not in cols:
                raise RefusedValue(f"column {name!r} cannot be filled in (it does not exist "
                                   "or is disabled)")
            row[name] = check_cell(cols[name], value)
        for name, col in cols.items():
            if col.get("required") and row.get(name) is None and name != INDEX:
                raise RefusedValue(f"the added row leaves the required column {name!r} empty")
        added.append(row)
    if deleted_in and mode not in ("dynamic", "delete"):
        raise RefusedValue(f"rows cannot be deleted (num_rows={mode!r})")
    deleted = [_row_pos(k, n) for k in deleted_in]
    if len(set(deleted)) != len(deleted):
        raise RefusedValue("a row is deleted twice")
    return DataEditorState(edited_rows=edited, added_rows=added, deleted_rows=deleted)


KINDS.setdefault("data_editor", Kind("data_editor", check_editing,
                                     lambda spec, v, default, label, key: default,
                                     settable=False, value_type="editing_state"))


# -- applying a state ------------------------------------------------------------------------
def _parse(value: Any, col: dict | None) -> Any:
    """A JSON value from the editing state as the column's Python value."""
    if value is None or col is None:
        return value
    import pandas as pd

    kind = col.get("type") or col.get("kind")
    try:
        if kind in ("datetime",):
            return pd.Timestamp(value)
        if kind == "date":
            return pd.Timestamp(value).date()
        if kind == "time":
            return pd.Timestamp(value).time() if not isinstance(value, str) else \
                _dt.time.fromisoformat(value)
        if col.get("kind") == "int" and isinstance(value, numbers.Real):
            return int(value) if isinstance(value, numbers.Integral) else int(float(value))
        if col.get("kind") == "float" and isinstance(value, numbers.Real):
            return float(value)
    except (ValueError, TypeError):
        return None
    return value


def apply_edits(df: Any, state: Mapping, columns: Mapping[str, dict],
                show_unindexed: bool = False) -> tuple[Any, Any]:
    """``df`` (a copy, changed in place) with the edits, deletions and additions of
    ``state`` applied, as Streamlit applies them; and for each of its rows, its position in the
    data (added rows: ``len(data) + i``). An added row with no index value where the index
    cannot number it is left out, as Streamlit does; ``show_unindexed`` keeps it (with an
    empty index) for the grid, where the reader fills its index in, as in Streamlit's grid.

    Example:
        >>> import pandas as pd
        >>> out, origin = apply_edits(pd.DataFrame({"a": [1, 2, 3]}),
        ...     {"edited_rows": {0: {"a": 9}}, "deleted_rows": [1], "added_rows": [{"a": 7}]},
        ...     {"a": {"kind": "int"}})
        >>> out["a"].tolist(), origin.tolist()
        ([9, 3, 7], [0, 2, 3])
    """
    import numpy as np
    import pandas as pd

    n = len(df)
    where = {str(c): i for i, c in enumerate(df.columns)}  # (the state names columns as text)
    for pos, change in (state.get("edited_rows") or {}).items():
        for name, value in change.items():
            v = _parse(value, columns.get(name))
            if name == INDEX:
                df.index = df.index.delete(int(pos)).insert(int(pos), v)
                continue
            j = where[name]
            try:
                df.iat[int(pos), j] = v
            except (TypeError, ValueError):
                df.isetitem(j, df.iloc[:, j].astype(object))
                df.iat[int(pos), j] = v
    deleted = sorted(set(state.get("deleted_rows") or ()))
    keep = np.setdiff1d(np.arange(n), np.asarray(deleted, dtype=np.int64)) if deleted else \
        np.arange(n)
    if deleted:
        df = df.iloc[keep].copy() if isinstance(df.index, pd.RangeIndex) else \
            df.drop(df.index[deleted])
    added = state.get("added_rows") or []
    origin = [keep]
    if added:
        idx = df.index
        if isinstance(idx, pd.RangeIndex) or pd.api.types.is_integer_dtype(idx.dtype):
            nxt = (int(idx.max()) + 1) if len(idx) else 0
            if isinstance(idx, pd.RangeIndex) and not deleted:
                nxt = idx.stop
        else:
            nxt = None
        for i, row in enumerate(added):
            values = {c: _parse(row.get(str(c)), columns.get(str(c))) for c in df.columns}
            label = row.get(INDEX)
            if label is None:
                if nxt is None:
                    # no index value for a non-integer index: skipped, as Streamlit (shown
                    # in the grid with an empty index cell when show_unindexed)
                    if show_unindexed:
                        row_df = pd.DataFrame([values], columns=df.columns,
                                              index=pd.Index([None], dtype=object))
                        with warnings.catch_warnings():
                            warnings.simplefilter("ignore")
                            df = pd.concat([df, row_df])
                        origin.append(np.asarray([n + i]))
                    continue
                label = nxt
                nxt += 1
            elif label in df.index:
                continue
            with warnings.catch_warnings():
                # (an empty cell in a bool or int column makes it an object/float column, as
                # in Streamlit; pandas warns that it will refuse that one day)
                warnings.simplefilter("ignore")
                df.loc[label] = values
            origin.append(np.asarray([n + i]))
    return df, np.concatenate(origin) if len(origin) > 1 else keep


def data_format(data: Any) -> str:
    """What kind of data the editor was given (to return its edit in the same kind)."""
    import numpy as np
    import pandas as pd

    from .tabular import _module, is_styler

    if isinstance(data, pd.DataFrame) or is_styler(data) or data is None:
        return "frame"
    if isinstance(data, pd.Series):
        return "series"
    if isinstance(data, np.ndarray):
        return "ndarray1" if data.ndim == 1 else "ndarray"
    if _module(data) == "pyarrow":
        return "arrow"
    if _module(data) == "polars":
        return "polars"
    if isinstance(data, Mapping):
        vals = list(data.values())
        if vals and all(isinstance(x, (list, tuple)) or hasattr(x, "__array__") for x in vals):
            return "columns"
        if vals and all(isinstance(x, Mapping) for x in vals):
            return "column_index"
        return "key_value"
    if isinstance(data, (list, tuple, set, frozenset)):
        items = list(data)
        if items and isinstance(items[0], Mapping):
            return "records"
        if items and isinstance(items[0], (list, tuple)):
            return "rows"
        return {"tuple": "tuple", "set": "set", "frozenset": "set"}.get(
            type(data).__name__, "values")
    return "frame"


def _unify_missing(df: Any) -> Any:
    return df.astype(object).where(df.notna(), None)


def to_format(df: Any, fmt: str) -> Any:
    """The edited frame as the editor's input type (Streamlit's
    ``convert_pandas_df_to_data_format``)."""
    if fmt == "frame":
        return df
    if fmt == "series":
        return df.iloc[:, 0]
    if fmt == "ndarray1":
        return df.iloc[:, 0].to_numpy()
    if fmt == "ndarray":
        return df.to_numpy()
    if fmt == "arrow":
        import pyarrow as pa

        return pa.Table.from_pandas(df)
    if fmt == "polars":
        import polars as pl  # (only reached with polars installed: the input was one)

        return pl.from_pandas(df)
    if fmt == "records":
        return _unify_missing(df).to_dict(orient="records")
    if fmt == "rows":
        return _unify_missing(df).to_numpy().tolist()
    if fmt == "columns":
        return _unify_missing(df).to_dict(orient="list")
    if fmt == "column_index":
        return _unify_missing(df).to_dict(orient="dict")
    if fmt == "key_value":
        return {} if df.empty else _unify_missing(df).iloc[:, 0].to_dict()
    values = _unify_missing(df).iloc[:, 0].tolist() if len(df.columns) else []
    return {"tuple": tuple, "set": set}.get(fmt, list)(values)


# -- st.data_editor ---------------------------------------------------------------------------
def data_editor(data: Any, *, width: Any = "stretch", height: Any = "auto",
                use_container_width: bool | None = None, hide_index: bool | None = None,
                column_order: Iterable[str] | None = None, column_config: Any = None,
                num_rows: str = "fixed", disabled: bool | Iterable[str | int] = False,
                key: Any = None, on_change: Callable | str | None = "rerun",
                args: Iterable | None = None, kwargs: dict | None = None,
                row_height: int | None = None, placeholder: str | None = None,
                alt: str | None = None) -> Any:
    """An editable table: the reader edits cells (double-click, Enter or F2), and with
    ``num_rows="dynamic"`` adds and deletes rows. Returns the edited data in the type it was
    given; ``st.session_state[key]`` holds the edits as Streamlit's
    ``{"edited_rows", "added_rows", "deleted_rows"}``.

    Example:
        >>> edited = st.data_editor(df, num_rows="dynamic", key="ed")    # doctest: +SKIP
        >>> st.write(edited["price"].sum())                              # doctest: +SKIP
    """
    ctx = require("data_editor")
    if num_rows not in NUM_ROWS:
        raise InvalidArgumentError(
            f"`st.data_editor`: num_rows must be one of {', '.join(map(repr, NUM_ROWS))}, got "
            f"{num_rows!r}.")
    if on_change not in (None, "rerun", "ignore") and not callable(on_change):
        raise InvalidArgumentError(
            f"`st.data_editor`: on_change must be a function, 'rerun' or 'ignore', got "
            f"{on_change!r}.")
    if row_height is not None and (type(row_height) is not int or row_height <= 0):
        raise InvalidArgumentError(
            f"`st.data_editor`: row_height must be a positive number of pixels, got "
            f"{row_height!r}.")
    width = _width(width, use_container_width)
    height = _height(height)
    from .grid_buttons import register, split_buttons

    column_config, buttons = split_buttons(column_config)
    config = dict(_config(column_config) or {})
    fmt = data_format(data)
    frame = to_frame(data)
    import pandas as pd

    if not isinstance(frame.index, (pd.RangeIndex, pd.Index)) or isinstance(
            frame.index, pd.MultiIndex):
        raise InvalidArgumentError(
            f"`st.data_editor`: an index of type {type(frame.index).__name__} cannot be "
            "edited; reset it (df.reset_index()).")
    dup = frame.columns[frame.columns.duplicated()]
    if len(dup):
        raise InvalidArgumentError(
            f"`st.data_editor`: the column names {sorted(map(str, set(dup)))} are used more "
            "than once; each column needs its own name.")
    range_index = isinstance(frame.index, pd.RangeIndex)
    if hide_index is None and range_index and num_rows in ("dynamic", "add"):
        hide_index = True
    if disabled is not True and disabled is not False:
        names = [str(frame.columns[c]) if isinstance(c, int) and not isinstance(c, bool)
                 and 0 <= c < len(frame.columns) else str(c) for c in disabled]
        for name in names:
            entry = config.get(name)
            entry = {"label": entry} if isinstance(entry, str) else dict(entry or {})
            entry["disabled"] = True
            config[name] = entry
    order = None if column_order is None else tuple(
        [column_order] if isinstance(column_order, str) else column_order)
    base = GridSource(data)
    cols = base.columns(config, None, False)
    # (an index column is disabled unless editable: see GridSource.columns)
    editable = {c["name"]: c for c in cols if not c.get("disabled")}
    spec_cols = {c["name"]: c for c in cols}
    key = normalize_key(key) if key is not None else None
    props: dict[str, Any] = {
        "label": "data_editor", "help": None, "disabled": disabled is True,
        "width": width, "height": height, "hide_index": hide_index, "column_order": order,
        "column_config": config or None, "row_height": row_height,
        "placeholder": placeholder, "alt": alt if isinstance(alt, str) and alt.strip() else None,
        "num_rows": num_rows, "nrows": base.nrows, "editable": editable,
        "ignore": on_change == "ignore",
    }
    if key is not None and num_rows == "fixed":
        # a keyed fixed-rows editor keeps its edits while the values change (Streamlit's
        # data signature: the shape, columns and types, not the values)
        ident: tuple = ("sig", tuple(map(str, frame.columns)),
                        tuple(str(t) for t in frame.dtypes), type(frame.index).__name__,
                        len(frame), repr(disabled), num_rows)
    else:
        ident = (identity(base.fp), order, repr(column_config), num_rows, width, height, row_height,
                 placeholder, repr(disabled))
    cb = on_change if callable(on_change) else None
    # a live frontend may push the run so far at any emit: not before the element is complete
    ctx.hold_flush += 1
    try:
        state = ctx.widget(KINDS["data_editor"], "data_editor", key, ident, props,
                           empty_state(), False, cb, args, kwargs)
        edited, origin = apply_edits(frame.copy(), state, spec_cols)
        shown = edited
        if len(origin) < len(frame) - len(state["deleted_rows"]) + len(state["added_rows"]):
            # added rows left out for want of an index value: the grid still shows them
            shown, origin = apply_edits(frame.copy(), state, spec_cols, show_unindexed=True)
        # the grid shows the edited copy; its rows carry their positions in the data
        props["source"] = GridSource(shown, origin=origin)
        result = to_format(edited, fmt)
        props["result"] = result
        if buttons:
            # keyed button columns: their trigger widgets, after the grid
            props["buttons"] = register(ctx, buttons,
                                        base.nrows + len(state["added_rows"]))
    finally:
        ctx.hold_flush -= 1
    ctx.flush()
    return result
