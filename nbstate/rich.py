"""Rich display elements: ``metric``, ``progress``, ``spinner``, ``status``, ``toast``,
``latex`` and ``image``.

Example (inside an app):
    >>> st.metric("Temperature", "21 °C", "-1.5 °C")                   # doctest: +SKIP
    >>> bar = st.progress(0, text="loading")                          # doctest: +SKIP
    >>> bar.progress(50)                                               # doctest: +SKIP
"""

from __future__ import annotations

import base64
import io
import mimetypes
import os
from typing import Any

from .elements import Element
from .errors import InvalidArgumentError
from .layout import Container
from .run import RunContext, require


def _delta_direction(delta: Any) -> str | None:
    if delta is None or delta == "":
        return None
    if isinstance(delta, (int, float)) and not isinstance(delta, bool):
        return "down" if delta < 0 else ("up" if delta > 0 else "none")
    s = str(delta).strip()
    return "down" if s.startswith("-") else "up"


def metric(label: str, value: Any, delta: Any = None, delta_color: str = "normal",
           help: str | None = None, label_visibility: str = "visible", border: bool = False,
           *, width: Any = "stretch", height: Any = "content", chart_data: Any = None,
           chart_type: str = "line", delta_arrow: str = "auto", format: Any = None) -> None:
    """A big number with an optional change, coloured as in Streamlit.

    Example:
        >>> st.metric("Revenue", "$1.2M", "+8%")                         # doctest: +SKIP
    """
    ctx = require("metric")
    if delta_color not in ("normal", "inverse", "off"):
        raise InvalidArgumentError(
            f'`st.metric` "{label}": delta_color must be "normal", "inverse" or "off", got '
            f"{delta_color!r}.")
    direction = _delta_direction(delta)
    color = "gray"
    if direction in ("up", "down") and delta_color != "off":
        good = (direction == "up") == (delta_color == "normal")
        color = "green" if good else "red"
    ctx.emit(Element("metric", props={
        "label": str(label), "value": "—" if value is None else str(value),
        "delta": None if delta is None else str(delta), "direction": direction,
        "color": color, "help": help, "label_visibility": label_visibility,
        "border": bool(border)}))


class Progress:
    """What ``st.progress`` returns: call ``.progress(value, text)`` to move the bar."""

    def __init__(self, el: Element, ctx: RunContext) -> None:
        self._el = el
        self._ctx = ctx

    def progress(self, value: int | float, text: str | None = None) -> Progress:
        self._el.props.update(_progress_props(value, text))
        self._ctx.flush()
        return self


def _progress_props(value: Any, text: str | None) -> dict:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidArgumentError(f"`st.progress`: value must be a number, got {value!r}.")
    if isinstance(value, int):
        if not 0 <= value <= 100:
            raise InvalidArgumentError(
                f"`st.progress`: an int value must be between 0 and 100, got {value}.")
        frac = value / 100
    else:
        if not 0.0 <= value <= 1.0:
            raise InvalidArgumentError(
                f"`st.progress`: a float value must be between 0.0 and 1.0, got {value}.")
        frac = value
    return {"value": round(frac * 100), "fraction": frac, "text": text}


def progress(value: int | float, text: str | None = None, *, width: Any = "stretch") -> Progress:
    """A progress bar (0-100 as int, or 0.0-1.0 as float).

    Example:
        >>> bar = st.progress(0.25, text="a quarter")                    # doctest: +SKIP
    """
    ctx = require("progress")
    el = ctx.emit(Element("progress", props=_progress_props(value, text)))
    ctx.flush()
    return Progress(el, ctx)


class spinner:  # noqa: N801 - a function in Streamlit's API, a context manager here
    """Show a spinner while the block runs (live frontends show it; it is gone afterwards).

    Example:
        >>> with st.spinner("Loading data..."):                          # doctest: +SKIP
        ...     df = load()
    """

    def __init__(self, text: str = "In progress...", *, show_time: bool = False,
                 width: Any = "content") -> None:
        self._ctx = require("spinner")
        self._el = Element("spinner", props={"text": str(text), "show_time": show_time})

    def __enter__(self) -> spinner:
        self._ctx.emit(self._el)
        self._ctx.flush()
        return self

    def __exit__(self, *exc: Any) -> None:
        for container in self._ctx.stack:
            if self._el in container.children:
                container.children.remove(self._el)
                break


class StatusContainer(Container):
    """What ``st.status`` returns: a container with a label and a state."""

    __slots__ = ()

    def update(self, *, label: str | None = None, expanded: bool | None = None,
               state: str | None = None) -> None:
        """Change the label, the state (running/complete/error) or whether it is open."""
        p = self._el.props
        if label is not None:
            p["label"] = label
        if expanded is not None:
            p["expanded"] = bool(expanded)
        if state is not None:
            p["state"] = _status_state(state)
        self._ctx.flush()

    def __exit__(self, *exc: Any) -> None:
        Container.__exit__(self, *exc)
        if self._el.props["state"] == "running":
            self._el.props["state"] = "error" if exc and exc[0] is not None else "complete"


def _status_state(state: str) -> str:
    if state not in ("running", "complete", "error"):
        raise InvalidArgumentError(
            f"`st.status`: state must be 'running', 'complete' or 'error', got {state!r}.")
    return state


def status(label: str, *, expanded: bool = False, state: str = "running",
           width: Any = "stretch") -> StatusContainer:
    """A box that shows the state of a long task, with details inside.

    Example:
        >>> with st.status("Downloading...") as s:                      # doctest: +SKIP
        ...     st.write("step 1")
        ...     s.update(label="Done", state="complete")
    """
    ctx = require("status")
    el = ctx.emit(Element("status", props={"label": str(label), "expanded": bool(expanded),
                                           "state": _status_state(state)}, children=[]))
    return StatusContainer(el, ctx)


def toast(body: str, *, icon: str | None = None, duration: Any = "short") -> None:
    """A short message in the corner.

    Example:
        >>> st.toast("Saved!", icon="✅")                                # doctest: +SKIP
    """
    if not (duration in ("short", "long", "infinite")
            or isinstance(duration, int) and not isinstance(duration, bool) and duration > 0):
        raise InvalidArgumentError(
            f'`st.toast`: duration must be "short", "long", "infinite" or a number of seconds, '
            f"got {duration!r}.")
    ctx = require("toast")
    # "run": each run's toast is a new one, shown again even with the same text
    ctx.emit(Element("toast", props={"body": str(body), "icon": icon, "duration": duration,
                                     "run": ctx.app.runs}))


def latex(body: Any, *, help: str | None = None, width: Any = "stretch") -> None:
    r"""A LaTeX formula (a string, or a sympy expression).

    Example:
        >>> st.latex(r"a^2 + b^2 = c^2")                                # doctest: +SKIP
    """
    ctx = require("latex")
    if not isinstance(body, str):
        try:
            import sympy

            body = sympy.latex(body)
        except ImportError:
            body = str(body)
    ctx.emit(Element("latex", props={"body": body, "help": help}))


def _image_src(image: Any, output_format: str) -> str:
    """A data: URI (or URL) for an image given as bytes, a path, a URL, an array or PIL."""
    if isinstance(image, str):
        if image.startswith(("http://", "https://", "data:")):
            return image
        if not os.path.exists(image):
            raise InvalidArgumentError(f"`st.image`: no image file at {image!r}.")
        mime = mimetypes.guess_type(image)[0] or "image/png"
        with open(image, "rb") as f:
            return f"data:{mime};base64,{base64.b64encode(f.read()).decode()}"
    if isinstance(image, os.PathLike):
        return _image_src(os.fspath(image), output_format)
    if isinstance(image, (bytes, bytearray)):
        raw = bytes(image)
        mime = "image/jpeg" if raw[:3] == b"\xff\xd8\xff" else (
            "image/gif" if raw[:4] == b"GIF8" else (
                "image/svg+xml" if raw.lstrip()[:1] == b"<" else "image/png"))
        return f"data:{mime};base64,{base64.b64encode(raw).decode()}"
    fmt = "JPEG" if output_format.upper() in ("JPEG", "JPG") else "PNG"
    if type(image).__module__.startswith("PIL"):
        buf = io.BytesIO()
        image.save(buf, format=fmt)
        return f"data:image/{fmt.lower()};base64,{base64.b64encode(buf.getvalue()).decode()}"
    if hasattr(image, "shape") and hasattr(image, "dtype"):
        try:
            import matplotlib.image as mpimg
        except ImportError:
            raise InvalidArgumentError(
                "`st.image` needs matplotlib (or Pillow) to show arrays: pip install "
                "matplotlib") from None
        import numpy as np

        arr = np.asarray(image)
        if arr.dtype.kind == "f":
            arr = np.clip(arr, 0.0, 1.0)
        buf = io.BytesIO()
        mpimg.imsave(buf, arr, format="png", cmap="gray" if arr.ndim == 2 else None)
        return f"data:image/png;base64,{base64.b64encode(buf.getvalue()).decode()}"
    raise InvalidArgumentError(
        f"`st.image` cannot show an object of type {type(image).__name__}: pass bytes, a path, "
        "a URL, a numpy array or a PIL image.")


def image(image: Any, caption: Any = None, width: Any = None,
          use_column_width: Any = None, clamp: bool = False, channels: str = "RGB",
          output_format: str = "auto", *, use_container_width: bool | None = None) -> None:
    """An image, or a list of images.

    Example:
        >>> st.image("logo.png", caption="Our logo", width=200)         # doctest: +SKIP
    """
    ctx = require("image")
    images = image if isinstance(image, (list, tuple)) else [image]
    captions = caption if isinstance(caption, (list, tuple)) else [caption] * len(images)
    # as wide as its container: width="stretch", use_container_width=True, or the older
    # use_column_width=True/"always"
    stretch = (width == "stretch" or use_container_width is True
               or use_column_width is True or use_column_width == "always")
    for img, cap in zip(images, captions, strict=False):
        ctx.emit(Element("image", props={"src": _image_src(img, output_format),
                                         "caption": cap, "width": width,
                                         "stretch": stretch}))
