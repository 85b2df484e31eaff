"""Every widget kind through a real kernel: the browser's change reaches session state, runs
the callback once, reruns, and the app's output shows the new value."""

from __future__ import annotations

import pytest

APP = """
K = {key!r}
st.session_state.setdefault("calls_" + K, 0)
def cb():
    st.session_state["calls_" + K] += 1
{widget}
st.write(f"value={{st.session_state[K]!r}} calls={{st.session_state['calls_' + K]}}")
"""

OPTS = '["a", "b", "c"]'

# kind -> (widget call with key=K and the callback, ipywidget class, browser action, value shown)
CASES = {
    "button": ('st.button("Go", key=K, on_click=cb)', "Button", ("click",), "True"),
    "download_button": ('st.download_button("Save", "x,y", "t.csv", key=K, on_click=cb)',
                        ("Any", {"label": "Save"}), ("click",), "True"),
    "checkbox": ('st.checkbox("Tick", key=K, on_change=cb)', "Checkbox", ("set", True), "True"),
    "toggle": ('st.toggle("On", key=K, on_change=cb)', ("Any", {"description": "On"}),
               ("set", True), "True"),
    "radio": (f'st.radio("Pick", {OPTS}, key=K, on_change=cb)', "RadioButtons", ("set", 2),
              "'c'"),
    "selectbox": (f'st.selectbox("Pick", {OPTS}, key=K, on_change=cb)', "Dropdown", ("set", 1),
                  "'b'"),
    "multiselect": (f'st.multiselect("Pick", {OPTS}, key=K, on_change=cb)',
                    ("Any", {"description": "Pick"}), ("set", [2, 0]), "['c', 'a']"),
    "slider": ('st.slider("N", 0, 10, 3, key=K, on_change=cb)', "IntSlider", ("set", 7), "7"),
    "slider_float": ('st.slider("F", 0.0, 1.0, 0.25, key=K, on_change=cb)', "FloatSlider",
                     ("set", 0.5), "0.5"),
    "slider_range": ('st.slider("R", 0, 10, (2, 8), key=K, on_change=cb)', "IntRangeSlider",
                     ("set", [3, 5]), "(3, 5)"),
    "slider_date": ('st.slider("D", datetime.date(2024, 1, 1), datetime.date(2024, 1, 31), '
                    'datetime.date(2024, 1, 10), key=K, on_change=cb)', "SelectionSlider",
                    ("set", 4), "datetime.date(2024, 1, 5)"),
    "select_slider": (f'st.select_slider("S", {OPTS}, key=K, on_change=cb)', "SelectionSlider",
                      ("set", 2), "'c'"),
    "select_slider_range": (f'st.select_slider("S", {OPTS}, ("a", "b"), key=K, on_change=cb)',
                            "SelectionRangeSlider", ("set", [1, 2]), "('b', 'c')"),
    "text_input": ('st.text_input("Name", key=K, on_change=cb)', "Text", ("set", "Ada"),
                   "'Ada'"),
    "password": ('st.text_input("Secret", type="password", key=K, on_change=cb)', "Password",
                 ("set", "pw"), "'pw'"),
    "text_area": ('st.text_area("Notes", key=K, on_change=cb)', "Textarea",
                  ("set", "two\nlines"), "'two\\nlines'"),
    "number_input": ('st.number_input("Count", 0, 10, 1, key=K, on_change=cb)',
                     "BoundedIntText", ("set", 4), "4"),
    "number_input_float": ('st.number_input("X", value=1.5, key=K, on_change=cb)', "FloatText",
                           ("set", 2.25), "2.25"),
    "date_input": ('st.date_input("Day", datetime.date(2024, 3, 1), key=K, on_change=cb)',
                   "DatePicker", ("set", {"year": 2024, "month": 2, "date": 9}),
                   "datetime.date(2024, 3, 9)"),
    "time_input": ('st.time_input("At", datetime.time(8, 0), key=K, on_change=cb)',
                   "Time", ("set", {"hours": 7, "minutes": 30, "seconds": 0,
                                          "milliseconds": 0}), "datetime.time(7, 30)"),
    "color_picker": ('st.color_picker("Colour", key=K, on_change=cb)', "ColorPicker",
                     ("set", "#ff8800"), "'#ff8800'"),
    "file_uploader": ('st.file_uploader("File", key=K, on_change=cb)', "FileUpload",
                      ("upload", [("a.txt", b"hello", "text/plain")]),
                      "UploadedFile(name='a.txt', type='text/plain', size=5)"),
    "pills": (f'st.pills("Tag", {OPTS}, key=K, on_change=cb)', "ToggleButtons", ("set", 1),
              "'b'"),
    "segmented_control": (f'st.segmented_control("View", {OPTS}, key=K, on_change=cb)',
                          "ToggleButtons", ("set", 0), "'a'"),
    "pills_multi": (f'st.pills("Tags", {OPTS}, selection_mode="multi", key=K, on_change=cb)',
                    "SelectMultiple", ("set", [1]), "['b']"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_browser_change_reaches_state_callback_and_output(kernel, app, case):
    widget, model_name, action, shown = CASES[case]
    kernel.execute("import datetime")
    root = app(APP.format(key=f"w_{case}", widget=widget))
    name, query = model_name if isinstance(model_name, tuple) else (model_name, {})
    [model] = kernel.find_all(name=name, within=root, **query)
    assert "calls=0" in kernel.text(root)

    if action[0] == "click":
        kernel.click(model)
    elif action[0] == "upload":
        kernel.upload(model, action[1])
    else:
        kernel.set(model, action[1])

    text = kernel.text(root)
    assert f"value={shown} calls=1" in text
    assert kernel.eval(f"repr(__import__('nbstate').session_state['w_{case}'])") == shown \
        or action[0] == "click"  # a button is True only for the run after the click



def test_pickers_carry_their_bounds_and_step(kernel, app):
    kernel.execute("import datetime")
    root = app("""
    st.date_input("Bounded day", datetime.date(2024, 5, 2), datetime.date(2024, 5, 1),
                  datetime.date(2024, 5, 31), key="bday")
    st.time_input("Stepped", datetime.time(9, 0), key="stime", step=1800)
    st.text_area("Tall", height=150, key="tall")
    """)
    day = kernel.find(description="Bounded day", within=root)
    assert day["min"] == {"year": 2024, "month": 4, "date": 1}
    assert day["max"] == {"year": 2024, "month": 4, "date": 31}
    assert kernel.find(description="Stepped", within=root)["step"] == 1800
    tall = kernel.find(description="Tall", within=root)
    assert kernel.models[tall["layout"].removeprefix("IPY_MODEL_")]["height"] == "150px"


# kind -> (widget call with key=K, ipywidget, value trait, a value the core must refuse)
REFUSALS = {
    "text_max_chars": ('st.text_input("Short", "ab", max_chars=3, key=K)', "Text", "value",
                       "too long"),
    "multiselect_max": (f'st.multiselect("Few", {OPTS}, ["a"], max_selections=1, key=K)',
                        ("Any", {"description": "Few"}), "index", [0, 1]),
    "multiselect_unknown": (f'st.multiselect("Known", {OPTS}, ["a"], key=K)',
                            ("Any", {"description": "Known"}),
                            "index", [9]),
    "color_name": ('st.color_picker("Hex", "#112233", key=K)', "ColorPicker", "value", "red"),
    "date_outside": ('st.date_input("Inside", datetime.date(2024, 5, 2), '
                     'datetime.date(2024, 5, 1), datetime.date(2024, 5, 31), key=K)',
                     "DatePicker", "value", {"year": 2025, "month": 0, "date": 1}),
    "number_above": ('st.number_input("Capped", 0, 10, 5, key=K)', "BoundedIntText", "value",
                     11),
    "int_as_float": ('st.slider("Whole", 0, 10, 5, key=K)', "IntSlider", "value", 2.5),
    "radio_index": (f'st.radio("One", {OPTS}, key=K)', "RadioButtons", "index", 3),
    "checkbox_str": ('st.checkbox("Flag", key=K)', "Checkbox", "value", "yes"),
    "time_garbage": ('st.time_input("When", datetime.time(9, 30), key=K)', "Time", "value",
                     {"hours": "nine"}),
    "date_slider_index": ('st.slider("Day", datetime.date(2024, 1, 1), datetime.date(2024, 1, 9),'
                          ' datetime.date(2024, 1, 3), key=K)', "SelectionSlider", "index", 99),
    "range_reversed": ('st.slider("Span", 0, 10, (2, 4), key=K)', "IntRangeSlider", "value",
                       [8, 1]),
    "toggle_pills_index": (f'st.pills("Pill", {OPTS}, key=K)', "ToggleButtons", "index", -1),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_invalid_browser_value_is_refused_and_set_back(kernel, app, case):
    widget, model_name, trait, bad = REFUSALS[case]
    kernel.execute("import datetime")
    key = f"r_{case}"
    root = app(f"K = {key!r}\n{widget}\nst.write(f'state={{st.session_state[K]!r}}')")
    name, query = model_name if isinstance(model_name, tuple) else (model_name, {})
    [model] = kernel.find_all(name=name, within=root, **query)
    shown_before = model[trait]
    state_before = kernel.text(root)
    kernel.update(model, **{trait: bad})
    assert model[trait] == shown_before  # the kernel set the browser back
    text = kernel.text(root)
    assert f'key "{key}"' in text and "refused" in text  # a warning names the widget
    assert state_before.splitlines()[-1] in text  # session state as it was


def test_refused_upload_sets_the_previous_file_back(kernel, app):
    root = app("""
    f = st.file_uploader("Doc", type="txt", key="doc")
    st.write(f"doc={f.name if f else None}")
    """)
    up = kernel.find(name="FileUpload", within=root)
    kernel.upload(up, [("a.txt", b"first", "text/plain")])
    assert "doc=a.txt" in kernel.text(root)
    kernel.upload(up, [("b.png", b"\x89PNG", "image/png")])
    text = kernel.text(root)
    assert "doc=a.txt" in text and "refused" in text and "b.png" in text
    assert [f["name"] for f in up.value] == ["a.txt"]  # the browser shows the kept file
    assert up.value[0]["size"] == 5
    assert up.value[0]["content"] == b""  # its bytes are not sent back to the browser


def test_a_folder_upload_keeps_each_files_path_in_the_folder(kernel, app):
    root = app("""
    files = st.file_uploader("Folder", type="csv", accept_multiple_files="directory",
                             key="folder")
    st.write(f"names={[f.name for f in files]}")
    """)
    up = kernel.find(name="FileUpload", within=root)
    assert "nbstate-directory" in up["_dom_classes"]  # its button opens a folder picker
    kernel.upload(up, [("data/a.csv", b"1", "text/csv"), ("data/sub/b.CSV", b"2", "text/csv"),
                       ("../up/c.csv", b"3", "text/csv")])
    # (the path stays inside the folder: ".." parts are dropped)
    assert "names=['data/a.csv', 'data/sub/b.CSV', 'up/c.csv']" in kernel.text(root)
    kernel.upload(up, [("data/a.csv", b"1", "text/csv"), ("data/x.png", b"\x89PNG", "image/png")])
    text = kernel.text(root)  # (the picker sends the allowed types only: a client that does not
    assert "refused" in text and "x.png" in text  # is refused, the files kept)
    assert "names=['data/a.csv', 'data/sub/b.CSV', 'up/c.csv']" in text


# kind -> (widget call with key=K, the value a callback writes, ipywidget, trait, as the browser
# receives it)
WRITES = {
    "checkbox": ('st.checkbox("Flag", key=K)', "True", "Checkbox", "value", True),
    "toggle": ('st.toggle("Switch", key=K)', "True", ("Any", {"description": "Switch"}),
               "value", True),
    "radio": (f'st.radio("One", {OPTS}, key=K)', "'c'", "RadioButtons", "index", 2),
    "selectbox": (f'st.selectbox("One", {OPTS}, key=K)', "'b'", "Dropdown", "index", 1),
    "multiselect": (f'st.multiselect("Some", {OPTS}, key=K)', "['c', 'a']",
                    ("Any", {"description": "Some"}), "index", [2, 0]),
    "slider": ('st.slider("N", 0, 10, 1, key=K)', "9", "IntSlider", "value", 9),
    "slider_range": ('st.slider("R", 0.0, 1.0, (0.1, 0.2), key=K)', "(0.5, 0.75)",
                     "FloatRangeSlider", "value", [0.5, 0.75]),
    "slider_date": ('st.slider("D", datetime.date(2024, 1, 1), datetime.date(2024, 1, 9), '
                    'datetime.date(2024, 1, 2), key=K)', "datetime.date(2024, 1, 5)",
                    "SelectionSlider", "index", 4),
    "select_slider": (f'st.select_slider("S", {OPTS}, key=K)', "'c'", "SelectionSlider",
                      "index", 2),
    "text_input": ('st.text_input("T", key=K)', "'written'", "Text", "value", "written"),
    "text_area": ('st.text_area("A", key=K)', "'x\\ny'", "Textarea", "value", "x\ny"),
    "number_input": ('st.number_input("Num", 0, 10, 1, key=K)', "7", "BoundedIntText",
                     "value", 7),
    "date_input": ('st.date_input("Day", datetime.date(2024, 3, 1), key=K)',
                   "datetime.date(2024, 3, 9)", "DatePicker", "value",
                   {"year": 2024, "month": 2, "date": 9}),
    "time_input": ('st.time_input("At", datetime.time(8, 0), key=K)', "datetime.time(7, 30)",
                   "Time", "value", {"hours": 7, "minutes": 30, "seconds": 0,
                                     "milliseconds": 0}),
    "color_picker": ('st.color_picker("C", key=K)', "'#00ff00'", "ColorPicker", "value",
                     "#00ff00"),
    "pills": (f'st.pills("P", {OPTS}, key=K)', "'b'", "ToggleButtons", "index", 1),
}


@pytest.mark.parametrize("case", list(WRITES))
def test_callback_write_reaches_the_browser(kernel, app, case):
    widget, new, model_name, trait, shown = WRITES[case]
    kernel.execute("import datetime")
    key = f"cw_{case}"
    root = app(f"""
    K = {key!r}
    def write():
        st.session_state[K] = {new}
    st.button("Write", on_click=write)
    {widget}
    """)
    name, query = model_name if isinstance(model_name, tuple) else (model_name, {})
    [model] = kernel.find_all(name=name, within=root, **query)
    with kernel.updates_during() as ups:
        kernel.click(kernel.find(description="Write", within=root))
    assert model[trait] == shown, kernel.text(root)
    assert [u["state"] for u in ups if u["model"] is model] == [{trait: shown}]


def test_horizontal_radio_lays_its_options_in_a_row(kernel, app):
    root = app("""
    st.radio("Across", ["x", "y"], horizontal=True, key="across")
    st.radio("Down", ["x", "y"], key="down")
    """)
    assert kernel.find(description="Across", within=root)["orientation"] == "horizontal"
    assert kernel.find(description="Down", within=root)["orientation"] == "vertical"
