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

from .config import error_details
from .elements import Element
from .errors import InvalidArgumentError, MissingRequiredParameterError
from .figures import picture
from .params import check_width
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
    """A matplotlib figure, shown as a picture: ``fig.savefig`` with Streamlit's
    ``bbox_inches="tight"`` and ``dpi=200`` (``kwargs`` over them, deprecated as in
    Streamlit). An unchanged figure is not drawn again on a rerun.

    Example:
        >>> fig, ax = plt.subplots(); ax.plot([1, 2]); st.pyplot(fig)    # doctest: +SKIP
    """
    ctx = require("pyplot")
    if fig is None:
        raise MissingRequiredParameterError(_FIG_REQUIRED)
    width = _pyplot_width(width, use_container_width)
    if kwargs and error_details() == "full":  # (shown as Streamlit shows it)
        from .display import warning

        warning(_SAVEFIG_KWARGS_DEPRECATION)
    mime, data = picture(fig, **kwargs)
    if clear_figure:
        fig.clf()
    from .layout import handle
    from .rich import alt_text

    encoded = base64.b64encode(data).decode()
    one: dict[str, Any] = ({"png": encoded} if mime == "image/png"
                           else {"src": f"data:{mime};base64,{encoded}"})
    text = alt_text(alt)
    if text is not None:
        one["alt"] = text
    props: dict[str, Any] = {"images": [one]}
    if width == "stretch":
        props["stretch"] = True
    elif width != "content":
        props["width"] = width
    return handle(ctx, Element("image", props=props))


_FIG_REQUIRED = """The `fig` parameter is required. Passing `None` is not supported \
because Matplotlib's global figure object
is not thread-safe.

Pass a figure explicitly:

```python
fig, ax = plt.subplots()
ax.scatter([1, 2, 3], [1, 2, 3])
# other plotting actions...
st.pyplot(fig)
```"""

_SAVEFIG_KWARGS_DEPRECATION = """
Passing Matplotlib `savefig` keyword arguments to `st.pyplot` is
deprecated and will be removed in a future version.

`st.pyplot` already uses `bbox_inches="tight"` and `dpi=200` by
default. For other `savefig` options (for example `transparent=True`
or a custom `dpi`), save the figure yourself and display it with
`st.image`:

```python
import io

buf = io.BytesIO()
fig.savefig(buf, format="png", transparent=True, dpi=300)
st.image(buf)
```
"""


def _pyplot_width(width: Any, use_container_width: bool | None) -> Any:
    """``"stretch"``, ``"content"`` or a number of pixels, as Streamlit takes them."""
    if use_container_width is not None:
        return "stretch" if use_container_width else "content"
    return check_width("pyplot", width)
