"""The live grid of ``st.dataframe``: an anywidget that shows a window of a table and asks the
kernel for the cells it scrolls to.

Why hand-written (``nbstate/js/grid.js``, ~500 lines, no dependency) rather than a grid
library: the grids made for millions of rows (Glide Data Grid, which Streamlit uses; AG Grid;
Perspective) are React components or large bundles that need a build step or a CDN at run
time, and they expect the data in the browser (Arrow buffers or row models). Here the data
stays in the kernel and the browser holds a few screens of cells, so the grid only needs
virtual scrolling, a header and a cell editor: a small DOM grid does that with no build step,
no lab extension and nothing fetched from the network (it works offline, in Voila and VS Code).

Protocol (anywidget custom messages on the widget's comm):

- browser -> kernel ``{"type": "window", "seq", "r0", "r1", "cols": [column indices],
  "sort": [column index, "asc" | "desc"] | null}``: the kernel answers
  ``{"type": "window", "seq", "version", "r0", "rows": [data row positions], "cols",
  "cells": [[cell, ...], ...]}`` (cells formatted by ``nbstate.tabular.format_cell``);
- browser -> kernel ``{"type": "button", "column", "row", "label"}``: a click in a keyed
  ``ButtonColumn`` (columns listed in the ``buttons`` trait), the value of that column's
  trigger widget (``nbstate/grid_buttons.py``); a sort of a million rows or more is answered
  from a thread, the kernel answering other messages meanwhile;
- the browser sets the ``selection`` trait ``{"rows", "columns", "cells"}`` when the reader
  selects (with selections on, the element is a widget whose value that is; a refused
  selection is set back, as for any widget); "select all" sends ``rows`` as
  ``{"range": k, "except": [...]}`` (rows 0..k-1 but those), and the kernel sends a
  selection of rows 0..k-1 so too, from ``RANGE_FROM`` rows: a list of every position of a
  big frame would pass the Jupyter server's 10 MiB websocket message limit;
- the traits carry the rest: ``columns`` (labels, types, widths), ``nrows``, ``version``
  (bumped when the data changed: the browser fetches its window again), ``height``, and
  ``head``: the reply to a window request for the first ``HEAD_ROWS`` rows of the first
  ``HEAD_COLUMNS`` columns in the data's order, made with each new version, so that a new
  view (a re-executed cell, a reload) and a new version draw their first screen at once,
  without a round trip to a kernel that may be busy with a run.

Example:
    >>> import pandas as pd
    >>> from nbstate.tabular import GridSource
    >>> g = Grid(source=GridSource(pd.DataFrame({"a": range(1_000_000)})))
    >>> g.nrows, [c["label"] for c in g.columns]
    (1000000, ['', 'a'])
    >>> g.answer({"type": "window", "seq": 1, "r0": 999_998, "r1": 1_000_005, "cols": [1],
    ...           "sort": [1, "desc"]})["cells"]
    [['1'], ['0']]
"""

from __future__ import annotations

import logging
import threading
from typing import Any

import anywidget
import ipywidgets as W
import traitlets as t

from ..elements import Element
from ..tabular import GridSource, column_meta
from .anywidgets import asset
from .bindings import NOTHING, Binding, ToWidget

_log = logging.getLogger("nbstate")

#: Streamlit's row height (px) and how many rows an auto-height grid shows at most
ROW_HEIGHT = 35
AUTO_ROWS = 10
#: a sort of at least this many rows runs in a thread (see Grid._on_custom)
SORT_IN_THREAD = 1_000_000
#: the rows and columns of the ``head`` trait (a first screen of a grid up to 600 px high
#: asks for up to ~35 rows)
HEAD_ROWS = 40
HEAD_COLUMNS = 40


class Grid(anywidget.AnyWidget):
    """A virtualised table over a :class:`~nbstate.tabular.GridSource` (see the module docstring).
    """

    _esm = asset("grid.js")
    _css = asset("grid.css")

    #: the columns as shown (``nbstate.tabular.column_meta``)
    columns: t.List = t.List([]).tag(sync=True)
    nrows = t.Int(0).tag(sync=True)
    #: bumped whenever the data changes: the browser drops its cells and fetches them again
    version = t.Int(0).tag(sync=True)
    #: CSS height of the grid ("" for automatic: up to ten rows) and width
    height = t.Unicode("").tag(sync=True)
    width = t.Unicode("").tag(sync=True)
    row_height = t.Int(ROW_HEIGHT).tag(sync=True)
    #: "" (no selection) or Streamlit's modes joined by ",": "multi-row,single-column" ...
    selection_mode = t.Unicode("").tag(sync=True)
    #: the selection shown: {"rows": [...], "columns": [names], "cells": [[row, name]]}
    selection = t.Dict({}).tag(sync=True)
    #: the sort the reader chose by clicking a header: [column index, "asc" | "desc"] or []
    sort: t.List = t.List([]).tag(sync=True)
    #: no header row (st.table's hide_header)
    hide_header = t.Bool(False).tag(sync=True)
    #: a click on a header sorts (not for a large st.table, which is static)
    sortable = t.Bool(True).tag(sync=True)
    #: cells can be edited (st.data_editor)
    editable = t.Bool(False).tag(sync=True)
    #: st.data_editor: the editing state the browser shows and sends (Streamlit's
    #: {"edited_rows", "added_rows", "deleted_rows"}), whether rows may be added/deleted
    #: ("fixed", "dynamic", "add", "delete") and how many rows the data had before edits
    edits = t.Dict({}).tag(sync=True)
    num_rows = t.Unicode("fixed").tag(sync=True)
    base_rows = t.Int(0).tag(sync=True)
    #: the text of a missing value (Streamlit's ``placeholder``; None shows "None")
    placeholder = t.Unicode(None, allow_none=True).tag(sync=True)
    #: the grid's accessible name (``alt``)
    alt = t.Unicode("").tag(sync=True)
    #: the button columns (ButtonColumn with a key) whose clicks go to the kernel, by name
    buttons: t.List = t.List([]).tag(sync=True)
    #: the first screen of this version's rows, unsorted (a window reply; see the docstring)
    head = t.Dict({}).tag(sync=True)

    def __init__(self, source: GridSource | None = None, column_config: Any = None,
                 column_order: Any = None, hide_index: bool | None = None,
                 **kwargs: Any) -> None:
        self._source: GridSource | None = None
        self._config: tuple = (None, None, None)
        self._specs: list[dict] = []
        self._sorting = threading.Lock()
        super().__init__(**kwargs)
        self.set_view(source, column_config, column_order, hide_index)
        self.on_msg(self._on_custom)

    # -- the data ------------------------------------------------------------------------
    @property
    def source(self) -> GridSource | None:
        return self._source

    def set_view(self, source: GridSource | None, column_config: Any = None,
                 column_order: Any = None, hide_index: bool | None = None) -> None:
        """Show ``source`` with these column settings; the browser refetches its window only
        when the data or the columns changed."""
        config = (column_config, column_order, hide_index)
        same_data = source is not None and source == self._source
        if same_data and _same(config, self._config):
            return
        specs = source.columns(column_config, column_order, hide_index) if source else []
        with self.hold_sync():
            self._source = source
            self._config = config
            self._specs = specs
            meta = column_meta(specs)
            if meta != self.columns:
                self.columns = meta
                if self.sort and (self.sort[0] >= len(meta)):
                    self.sort = []
            self.nrows = source.nrows if source is not None else 0
            self.version += 1
            self.head = self._head()

    def _head(self) -> dict:
        """The reply to a request for the first rows and columns, as a new view asks."""
        if self._source is None or not self._specs or not self._source.nrows:
            return {}
        try:
            return self.answer({"type": "window", "seq": 0, "r0": 0, "r1": HEAD_ROWS,
                                "cols": list(range(min(len(self._specs), HEAD_COLUMNS))),
                                "sort": None}) or {}
        except Exception as e:  # (the browser asks for them itself, and is told why)
            _log.warning("nbstate: the first rows of a table were not sent with it: %s: %s",
                         type(e).__name__, e)
            return {}

    @t.observe("editable")
    def _editable_changed(self, _change: Any) -> None:
        with self.hold_sync():
            self.head = self._head()  # (an editable grid's cells carry their raw values)

    @property
    def view(self) -> tuple:
        return (self._source, *self._config)

    @view.setter
    def view(self, v: tuple) -> None:
        self.set_view(*v)

    # -- messages ------------------------------------------------------------------------
    def answer(self, content: dict) -> dict | None:
        """The reply to one message from the browser (``None``: not a window request)."""
        if not isinstance(content, dict) or content.get("type") != "window":
            return None
        src = self._source
        seq = content.get("seq")
        if src is None:
            return {"type": "window", "seq": seq, "version": self.version, "r0": 0, "rows": [],
                    "cols": [], "cells": []}
        sort = content.get("sort")
        if not (isinstance(sort, (list, tuple)) and len(sort) == 2
                and isinstance(sort[0], int) and sort[1] in ("asc", "desc")):
            sort = None
        cols = content.get("cols")
        if not isinstance(cols, list) or not all(isinstance(c, int) for c in cols):
            cols = list(range(len(self._specs)))
        r0, r1 = content.get("r0", 0), content.get("r1", 0)
        if not isinstance(r0, int) or not isinstance(r1, int):
            raise ValueError("window bounds must be integers")
        win = src.window(r0, r1, cols, tuple(sort) if sort else None, self._specs,
                         raw=self.editable)
        win.update({"type": "window", "seq": seq, "version": self.version})
        return win

    def _on_custom(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if self._sort_to_do(content):
            # a sort of many rows (seconds for ten million): in a thread, so that the kernel
            # keeps answering (the app reruns, other windows) meanwhile; numpy's sort
            # releases the GIL. The reply carries its version: a stale one is dropped.
            threading.Thread(target=self._sorted_reply, args=(content,), daemon=True,
                             name="nbstate-grid-sort").start()
            return
        self._answer_and_send(content)

    def _sort_to_do(self, content: Any) -> bool:
        src = self._source
        if src is None or not isinstance(content, dict) or content.get("type") != "window":
            return False
        sort = content.get("sort")
        if not (isinstance(sort, list) and len(sort) == 2 and type(sort[0]) is int
                and 0 <= sort[0] < len(self._specs)):
            return False
        return src.nrows >= SORT_IN_THREAD and not src.order_ready(
            self._specs[sort[0]], sort[1] != "desc")

    def _sorted_reply(self, content: Any) -> None:
        with self._sorting:  # (one sort at a time; the next request finds it done)
            self._answer_and_send(content)

    def _answer_and_send(self, content: Any) -> None:
        try:
            reply = self.answer(content)
        except Exception as e:  # a bad request must not kill the comm
            _log.warning("nbstate: a grid window request was dropped: %s: %s",
                         type(e).__name__, e)
            return
        if reply is not None:
            self.send(reply)


def _same(a: Any, b: Any) -> bool:
    try:
        return bool(a == b)
    except Exception:
        return False


def grid_traits(props: dict[str, Any]) -> dict[str, Any]:
    """The plain traits of a ``Grid`` for the props of a ``dataframe`` element.

    Example:
        >>> grid_traits({"height": 300, "width": "stretch"})["height"]
        '300px'
    """
    h = props.get("height", "auto")
    rh = int(props.get("row_height") or ROW_HEIGHT)
    if h == "content" and props.get("static"):
        h = 600  # a large static table: a tall window onto its rows
    elif h == "content":  # as Streamlit: every row, capped at 10,000 px
        src = props.get("source")
        h = min(10_000, ((src.nrows if src is not None else 0) + 1) * rh + 3)
    w = props.get("width", "stretch")
    mode = props.get("selection_mode") if props.get("on_select", "ignore") != "ignore" else ""
    if isinstance(mode, (list, tuple)):
        mode = ",".join(mode)
    sel = props.get("value") if props.get("on_select", "ignore") != "ignore" else None
    return {
        "height": f"{int(h)}px" if isinstance(h, int) and not isinstance(h, bool) else (
            "stretch" if h == "stretch" else ""),
        "width": f"{int(w)}px" if isinstance(w, int) and not isinstance(w, bool) else (
            "content" if w == "content" else ""),
        "row_height": rh,
        "selection_mode": str(mode or ""),
        "selection": _plain_selection(sel),
        "editable": bool(props.get("editable")) and not props.get("disabled"),
        "num_rows": str(props.get("num_rows") or "fixed"),
        "base_rows": int(props.get("nrows") or 0) if "num_rows" in props else 0,
        "sortable": not props.get("static"),
        "hide_header": bool(props.get("hide_header")),
        "placeholder": props.get("placeholder"),
        "alt": str(props.get("alt") or ""),
        "buttons": sorted(props.get("buttons") or ()),
    }


#: from this many selected rows, rows 0..k-1 (but at most this many) go as
#: ``{"range": k, "except": [...]}``
#: (a list of a million positions would pass the server's 10 MiB websocket limit)
RANGE_FROM = 1000


def _plain_selection(value: Any) -> dict:
    """A dataframe state as the ``selection`` trait holds it (JSON: lists, not tuples; rows
    0..k-1 in a range, see ``RANGE_FROM``)."""
    if not isinstance(value, dict) or not isinstance(value.get("selection"), dict):
        return {}
    sel = value["selection"]
    return {"rows": _rows_to_frontend(list(sel.get("rows", []))),
            "columns": list(sel.get("columns", [])),
            "cells": [list(c) for c in sel.get("cells", [])]}


def _rows_to_frontend(rows: list) -> Any:
    """Rows 0..k-1 but at most ``RANGE_FROM`` of them as a range (what "select all" and
    clicks after it make), others as the list."""
    if len(rows) < RANGE_FROM or not all(isinstance(r, int) for r in rows):
        return rows
    k = max(rows) + 1
    if min(rows) < 0 or k - len(rows) > RANGE_FROM:
        return rows
    have = set(rows)
    if len(have) != len(rows):
        return rows
    return {"range": k, "except": [i for i in range(k) if i not in have]}


def _rows_from_frontend(rows: Any) -> Any:
    """The browser's rows as a list of positions: ``{"range": k, "except": [...]}`` is rows
    0..k-1 but those (what "select all" sends); anything else is left for the check to
    refuse or accept."""
    if not isinstance(rows, dict):
        return rows
    k, gone = rows.get("range"), rows.get("except", [])
    if (isinstance(k, bool) or not isinstance(k, int) or k < 0 or not isinstance(gone, list)
            or not all(isinstance(x, int) and not isinstance(x, bool) for x in gone)):
        return rows  # malformed: refused by the check, which names what is wrong
    if not gone:
        return list(range(k))
    out = set(gone)
    return [i for i in range(k) if i not in out]


class GridBinding(Binding):
    """``dataframe`` elements: a :class:`Grid`. With selections on, the element is a widget
    whose value is the selection (a ``select`` message); window requests go to the grid."""

    def create(self, el: Element) -> Grid:
        p = el.props
        return Grid(source=p.get("source"), column_config=p.get("column_config"),
                    column_order=p.get("column_order"), hide_index=p.get("hide_index"),
                    **grid_traits(p))

    #: the browser sets ``selection`` (as any widget sets its value); a refused one is set back
    value_keys = ("selection",)

    def traits(self, el: Element) -> dict[str, Any]:
        p = el.props
        out = {"view": (p.get("source"), p.get("column_config"), p.get("column_order"),
                        p.get("hide_index"))}
        out.update(grid_traits(p))
        del out["selection"]
        return out

    def value_traits(self, el: Element, value: Any) -> list[dict[str, Any]]:
        return [{"selection": _plain_selection(value)}]

    def from_frontend(self, el: Element, states: list[dict[str, Any]]) -> Any:
        if el.id is None:
            return NOTHING
        sel = states[0].get("selection")
        if isinstance(sel, dict) and isinstance(sel.get("rows"), dict):
            sel = {**sel, "rows": _rows_from_frontend(sel["rows"])}
        return sel

    def on_custom(self, el: Element, content: Any) -> Any:
        # a click in a keyed button column: {"type": "button", "column", "row", "label"},
        # the value of that column's trigger widget (nbstate/grid_buttons.py)
        if isinstance(content, dict) and content.get("type") == "button":
            wid = (el.props.get("buttons") or {}).get(content.get("column"))
            if isinstance(wid, str):
                return ToWidget(wid, {"row": content.get("row"), "label": content.get("label")})
        return NOTHING  # window requests: answered by the Grid itself


def _plain_edits(value: Any) -> dict:
    """An editing state as the ``edits`` trait holds it (JSON: row keys as text)."""
    if not isinstance(value, dict):
        return {"edited_rows": {}, "added_rows": [], "deleted_rows": []}
    return {"edited_rows": {str(k): dict(v) for k, v in value.get("edited_rows", {}).items()},
            "added_rows": [dict(r) for r in value.get("added_rows", [])],
            "deleted_rows": list(value.get("deleted_rows", []))}


class EditorBinding(GridBinding):
    """``data_editor`` elements: an editable :class:`Grid` whose value is the editing state
    (the ``edits`` trait, set by the browser; a refused one is set back)."""

    value_keys = ("edits",)

    def create(self, el: Element) -> Grid:
        g = super().create(el)
        g.edits = _plain_edits(el.props.get("value"))
        return g

    def value_traits(self, el: Element, value: Any) -> list[dict[str, Any]]:
        return [{"edits": _plain_edits(value)}]

    def from_frontend(self, el: Element, states: list[dict[str, Any]]) -> Any:
        return states[0].get("edits")


GRID_BINDING = GridBinding()
EDITOR_BINDING = EditorBinding()


class ButtonBinding(Binding):
    """``dataframe_button`` elements (a keyed ButtonColumn's trigger widget): an empty, hidden
    box; the grid's buttons send its clicks (``GridBinding.on_custom``)."""

    def create(self, el: Element) -> W.Widget:
        return W.Box(layout=W.Layout(display="none"))


BUTTON_BINDING = ButtonBinding()
