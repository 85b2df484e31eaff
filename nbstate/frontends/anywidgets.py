"""Front-end pieces ipywidgets lacks, as anywidget classes (no lab extension, no build step).

The ESM modules live in ``nbstate/js/`` (copies of the repository's ``js/``, where their node tests
are) and are loaded with ``importlib.resources``, so ``pip install nbstate`` brings everything.

- ``DownloadButton``: ``st.download_button``. A click saves ``data`` as ``file_name`` with the
  ``mime`` type in the browser, then tells the kernel (``on_click`` handlers run), which reruns
  the app.
- ``StaleMarker``: put one in an app's root box (give the box the class ``nbstate-app``) and
  set its ``app`` to that box; while ``running`` is true a "Running..." badge shows and the
  previous run's elements fade; while ``stale`` is true they fade (no badge). Through ``app``
  it also makes the app's boxes keyed in the browser: a rerun that adds or removes one widget
  creates or removes only that widget's view, where ipywidgets alone would re-create every view
  after it.

Example:
    >>> b = DownloadButton(label="Save", data=b"a,b\\n", file_name="t.csv", mime="text/csv")
    >>> b.on_click(lambda button: print("clicked", button.file_name))
    >>> b.click()
    clicked t.csv
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

import anywidget
import traitlets as t
from ipywidgets import Box, CallbackDispatcher, widget_serialization

#: the class an app's root box carries, so that a StaleMarker finds the box it marks
APP_CLASS = "nbstate-app"


@cache
def asset(name: str) -> str:
    """The text of one file of ``nbstate/js/`` (an ESM module or a stylesheet).

    Example:
        >>> "export default" in asset("download_button.js")
        True
    """
    return resources.files("nbstate").joinpath("js").joinpath(name).read_text(encoding="utf-8")


class DownloadButton(anywidget.AnyWidget):
    """A button that downloads ``data`` in the browser and reports the click to the kernel."""

    _esm = asset("download_button.js")

    label = t.Unicode("").tag(sync=True)
    data = t.Bytes(b"").tag(sync=True)
    file_name = t.Unicode("download").tag(sync=True)
    mime = t.Unicode("application/octet-stream").tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)
    help = t.Unicode("").tag(sync=True)
    button_type = t.Unicode("secondary").tag(sync=True)
    #: the data is a function, called when the browser asks for it (a click)
    deferred = t.Bool(False).tag(sync=True)
    #: kernel side only: returns (bytes, mime) for a deferred button
    fetch = t.Any(None, allow_none=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._click_handlers = CallbackDispatcher()
        self.on_msg(self._handle_button_msg)

    def on_click(self, callback: Callable[[DownloadButton], Any], remove: bool = False) -> None:
        """Call ``callback(button)`` after each click in the browser (as ipywidgets' Button)."""
        self._click_handlers.register_callback(callback, remove=remove)

    def click(self) -> None:
        """Act as if the button was clicked (the browser's download is not involved)."""
        self._click_handlers(self)

    def _handle_button_msg(self, _widget: Any, content: dict, _buffers: Any) -> None:
        if not isinstance(content, dict) or self.disabled:
            return
        if content.get("event") == "click":
            self.click()
        elif content.get("event") == "fetch" and self.deferred and self.fetch is not None:
            self.send_data()

    def send_data(self) -> None:
        """Call the deferred data's function and send its bytes to the browser (which saves
        them and then reports the click); a failure is sent instead, naming the error."""
        try:
            data, mime = self.fetch()
        except Exception as e:  # the user's function failed: say so in the browser
            self.send({"event": "error", "message": f"{type(e).__name__}: {e}"})
            return
        self.send({"event": "data", "mime": mime}, buffers=[data])


class StaleMarker(anywidget.AnyWidget):
    """Marks its app while a rerun runs (``running``: badge plus faded elements) or while the
    elements shown are stale (``stale``: faded), and keys the children of the app's boxes
    (``app``: the app's root box) in the browser.

    Example:
        >>> import ipywidgets as W
        >>> marker = StaleMarker()
        >>> root = W.VBox([marker])
        >>> _ = root.add_class(APP_CLASS)
        >>> marker.app = root
        >>> marker.running = True   # while a rerun runs
    """

    _esm = asset("stale_marker.js")
    # the app's stylesheet (Streamlit's look, scoped to the app's root: see frontends/look.py)
    # comes with the marker: one per app root
    _css = asset("stale_marker.css") + "\n" + asset("app.css")

    #: a rerun is under way: the badge shows and the app fades
    running = t.Bool(False).tag(sync=True)
    #: the elements on show are a previous run's (a callback failed): the app fades
    stale = t.Bool(False).tag(sync=True)
    text = t.Unicode("Running...").tag(sync=True)
    #: while a run's output is shown as it comes: the models showing the previous run's
    #: elements below the current point (faded in the browser until replaced)
    stale_ids = t.List(t.Unicode()).tag(sync=True)
    #: a run's output is being shown as it comes: only ``stale_ids`` fade, not the app
    live = t.Bool(False).tag(sync=True)
    app = t.Instance(Box, allow_none=True).tag(sync=True, **widget_serialization)


def download_button_traits(props: dict[str, Any]) -> dict[str, Any]:
    """The ``DownloadButton`` traits for the props of a ``download_button`` element.

    Example:
        >>> download_button_traits({"label": "Save", "data": b"x", "file_name": "x.txt",
        ...                         "mime": "text/plain", "disabled": False})["file_name"]
        'x.txt'
    """
    from ..widgets import download_data

    data = props.get("data")
    deferred = callable(data) and not isinstance(data, (bytes, str))
    return {
        "label": str(props.get("label", "")),
        # deferred data (a function) is called only when the browser asks (a click)
        "data": b"" if deferred else bytes(data or b""),
        "deferred": deferred,
        "fetch": functools.partial(download_data, dict(props)) if deferred else None,
        "file_name": str(props.get("file_name") or "download"),
        "mime": str(props.get("mime") or "application/octet-stream"),
        "disabled": bool(props.get("disabled", False)),
        "help": str(props.get("help") or ""),
        "button_type": str(props.get("type") or "secondary"),
    }
