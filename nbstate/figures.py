"""A matplotlib figure as the PNG ``st.pyplot`` shows: what Streamlit's ``fig.savefig(...,
bbox_inches="tight")`` gives, byte for byte, in fewer passes over the figure.

matplotlib's ``savefig(bbox_inches="tight")`` lays the whole figure out before it draws it (a
draw with rendering disabled, then the tight bounding box), then draws it at the box: the
layout pass is a third of the cost, and a figure is most of a rerun of an app that has one.
Here the box is first computed without that pass, the figure drawn once at it, and the box
computed again from the drawn figure: that is the box savefig would have used (it too measures
a laid-out figure), so when the two agree, which is the rule, the picture is savefig's. When
they differ (an artist that places itself only as it is drawn), the figure is drawn once more
at the right box. Figures with a layout engine (``layout="tight"``/``"constrained"``, laid out
as they are drawn), any savefig option, or a dpi other than the figure's own go through
``savefig`` as they are.

Example:
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(2, 1)); _ = fig.subplots().plot([1, 2])
    >>> tight_png(fig)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
"""

from __future__ import annotations

import io
from typing import Any


def tight_png(fig: Any, **kwargs: Any) -> bytes:
    """``fig.savefig(format="png", bbox_inches="tight", **kwargs)``'s bytes."""
    fast = _one_layout_png(fig) if not kwargs else None
    if fast is not None:
        return fast
    buf = io.BytesIO()
    fig.savefig(buf, **{"bbox_inches": "tight", **kwargs, "format": "png"})
    return buf.getvalue()


def _one_layout_png(fig: Any) -> bytes | None:
    """The PNG drawn at a box measured without a layout pass, checked; None: use savefig."""
    import matplotlib as mpl

    try:
        from matplotlib.backends.backend_agg import RendererAgg
    except ImportError:  # (a matplotlib without Agg: savefig says what is wrong)
        return None
    rc = mpl.rcParams
    dpi = fig.dpi
    if (fig.get_layout_engine() is not None
            or getattr(fig, "_original_dpi", dpi) != dpi
            or rc["savefig.dpi"] not in ("figure", dpi)):
        return None
    pad = rc["savefig.pad_inches"]
    width, height = fig.bbox.size
    renderer = RendererAgg(int(width), int(height), dpi)
    box = fig.get_tightbbox(renderer).padded(pad)
    for _ in range(2):
        buf = io.BytesIO()
        fig.savefig(buf, format="png", bbox_inches=box)
        drawn = fig.get_tightbbox(renderer).padded(pad)
        if drawn.bounds == box.bounds:
            return buf.getvalue()
        box = drawn  # placed as it was drawn: once more, at the box savefig would use
    return None
