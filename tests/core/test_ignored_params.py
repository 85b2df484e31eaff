"""Every parameter of Streamlit's signature that nbstate takes either changes what the app
shows or warns (once per session) that it is ignored and why: none is dropped silently.

Each case runs one app twice through ``AppTest``: without the parameter and with it. The run
with it must show something else or give an ``IgnoredParameterWarning`` naming the parameter;
the run without it must not warn about that parameter.
"""

from __future__ import annotations

import warnings

import pytest

from nbstate.errors import IgnoredParameterWarning
from nbstate.testing import AppTest

#: (app code with {p} where the parameter goes, the parameter as written in the call)
CASES = [
    # widgets: widths (ipywidgets give each widget its own)
    *[(f"st.{call[:-1]}{{p}})", "width=123") for call in [
        "button('b')", "download_button('d', 'x')", "checkbox('c')", "toggle('t')",
        "selectbox('s', ['a'])", "radio('r', ['a'])", "multiselect('m', ['a'])",
        "pills('p', ['a'])", "segmented_control('s', ['a'])", "slider('s')",
        "number_input('n')", "select_slider('s', [1, 2])", "text_input('t')",
        "text_area('t')", "date_input('d')", "time_input('t')", "color_picker('c')",
        "file_uploader('f')", "datetime_input('d')", "feedback()", "pagination(3)",
        "menu_button('m', ['a'])", "camera_input('c')", "audio_input('a')",
        # display elements and containers
        "code('x')", "json({})", "divider()", "info('i')", "success('s')", "warning('w')",
        "error('e')", "exception(ValueError('x'))", "help(len)", "metric('m', 1)",
        "progress(1)", "latex('x')", "columns(2)", "tabs(['a'])", "expander('e')",
        "popover('p')", "badge('b')", "skeleton()", "mermaid_chart('graph TD; A-->B')",
        "echarts_chart({})", "pydeck_chart()", "graphviz_chart('digraph {a}')",
        "status('s')", "form('f')",
    ]],
    ("with st.spinner('s'{p}): pass", "width=123"),
    ("with st.form('f'):\n    st.form_submit_button({p})", "width='stretch'"),
    ("with st.form('f'):\n    st.form_submit_button({p})", "use_container_width=True"),
    ("st.form('f'{p})", "height=100"),
    ("st.graphviz_chart('digraph {a}'{p})", "height=100"),
    ("st.button('b'{p})", "use_container_width=True"),
    ("st.popover('p'{p})", "use_container_width=True"),
    ("st.map(None{p})", "use_container_width=True"),
    ("st.text_input('t'{p})", "autocomplete='off'"),
    ("st.menu_button('m', ['a']{p})", "wrap=True"),
    ("st.link_button('l', 'https://example.org'{p})", "wrap=True"),
    ("import numpy as np\nst.image(np.array([[0.0, 2.0]]){p})", "clamp=True"),
    ("st.navigation([st.Page(lambda: None, title=str(i), url_path=str(i)) "
     "for i in range(5)]{p})", "expanded=3"),
    ("st.set_page_config({p})", "initial_sidebar_state='collapsed'"),
    ("st.set_page_config({p})", "menu_items={'About': 'x'}"),
]


def _run(code: str):
    at = AppTest.from_string("import nbstate as st\n" + code)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        at.run()
    said = [str(w.message) for w in caught if issubclass(w.category, IgnoredParameterWarning)]
    return at, said


def _with(template: str, param: str) -> str:
    head = template.split("{p}")[0]
    sep = "" if head.endswith("(") else ", "
    return template.replace("{p}", sep + param)


@pytest.mark.parametrize("template, param", CASES, ids=[_with(t, p).splitlines()[-1].strip()
                                                        for t, p in CASES])
def test_parameter_works_or_warns(template, param):
    name = param.split("=")[0]
    base, base_said = _run(template.replace("{p}", ""))
    assert not any(f"{name}=" in s for s in base_said), base_said
    given, said = _run(_with(template, param))
    warned = [s for s in said if f"{name}=" in s and "is ignored" in s]
    changed = (base.tree != given.tree
               or [e.value for e in base.exception] != [e.value for e in given.exception])
    assert warned or changed, f"{param} neither changes the app nor warns"


def test_a_warning_says_why_once_per_session():
    at = AppTest.from_string("import nbstate as st\nst.slider('a', width=99)\n"
                             "st.slider('b', width=99)")
    with pytest.warns(IgnoredParameterWarning, match=r"st.slider\(width=99\)` is ignored: "
                      "in a notebook it keeps the size") as rec:
        at.run()
    assert len([w for w in rec if issubclass(w.category, IgnoredParameterWarning)]) == 1
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        at.run()


def test_image_clamp_as_streamlit():
    pytest.importorskip("matplotlib")
    at = AppTest.from_string("import numpy as np, nbstate as st\n"
                             "st.image(np.array([[0.0, 2.0]]))")
    at.run()
    assert "outside [0, 1.0] and clamp is not set" in at.exception[0].value
    at = AppTest.from_string("import numpy as np, nbstate as st\n"
                             "st.image(np.array([[0, 300]]), clamp=True)")
    at.run()
    assert not at.exception and at.image[0].value[0].startswith("data:image/png")
