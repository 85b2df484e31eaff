"""st.pyplot as Streamlit 1.67's: a figure is required, savefig keyword arguments show
Streamlit's deprecation warning, the width takes "stretch", "content" or pixels, and SVG is
shown as SVG (the same script through Streamlit's AppTest and nbstate's)."""

from __future__ import annotations

import base64
import io
import textwrap

import pytest

from nbstate.testing import AppTest as NbAppTest

pytest.importorskip("streamlit")
pytest.importorskip("matplotlib")
pytestmark = pytest.mark.streamlit

FIG = """
import matplotlib
matplotlib.use("agg")
import matplotlib.pyplot as plt
fig, ax = plt.subplots()
ax.plot([1, 3, 2])
"""


def both(body: str):
    from streamlit.testing.v1 import AppTest

    body = FIG + textwrap.dedent(body)
    return (AppTest.from_string("import streamlit as st\n" + body).run(),
            NbAppTest.from_string("import nbstate as st\n" + body).run())


def _kinds(at) -> list[str]:
    return [e.type for e in at.main][1:]


def test_no_figure_is_streamlits_error():
    theirs, ours = both("st.pyplot(None)")
    assert [e.value for e in ours.exception] == [e.value for e in theirs.exception]
    assert "The `fig` parameter is required" in ours.exception[0].value


def test_savefig_keywords_show_streamlits_deprecation_warning_every_time():
    theirs, ours = both("""
    st.pyplot(fig)
    st.pyplot(fig, dpi=50)
    st.pyplot(fig, transparent=True)
    st.pyplot(fig, width="content")
    st.pyplot(fig, width=300)
    st.pyplot(fig, use_container_width=False)
    """)
    assert not theirs.exception and not ours.exception
    assert _kinds(ours) == _kinds(theirs) == [
        "image", "warning", "image", "warning", "image", "image", "image", "image"]
    assert [w.value for w in ours.warning] == [w.value for w in theirs.warning]


def test_the_warning_follows_the_error_details_option():
    theirs, ours = both("""
    st.set_option("client.showErrorDetails", "type")
    st.pyplot(fig, dpi=50)
    st.set_option("client.showErrorDetails", "full")  # (the option is the process's)
    """)
    assert _kinds(ours) == _kinds(theirs) == ["image"]


def test_an_svg_figure_is_shown_as_svg():
    theirs, ours = both("st.pyplot(fig, format='svg')")
    assert _kinds(ours) == _kinds(theirs) == ["warning", "image"]
    for at in (theirs, ours):
        (url,) = list(at.main)[2].value
        head, data = url.split(",", 1)
        assert head == "data:image/svg+xml;base64"
        assert b"<svg" in base64.b64decode(data)[:600]


def test_the_picture_is_streamlits_size():
    from PIL import Image

    theirs, ours = both("st.pyplot(fig)")
    (url,) = list(ours.main)[1].value
    size = Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))).size
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.plot([1, 3, 2])
    buf = io.BytesIO()
    fig.savefig(buf, bbox_inches="tight", dpi=200, format="png")  # Streamlit's options
    plt.close(fig)
    assert size == Image.open(buf).size
