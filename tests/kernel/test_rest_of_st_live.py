"""The rest of Streamlit's ``st`` namespace in a real kernel (issue 10): each piece is driven as
the browser drives it (comm messages) and checked in the widget models the browser would get."""

from __future__ import annotations


def test_set_page_config_layout_title_and_sidebar_width(kernel, app):
    root = app("""
    st.set_page_config(page_title="Sales", page_icon="📈", layout="centered",
                       initial_sidebar_state=250)
    st.sidebar.write("side")
    if st.toggle("wide", key="wide"):
        st.set_page_config(layout="wide")
    """)
    assert root["layout"] is not None
    layout = kernel.models[root["layout"].removeprefix("IPY_MODEL_")]
    assert layout["max_width"] == "calc(736px + 250px + 1.5rem)"  # main column + sidebar
    # 250 px until the reader resizes it (the browser sets --nbstate-sidebar-width)
    assert layout["grid_template_columns"].startswith("var(--nbstate-sidebar-width, 250px)")
    page = kernel.find(name="Any", title="Sales", within=root)
    assert page["icon"] == "📈"
    kernel.set(kernel.find(description="wide", within=root), True)
    assert layout["max_width"] is None  # wide: the whole output's width


def test_dialog_opens_as_a_modal_and_closes(kernel, app):
    root = app("""
    @st.dialog("Rename")
    def rename():
        name = st.text_input("New name", key="new")
        if st.button("Save"):
            st.session_state.name = name
            st.rerun()
    if st.button("Open"):
        rename()
    st.write("name:", st.session_state.get("name", "-"))
    """)
    assert not kernel.find_all(_dom_classes=["nbstate-dialog"], within=root)
    kernel.click(kernel.find(description="Open", within=root))
    dialog = kernel.find(_dom_classes=["nbstate-dialog"], within=root)
    assert "Rename" in kernel.text(dialog)
    kernel.set(kernel.find(description="New name", within=root), "Ada")
    assert kernel.find_all(_dom_classes=["nbstate-dialog"], within=root)  # still open
    kernel.click(kernel.find(description="Save", within=root))
    assert not kernel.find_all(_dom_classes=["nbstate-dialog"], within=root)
    assert "name: Ada" in kernel.text(root)
    # the close button
    kernel.click(kernel.find(description="Open", within=root))
    kernel.click(kernel.find(description="\u2715", within=root))
    assert not kernel.find_all(_dom_classes=["nbstate-dialog"], within=root)


def test_media_and_decoration_elements(kernel, app):
    root = app("""
    import numpy as np
    st.audio(np.zeros(800), sample_rate=8000)
    st.video("https://example.com/v.mp4", muted=True)
    st.badge("Beta", color="violet")
    st.space("medium")
    st.balloons()
    st.help(len)
    with st.echo():
        x = 41 + 1
    st.mermaid_chart("graph LR; A-->B")
    """)
    html = [m["value"] for m in kernel.find_all(name="HTML", within=root)]
    assert any('<audio class="nbstate-audio" controls src="data:audio/wav;base64,' in h
               for h in html)
    assert any("<video" in h and " muted" in h for h in html)
    assert any("nbstate-badge" in h and "Beta" in h for h in html)
    assert any("nbstate-balloons" in h for h in html)
    assert any("nbstate-help" in h and "len" in h for h in html)
    assert "x = 41 + 1" in kernel.text(root)
    assert "```mermaid\ngraph LR; A-->B\n```" in kernel.text(root)


def test_new_widgets_round_trip(kernel, app):
    root = app("""
    import datetime as dt
    when = st.datetime_input("When", dt.datetime(2025, 1, 2, 9, 30), key="when")
    stars = st.feedback("stars", key="stars")
    page = st.pagination(5, key="page")
    pick = st.menu_button("Export", ["CSV", "Excel"])
    st.write(f"when={when} stars={stars} page={page} pick={pick}")
    """)
    assert "when=2025-01-02 09:30:00 stars=None page=1 pick=None" in kernel.text(root)
    picker = kernel.find(name="NaiveDatetime", within=root)
    kernel.set(picker, {"year": 2025, "month": 2, "date": 3, "hours": 4, "minutes": 5,
                        "seconds": 0, "milliseconds": 0})
    # JS months count from 0: month 2 is March
    assert "when=2025-03-03 04:05:00" in kernel.text(root)
    feedback, pages = kernel.find_all(name="ToggleButtons", within=root)
    kernel.set(feedback, 3)
    kernel.set(pages, 2)
    assert "stars=3 page=3" in kernel.text(root)
    menu = kernel.find(description="Export", within=root)
    kernel.set(menu, 1)
    assert "pick=Excel" in kernel.text(root)
    assert menu["index"] is None  # the menu closes: nothing stays picked


def test_link_button_and_fragment_timer_are_anywidgets(kernel, app):
    root = app("""
    st.session_state.setdefault("ticks", 0)
    if st.link_button("Docs", "https://docs.streamlit.io", on_click="rerun"):
        st.write("link clicked")
    @st.fragment(run_every=0.5)
    def clock():
        st.session_state.ticks += 1
        st.write(f"ticks={st.session_state.ticks}")
    clock()
    """)
    link = kernel.find(name="Any", label="Docs", within=root)
    assert link["url"] == "https://docs.streamlit.io" and link["report"] is True
    kernel.click(link)
    assert "link clicked" in kernel.text(root)
    timer = kernel.find(name="Any", interval=0.5, within=root)
    kernel.click(timer)  # one tick, as the browser's clock sends it
    assert "ticks=3" in kernel.text(root)  # two full runs, then the tick's fragment run


def test_camera_input_is_an_image_file_picker(kernel, app):
    root = app("""
    photo = st.camera_input("Photo")
    st.write(photo.name if photo else "none")
    """)
    up = kernel.find(name="FileUpload", within=root)
    assert up["accept"] == "image/*"
    kernel.upload(up, [("me.png", b"\\x89PNG....", "image/png")])
    assert "me.png" in kernel.text(root)


def test_navigation_menu_in_the_sidebar(kernel, app):
    root = app("""
    def home():
        st.title("Home page")
    def about():
        st.title("About page")
    st.navigation([st.Page(home), st.Page(about)]).run()
    """)
    assert "Home page" in kernel.text(root)
    kernel.click(kernel.find(description="about", within=root))
    assert "About page" in kernel.text(root)
    assert "Home page" not in kernel.text(root)


def test_query_params_and_secrets_in_a_kernel(kernel, tmp_path):
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text('token = "abc"\n')
    kernel.execute(f"import os; os.chdir({str(tmp_path)!r})")
    root = kernel.run_app_cell("""
    st.query_params["tab"] = "x"
    st.write(st.secrets.token, st.query_params.to_dict())
    """)
    assert "abc" in kernel.text(root)
    assert kernel.eval("__import__('nbstate').query_params.to_dict()") == {"tab": "x"}


def test_grid_pdf_skeleton_logo_snow_echarts(kernel, app, tmp_path):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4 tiny")
    root = app(f"""
    st.logo(b"<svg xmlns='http://www.w3.org/2000/svg'/>", link="https://example.com")
    g = st.grid(2)
    for i in range(3):
        g.text(f"cell {{i}}")
    st.pdf({str(pdf)!r}, height=200)
    slot = st.skeleton(height=50)
    st.snow()
    st.echarts_chart({{"series": [{{"type": "bar", "data": [1, 2]}}]}})
    if st.button("Load"):
        slot.write("loaded")
    """)
    assert "Error" not in kernel.text(root), kernel.text(root)
    grid = kernel.find(name="GridBox", within=root)
    assert [kernel.text(c) for c in grid.children] == ["cell 0", "cell 1", "cell 2"]
    layout = kernel.models[grid["layout"].removeprefix("IPY_MODEL_")]
    assert layout["grid_template_columns"] == "repeat(2, minmax(0, 1fr))"
    html = [m["value"] for m in kernel.find_all(name="HTML", within=root)]
    assert any('class="nbstate-pdf" src="data:application/pdf;base64,' in h for h in html)
    assert any("nbstate-logo" in h and 'href="https://example.com"' in h for h in html)
    assert any("nbstate-snow" in h for h in html)
    assert any("nbstate-skeleton" in h for h in html)
    chart = kernel.find(name="Any", renderer="canvas", within=root)
    assert '"bar"' in chart["spec"]
    kernel.click(kernel.find(description="Load", within=root))
    html = [m["value"] for m in kernel.find_all(name="HTML", within=root)]
    assert not any("nbstate-skeleton" in h for h in html)
    assert "loaded" in kernel.text(root)
