"""``streamlit.components.v1``: ``html``, ``iframe`` and ``declare_component``.

``html`` and ``iframe`` show HTML text / a URL in a sandboxed iframe, as Streamlit does
(see ``nbstate.embed``).

``declare_component(name, path=..., url=...)`` makes a custom component as Streamlit's does;
calling it shows the component's web page in a sandboxed iframe and speaks Streamlit's
component protocol with it (``streamlit:componentReady``, ``streamlit:render`` with the call's
keyword arguments, ``streamlit:setComponentValue``, ``streamlit:setFrameHeight``): the call
returns the value the page sent (``default`` until then), with ``key`` in session state and
``on_change`` run first, like any widget. A ``url=`` page (a dev server) is loaded from there;
a built ``path=`` folder is served by the kernel on ``127.0.0.1`` (as Streamlit's own server
serves it), which a browser on the same machine as the kernel reaches. What it cannot do, it
says: arguments must be JSON (a DataFrame or bytes argument, which Streamlit sends as Arrow or
binary, raises ``CustomComponentUnavailableError`` saying so), and a value sent as Arrow or
bytes is refused with a warning.

Example (inside an app):
    >>> import streamlit.components.v1 as components                 # doctest: +SKIP
    >>> components.html("<p>Hello from an iframe</p>", height=60)     # doctest: +SKIP
"""

from __future__ import annotations

import inspect
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..embed import components_html as html
from ..embed import components_iframe as iframe
from ..errors import CustomComponentUnavailableError, NbstateAPIException, RefusedValue
from ..kinds import Kind
from ..run import require


class CustomComponent:
    """What ``declare_component`` returns; call it (inside an app) to show the component.

    Example:
        >>> c = CustomComponent("demo.slider", url="http://localhost:3001")
        >>> c.name, c.url
        ('demo.slider', 'http://localhost:3001')
    """

    def __init__(self, name: str, path: str | None = None, url: str | None = None,
                 module_name: str | None = None) -> None:
        if path is None and url is None:
            raise NbstateAPIException("Either 'path' or 'url' must be set.")
        self.name = name
        self.path = path
        self.url = url
        self.module_name = module_name

    @property
    def abspath(self) -> str | None:
        return None if self.path is None else os.path.abspath(self.path)

    def __call__(self, *args: Any, default: Any = None, key: str | None = None,
                 on_change: Callable[..., None] | None = None, tab_index: int | None = None,
                 **kwargs: Any) -> Any:
        """Show the component: raises ``CustomComponentUnavailableError`` in a notebook."""
        return self.create_instance(*args, default=default, key=key, on_change=on_change,
                                    tab_index=tab_index, **kwargs)

    def create_instance(self, *args: Any, default: Any = None, key: str | None = None,
                        on_change: Callable[..., None] | None = None,
                        tab_index: int | None = None, **kwargs: Any) -> Any:
        """Show the component with ``kwargs`` as its arguments; return its value (``default``
        until the component sends one)."""
        if args:
            # Streamlit's own check comes first
            raise NbstateAPIException(
                f"Argument '{args[0]}' needs a label: custom components take keyword "
                "arguments only.")
        return component_instance(self, default=default, key=key, on_change=on_change,
                                  tab_index=tab_index, kwargs=kwargs)

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, CustomComponent) and self.name == other.name
                and self.path == other.path and self.url == other.url
                and self.module_name == other.module_name)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"CustomComponent(name={self.name!r}, path={self.path!r}, url={self.url!r})"


def declare_component(name: str, path: str | Path | None = None,
                      url: str | None = None) -> CustomComponent:
    """Declare a custom component, named after the calling module as in Streamlit
    (``"app.my_slider"`` for a call in ``app.py``). ``path``: the folder of its built
    frontend (``index.html``); ``url``: where its page is served (a dev server); ``url`` wins.

    Example:
        >>> c = declare_component("my_slider", url="http://localhost:3001")
        >>> c.name.endswith(".my_slider")
        True
    """
    if isinstance(path, Path):
        path = str(path)
    caller = inspect.currentframe().f_back  # type: ignore[union-attr]
    module_name = caller.f_globals.get("__name__", "__main__") if caller else "__main__"
    if module_name == "__main__":
        file = caller.f_globals.get("__file__") if caller else None
        module_name = os.path.splitext(os.path.basename(file))[0] if file else "__main__"
    return CustomComponent(f"{module_name}.{name}", path=path, url=url,
                           module_name=module_name)


def _check_json(spec: dict, v: Any) -> Any:
    """A value from the component's page: what JSON can carry (the page sends JSON)."""
    try:
        json.dumps(v, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise RefusedValue(f"a custom component sends JSON values ({e})") from None
    return v


def _from_state(spec: dict, v: Any, default: Any, label: Any, key: Any) -> Any:
    return v


#: the widget kind of a custom component instance (Streamlit's AppTest calls the element
#: ``component_instance`` too)
COMPONENT_KIND = Kind("component_instance", _check_json, _from_state, value_type="json")


def component_instance(component: CustomComponent, *, default: Any, key: str | None,
                       on_change: Callable[..., None] | None, tab_index: int | None,
                       kwargs: dict[str, Any]) -> Any:
    """One call of a custom component: a widget whose value the component's page sends."""
    ctx = require(component.name)
    for name, arg in kwargs.items():
        if isinstance(arg, (bytes, bytearray, memoryview)) or hasattr(arg, "to_arrow") or (
                hasattr(arg, "to_dict") and hasattr(arg, "columns")):
            raise CustomComponentUnavailableError(
                component.name,
                f"argument {name!r} is a {type(arg).__name__}, which Streamlit sends to the "
                "page as Arrow or binary data; nbstate sends JSON only: pass plain lists or "
                "dicts (for a DataFrame, df.to_dict('records'))")
    try:
        json_args = json.dumps(kwargs, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise NbstateAPIException(
            f"Could not convert the arguments of component \"{component.name}\" to JSON: {e}"
        ) from None
    if tab_index is not None and (isinstance(tab_index, bool) or not isinstance(tab_index, int)
                                  or tab_index < -1):
        raise NbstateAPIException(
            f"Component \"{component.name}\" got tab_index={tab_index!r}: it must be None, -1 "
            "or a non-negative integer.")
    ident = (component.name,) if key is not None else (
        component.name, component.url, component.abspath, json_args)
    props = {"label": component.name, "name": component.name, "url": component.url,
             "path": component.abspath, "args": json.loads(json_args),
             "tab_index": tab_index, "disabled": False}
    return ctx.widget(COMPONENT_KIND, component.name, key, ident, props, default,
                      callback=on_change)


__all__ = ["declare_component", "html", "iframe"]
