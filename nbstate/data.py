"""Data elements: ``dataframe`` and ``table`` (and ``pyplot`` for ``st.write`` of a figure).

The element carries plain data (column names, index, rows of cells as Python values), so both
frontends can show it and tests can read it without pandas.

Example (inside an app):
    >>> st.dataframe([{"a": 1, "b": 2}, {"a": 3, "b": 4}])               # doctest: +SKIP
"""

from __future__ import annotations

import base64
import io
from typing import Any

from .elements import Element
from .errors import InvalidArgumentError
from .run import require


def _records(data: Any) -> tuple[list[str], list[Any], list[list[Any]], Any]:
    """(columns, index, rows, original) from a DataFrame, Series, dict, or list of dicts."""
    t = type(data)
    if t.__module__.startswith("pandas"):
        if t.__name__ == "Series":
            data = data.to_frame()
        cols = [str(c) for c in data.columns]
        return cols, list(data.index), data.values.tolist(), data
    if isinstance(data, dict):
        cols = [str(c) for c in data]
        columns = [list(v) if isinstance(v, (list, tuple)) else [v] for v in data.values()]
        n = max((len(c) for c in columns), default=0)
        rows = [[c[i] if i < len(c) else None for c in columns] for i in range(n)]
        return cols, list(range(n)), rows, data
    if isinstance(data, (list, tuple)):
        if data and all(isinstance(r, dict) for r in data):
            cols = []
            for r in data:
                for k in r:
                    if str(k) not in cols:
                        cols.append(str(k))
            rows = [[r.get(c, r.get(_orig(r, c))) for c in cols] for r in data]
            return cols, list(range(len(rows))), rows, data
        rows = [list(r) if isinstance(r, (list, tuple)) else [r] for r in data]
        width = max((len(r) for r in rows), default=0)
        return [str(i) for i in range(width)], list(range(len(rows))), rows, data
    if data is None:
        return [], [], [], data
    raise InvalidArgumentError(
        f"`st.dataframe`: cannot show an object of type {t.__name__}; pass a pandas DataFrame, "
        "a dict of columns or a list of dicts.")


def _orig(row: dict, col: str) -> Any:
    for k in row:
        if str(k) == col:
            return k
    return col


def dataframe(data: Any = None, width: Any = "stretch", height: Any = "auto", *,
              use_container_width: bool | None = None, hide_index: bool | None = None,
              column_order: Any = None, column_config: Any = None, key: Any = None,
              on_select: Any = "ignore", selection_mode: Any = "multi-row",
              row_height: Any = None) -> None:
    """An interactive table (sortable, scrollable).

    Example:
        >>> st.dataframe(df, hide_index=True)                           # doctest: +SKIP
    """
    ctx = require("dataframe")
    cols, index, rows, _ = _records(data)
    ctx.emit(Element("dataframe", props={"columns": cols, "index_labels": index, "rows": rows,
                                         "hide_index": bool(hide_index), "height": height,
                                         "data": data}))


def table(data: Any = None, *, border: Any = True, width: Any = "stretch",
          height: Any = "content", hide_index: bool | None = None,
          hide_header: bool | None = None, alt: str | None = None) -> Any:
    """A static table; ``height`` in pixels scrolls a longer one.

    Example:
        >>> st.table({"a": [1, 2], "b": [3, 4]}, hide_index=True)       # doctest: +SKIP
    """
    from .layout import handle
    from .params import choice

    ctx = require("table")
    choice("table", "border", border, (True, False, "horizontal"))
    cols, index, rows, _ = _records(data)
    props = {"columns": cols, "index_labels": index, "rows": rows, "data": data}
    # only what differs from the default, so earlier trees compare equal
    for name, v, default in (("border", border, True), ("hide_index", hide_index, None),
                             ("hide_header", hide_header, None), ("alt", alt, None)):
        if v != default:
            props[name] = v
    for name, v in (("width", width), ("height", height)):
        if isinstance(v, int) and not isinstance(v, bool):
            props[name] = v
    return handle(ctx, Element("table", props=props))


def pyplot(fig: Any, clear_figure: bool = False, *, width: Any = "stretch",
           use_container_width: bool | None = None, alt: str | None = None,
           **kwargs: Any) -> Any:
    """A matplotlib figure, shown as a PNG.

    Example:
        >>> fig, ax = plt.subplots(); ax.plot([1, 2]); st.pyplot(fig)    # doctest: +SKIP
    """
    ctx = require("pyplot")
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise InvalidArgumentError(
            "`st.pyplot` needs matplotlib: pip install matplotlib") from None
    if fig is None:
        fig = plt.gcf()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight", **kwargs)
    if clear_figure:
        fig.clf()
    from .layout import handle

    props: dict[str, Any] = {"png": base64.b64encode(buf.getvalue()).decode(), "caption": None}
    if width == "stretch" or use_container_width:
        props["stretch"] = True
    elif isinstance(width, int) and not isinstance(width, bool):
        props["width"] = width
    if alt is not None:
        props["alt"] = str(alt)
    return handle(ctx, Element("image", props=props))
