"""``st.column_config.ButtonColumn(..., key=...)``: the clicks of a grid's button column (core).

As in Streamlit, each keyed button column of an ``st.dataframe`` or ``st.data_editor`` is a
trigger widget of its own (kind ``dataframe_button``): a click reruns the app once with
``st.session_state[key]`` = ``{"row": position in the data, "label": the button's text}`` (a
:class:`ButtonColumnClickState`, read by key or attribute), calling ``on_click`` first; on the
next run it is ``None`` again. The grid element carries ``buttons``, column name -> widget id,
so that the frontend sends a click to the right widget. Session state cannot set it.

Example (inside an app):
    >>> st.dataframe(df, column_config={"open": st.column_config.ButtonColumn(
    ...     "Open", key="open_click")})                                  # doctest: +SKIP
    >>> if st.session_state.open_click:                                  # doctest: +SKIP
    ...     st.write("row", st.session_state.open_click.row)
"""

from __future__ import annotations

from typing import Any

from .column_config import ButtonColumnResult
from .errors import RefusedValue
from .grid_widgets import _AttrDict
from .kinds import Kind, state_never
from .state import normalize_key


class ButtonColumnClickState(_AttrDict):
    """A click in a button column: ``row`` (int) and ``label`` (str)."""


def check_click(spec: dict, v: Any) -> bool:
    """A click from the frontend: ``{"row": int >= 0, "label": str}``, as Streamlit checks it
    (and a row that is a row of the data)."""
    if (not isinstance(v, dict) or type(v.get("row")) is not int
            or not isinstance(v.get("label"), str)):
        raise RefusedValue("a button column click is {row: int, label: str}")
    n = spec.get("nrows")
    if v["row"] < 0 or (n is not None and v["row"] >= n):
        raise RefusedValue(f"row {v['row']!r} is not a row of the data")
    # the run after the click reads it (nbstate.run: a trigger's value while pressed)
    spec["_pressed"] = ButtonColumnClickState(row=v["row"], label=v["label"])
    return True


DATAFRAME_BUTTON = Kind("dataframe_button", check_click, state_never, button_like=True,
                        settable=False, callback="on_click", value_type="click")


def split_buttons(column_config: Any) -> tuple[Any, dict[str, ButtonColumnResult]]:
    """The column config with each keyed button column's config in place of its
    :class:`ButtonColumnResult`, and those results by column name."""
    if not isinstance(column_config, dict):
        return column_config, {}
    buttons: dict[str, ButtonColumnResult] = {}
    out = {}
    for name, cfg in column_config.items():
        if isinstance(cfg, ButtonColumnResult):
            buttons[str(name)] = cfg
            cfg = cfg.config
        out[name] = cfg
    return out, buttons


def register(ctx: Any, buttons: dict[str, ButtonColumnResult], nrows: int) -> dict[str, str]:
    """One trigger widget per keyed button column (emitted after the grid); column name ->
    widget id."""
    ids: dict[str, str] = {}
    for name, b in buttons.items():
        key = normalize_key(b.key)
        props: dict[str, Any] = {"label": name, "column": name, "nrows": nrows,
                                 "disabled": False, "help": None,
                                 "label_visibility": "collapsed", "_released": None}
        ctx.widget(DATAFRAME_BUTTON, name, key, ("dataframe_button",), props, None, False,
                   b.on_click, b.args, b.kwargs)
        ids[name] = ctx.id_for("dataframe_button", key, ("dataframe_button",), props, None)
    return ids
