"""A matplotlib figure as the PNG ``st.pyplot`` shows: the pixels of Streamlit's
``fig.savefig(..., bbox_inches="tight")``, encoded faster.

matplotlib writes every PNG as RGBA at zlib's level 6: for a figure with an opaque background
(the rule) the encoding is a quarter of ``savefig``'s time, and a figure is most of a rerun of
an app that shows one. Here ``savefig`` draws the figure as it always does (same options, same
tight box, same pixels) into a raw RGBA buffer, which is encoded as RGB when every pixel is
opaque, at level 3: half the encoding time, and a smaller file. The PNG carries matplotlib's
own metadata (its ``Software`` text and the dpi). A figure that is not opaque keeps its alpha.

A figure that is drawn again unchanged (an app's rerun after a widget that does not touch it,
a re-executed cell) is not drawn again: ``picture`` keys its cache by a digest of the figure's
pickle (matplotlib's own, complete description of a figure: pickling is how it copies one)
with the savefig options, the rcParams and the fonts, all of which decide the pixels; a
pickle is a few ms where a draw at Streamlit's 200 dpi is 50-120 ms. A figure that refers to
code outside matplotlib, numpy, pandas and the standard library (an artist subclass, a
formatter function of the app's: its behaviour can change while its name does not), or that
does not pickle, is drawn every time.

Example:
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(2, 1)); _ = fig.subplots().plot([1, 2])
    >>> tight_png(fig)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    >>> def made():
    ...     fig = Figure(figsize=(2, 1)); _ = fig.subplots().plot([1, 2]); return fig
    >>> picture(made()) is picture(made())    # the same figure made again: drawn once
    True
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sys
import types
from typing import Any

from .lru import LRU

#: zlib's level for the PNG (matplotlib's is 6): 3 is half the time for ~the same size
COMPRESS_LEVEL = 3

#: Streamlit 1.67's savefig options for ``st.pyplot``: cropped, sharp on high-DPI screens
STREAMLIT_SAVEFIG: dict[str, Any] = {"bbox_inches": "tight", "dpi": 200, "format": "png"}

#: the pictures kept: at most this many, and this many bytes in all
CACHE_ENTRIES = 64
CACHE_BYTES = 64 * 2**20

#: the code a cached figure may refer to: libraries whose drawing depends only on the
#: figure's state (and the rcParams, also in the key)
TRUSTED = frozenset({"matplotlib", "mpl_toolkits", "numpy", "pandas", "cycler", "PIL"})


class _Pixels:
    """A file for ``savefig(format="rgba")``: Agg writes its buffer (rows x columns x 4) in one
    call; it is kept as it is (a copy), with its shape."""

    def __init__(self) -> None:
        self.parts: list[Any] = []

    def write(self, data: Any) -> int:
        import numpy as np

        self.parts.append(np.array(data, copy=True))
        return int(self.parts[-1].nbytes)

    def seek(self, *args: Any) -> int:  # (matplotlib takes an object with seek for a file)
        return 0


def tight_png(fig: Any, **kwargs: Any) -> bytes:
    """``fig.savefig(format="png", bbox_inches="tight", **kwargs)``'s picture, as PNG bytes
    (a ``format`` in ``kwargs`` is left out: the picture is a PNG)."""
    options = {"bbox_inches": "tight", **kwargs}
    options.pop("format", None)
    pixels = _Pixels()
    try:
        fig.savefig(pixels, **options, format="rgba")
    except Exception:  # (an option raw output does not take: savefig's own PNG says)
        pixels.parts = []
    if len(pixels.parts) != 1 or pixels.parts[0].ndim != 3 or pixels.parts[0].shape[2] != 4:
        buf = io.BytesIO()  # (a matplotlib that writes raw output otherwise)
        fig.savefig(buf, **options, format="png")
        return buf.getvalue()
    import matplotlib as mpl

    dpi = options.get("dpi") or mpl.rcParams["savefig.dpi"]
    if dpi == "figure":  # (as savefig reads it)
        dpi = getattr(fig, "_original_dpi", fig.dpi)
    return _encode(pixels.parts[0], dpi)


def _encode(rgba: Any, dpi: Any) -> bytes:
    import matplotlib as mpl
    import numpy as np
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    opaque = bool((rgba[..., 3] == 255).all())
    image = Image.fromarray(np.ascontiguousarray(rgba[..., :3]) if opaque else rgba,
                            "RGB" if opaque else "RGBA")
    info = PngInfo()
    info.add_text("Software", f"Matplotlib version{mpl.__version__}, https://matplotlib.org/")
    out = io.BytesIO()
    image.save(out, format="png", pnginfo=info, dpi=(dpi, dpi),
               compress_level=COMPRESS_LEVEL)
    return out.getvalue()


def picture(fig: Any, **kwargs: Any) -> tuple[str, bytes]:
    """The figure as ``st.pyplot`` shows it: ``(mime type, bytes)`` of ``fig.savefig`` with
    Streamlit's options (``kwargs`` over them). A PNG (another raster format is converted to
    one, as Streamlit does), or SVG when the format is ``"svg"``. An unchanged figure comes
    from the cache (see the module's docstring).

    Example:
        >>> from matplotlib.figure import Figure
        >>> fig = Figure(); _ = fig.subplots().plot([1, 2])
        >>> picture(fig, format="svg")[0]
        'image/svg+xml'
    """
    import matplotlib as mpl

    options = {**STREAMLIT_SAVEFIG, **kwargs}
    fmt = str(options.pop("format") or mpl.rcParams["savefig.format"]).lower()
    key = fingerprint(fig, (fmt, options))
    if key is not None and (hit := _cache.get(key)) is not None:
        return hit
    drawn = _draw(fig, fmt, options)
    if key is not None:
        _cache.put(key, drawn)
    return drawn


def _draw(fig: Any, fmt: str, options: dict[str, Any]) -> tuple[str, bytes]:
    if fmt == "png":
        return "image/png", tight_png(fig, **options)
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, **options)
    data = buf.getvalue()
    if fmt.startswith("svg"):
        return "image/svg+xml", data
    from PIL import Image, UnidentifiedImageError

    try:  # (Streamlit shows a raster format as PNG)
        image = Image.open(io.BytesIO(data))
        image.load()
    except UnidentifiedImageError:
        raise UnidentifiedImageError(
            f"`st.pyplot` cannot show a figure saved as {fmt!r}: it is not an image format "
            "(use the default PNG, or format='svg').") from None
    out = io.BytesIO()
    image.save(out, format="png")
    return "image/png", out.getvalue()


class _Digest:
    """A file whose writes go to a hash: the pickle is never held whole."""

    def __init__(self) -> None:
        self.hash = hashlib.blake2b(digest_size=20)

    def write(self, data: Any) -> None:
        self.hash.update(data)


class _Untrusted(Exception):
    """The figure refers to code outside ``TRUSTED``: not cached."""


def _trusted(module: Any) -> bool:
    top = str(module).partition(".")[0]
    return top in TRUSTED or top in sys.stdlib_module_names


class _FigurePickler(pickle.Pickler):
    """Pickles a figure for its digest: the same figure made again gives the same bytes."""

    def __init__(self, file: Any) -> None:
        from matplotlib.cbook import CallbackRegistry
        from matplotlib.figure import Figure
        from matplotlib.transforms import TransformNode

        super().__init__(file, protocol=5)
        # (asked of every object pickled: the classes are looked up once)
        self._classes = TransformNode, Figure, CallbackRegistry

    def reducer_override(self, obj: Any) -> Any:
        TransformNode, Figure, CallbackRegistry = self._classes
        if isinstance(obj, (type, types.FunctionType)) or (
                isinstance(obj, types.BuiltinFunctionType)
                and isinstance(getattr(obj, "__self__", None), (types.ModuleType, type(None)))):
            if not _trusted(getattr(obj, "__module__", None)):
                raise _Untrusted(obj)
            return NotImplemented
        if isinstance(obj, TransformNode):
            # its parents are kept by id(): the addresses, not the figure, would differ
            return _replaced(obj, "_parents", lambda parents: list(parents.values()))
        if isinstance(obj, Figure):  # (pyplot's figure number is not in the picture)
            return _replaced(obj, "_number", lambda number: None)
        if isinstance(obj, CallbackRegistry):
            return (CallbackRegistry, (), _callbacks_state(obj))
        return NotImplemented


def _replaced(obj: Any, name: str, how: Any) -> Any:
    """``obj``'s reduction with its state's ``name`` replaced by ``how(value)``."""
    reduced: Any = obj.__reduce_ex__(5)
    state = dict(reduced[2])
    if name in state:
        state[name] = how(state[name])
    return (reduced[0], reduced[1], state, *reduced[3:])


def _callbacks_state(registry: Any) -> dict[str, Any]:
    """A callback registry as its pickle keeps it (the callbacks it is told to keep), without
    its id counter, which its own pickling advances; any callback outside ``TRUSTED`` (a
    draw_event handler of the app's) makes the figure untrusted."""
    kept = {}
    for signal, callbacks in registry.callbacks.items():
        for ref in callbacks.values():
            func = ref()
            if func is not None and not _trusted(getattr(func, "__module__", None)):
                raise _Untrusted(func)
        kept[signal] = {cid: ref() for cid, ref in callbacks.items()
                        if cid in registry._pickled_cids}
    return {**vars(registry), "callbacks": kept, "_func_cid_map": None, "_cid_gen": None}


def fingerprint(fig: Any, options: Any) -> bytes | None:
    """A digest of what decides ``fig``'s picture with ``options``, or None when the figure
    cannot be trusted to draw the same from the same description (see the module's
    docstring)."""
    import matplotlib as mpl
    from matplotlib import font_manager

    fonts = font_manager.fontManager
    digest = _Digest()
    try:
        _FigurePickler(digest).dump(
            (fig, options, list(dict.items(mpl.rcParams)), id(fonts), len(fonts.ttflist),
             mpl.__version__))
    except Exception:  # (unpicklable, or untrusted: drawn every time)
        return None
    return digest.hash.digest()


_cache = LRU(entries=CACHE_ENTRIES, bytes=CACHE_BYTES,
             size=lambda key, picture: len(picture[1]))
