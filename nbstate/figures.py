"""A matplotlib figure as the PNG ``st.pyplot`` shows: the pixels of Streamlit's
``fig.savefig(..., bbox_inches="tight")``, encoded faster.

matplotlib writes every PNG as RGBA at zlib's level 6: for a figure with an opaque background
(the rule) the encoding is a quarter of ``savefig``'s time, and a figure is most of a rerun of
an app that shows one. Here ``savefig`` draws the figure as it always does (same options, same
tight box, same pixels) into a raw RGBA buffer, which is encoded as RGB when every pixel is
opaque, at level 3: half the encoding time, and a smaller file. The PNG carries matplotlib's
own metadata (its ``Software`` text and the dpi). A figure that is not opaque keeps its alpha.

Example:
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(2, 1)); _ = fig.subplots().plot([1, 2])
    >>> tight_png(fig)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
"""

from __future__ import annotations

import io
from typing import Any

#: zlib's level for the PNG (matplotlib's is 6): 3 is half the time for ~the same size
COMPRESS_LEVEL = 3


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
