"""``streamlit.components.v1``: ``html``, ``iframe`` and ``declare_component``.

``html`` and ``iframe`` show HTML text / a URL in a sandboxed iframe, as Streamlit does
(see ``nbstate.embed``). ``declare_component`` makes a component object as Streamlit's does,
but calling it raises ``CustomComponentUnavailableError``: a custom component's frontend is a
web page served by Streamlit's server that exchanges render arguments and values with it over
Streamlit's component protocol, and a notebook kernel has no such server.

Example (inside an app):
    >>> import streamlit.components.v1 as components                 # doctest: +SKIP
    >>> components.html("<p>Hello from an iframe</p>", height=60)     # doctest: +SKIP
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..embed import components_html as html
from ..embed import components_iframe as iframe
from ..errors import CustomComponentUnavailableError, NbstateAPIException


class CustomComponent:
    """What ``declare_component`` returns. Calling it raises
    ``CustomComponentUnavailableError`` (why: see the module docstring).

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
        if args:
            # Streamlit's own check comes first
            raise NbstateAPIException(
                f"Argument '{args[0]}' needs a label: custom components take keyword "
                "arguments only.")
        where = f"url {self.url!r}" if self.url else f"path {self.path!r}"
        raise CustomComponentUnavailableError(self.name, where)

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
    (``"app.my_slider"`` for a call in ``app.py``).

    The component object is made (so a module that declares components imports fine), but
    showing it raises ``CustomComponentUnavailableError``, which says why and what to use
    instead.

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


__all__ = ["declare_component", "html", "iframe"]
