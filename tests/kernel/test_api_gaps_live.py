"""The last gaps of issue 10 in a real kernel, driven as a browser drives it: st.logo pinned at
the top of the app or of the sidebar's column; st.query_params written by the app reaches the
page's URL in Voila (a ``UrlQuery`` widget the browser applies with history.replaceState);
handles of st.html replace their element in the live output."""

from __future__ import annotations

import pytest

from nbstate.testing.kernel import KernelSession


def _top_children(kernel, root):
    return [kernel.models[c.removeprefix("IPY_MODEL_")] for c in root["children"]]


def test_logo_is_the_first_box_of_the_app_wherever_it_is_called(kernel, app):
    root = app("""
    st.title("Sales")
    st.logo("https://example.com/logo.png", link="https://example.com")
    if st.toggle("sidebar", key="side"):
        st.sidebar.write("filters")
    """)
    def logo_index():
        tops = _top_children(kernel, root)
        found = [i for i, m in enumerate(tops) if "nbstate-logo" in str(m.get("value", ""))]
        assert len(found) == 1, tops
        return found[0], tops
    i, tops = logo_index()
    # before the main area (after the stale marker and the notices box)
    main = next(j for j, m in enumerate(tops) if "Sales" in kernel.text(m))
    assert i < main
    assert 'href="https://example.com"' in tops[i]["value"]
    kernel.set(kernel.find(description="sidebar", within=root), True)
    i, tops = logo_index()
    layout = kernel.models[tops[i]["layout"].removeprefix("IPY_MODEL_")]
    assert layout["grid_area"] == "logo"  # the top of the sidebar's column
    root_layout = kernel.models[root["layout"].removeprefix("IPY_MODEL_")]
    assert '"logo main" "sidebar main"' in root_layout["grid_template_areas"]


def test_a_handle_of_html_replaces_it_live(kernel, app):
    root = app("""
    h = st.html("<b>first</b>")
    if st.button("swap"):
        h.html("<i>second</i>")
    """)
    assert kernel.find_all(within=root, body="<b>first</b>")
    kernel.click(kernel.find(description="swap", within=root))
    assert kernel.find_all(within=root, body="<i>second</i>")
    assert not kernel.find_all(within=root, body="<b>first</b>")


def test_query_params_do_not_touch_a_notebooks_url(kernel, app):
    root = app("""
    st.query_params["tab"] = "b"
    st.write("tab:", st.query_params["tab"])
    """)
    assert "tab: b" in kernel.text(root)
    assert not kernel.find_all(within=root, query="tab=b")  # JupyterLab's URL is its own


@pytest.fixture(scope="module")
def voila_kernel(tmp_path_factory):
    """A kernel started as Voila starts one for ``/voila/render/app.ipynb?tab=a&n=1``."""
    env = {"SERVER_SOFTWARE": "voila/0.5", "QUERY_STRING": "tab=a&n=1"}
    with KernelSession(cwd=str(tmp_path_factory.mktemp("voila")), timeout=60, env=env) as k:
        k.execute("%load_ext nbstate")
        yield k


def test_query_params_in_voila_read_the_url_and_write_it(voila_kernel):
    k = voila_kernel
    root = k.run_app_cell("""
    st.write("tab:", st.query_params.get("tab"), "n:", st.query_params.get("n"))
    if st.button("to b"):
        st.query_params["tab"] = "b"
    if st.button("clear"):
        st.query_params.clear()
    """)
    assert "tab: a n: 1" in k.text(root)
    # nothing written yet: the URL stays as the page was opened
    assert not k.find_all(within=root, query="tab=a&n=1")
    k.click(k.find(description="to b", within=root))
    url = k.find(within=root, query="tab=b&n=1")  # the browser puts it in the address bar
    k.click(k.find(description="clear", within=root))
    assert url["query"] == ""


def test_a_long_page_menu_unfolds_live(kernel, app):
    root = app("""
    def mk(i):
        def page():
            st.write(f"page {i}")
        page.__name__ = f"p{i}"
        return st.Page(page, title=f"P{i}")
    st.navigation([mk(i) for i in range(14)]).run()
    """)
    def titles():
        return [m["description"] for m in kernel.find_all(within=root)
                if str(m.get("description", "")).startswith("P")]
    assert titles() == [f"P{i}" for i in range(10)]
    kernel.click(kernel.find(description="View 4 more", within=root))
    assert titles() == [f"P{i}" for i in range(14)]
    assert kernel.find(description="View less", within=root)


def test_streamed_markdown_shows_closed_while_it_streams(kernel, app):
    root = app("""
    import time
    def reply():
        for chunk in ["Start. ", "Some **bo", "ld** and ", "`co", "de` end"]:
            yield chunk
            time.sleep(0.15)  # more than the push interval: each state reaches the browser
    if st.button("go"):
        st.write_stream(reply)
    """)
    before = set(kernel.models)
    kernel.click(kernel.find(description="go", within=root))
    new = [kernel.models[c] for c in set(kernel.models) - before]
    html = [m for m in new if m.name == "HTML" and "Start" in str(m.get("value", ""))]
    assert html, "the streamed text was not shown"
    values = [str(u["value"]) for u in html[-1].updates if "value" in u] + [html[-1]["value"]]
    # "Some **bo" arrived alone: it showed in bold, not with its asterisks
    assert any("<strong>bo</strong>" in v for v in values), values
    assert not any("**" in v for v in values), values
    assert "<code>code</code>" in values[-1]


def test_chat_input_sends_an_audio_file_live(kernel, app):
    import base64

    root = app("""
    v = st.chat_input("Say", accept_audio=True)
    if v is not None:
        st.write(f"got {v.text!r} with {v.audio.name} of {v.audio.size} bytes")
    """)
    box = next(m for m in root.walk() if "prefill_n" in m.state and not m.closed)
    assert box["accept_audio"] is True  # the browser shows the microphone button
    wav = b"RIFF0000WAVEfmt "
    kernel.custom(box, {"event": "submit", "text": "listen", "audio": {
        "name": "note.wav", "type": "audio/wav", "b64": base64.b64encode(wav).decode()}})
    assert f"got 'listen' with note.wav of {len(wav)} bytes" in kernel.text(root)
