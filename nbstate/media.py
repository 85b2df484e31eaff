"""Display elements that Streamlit 1.67 has and the first version of nbstate lacked: media
(``audio``, ``video``, ``pdf``), decoration (``badge``, ``space``, ``balloons``, ``snow``,
``skeleton``), introspection (``help``, ``echo``) and the diagram charts (``map``,
``pydeck_chart``, ``graphviz_chart``, ``mermaid_chart``, ``echarts_chart``).

Each appends a plain element record; the live frontend draws it (``frontends/api_bindings.py``).
Media are carried as ``data:`` URIs (or the URL given), so the browser plays them with its own
``<audio>``/``<video>`` players. ``st.map`` is a Vega-Lite chart of the points on a Mercator
projection (no tiles: a kernel may have no network, and Streamlit's tiles come from its own
Mapbox account); ``st.mermaid_chart`` is a ```` ```mermaid ```` Markdown block, which JupyterLab
draws itself; ``st.graphviz_chart`` is drawn to SVG by Graphviz's ``dot`` when installed, else
its DOT source is shown with a note.

Example (inside an app):
    >>> st.audio("song.mp3")                                           # doctest: +SKIP
    >>> st.badge("New", color="green")                                 # doctest: +SKIP
    >>> st.map(df)            # columns lat/lon (or latitude/longitude)  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import contextlib
import datetime as _dt
import inspect
import io
import json
import linecache
import math
import mimetypes
import os
import re
import shutil
import subprocess
import textwrap
from collections.abc import Iterator
from typing import Any

from .elements import Element
from .errors import InvalidArgumentError
from .icons import check_icon
from .layout import ElementHandle, handle
from .params import choice, size_ignored
from .run import require

# -- media -----------------------------------------------------------------------------------


def _seconds(func: str, name: str, t: Any) -> float | None:
    if t is None:
        return None
    if isinstance(t, bool):
        raise InvalidArgumentError(f"`st.{func}`: {name} must be a number of seconds.")
    if isinstance(t, (int, float)):
        return float(t)
    if isinstance(t, _dt.timedelta):
        return t.total_seconds()
    if isinstance(t, str):
        m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(s|sec|second|seconds|m|min|minute|minutes)?\s*",
                         t)
        if m:
            n = float(m.group(1))
            return n * 60 if (m.group(2) or "s").startswith("m") else n
    raise InvalidArgumentError(
        f"`st.{func}`: {name} must be seconds (a number, a timedelta or a string such as "
        f"'2s' or '1m'), got {t!r}.")


def _wav(samples: Any, rate: int) -> bytes:
    """A mono or multi-channel float/int array as 16-bit PCM WAV bytes (as Streamlit does)."""
    import wave

    import numpy as np

    a = np.asarray(samples, dtype=float)
    if a.ndim == 2:  # (channels, samples), as Streamlit takes it
        channels = a.shape[0]
        a = a.T.reshape(-1)
    elif a.ndim == 1:
        channels = 1
    else:
        raise InvalidArgumentError("`st.audio`: an array must be 1-D (mono) or 2-D "
                                   "(channels x samples).")
    peak = float(np.max(np.abs(a))) if a.size else 0.0
    pcm = (a / peak * 32767).astype("<i2") if peak > 0 else a.astype("<i2")
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(int(rate))
        w.writeframes(pcm.tobytes())
    return buf.getvalue()


def _media_src(func: str, data: Any, mime: str, sample_rate: int | None = None) -> str:
    """A data: URI (or the URL) for media given as a URL, a path, bytes, a file or an array."""
    if isinstance(data, (str, os.PathLike)):
        s = os.fspath(data)
        if s.startswith(("http://", "https://", "data:")):
            return s
        if not os.path.exists(s):
            raise InvalidArgumentError(f"`st.{func}`: no file at {s!r} (and it is not a URL).")
        guessed = mimetypes.guess_type(s)[0]
        with open(s, "rb") as f:
            raw = f.read()
        return f"data:{guessed or mime};base64,{base64.b64encode(raw).decode()}"
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
    elif isinstance(data, io.IOBase) or hasattr(data, "read"):
        if hasattr(data, "seek"):
            data.seek(0)
        raw = data.read()
        if isinstance(raw, str):
            raw = raw.encode()
    elif hasattr(data, "shape") or isinstance(data, (list, tuple)):
        if func != "audio":
            raise InvalidArgumentError(f"`st.{func}` does not take an array; give a file, "
                                       "bytes or a URL.")
        if sample_rate is None:
            raise InvalidArgumentError(
                "`st.audio`: sample_rate must be given when data is an array of samples.")
        raw, mime = _wav(data, sample_rate), "audio/wav"
    elif data is None:
        raise InvalidArgumentError(f"`st.{func}`: data cannot be None.")
    else:
        raise InvalidArgumentError(
            f"`st.{func}`: cannot play a {type(data).__name__}; give a URL, a path, bytes or "
            "a file-like object.")
    return f"data:{mime};base64,{base64.b64encode(raw).decode()}"


def _px(width: Any) -> int | None:
    """A width in pixels, or None for "stretch" (as wide as the container)."""
    return width if isinstance(width, int) and not isinstance(width, bool) and width > 0 else None


def _fragment(start: float | None, end: float | None) -> str:
    """The media fragment (``#t=start,end``) that makes a browser play only that span."""
    if not start and end is None:
        return ""
    s = f"{start or 0:g}"
    return f"#t={s}" + (f",{end:g}" if end is not None else "")


def audio(data: Any, format: str = "audio/wav", start_time: Any = 0, *,
          sample_rate: int | None = None, end_time: Any = None, loop: bool = False,
          autoplay: bool = False, alt: str | None = None, width: Any = "stretch") -> ElementHandle:
    """An audio player: a URL, a file path, bytes, a file, or a NumPy array of samples (with
    ``sample_rate``).

    Example:
        >>> st.audio(samples, sample_rate=44100)                        # doctest: +SKIP
    """
    ctx = require("audio")
    start = _seconds("audio", "start_time", start_time)
    end = _seconds("audio", "end_time", end_time)
    src = _media_src("audio", data, format, sample_rate)
    return handle(ctx, Element("audio", props={
        "src": src + _fragment(start, end), "format": format, "start_time": start,
        "end_time": end, "loop": bool(loop), "autoplay": bool(autoplay), "alt": alt,
        "width": _px(width)}))


def video(data: Any, format: str = "video/mp4", start_time: Any = 0, *, subtitles: Any = None,
          end_time: Any = None, loop: bool = False, autoplay: bool = False, muted: bool = False,
          alt: str | None = None, width: Any = "stretch") -> ElementHandle:
    """A video player: a URL, a file path, bytes or a file; ``subtitles`` as WebVTT/SRT text,
    a path, or a dict of label -> subtitles.

    Example:
        >>> st.video("clip.mp4", start_time=5, muted=True)              # doctest: +SKIP
    """
    ctx = require("video")
    start = _seconds("video", "start_time", start_time)
    end = _seconds("video", "end_time", end_time)
    src = _media_src("video", data, format)
    tracks = []
    if subtitles is not None:
        items = subtitles.items() if isinstance(subtitles, dict) else [("default", subtitles)]
        for label, sub in items:
            tracks.append({"label": str(label), "src": _vtt_src(sub)})
    return handle(ctx, Element("video", props={
        "src": src + _fragment(start, end), "format": format, "start_time": start,
        "end_time": end, "loop": bool(loop), "autoplay": bool(autoplay), "muted": bool(muted),
        "subtitles": tracks, "alt": alt, "width": _px(width)}))


def _vtt_src(sub: Any) -> str:
    if isinstance(sub, (str, os.PathLike)) and os.path.exists(os.fspath(sub)):
        with open(os.fspath(sub), encoding="utf-8") as f:
            sub = f.read()
    elif isinstance(sub, bytes):
        sub = sub.decode("utf-8")
    elif hasattr(sub, "read"):
        sub = sub.read()
        sub = sub.decode("utf-8") if isinstance(sub, bytes) else sub
    text = str(sub)
    if not text.lstrip().startswith("WEBVTT"):  # SRT: commas in times, no header
        text = "WEBVTT\n\n" + re.sub(r"(\d\d:\d\d:\d\d),(\d\d\d)", r"\1.\2", text)
    return "data:text/vtt;base64," + base64.b64encode(text.encode()).decode()


def pdf(data: Any, *, height: Any = 500, key: str | None = None,
        alt: str | None = None) -> ElementHandle:
    """A PDF viewer (the browser's own), ``height`` pixels tall.

    Example:
        >>> st.pdf("report.pdf", height=600)                            # doctest: +SKIP
    """
    ctx = require("pdf")
    if not (height == "stretch" or (isinstance(height, int) and not isinstance(height, bool)
                                    and height > 0)):
        raise InvalidArgumentError(
            f"`st.pdf`: height must be a positive number of pixels or 'stretch', got {height!r}.")
    if key is not None:
        from .state import normalize_key

        key = normalize_key(key)
        ctx.check_key(key)
    return handle(ctx, Element("pdf", key=key, props={
        "src": _media_src("pdf", data, "application/pdf"), "height": height, "alt": alt}))


# -- decoration ------------------------------------------------------------------------------

_BADGE_COLORS = ("red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "primary")


def badge(label: str, *, icon: str | None = None, color: str = "blue", width: Any = "content",
          help: str | None = None) -> ElementHandle:
    """A small coloured label.

    Example:
        >>> st.badge("Beta", icon="🧪", color="violet")                    # doctest: +SKIP
    """
    size_ignored("badge", width, "content")
    ctx = require("badge")
    if color not in _BADGE_COLORS:
        raise InvalidArgumentError(
            f"`st.badge`: color must be one of {', '.join(_BADGE_COLORS)}, got {color!r}.")
    return handle(ctx, Element("badge", props={"label": str(label),
                                               "icon": check_icon(icon, "badge", label),
                                               "color": "gray" if color == "grey" else color,
                                               "help": help}))


#: st.space sizes, as Streamlit 1.67 documents them
SPACE_SIZES: dict[Any, str] = {"xxsmall": "0.25rem", "xsmall": "0.5rem", "small": "0.75rem",
               "medium": "2.5rem", "large": "4.25rem", "xlarge": "6rem", "xxlarge": "8rem",
               "stretch": "auto"}


def space(size: Any = "small") -> ElementHandle:
    """Empty space: a named size, ``"stretch"`` or a number of pixels.

    Example:
        >>> st.space("large")                                           # doctest: +SKIP
    """
    ctx = require("space")
    if not (size in SPACE_SIZES or (isinstance(size, int) and not isinstance(size, bool)
                                    and size >= 0)):
        raise InvalidArgumentError(
            f"`st.space`: size must be one of {', '.join(SPACE_SIZES)} or a number of pixels, "
            f"got {size!r}.")
    return handle(ctx, Element("space", props={"size": size, "value": size}))


def balloons() -> ElementHandle:
    """Balloons float up over the app (once, when the element first shows).

    Example:
        >>> st.balloons()                                               # doctest: +SKIP
    """
    return handle(require("balloons"), Element("balloons", props={"kind": "balloons"}))


def snow() -> ElementHandle:
    """Snowflakes fall over the app (once, when the element first shows).

    Example:
        >>> st.snow()                                                   # doctest: +SKIP
    """
    return handle(require("snow"), Element("snow", props={"kind": "snow"}))


def skeleton(height: Any = None, *, width: Any = "stretch") -> Any:
    """A grey loading placeholder; like ``st.empty()``, writing to it replaces it.

    Example:
        >>> slot = st.skeleton(height=200)                              # doctest: +SKIP
        >>> slot.dataframe(load())                                      # doctest: +SKIP
    """
    size_ignored("skeleton", width, "stretch")
    from .layout import Placeholder

    ctx = require("skeleton")
    if height is not None and not (isinstance(height, int) and not isinstance(height, bool)
                                   and height > 0):
        raise InvalidArgumentError(
            f"`st.skeleton`: height must be a positive number of pixels or None, got {height!r}.")
    el = ctx.emit(Element("empty", props={}, children=[
        Element("skeleton", props={"height": height})]))
    return Placeholder(el, ctx)


@contextlib.contextmanager
def echo(code_location: str = "above") -> Iterator[None]:
    """Run the code in the ``with`` block and show it (``"above"`` or ``"below"`` its output).

    Example:
        >>> with st.echo():                                             # doctest: +SKIP
        ...     st.write("this line is shown, then run")
    """
    ctx = require("echo")
    if code_location not in ("above", "below"):
        raise InvalidArgumentError(
            f"`st.echo`: code_location must be 'above' or 'below', got {code_location!r}.")
    frame = inspect.currentframe()
    caller = frame.f_back.f_back if frame and frame.f_back else None  # past contextmanager
    code = ""
    if caller is not None:
        code = _block_after(caller.f_code.co_filename, caller.f_lineno)
    if code_location == "above":
        ctx.emit(_code_element(code))
        yield
    else:
        try:
            yield
        finally:
            ctx.emit(_code_element(code))


def _code_element(code: str) -> Element:
    return Element("code", props={"body": code, "language": "python", "line_numbers": False,
                                  "wrap_lines": False})


def _block_after(filename: str, lineno: int) -> str:
    """The indented block under the ``with`` statement at ``lineno`` of ``filename``."""
    lines = linecache.getlines(filename)
    if not lines or lineno > len(lines):
        return ""
    head = lines[lineno - 1]
    base = len(head) - len(head.lstrip())
    body: list[str] = []
    for line in lines[lineno:]:
        if line.strip() and len(line) - len(line.lstrip()) <= base:
            break
        body.append(line)
    while body and not body[-1].strip():
        body.pop()
    return textwrap.dedent("".join(body)).rstrip("\n")


# -- charts of another kind --------------------------------------------------------------------

#: Streamlit's categorical chart colours (its "streamlit" theme)
STREAMLIT_COLORS = ["#0068c9", "#83c9ff", "#ff2b2b", "#ffabab", "#29b09d", "#7defa1", "#ff8700",
                    "#ffd16a", "#6d3fc0", "#d5dae5"]


def _find_column(columns: list[str], given: str | None, names: tuple[str, ...],
                 what: str) -> str:
    if given is not None:
        if given not in columns:
            raise InvalidArgumentError(
                f"`st.map`: no column {given!r} for the {what} (columns: {columns}).")
        return given
    for c in columns:
        if str(c).lower() in names:
            return c
    raise InvalidArgumentError(
        f"`st.map`: the data needs a {what} column, named one of {', '.join(names)} (or pass "
        f"{what}= with its name); columns: {columns}.")


def map(data: Any = None, *, latitude: str | None = None,  # Streamlit's name
        longitude: str | None = None, color: Any = None, size: Any = None,
        zoom: int | None = None, width: Any = "stretch", height: Any = 500,
        use_container_width: bool | None = None, alt: str | None = None) -> ElementHandle:
    """Points on a map: a frame (or dict of columns) with latitude/longitude columns; ``color``
    and ``size`` a value or a column name. Drawn as a Vega-Lite chart on a Mercator projection
    (no map tiles: see the module docstring).

    Example:
        >>> st.map(pd.DataFrame({"lat": [48.85], "lon": [2.35]}), zoom=4)  # doctest: +SKIP
    """
    size_ignored("map", None, None, use_container_width=use_container_width)
    ctx = require("map")
    size_ignored("map", None, None, use_container_width)
    rows = _records(data)
    cols = list(rows[0].keys()) if rows else []
    lat = _find_column(cols, latitude, ("lat", "latitude", "lat_deg"), "latitude") \
        if rows else (latitude or "lat")
    lon = _find_column(cols, longitude, ("lon", "lng", "long", "longitude", "lon_deg"),
                       "longitude") if rows else (longitude or "lon")
    for r in rows:
        for c in (lat, lon):
            v = r.get(c)
            if v is not None and not isinstance(v, (int, float)):
                raise InvalidArgumentError(f"`st.map`: column {c!r} holds {v!r}, not a number.")
    encoding: dict[str, Any] = {"latitude": {"field": lat, "type": "quantitative"},
                                "longitude": {"field": lon, "type": "quantitative"}}
    mark: dict[str, Any] = {"type": "circle", "opacity": 0.8}
    if isinstance(color, str) and color in cols:
        encoding["color"] = {"field": color, "type": "nominal", "legend": None}
    elif color is not None:
        mark["color"] = _css_color(color)
    else:
        mark["color"] = "#ff2b2b"
    if isinstance(size, str) and size in cols:
        encoding["size"] = {"field": size, "type": "quantitative", "legend": None}
    elif size is not None:
        mark["size"] = float(size)
    h = height if isinstance(height, int) and not isinstance(height, bool) else 500
    # a fixed width: Vega-Lite's "container" width sends Voila's renderer into a resize loop
    w = width if isinstance(width, int) and not isinstance(width, bool) else 700
    projection: dict[str, Any] = {"type": "mercator"}
    if zoom is not None and rows:
        # Streamlit's zoom level: the world is 256 * 2**zoom pixels wide, centred on the data
        lons = [r[lon] for r in rows if r.get(lon) is not None]
        lats = [r[lat] for r in rows if r.get(lat) is not None]
        projection.update(scale=256 * 2 ** float(zoom) / (2 * math.pi),
                          center=[sum(lons) / len(lons), sum(lats) / len(lats)],
                          translate=[w / 2, h / 2])
    # no tiles: the sphere and a graticule give the points their place on the globe
    spec: dict[str, Any] = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "height": h, "width": w, "projection": projection,
        "layer": [
            {"data": {"sphere": True}, "mark": {"type": "geoshape", "fill": "#eef4fa"}},
            {"data": {"graticule": {"step": [15, 15]}},
             "mark": {"type": "geoshape", "stroke": "#c8d3de", "strokeWidth": 0.5,
                      "filled": False}},
            {"data": {"values": rows}, "mark": mark, "encoding": encoding}]}
    if alt:
        spec["description"] = alt
    return handle(ctx, Element("chart", props={
        "library": "vega-lite", "spec": json.dumps(spec, sort_keys=True, default=str),
        "figure": None, "chart_type": "map", "zoom": zoom, "latitude": lat, "longitude": lon}))


def _css_color(c: Any) -> str:
    if isinstance(c, str):
        return c
    if isinstance(c, (list, tuple)) and len(c) in (3, 4):
        r, g, b = (int(x) for x in c[:3])
        a = (c[3] / 255 if c[3] > 1 else c[3]) if len(c) == 4 else 1
        return f"rgba({r}, {g}, {b}, {a})"
    raise InvalidArgumentError(f"`st.map`: color must be a CSS colour, an RGB(A) tuple or a "
                               f"column name, got {c!r}.")


def _records(data: Any) -> list[dict[str, Any]]:
    if data is None:
        return []
    if hasattr(data, "to_dict") and hasattr(data, "columns"):
        return [{str(k): _plain(v) for k, v in r.items()} for r in data.to_dict("records")]
    if isinstance(data, dict):
        keys = list(data)
        n = len(data[keys[0]]) if keys else 0
        return [{str(k): _plain(data[k][i]) for k in keys} for i in range(n)]
    if isinstance(data, (list, tuple)) and all(isinstance(r, dict) for r in data):
        return [{str(k): _plain(v) for k, v in r.items()} for r in data]
    raise InvalidArgumentError(
        f"`st.map`: data must be a DataFrame, a dict of columns or a list of dicts, got "
        f"{type(data).__name__}.")


def _plain(v: Any) -> Any:
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        try:
            return v.item()
        except (ValueError, AttributeError):
            return v
    return v


def pydeck_chart(pydeck_obj: Any = None, *, width: Any = "stretch",
                 use_container_width: bool | None = None, height: Any = 500,
                 selection_mode: str = "single-object", on_select: Any = "ignore",
                 key: Any = None, alt: str | None = None) -> ElementHandle:
    """A pydeck (deck.gl) chart, drawn by pydeck's own HTML page in a frame (it loads deck.gl
    from pydeck's CDN, as pydeck does in notebooks).

    Example:
        >>> st.pydeck_chart(pdk.Deck(layers=[...]))                     # doctest: +SKIP
    """
    size_ignored("pydeck_chart", width, "stretch", use_container_width=use_container_width)
    ctx = require("pydeck_chart")
    size_ignored("pydeck_chart", width, "stretch", use_container_width)
    # selection_mode and key serve selections only, and on_select other than "ignore" is
    # refused below: checked, nothing more to do with them
    choice("pydeck_chart", "selection_mode", selection_mode, ("single-object", "multi-object"))
    if on_select != "ignore":
        raise InvalidArgumentError(
            "`st.pydeck_chart`: selections (on_select) are not available in nbstate: the "
            "chart is drawn by pydeck's own page, which reports no selection to the kernel. "
            "Leave on_select='ignore' and let the user pick with a widget beside the map "
            "(st.selectbox or st.multiselect over the points' names, or st.map for plain "
            "points).")
    if pydeck_obj is None:
        html = "<div style='height:100%;background:#f0f2f6'></div>"
        spec = "{}"
    else:
        if not hasattr(pydeck_obj, "to_json"):
            raise InvalidArgumentError(
                f"`st.pydeck_chart` takes a pydeck.Deck, got {type(pydeck_obj).__name__}.")
        spec = pydeck_obj.to_json()
        html = pydeck_obj.to_html(as_string=True, notebook_display=False) \
            if hasattr(pydeck_obj, "to_html") else f"<pre>{spec}</pre>"
    h = height if isinstance(height, int) and not isinstance(height, bool) else 500
    return handle(ctx, Element("pydeck_chart", props={"spec": spec, "html": html, "height": h,
                                                      "alt": alt}))


def graphviz_chart(figure_or_dot: Any, use_container_width: bool | None = None, *,
                   width: Any = "content", height: Any = "content",
                   alt: str | None = None) -> ElementHandle:
    """A Graphviz graph: DOT source or a ``graphviz.Graph``/``Digraph``. Drawn to SVG by the
    ``dot`` program when it is installed (Debian: ``apt-get install graphviz``); without it,
    the DOT source is shown with a note saying so.

    Example:
        >>> st.graphviz_chart("digraph { a -> b }")                       # doctest: +SKIP
    """
    size_ignored("graphviz_chart", width, "content",
          use_container_width=use_container_width, height=height, default_height="content")
    ctx = require("graphviz_chart")
    size_ignored("graphviz_chart", width, "content", use_container_width, height, "content")
    if isinstance(figure_or_dot, str):
        dot = figure_or_dot
    elif hasattr(figure_or_dot, "source"):
        dot = figure_or_dot.source
    else:
        raise InvalidArgumentError(
            f"`st.graphviz_chart` takes DOT source or a graphviz.Graph, got "
            f"{type(figure_or_dot).__name__}.")
    return handle(ctx, Element("graphviz_chart", props={"spec": dot, "svg": _dot_svg(dot),
                                                        "alt": alt}))


def _dot_svg(dot: str) -> str | None:
    exe = shutil.which("dot")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "-Tsvg"], input=dot.encode(), capture_output=True,
                             timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        raise InvalidArgumentError(
            f"`st.graphviz_chart`: the DOT source does not parse: "
            f"{out.stderr.decode(errors='replace').strip()}")
    svg = out.stdout.decode("utf-8", errors="replace")
    return svg[svg.find("<svg"):] if "<svg" in svg else svg


def mermaid_chart(body: str, *, width: Any = "stretch", alt: str | None = None) -> ElementHandle:
    """A Mermaid diagram, drawn by JupyterLab's own Mermaid renderer.

    Example:
        >>> st.mermaid_chart("graph LR; A-->B")                          # doctest: +SKIP
    """
    size_ignored("mermaid_chart", width, "stretch")
    ctx = require("mermaid_chart")
    if not isinstance(body, str) or not body.strip():
        raise InvalidArgumentError("`st.mermaid_chart` needs the diagram's Mermaid source.")
    body = textwrap.dedent(body).strip()
    return handle(ctx, Element("mermaid_chart", props={"body": body, "alt": alt}))


def echarts_chart(spec: Any, *, width: Any = "stretch", height: Any = "content",
                  theme: str | None = "streamlit", key: Any = None, on_select: Any = "ignore",
                  renderer: str = "canvas", alt: str | None = None) -> ElementHandle:
    """An Apache ECharts chart from its option dict (or a pyecharts chart), drawn by ECharts
    in the browser (loaded from a CDN: a browser without network shows the option instead).

    Example:
        >>> st.echarts_chart({"xAxis": {"type": "category", "data": ["a", "b"]},
        ...                   "yAxis": {"type": "value"},
        ...                   "series": [{"type": "bar", "data": [3, 5]}]})  # doctest: +SKIP
    """
    size_ignored("echarts_chart", width, "stretch")
    ctx = require("echarts_chart")
    if renderer not in ("canvas", "svg"):
        raise InvalidArgumentError(
            f"`st.echarts_chart`: renderer must be 'canvas' or 'svg', got {renderer!r}.")
    if theme not in ("streamlit", None):
        raise InvalidArgumentError(
            f"`st.echarts_chart`: theme must be 'streamlit' or None, got {theme!r}.")
    if on_select != "ignore":
        raise InvalidArgumentError(
            "`st.echarts_chart`: selections (on_select) are not available in nbstate: the "
            "chart's ECharts view reports no clicks to the kernel. Leave on_select='ignore' "
            "and let the user pick with a widget beside the chart (st.selectbox, "
            "st.multiselect or st.pills over the chart's categories).")
    if hasattr(spec, "dump_options"):  # pyecharts
        option = json.loads(spec.dump_options())
    elif isinstance(spec, dict):
        option = spec
    elif isinstance(spec, str):
        option = json.loads(spec)
    else:
        raise InvalidArgumentError(
            f"`st.echarts_chart` takes an option dict, its JSON or a pyecharts chart, got "
            f"{type(spec).__name__}.")
    if theme == "streamlit" and "color" not in option:
        option = {**option, "color": STREAMLIT_COLORS}  # Streamlit's categorical palette
    h = height if isinstance(height, int) and not isinstance(height, bool) else 400
    if key is not None:
        from .state import normalize_key

        key = normalize_key(key)
        ctx.check_key(key)
    return handle(ctx, Element("echarts_chart", key=key, props={
        "spec": json.dumps(option, sort_keys=True, default=str), "height": h,
        "renderer": renderer, "alt": alt}))

