"""Data elements: ``dataframe`` and ``table`` (and ``pyplot`` for ``st.write`` of a figure).

The element carries plain data (column names, index, rows of cells as Python values), so both
frontends can show it and tests can read it without pandas.

Example (inside an app):
    >>> st.dataframe([{"a": 1, "b": 2}, {"a": 3, "b": 4}])               # doctest: +SKIP
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from typing import Any

from .elements import Element
from .errors import InvalidArgumentError
from .figures import tight_png
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
              column_order: Iterable[str] | None = None, column_config: Any = None,
              key: Any = None, on_select: Any = "ignore",
              selection_mode: Any = "multi-row", selection_default: Any = None,
              row_height: int | None = None, placeholder: str | None = None,
              lazy: bool | None = None, alt: str | None = None) -> Any:
    """An interactive table: every row reachable by scrolling, sorted (in the kernel) by a
    click on a column header. With ``on_select="rerun"`` (or a callback) the reader's
    selection of rows, columns or cells is returned, and kept in ``st.session_state[key]``,
    as Streamlit's dataframe selection state.

    The grid fetches the rows it shows from the kernel as the reader scrolls (as Streamlit
    does with ``lazy=True``), whatever the size of the data.

    Example:
        >>> event = st.dataframe(df, key="pick", on_select="rerun")       # doctest: +SKIP
        >>> event.selection.rows                                          # doctest: +SKIP
        [0, 2]
    """
    from . import grid_widgets

    return grid_widgets.dataframe(
        data, width, height, use_container_width=use_container_width, hide_index=hide_index,
        column_order=column_order, column_config=column_config, key=key, on_select=on_select,
        selection_mode=selection_mode, selection_default=selection_default,
        row_height=row_height, placeholder=placeholder, lazy=lazy, alt=alt)


#: tables with more rows than this are shown by the grid (static: no sorting, no selection);
#: smaller ones as a plain HTML table
MAX_STATIC_ROWS = 1000


def table(data: Any = None, *, border: bool | str = True, width: Any = "stretch",
          height: Any = "content", hide_index: bool | None = None,
          hide_header: bool | None = None, alt: str | None = None) -> Any:
    """A static table: every row shown. Up to 1,000 rows it is a plain table; a larger one is
    shown by the grid of ``st.dataframe`` (without sorting), which fetches the rows in view from
    the kernel.

    Example:
        >>> st.table({"a": [1, 2], "b": [3, 4]}, hide_index=True)       # doctest: +SKIP
    """
    from .layout import handle

    ctx = require("table")
    if border not in (True, False, "horizontal"):
        raise InvalidArgumentError(
            f"`st.table`: border must be True, False or 'horizontal', got {border!r}.")
    if not (width in ("stretch", "content") or (type(width) is int and width > 0)):
        raise InvalidArgumentError(
            f"`st.table`: width must be 'stretch', 'content' or a positive number of pixels, "
            f"got {width!r}.")
    if not (height in ("stretch", "content") or (type(height) is int and height > 0)):
        raise InvalidArgumentError(
            f"`st.table`: height must be 'content', 'stretch' or a positive number of pixels, "
            f"got {height!r}.")
    from .tabular import GridSource

    source = GridSource(data)
    common = {"data": source.raw, "border": border, "width": width, "height": height,
              "hide_index": hide_index, "hide_header": bool(hide_header), "alt": alt}
    if source.nrows > MAX_STATIC_ROWS:
        return handle(ctx, Element("table", props={"source": source, "static": True,
                                                   **common}))
    cols, index, rows, _ = _records(source.frame)
    return handle(ctx, Element("table", props={"columns": cols, "index_labels": index,
                                               "rows": rows, **common}))


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
    if kwargs.get("format", "png") != "png":
        from .params import ignored

        ignored("pyplot", "format", kwargs["format"], "the figure is shown as a PNG")
    png = tight_png(fig, **kwargs)  # savefig's bbox_inches="tight" PNG, as Streamlit's
    if clear_figure:
        fig.clf()
    from .layout import handle
    from .rich import alt_text

    picture: dict[str, Any] = {"png": base64.b64encode(png).decode()}
    text = alt_text(alt)
    if text is not None:
        picture["alt"] = text
    props: dict[str, Any] = {"images": [picture]}
    if width == "stretch" or use_container_width:
        props["stretch"] = True
    elif isinstance(width, int) and not isinstance(width, bool):
        props["width"] = width
    return handle(ctx, Element("image", props=props))
