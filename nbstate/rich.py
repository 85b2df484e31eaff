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
from collections.abc import Sequence
from typing import Any

from .elements import Element
from .errors import InvalidArgumentError, NbstateAPIException
from .icons import check_icon
from .layout import Container, ElementHandle, handle
from .params import choice, ignored, size_ignored
from .run import require


def _delta_direction(delta: Any) -> str | None:
    if delta is None or delta == "":
        return None
    if isinstance(delta, (int, float)) and not isinstance(delta, bool):
        return "down" if delta < 0 else ("up" if delta > 0 else "none")
    s = str(delta).strip()
    return "down" if s.startswith("-") else "up"


_NAMED_COLORS = ("red", "orange", "yellow", "green", "blue", "violet", "gray", "grey",
                 "primary")


def metric(label: str, value: Any, delta: Any = None, delta_color: str = "normal", *,
           help: str | None = None, icon: str | None = None,
           label_visibility: str = "visible", border: bool = False, width: Any = "stretch",
           height: Any = "content", chart_data: Any = None, chart_type: str = "line",
           delta_arrow: str = "auto", format: Any = None,
           delta_description: str | None = None) -> ElementHandle:
    """A big number with an optional change (coloured as in Streamlit), an icon and a small
    chart of its recent values (``chart_data``, drawn as a line, area or bars).

    Example:
        >>> st.metric("Revenue", "$1.2M", "+8%", chart_data=[3, 5, 4, 8])  # doctest: +SKIP
    """
    size_ignored("metric", width, "stretch")
    ctx = require("metric")
    what = f'`st.metric` "{label}"'
    if delta_color not in ("normal", "inverse", "off", *_NAMED_COLORS):
        raise InvalidArgumentError(
            f'{what}: delta_color must be "normal", "inverse", "off" or a colour name '
            f"({', '.join(_NAMED_COLORS)}), got {delta_color!r}.")
    choice("metric", "chart_type", chart_type, ("line", "bar", "area"))
    choice("metric", "delta_arrow", delta_arrow, ("auto", "up", "down", "off"))
    direction = _delta_direction(delta)
    color = "gray"
    if delta_color in _NAMED_COLORS:
        color = "gray" if delta_color == "grey" else delta_color
    elif direction in ("up", "down") and delta_color != "off":
        good = (direction == "up") == (delta_color == "normal")
        color = "green" if good else "red"
    if delta_arrow != "auto" and direction is not None:
        direction = "none" if delta_arrow == "off" else delta_arrow
    series = None
    if chart_data is not None:
        series = []
        for v in _as_list(chart_data):
            try:
                series.append(float(v))
            except (TypeError, ValueError):
                raise InvalidArgumentError(
                    f"{what}: chart_data must hold numbers; {v!r} is a {type(v).__name__}."
                ) from None
    props: dict[str, Any] = {"label": str(label), "value": "—" if value is None else str(value),
             "delta": None if delta is None else str(delta), "direction": direction,
             "color": color, "help": help, "label_visibility": label_visibility,
             "border": bool(border)}
    if icon:
        props["icon"] = check_icon(icon, "metric", label)
    if delta_description is not None:
        props["delta_description"] = str(delta_description)
    if series:
        props["chart_data"] = series
        props["chart_type"] = chart_type
    if isinstance(height, int) and not isinstance(height, bool):
        props["height"] = height
    if format is not None:
        # as Streamlit's frontend: the value and delta show formatted; AppTest reads them
        # as given (and the format as its message's field)
        props["format"] = format
        props["shown_value"] = number_format(value, format)
        if delta is not None:
            props["shown_delta"] = number_format(delta, format)
    return handle(ctx, Element("metric", props=props))


_UNITS = (("", 1), ("K", 1e3), ("M", 1e6), ("B", 1e9), ("T", 1e12))


def number_format(v: Any, fmt: str) -> str:
    """``v`` shown with one of Streamlit's number formats ("dollar", "compact", "%.2f"...);
    text that is not a number stays as it is.

    Example:
        >>> number_format(1234.567, "dollar"), number_format(1234, "%,d")
        ('$1,234.57', '1,234')
    """
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        try:
            v = float(str(v).strip())
        except ValueError:
            return str(v)
    f = float(v)
    if fmt == "plain":
        return str(v)
    if fmt == "localized":
        return f"{v:,}"
    if fmt == "dollar":
        return f"-${-f:,.2f}" if f < 0 else f"${f:,.2f}"
    if fmt == "euro":
        return f"-€{-f:,.2f}" if f < 0 else f"€{f:,.2f}"
    if fmt == "yen":
        return f"-¥{-f:,.0f}" if f < 0 else f"¥{f:,.0f}"
    if fmt == "percent":
        return f"{f * 100:.2f}%"
    if fmt == "accounting":
        return f"({-f:,.2f})" if f < 0 else f"{f:,.2f}"
    if fmt in ("compact", "bytes"):
        if fmt == "bytes":
            steps = (("B", 1), ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12))
        else:
            steps = _UNITS
        unit, scale = next(((u, s) for u, s in reversed(steps) if abs(f) >= s), steps[0])
        return f"{f / scale:.1f}".rstrip("0").rstrip(".") + unit
    if fmt in ("scientific", "engineering"):
        if f == 0:
            return "0E0"
        import math

        exp = math.floor(math.log10(abs(f)))
        if fmt == "engineering":
            exp -= exp % 3
        return f"{f / 10 ** exp:.3f}".rstrip("0").rstrip(".") + f"E{exp}"
    if "%" in fmt:
        comma = "%," in fmt
        spec = fmt.replace("%,", "%")
        try:
            out = spec % (int(f) if spec.rstrip()[-1:] in "di" else f)
        except (TypeError, ValueError):
            raise InvalidArgumentError(
                f"`st.metric`: format {fmt!r} is not a printf-style number format.") from None
        if comma:
            import re

            out = re.sub(r"\d+", lambda m: f"{int(m.group()):,}", out, count=1)
        return out
    raise InvalidArgumentError(
        f"`st.metric`: format must be a printf-style string (such as '%.2f') or one of "
        "'plain', 'localized', 'dollar', 'euro', 'yen', 'percent', 'compact', 'scientific', "
        f"'engineering', 'accounting', 'bytes', got {fmt!r}.")


def _as_list(data: Any) -> list:
    """A sequence of values from a list, tuple, array, Series or one-column frame."""
    if hasattr(data, "to_numpy"):
        data = data.to_numpy()
    if hasattr(data, "ravel") and hasattr(data, "tolist"):
        return data.ravel().tolist()
    if isinstance(data, dict):
        return list(data.values())
    return list(data)


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


def progress(value: int | float, text: str | None = None,
             width: Any = "stretch") -> ElementHandle:
    """A progress bar (0-100 as int, or 0.0-1.0 as float); move it with ``.progress()``.

    Example:
        >>> bar = st.progress(0.25, text="a quarter")                    # doctest: +SKIP
        >>> bar.progress(50, text="half")                                # doctest: +SKIP
    """
    size_ignored("progress", width, "stretch")
    ctx = require("progress")
    h = handle(ctx, Element("progress", props=_progress_props(value, text)))
    ctx.flush()
    return h


class spinner:  # a function in Streamlit's API, a context manager here
    """Show a spinner while the block runs (live frontends show it; it is gone afterwards).

    Example:
        >>> with st.spinner("Loading data..."):                          # doctest: +SKIP
        ...     df = load()
    """

    def __init__(self, text: str = "In progress...", *, show_time: bool = False,
                 _cache: bool = False, width: Any = "content") -> None:
        self._ctx = require("spinner")
        size_ignored("spinner", width, "content")
        self._el = Element("spinner", props={"text": str(text), "show_time": show_time})

    def __enter__(self) -> spinner:
        self._ctx.emit(self._el)
        self._ctx.flush()
        return self

    def __exit__(self, *exc: Any) -> None:
        for container in self._ctx.stack:
            kids = container.contents
            for i, kid in enumerate(kids):
                if kid is self._el:
                    del kids[i]
                    return


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
           type: str = "default", width: Any = "stretch") -> StatusContainer:
    """A box that shows the state of a long task, with details inside.

    Example:
        >>> with st.status("Downloading...") as s:                      # doctest: +SKIP
        ...     st.write("step 1")
        ...     s.update(label="Done", state="complete")
    """
    size_ignored("status", width, "stretch")
    ctx = require("status")
    choice("status", "type", type, ("default", "compact", "step"))
    if type != "default":
        ignored("status", "type", type, "type")
    el = ctx.emit(Element("status", props={"label": str(label), "expanded": bool(expanded),
                                           "state": _status_state(state)}, children=[]))
    return StatusContainer(el, ctx)


def toast(body: str, *, icon: str | None = None, duration: Any = "short") -> ElementHandle:
    """A short message in the corner; ``.toast()`` on what it returns changes it.

    Example:
        >>> t = st.toast("Saving...")                                   # doctest: +SKIP
        >>> t.toast("Saved!", icon="✅")                                 # doctest: +SKIP
    """
    if not (duration in ("short", "long", "infinite")
            or isinstance(duration, int) and not isinstance(duration, bool) and duration > 0):
        raise InvalidArgumentError(
            f'`st.toast`: duration must be "short", "long", "infinite" or a number of seconds, '
            f"got {duration!r}.")
    ctx = require("toast")
    # "run": each run's toast is a new one, shown again even with the same text
    props = {"body": str(body), "icon": check_icon(icon, "toast"), "duration": duration,
             "run": ctx.app.runs}
    if not ctx.by_method:  # st.toast, not c.toast: Streamlit's event block
        props["event"] = ctx.event_order()
    return handle(ctx, Element("toast", props=props))


def latex(body: Any, *, help: str | None = None, width: Any = "stretch") -> ElementHandle:
    r"""A LaTeX formula (a string, or a sympy expression).

    Example:
        >>> st.latex(r"a^2 + b^2 = c^2")                                # doctest: +SKIP
    """
    size_ignored("latex", width, "stretch")
    ctx = require("latex")
    if not isinstance(body, str):
        try:
            import sympy

            body = sympy.latex(body)
        except ImportError:
            body = str(body)
    return handle(ctx, Element("latex", props={"body": body, "help": help}))


def _image_src(image: Any, output_format: str, clamp: bool = False) -> str:
    """A data: URI (or URL) for an image given as bytes, a path, a URL, an array or PIL.
    An array's values must lie in [0, 1] (floats) or [0, 255] (integers) unless ``clamp``
    clips them there, as Streamlit's."""
    if isinstance(image, str):
        head = image.lstrip()[:200]
        if head.startswith("<svg") or (head.startswith("<?xml") and "<svg" in image):
            # SVG markup given as text, as Streamlit takes it
            return f"data:image/svg+xml;base64,{base64.b64encode(image.encode()).decode()}"
        if image.startswith(("http://", "https://", "data:")):
            return image
        if not os.path.exists(image):
            raise InvalidArgumentError(f"`st.image`: no image file at {image!r}.")
        mime = mimetypes.guess_type(image)[0] or "image/png"
        with open(image, "rb") as f:
            return f"data:{mime};base64,{base64.b64encode(f.read()).decode()}"
    if isinstance(image, os.PathLike):
        return _image_src(os.fspath(image), output_format, clamp)
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
        top = 1.0 if arr.dtype.kind == "f" else 255
        if clamp:
            arr = np.clip(arr, 0, top)
        elif arr.size and (np.amin(arr) < 0 or np.amax(arr) > top):
            raise InvalidArgumentError(
                f"`st.image`: the array's data is outside [0, {top}] and clamp is not set: "
                "pass clamp=True to clip it.")
        buf = io.BytesIO()
        mpimg.imsave(buf, arr, format="png", cmap="gray" if arr.ndim == 2 else None)
        return f"data:image/png;base64,{base64.b64encode(buf.getvalue()).decode()}"
    raise InvalidArgumentError(
        f"`st.image` cannot show an object of type {type(image).__name__}: pass bytes, a path, "
        "a URL, a numpy array or a PIL image.")


def image(image: Any, caption: Any = None, width: Any = "content", clamp: bool = False,
          channels: str = "RGB", output_format: str = "auto", *,
          use_container_width: bool | None = None, link: str | None = None,
          use_column_width: Any = None, alt: Any = None) -> ElementHandle:
    """An image, or a list of images shown side by side (one element, as in Streamlit):
    bytes, a path, a URL, SVG text, an array (a 4-D array is a list of images) or a PIL image.
    ``caption`` and ``alt`` (the text for screen readers) take one value per image; ``link``
    makes the images links.

    Example:
        >>> st.image("logo.png", caption="Our logo", width=200)         # doctest: +SKIP
        >>> st.image([small, large], caption=["small", "large"])         # doctest: +SKIP
    """
    ctx = require("image")
    choice("image", "channels", channels, ("RGB", "BGR"))
    images = _image_list(image)
    captions = _captions(caption, len(images))
    alts = _alts(alt, len(images), from_set=isinstance(image, set))
    # as wide as its container: width="stretch", use_container_width=True, or the older
    # use_column_width=True/"always"
    stretch = (width == "stretch" or use_container_width is True
               or use_column_width is True or use_column_width == "always")
    entries = []
    for img, cap, alt_ in zip(images, captions, alts, strict=True):
        if channels == "BGR" and hasattr(img, "shape") and len(img.shape) == 3:
            img = img[..., ::-1]  # BGR (OpenCV) to RGB
        entry = {"src": _image_src(img, output_format, bool(clamp))}
        if cap is not None:
            entry["caption"] = str(cap)
        text = alt_text(alt_)
        if text is not None:
            entry["alt"] = text
        entries.append(entry)
    props: dict[str, Any] = {"images": entries, "width": width, "stretch": stretch}
    if link:
        props["link"] = link
    return handle(ctx, Element("image", props=props))


def _image_list(image: Any) -> list[Any]:
    """The images of one ``st.image`` call: a list, tuple or set, the images of a 4-D array
    (N images of height x width x channels), or one image."""
    if isinstance(image, (list, tuple, set)):
        return list(image)
    shape = getattr(image, "shape", None)
    if shape is not None and hasattr(image, "dtype") and len(shape) == 4:
        return [image[i, :, :, :] for i in range(shape[0])]
    return [image]


def _captions(caption: Any, n: int) -> list[Any]:
    """One caption per image, as Streamlit pairs them (a list, a string, a 1-D array; any
    other value is one caption's text)."""
    if isinstance(caption, list):
        captions = caption
    elif isinstance(caption, str):
        captions = [caption]
    elif caption is None:
        captions = [None] * n
    elif getattr(caption, "ndim", None) == 1 and hasattr(caption, "tolist"):
        captions = caption.tolist()
    else:
        captions = [str(caption)]
    if len(captions) != n:
        raise NbstateAPIException(f"Cannot pair {len(captions)} captions with {n} images.")
    return captions


def _alts(alt: Any, n: int, from_set: bool) -> list[Any]:
    """One ``alt`` per image: a sequence of as many, or one value for one image."""
    if alt is None:
        return [None] * n
    if isinstance(alt, (str, bytes, bytearray)) or not (
            isinstance(alt, Sequence) or getattr(alt, "ndim", None) == 1):
        if n != 1:
            what = "string" if isinstance(alt, str) else "value"
            raise NbstateAPIException(
                f"A single `alt` {what} can only be used with a single image. You passed {n} "
                f"images; provide a sequence of {n} alt values (use None to skip an image).")
        return [alt]
    if from_set:
        raise NbstateAPIException(
            "A sequence-valued `alt` cannot be paired with a set of images because set order "
            "is undefined. Pass a list or tuple of images.")
    alts = alt.tolist() if hasattr(alt, "tolist") else list(alt)
    if len(alts) != n:
        raise NbstateAPIException(f"Cannot pair {len(alts)} alt values with {n} images.")
    return alts


def alt_text(alt: Any) -> str | None:
    """An image's text for screen readers, as Streamlit normalizes it: ``None`` when omitted
    or blank, ``""`` for a decorative image, else the stripped text."""
    if alt is None:
        return None
    text = alt.decode("utf-8") if isinstance(alt, (bytes, bytearray)) else str(alt)
    if text == "":
        return ""
    return text.strip() or None
