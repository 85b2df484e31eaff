"""nbstate: Streamlit's session state and widgets in Jupyter notebooks.

Use it as you use Streamlit::

    %load_ext nbstate

    %%app
    import nbstate as st
    if "count" not in st.session_state:
        st.session_state.count = 0
    st.button("Add one", on_click=lambda: st.session_state.update(count=st.session_state.count + 1))
    st.write("count =", st.session_state.count)
"""

from __future__ import annotations

from typing import Any

from . import errors
from .cache import cache_data, cache_resource
from .charts import (
    altair_chart,
    area_chart,
    bar_chart,
    line_chart,
    plotly_chart,
    scatter_chart,
    vega_lite_chart,
)
from .control import rerun, stop
from .data import dataframe, pyplot, table
from .display import (
    caption,
    code,
    divider,
    error,
    exception,
    header,
    info,
    json,
    markdown,
    subheader,
    success,
    text,
    title,
    warning,
    write,
)
from .fragments import fragment
from .layout import columns, container, empty, expander, form, popover, sidebar, tabs
from .rich import image, latex, metric, progress, spinner, status, toast
from .run import active_store
from .state import SessionStateProxy
from .uploads import UploadedFile
from .widgets import (
    button,
    checkbox,
    color_picker,
    date_input,
    download_button,
    file_uploader,
    form_submit_button,
    multiselect,
    number_input,
    pills,
    radio,
    segmented_control,
    select_slider,
    selectbox,
    slider,
    text_area,
    text_input,
    time_input,
    toggle,
)

__version__ = "0.1.0"


class _ActiveSessionState(SessionStateProxy):
    """``st.session_state``: the session of the run under way, else the notebook's."""

    __slots__ = ()

    def __init__(self) -> None:
        pass

    @property  # type: ignore[override]
    def _store(self):  # noqa: ANN202 - resolves per access, so one object serves every session
        return active_store()


session_state: SessionStateProxy = _ActiveSessionState()


def run_app(target: Any, name: str | None = None, **kwargs: Any) -> Any:
    """Run ``target`` (source text or a function) as a live app and display it.

    Example:
        >>> def app():                                                  # doctest: +SKIP
        ...     st.write(st.slider("x", 0, 10))
        >>> nbstate.run_app(app, name="demo")                          # doctest: +SKIP
    """
    from .frontends.ipy import run_app as _run_app

    return _run_app(target, name=name, **kwargs)


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext nbstate``: register the ``%%app`` cell magic."""
    from .magic import load_ipython_extension as _load

    _load(ipython)


__all__ = [
    "UploadedFile", "altair_chart", "area_chart", "bar_chart", "button", "cache_data",
    "cache_resource", "caption", "checkbox", "code", "color_picker", "columns", "container",
    "dataframe", "date_input", "divider", "download_button", "empty", "error", "errors",
    "exception", "expander", "file_uploader", "form", "form_submit_button", "fragment",
    "header", "image", "info", "json", "latex", "line_chart", "markdown", "metric",
    "multiselect", "number_input", "pills", "plotly_chart", "popover", "progress", "pyplot",
    "radio", "rerun", "run_app", "scatter_chart", "segmented_control", "select_slider",
    "selectbox", "session_state", "sidebar", "slider", "spinner", "status", "stop",
    "subheader", "success", "table", "tabs", "text", "text_area", "text_input", "time_input",
    "title", "toast", "toggle", "vega_lite_chart", "warning", "write",
]

# -- data grid (st.dataframe selections, st.column_config, st.data_editor): issue 11 ----------
from . import column_config  # noqa: E402
from .grid_editor import data_editor  # noqa: E402

__all__ += ["column_config", "data_editor"]
