"""Differential tests of Streamlit 1.67's newer column types and of polars frames, through
Streamlit's AppTest and nbstate's (conftest.Pair). Streamlit's AppTest cannot click a grid's
button or edit a cell, so what is compared is what it has: the data shown, session state under
a button column's key, session-state writes, the errors, what the calls return."""

from __future__ import annotations

import pandas as pd
import pytest

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

COLS = """
    import pandas as pd
    df = pd.DataFrame({"tags": [["a", "b"], ["b"]], "md": ["**x**", "y"],
                       "clip": ["https://e.org/a.mp3", None], "film": [None, "v.mp4"],
                       "go": ["Open", "Open"]})
    cc = st.column_config
    cfg = {"tags": cc.MultiselectColumn("Tags", options=["a", "b"], color="auto",
                                        format_func=str.upper),
           "md": cc.MarkdownColumn("Notes"), "clip": cc.AudioColumn(), "film": cc.VideoColumn(),
           "go": cc.ButtonColumn("Go", key="go_click")}
"""

CASES = [
    ("new-column-types-shown", COLS + """
    st.dataframe(df, column_config=cfg)
    out = st.data_editor(df, column_config={k: v for k, v in cfg.items() if k != "go"},
                         key="ed")
    st.markdown(f"{type(out).__name__} {out.tags.tolist()} {st.session_state.go_click}")
    """),
    ("button-column-state-cannot-be-set", COLS + """
    st.session_state.go_click = {"row": 0, "label": "Open"}
    st.dataframe(df, column_config=cfg)
    """),
    ("button-column-callback-needs-a-key", """
    st.dataframe({"a": ["x"]}, column_config={"a": st.column_config.ButtonColumn(
        on_click=lambda: None)})
    """),
    ("two-button-columns-one-key", COLS + """
    st.dataframe(df, column_config={"go": cc.ButtonColumn(key="k"),
                                    "md": cc.ButtonColumn(key="k")})
    """),
    ("polars-editor-returns-polars", """
    import polars as pl
    out = st.data_editor(pl.DataFrame({"a": [1, 2], "b": ["x", "y"]}), key="ed")
    st.markdown(f"{type(out).__module__.split('.')[0]} {out['a'].to_list()}")
    """),
]


@pytest.mark.parametrize("body", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_streamlit_and_nbstate_agree(pair, body):
    if "polars" in body:
        pytest.importorskip("polars")
    p = pair(body).run()
    p.assert_agree()
    p.run()
    p.assert_agree()


def test_a_polars_frame_shows_the_same_data(pair):
    pytest.importorskip("polars")
    p = pair("""
        import polars as pl
        df = pl.DataFrame({"city": ["Oslo", "Lima"], "temp": [3.5, 19.25]})
        st.dataframe(df)
        st.data_editor(df)
    """).run()
    p.assert_agree()
    ours = [p.nb.dataframe[0].value, p.nb.data_editor[0]._el.props["source"].frame]
    for i in range(2):
        pd.testing.assert_frame_equal(ours[i], p.st.dataframe[i].value, check_dtype=False)
