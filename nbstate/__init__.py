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
from . import pages_dir as _pages_dir  # noqa: F401 (the pages/ folder's menu)

# -- the rest of Streamlit 1.67's st namespace: page config, options, pages, media, more widgets,
# dialog/grid, secrets, connections (issue 10) --
from .blocks import dialog, grid
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

# chat and streaming (issue 10)
from .chat import bottom, chat_input, chat_message, write_stream
from .config import get_option, set_option
from .connections import connection
from .control import rerun, stop
from .data import dataframe, pyplot, table
from .display import (
    caption,
    code,
    divider,
    error,
    exception,
    header,
    help,  # Streamlit 1.67 signatures and handles (issue 10)
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
from .media import (
    audio,
    badge,
    balloons,
    echarts_chart,
    echo,
    graphviz_chart,
    map,
    mermaid_chart,
    pdf,
    pydeck_chart,
    skeleton,
    snow,
    space,
    video,
)
from .more_widgets import (
    audio_input,
    camera_input,
    datetime_input,
    feedback,
    link_button,
    menu_button,
    pagination,
)
from .page import (
    Page,
    context,
    login,
    logo,
    logout,
    navigation,
    page_link,
    query_params,
    set_page_config,
    switch_page,
    user,
)
from .rich import image, latex, metric, progress, spinner, status, toast
from .run import active_store
from .script_app import App
from .secrets import secrets
from .state import SessionStateProxy
from .uploads import UploadedFile  # noqa: F401 - st.UploadedFile, as before (not in dir(st))
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

# -- shim area: Streamlit code unmodified (`import streamlit` inside an app gives nbstate),
# st.html, st.iframe, st.components.v1; st.runtime and st.delta_generator as in Streamlit --
from . import components, delta_generator, runtime, shim  # noqa: F401
from .embed import html, iframe

shim.install()


class _ActiveSessionState(SessionStateProxy):
    """``st.session_state``: the session of the run under way, else the notebook's."""

    __slots__ = ()

    def __init__(self) -> None:
        pass

    @property  # type: ignore[override]
    def _store(self):  # resolves per access, so one object serves every session
        return active_store()


session_state: SessionStateProxy = _ActiveSessionState()


def run_app(target: Any, name: str | None = None, **kwargs: Any) -> Any:
    """Run ``target`` (source text, a function, or the path of a Streamlit script such as
    ``"app.py"``) as a live app and display it.

    Example:
        >>> def app():                                                  # doctest: +SKIP
        ...     st.write(st.slider("x", 0, 10))
        >>> nbstate.run_app(app, name="demo")                          # doctest: +SKIP
        >>> nbstate.run_app("app.py")    # an existing Streamlit script  # doctest: +SKIP
    """
    from .frontends.ipy import run_app as _run_app

    return _run_app(target, name=name, **kwargs)


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext nbstate``: register the ``%%app`` cell magic."""
    from .magic import load_ipython_extension as _load

    _load(ipython)


__all__ = [
    "altair_chart", "area_chart", "bar_chart", "button", "cache_data",
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
# shim area: st.components.v1, st.html, st.iframe
__all__ += ["components", "html", "iframe"]


def __dir__() -> list[str]:
    """``dir(st)``: the public ``st`` names (Streamlit's that nbstate has, and ``run_app``),
    not the modules and helpers the package is made of."""
    return sorted(__all__)

# -- the rest of Streamlit 1.67's st namespace (issue 10) --
__all__ += [
    "App", "Page", "audio", "audio_input", "badge", "balloons", "camera_input", "connection",
    "context", "datetime_input", "dialog", "echarts_chart", "echo", "feedback", "get_option",
    "graphviz_chart", "grid", "help", "link_button", "login", "logo", "logout", "map",
    "menu_button", "mermaid_chart", "navigation", "page_link", "pagination", "pdf",
    "pydeck_chart", "query_params", "secrets", "set_option", "set_page_config", "skeleton",
    "snow", "space", "switch_page", "user", "video",
]
# chat and streaming (issue 10)
__all__ += ["bottom", "chat_input", "chat_message", "write_stream"]

# -- data grid (st.dataframe selections, st.column_config, st.data_editor): issue 11 ----------
from . import column_config  # noqa: E402
from .grid_editor import data_editor  # noqa: E402

__all__ += ["column_config", "data_editor"]
