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


def _shown(at, i: int = 0) -> tuple[str, bytes]:
    import base64

    (url,) = list(at.main)[i].value
    head, data = url.split(",", 1)
    return head, base64.b64decode(data)


def test_pyplot_is_savefig_at_200_dpi_with_options_over_it_as_streamlit():
    from PIL import Image

    from nbstate.testing import AppTest

    def app():
        from matplotlib.figure import Figure

        import nbstate as st

        fig = Figure(figsize=(2, 1))
        fig.subplots().plot([1, 2])
        st.pyplot(fig, bbox_inches=None)  # (merged into Streamlit's: no duplicate keyword)
        st.pyplot(fig, bbox_inches=None, dpi=50)
        st.pyplot(fig, format="svg")

    at = AppTest.from_function(app).run()
    assert not at.exception
    # each savefig keyword call shows Streamlit's deprecation warning before its picture
    assert [e.type for e in at.main][1:] == ["warning", "image"] * 3  # (after the block)
    assert "Passing Matplotlib `savefig` keyword arguments" in at.warning[0].value
    sizes = [Image.open(io.BytesIO(_shown(at, i)[1])).size for i in (2, 4)]
    assert sizes == [(400, 200), (100, 50)]  # 2 x 1 inches at 200 and 50 dpi, untrimmed
    head, svg = _shown(at, 6)
    assert head == "data:image/svg+xml;base64" and b"<svg" in svg[:500]


def test_pyplot_converts_another_raster_format_and_refuses_one_that_is_no_image():
    from PIL import Image, UnidentifiedImageError

    def fig():
        f = Figure(figsize=(2, 1))
        f.subplots().plot([1, 2])
        return f

    mime, data = figures.picture(fig(), format="jpg")
    assert mime == "image/png" and Image.open(io.BytesIO(data)).format == "PNG"
    with pytest.raises(UnidentifiedImageError, match="saved as 'pdf'.*format='svg'"):
        figures.picture(fig(), format="pdf")


def _counting_draws(monkeypatch) -> list:
    draws: list = []
    draw = Figure.draw
    monkeypatch.setattr(Figure, "draw", lambda self, r: draws.append(r) or draw(self, r))
    return draws


def test_a_figure_made_again_unchanged_is_not_drawn_again(monkeypatch):
    figures._cache.clear()
    draws = _counting_draws(monkeypatch)
    first = figures.picture(lines())
    n = len(draws)
    assert n >= 1
    again = figures.picture(lines())  # another figure object, the same figure
    assert again == first and len(draws) == n
    # the same figure object shown again after its draw (a figure kept across reruns)
    kept = lines()
    figures.picture(kept)
    n = len(draws)
    assert figures.picture(kept) == figures.picture(kept) and len(draws) == n


def test_pyplot_figures_made_again_are_one_picture(monkeypatch):
    import matplotlib.pyplot as plt

    figures._cache.clear()
    draws = _counting_draws(monkeypatch)
    pictures, counts = [], []
    for _ in range(3):  # as an app's reruns make them: each one a new figure number
        fig, ax = plt.subplots()
        ax.plot([1, 3, 2])
        pictures.append(figures.picture(fig))
        counts.append(len(draws))
        plt.close(fig)
    assert pictures[0] == pictures[1] == pictures[2]
    assert counts[0] >= 1 and counts[0] == counts[1] == counts[2]


def _png_pixels(picture):
    return _pixels(picture[1])[0]


def test_whatever_changes_the_picture_draws_it_again():
    figures._cache.clear()
    base = _png_pixels(figures.picture(lines()))
    changed = lines()
    changed.axes[0].lines[0].set_ydata(np.arange(12) * 500)  # the data
    assert not np.array_equal(_png_pixels(figures.picture(changed)), base)
    with mpl.rc_context({"savefig.facecolor": "red"}):  # an rcParam read as it is saved
        red = _png_pixels(figures.picture(lines()))
    assert red.shape == base.shape and not np.array_equal(red, base)
    assert red[0, 0, :3].tolist() == [255, 0, 0]
    small = figures.picture(lines(), dpi=50)  # the options
    assert _png_pixels(small).shape[0] < base.shape[0]
    assert np.array_equal(_png_pixels(figures.picture(lines())), base)  # and back


DIGITS = 1


def _app_formatter(x, pos):  # the app's code: what it shows can change, its name cannot
    return f"{x:.{DIGITS}f}"


def test_a_figure_with_the_apps_code_in_it_is_drawn_every_time(monkeypatch):
    from matplotlib.ticker import FuncFormatter

    global DIGITS
    figures._cache.clear()

    def fig():
        f = lines()
        f.axes[0].yaxis.set_major_formatter(FuncFormatter(_app_formatter))
        return f

    DIGITS = 1
    one = _png_pixels(figures.picture(fig()))
    DIGITS = 4  # the same figure's description; the formatter now writes longer labels
    four = _png_pixels(figures.picture(fig()))
    assert one.shape != four.shape or not np.array_equal(one, four)
    assert figures.fingerprint(fig(), {}) is None
    drifting = placed_at_draw()  # an artist class of the app's own
    assert figures.fingerprint(drifting, {}) is None
    unpicklable = lines()
    unpicklable.axes[0].xaxis.set_major_formatter(FuncFormatter(lambda x, pos: "x"))
    assert figures.fingerprint(unpicklable, {}) is None
    assert figures.picture(unpicklable)[0] == "image/png"  # still shown
    handled = lines()
    handled.canvas.mpl_connect("draw_event", lambda event: None)  # a handler of the app's
    assert figures.fingerprint(handled, {}) is None


def test_the_cache_is_bounded(monkeypatch):
    from nbstate.lru import LRU

    small = LRU(entries=3, bytes=figures.CACHE_BYTES, size=lambda k, p: len(p[1]))
    monkeypatch.setattr(figures, "_cache", small)
    for k in range(6):
        f = Figure(figsize=(1, 1))
        f.subplots().plot([0, k])
        figures.picture(f, dpi=20)
    assert len(small) == 3
    tiny = LRU(entries=3, bytes=8, size=lambda k, p: len(p[1]))
    monkeypatch.setattr(figures, "_cache", tiny)
    figures.picture(Figure(figsize=(1, 1)), dpi=20)  # (bigger than an eighth of the bound)
    assert len(tiny) == 0 and tiny.bytes == 0
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
