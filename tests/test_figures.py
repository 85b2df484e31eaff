"""st.pyplot's PNG (nbstate/figures.py) has the pixels of matplotlib's
savefig(bbox_inches="tight"), for figures of every kind, with matplotlib's metadata."""

from __future__ import annotations

import io

import numpy as np
import pytest

mpl = pytest.importorskip("matplotlib")
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from nbstate import figures  # noqa: E402


def _savefig(fig, **kw) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, **{"bbox_inches": "tight", **kw, "format": "png"})
    return buf.getvalue()


def lines():
    fig = Figure(figsize=(7, 3))
    ax = fig.subplots()
    for k in range(3):
        ax.plot(range(12), np.arange(12) * (k + 1) * 1000, marker="o", label=f"series {k}")
    ax.set_ylabel("revenue")
    ax.tick_params(axis="x", labelrotation=45)  # labels below the figure: the box grows
    ax.legend()
    return fig


def image_colorbar():
    fig = Figure()
    ax = fig.subplots()
    im = ax.imshow(np.arange(100).reshape(10, 10))
    fig.colorbar(im)
    fig.suptitle("A title above")
    return fig


def grid_text_outside():
    fig = Figure(figsize=(8, 6))
    axs = fig.subplots(2, 2)
    for a in axs.flat:
        a.scatter([1, 2], [3, 4])
    axs[0, 0].set_xlabel("x label")
    fig.text(1.05, 0.5, "outside the figure")
    return fig


def legend_outside_and_annotation():
    fig = Figure()
    ax = fig.subplots()
    ax.plot([1, 2], [3, 4], label="a long legend label")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.annotate("peak", xy=(2, 4), xytext=(1.2, 3.8), arrowprops={"arrowstyle": "->"})
    ax.set_title("wrapped " * 12, wrap=True)
    return fig


def twin_log_polar_3d():
    fig = Figure(figsize=(9, 3))
    ax = fig.add_subplot(1, 3, 1)
    ax.semilogy([1, 10, 100, 1000])
    ax.twinx().plot([3, 2, 1], color="red")
    fig.add_subplot(1, 3, 2, projection="polar").plot([0, 1, 2], [1, 2, 3])
    fig.add_subplot(1, 3, 3, projection="3d").plot([0, 1], [0, 1], [0, 1])
    return fig


def tight_layout_engine():
    fig = Figure(layout="tight")
    ax = fig.subplots()
    ax.plot([1, 2])
    ax.set_xlabel("x")
    return fig


def constrained_layout_engine():
    fig = Figure(layout="constrained")
    fig.subplots(1, 2)[0].set_title("left")
    return fig


class _Drifting(Text):
    """A text that moves as it is drawn (as artists that place themselves at draw time do)."""

    def draw(self, renderer):
        self.set_x(1.3)
        super().draw(renderer)


def placed_at_draw():
    fig = Figure()
    fig.subplots().plot([1, 2])
    fig.add_artist(_Drifting(0.5, 0.5, "moves right, past the figure's edge"))
    return fig


MAKERS = [lines, image_colorbar, grid_text_outside, legend_outside_and_annotation,
          twin_log_polar_3d, tight_layout_engine, constrained_layout_engine, placed_at_draw]


def _pixels(png: bytes):
    from PIL import Image

    image = Image.open(io.BytesIO(png))
    return np.asarray(image.convert("RGBA")), image


@pytest.mark.parametrize("make", MAKERS, ids=lambda m: m.__name__)
def test_the_png_has_savefigs_pixels(make):
    ours, image = _pixels(figures.tight_png(make()))
    theirs, their_image = _pixels(_savefig(make()))
    assert ours.shape == theirs.shape
    assert (ours == theirs).all()
    assert image.info["Software"] == their_image.info["Software"]
    assert image.info["dpi"] == pytest.approx(their_image.info["dpi"])


def test_savefig_options_are_savefigs():
    for kw in ({"dpi": 200}, {"pad_inches": 0.5}, {"bbox_inches": None},
               {"facecolor": "yellow"}, {"transparent": True}):
        ours, image = _pixels(figures.tight_png(lines(), **kw))
        theirs, their_image = _pixels(_savefig(lines(), **kw))
        assert ours.shape == theirs.shape and (ours == theirs).all(), kw
        assert image.info["dpi"] == pytest.approx(their_image.info["dpi"]), kw
        # an opaque figure is stored without alpha (smaller, faster); a transparent one keeps it
        assert image.mode == ("RGBA" if kw.get("transparent") else "RGB"), kw


def test_an_opaque_figure_encodes_smaller_than_savefig():
    assert len(figures.tight_png(lines())) < len(_savefig(lines()))


def test_pyplot_takes_savefig_options_as_streamlit_and_warns_of_another_format():
    import base64

    from PIL import Image

    from nbstate.errors import IgnoredParameterWarning
    from nbstate.testing import AppTest

    def app():
        from matplotlib.figure import Figure

        import nbstate as st

        fig = Figure(figsize=(2, 1))
        fig.subplots().plot([1, 2])
        # (Streamlit merges these into its own savefig options: no duplicate keyword)
        st.pyplot(fig, bbox_inches=None, dpi=50, format="svg")

    with pytest.warns(IgnoredParameterWarning, match=r"st.pyplot\(format='svg'\)"):
        at = AppTest.from_function(app).run()
    assert not at.exception
    (url,) = at.main[0].value
    png = base64.b64decode(url.split(",", 1)[1])
    assert Image.open(io.BytesIO(png)).size == (100, 50)  # 2 x 1 inches at 50 dpi, untrimmed


def test_the_figure_is_drawn_once(monkeypatch):
    # the raw pixels are taken as matplotlib's Agg writes them (one buffer, rows x columns x
    # 4): a matplotlib that wrote them otherwise would make tight_png draw twice
    draws = []
    draw = Figure.draw
    monkeypatch.setattr(Figure, "draw", lambda self, r: draws.append(r) or draw(self, r))
    _savefig(lines())
    expected = len(draws)
    draws.clear()
    figures.tight_png(lines())
    assert len(draws) == expected
