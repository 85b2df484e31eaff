"""Streamlit 1.67's parameters and return values in a real kernel, through the widget comm
protocol: handles replace their element in place, a horizontal container is a flex row, text
alignment, tabs' default, live text input, on_change="ignore" stores without a rerun, and
deferred download data is fetched on click."""

from __future__ import annotations

_REF = "IPY_MODEL_"


def layout(kernel, model) -> dict:
    return kernel.models[model["layout"][len(_REF):]].state


def html_models(root):
    return [m for m in root.walk() if m.name == "HTML"]


def test_a_handle_replaces_its_element_in_the_live_app(kernel, app):
    root = app("""
    h = st.text("loading")
    n = st.slider("n", 0, 9, 1, key="hl_n")
    h.text(f"done {n}")
    bar = st.progress(0)
    bar.progress(n * 10)
    """)
    texts = [m for m in html_models(root) if "nbstate-text" in m["value"]]
    assert len(texts) == 1 and "done 1" in texts[0]["value"]
    kernel.set(kernel.find(description="n", within=root), 4)
    texts = [m for m in html_models(root) if "nbstate-text" in m["value"]]
    assert len(texts) == 1 and "done 4" in texts[0]["value"]
    bars = [m for m in html_models(root) if "nbstate-progress" in m["value"]]
    assert len(bars) == 1 and 'value="40"' in bars[0]["value"]


def test_a_horizontal_container_is_a_flex_row(kernel, app):
    root = app("""
    with st.container(horizontal=True, horizontal_alignment="right", gap="large",
                      vertical_alignment="center"):
        st.button("Cancel")
        st.button("OK")
    st.markdown("centred", text_alignment="center")
    """)
    ok = kernel.find(description="OK", within=root)
    row = next(m for m in root.walk() if ok in m.children)
    lay = layout(kernel, row)
    assert (lay["display"], lay["flex_flow"], lay["justify_content"], lay["align_items"],
            lay["grid_gap"]) == ("flex", "row wrap", "flex-end", "center", "4rem")
    assert [c["description"] for c in row.children] == ["Cancel", "OK"]
    md = next(m for m in html_models(root) if "centred" in m["value"])
    assert "text-align: center" in md["value"]


def test_tabs_open_on_their_default_and_keep_the_readers_choice(kernel, app):
    root = app("""
    a, b, c = st.tabs(["A", "B", "C"], default="B")
    a.write("in a")
    b.write("in b")
    st.checkbox("again", key="tab_again")
    """)
    tab = kernel.find(name="Tab", within=root)
    assert tab["selected_index"] == 1 and tab["titles"] == ["A", "B", "C"]
    kernel.update(tab, selected_index=2)  # the reader picks C
    kernel.set(kernel.find(description="again", within=root), True)
    assert tab["selected_index"] == 2 and not tab.closed


def test_text_input_live_sends_as_you_type(kernel, app):
    root = app("""
    st.text_input("Live", key="ti_live", live=True)
    st.text_input("Blur", key="ti_blur")
    """)
    assert kernel.find(description="Live", within=root)["continuous_update"] is True
    assert kernel.find(description="Blur", within=root)["continuous_update"] is False


def test_on_change_ignore_stores_the_value_without_a_rerun(kernel, app):
    root = app("""
    st.session_state.ig_runs = st.session_state.get("ig_runs", 0) + 1
    st.checkbox("quiet", key="ig_quiet", on_change="ignore")
    st.checkbox("loud", key="ig_loud")
    """)
    runs = kernel.state("ig_runs")
    kernel.set(kernel.find(description="quiet", within=root), True)
    assert kernel.state("ig_quiet") is True and kernel.state("ig_runs") == runs
    kernel.set(kernel.find(description="loud", within=root), True)
    assert kernel.state("ig_runs") == runs + 1 and kernel.state("ig_quiet") is True


def test_deferred_download_data_is_made_on_click(kernel, app):
    root = app("""
    st.session_state.setdefault("dl_calls", 0)
    def make():
        st.session_state.dl_calls += 1
        return "a,b\\n1,2\\n"
    if st.download_button("Save", make, "t.csv", "text/csv", key="dl"):
        st.write("downloaded")
    """)
    button = kernel.find(label="Save", within=root)
    assert button["deferred"] is True and button["data"] in (b"", "")
    assert kernel.state("dl_calls") == 0  # not made while the app ran
    kernel.custom(button, {"event": "fetch"})  # the browser asks for the bytes
    content, buffers = button.customs[-1]
    assert content == {"event": "data", "mime": "text/csv"} and buffers == [b"a,b\n1,2\n"]
    assert kernel.state("dl_calls") == 1
    kernel.click(button)  # then reports the click, as after any download
    assert "downloaded" in kernel.text(root)


def test_deferred_download_that_fails_says_why(kernel, app):
    root = app("""
    def broken():
        raise ValueError("no data today")
    st.download_button("Broken", broken, "t.csv")
    """)
    button = kernel.find(label="Broken", within=root)
    kernel.custom(button, {"event": "fetch"})
    content, buffers = button.customs[-1]
    assert content["event"] == "error" and "no data today" in content["message"]


def test_metric_chart_and_help_render(kernel, app):
    root = app("""
    st.metric("Users", 12, 3, icon="👤", chart_data=[1, 4, 2, 8], chart_type="area")
    st.help(len)
    """)
    metric = next(m for m in html_models(root) if "nbstate-metric" in m["value"])
    assert "<polygon" in metric["value"] and "👤" in metric["value"]
    help_ = next(m for m in html_models(root) if "nbstate-help" in m["value"])
    assert "Return the number of items" in help_["value"]


def test_an_ignored_parameter_is_reported_once_under_the_cell(kernel):
    src = ("%%app ignored_param\nimport nbstate as st\n"
           "st.checkbox('c', key='ip_c', bind='query-params')\n")
    first = kernel.execute(src, cell_id="ignored-param-cell")
    err = "".join(o["text"] for o in first.outputs
                  if o["output_type"] == "stream" and o["name"] == "stderr")
    assert "st.checkbox(bind='query-params')` is ignored" in err and "page URL" in err
    again = kernel.execute(src, cell_id="ignored-param-cell")  # the cell run again
    assert "is ignored" not in "".join(o.get("text", "") for o in again.outputs)


def test_tracked_tabs_rerun_with_the_open_tab_and_expanders_report_open(kernel, app):
    root = app("""
    st.session_state.setdefault("tt_switches", 0)
    def switched():
        st.session_state.tt_switches += 1
    a, b = st.tabs(["A", "B"], key="tt", on_change=switched)
    if a.open:
        a.write("content of A")
    if b.open:
        b.write("content of B")
    with st.expander("More", key="tt_e", on_change="rerun") as e:
        st.write(f"expander open {e.open}")
    """)
    tab = kernel.find(name="Tab", within=root)
    assert tab["selected_index"] == 0
    assert "content of A" in kernel.text(root) and "content of B" not in kernel.text(root)
    kernel.update(tab, selected_index=1)  # the reader opens tab B
    assert "content of B" in kernel.text(root) and "content of A" not in kernel.text(root)
    assert kernel.state("tt") == "B" and kernel.state("tt_switches") == 1
    assert not tab.closed and tab["selected_index"] == 1
    fold = next(m for m in root.walk() if m.name == "Accordion")
    assert fold["selected_index"] is None and "expander open False" in kernel.text(root)
    kernel.update(fold, selected_index=0)  # the reader opens the expander
    assert "expander open True" in kernel.text(root) and kernel.state("tt_e") is True
