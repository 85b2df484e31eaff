"""Differential tests of the data grid: st.dataframe, its selection state, st.data_editor and
st.column_config, through Streamlit's AppTest and nbstate's (see conftest.Pair).

Streamlit's AppTest cannot select rows or edit cells (its Dataframe element has only
``value``), so the interactions compared are the ones it has: the data shown, the state under
the key, session-state writes and the errors."""

from __future__ import annotations

import pandas as pd
import pytest

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit


@pytest.mark.parametrize("data", [
    'pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}, index=["r", "s"])',
    '{"a": [1, 2], "b": [3.5, None]}',
    '[{"a": 1, "b": "x"}, {"a": 2}]',
    'pd.Series([1, 2, 3], name="s")',
    'np.arange(6).reshape(3, 2)',
    'np.arange(3)',
    '{"k1": 1, "k2": 2}',
    'pa.table({"q": [1, 2]})',
])
def test_the_dataframe_value_is_the_same_frame(pair, data):
    p = pair(f"""
        import numpy as np, pandas as pd, pyarrow as pa
        st.dataframe({data})
        st.data_editor({data})
    """).run()
    p.assert_agree()
    for i in range(2):
        # (the editor's element shows the frame; its call returns the input's type)
        ours = p.nb.dataframe[0].value if i == 0 else \
            p.nb.data_editor[0]._el.props["source"].frame
        theirs = p.st.dataframe[i].value
        pd.testing.assert_frame_equal(ours.rename(columns=str), theirs.rename(columns=str),
                                      check_dtype=False, check_index_type=False)


CASES = [
    ("selection-state-initial", """
        import pandas as pd
        df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6]})
        ev = st.dataframe(df, key="pick", on_select="rerun",
                          selection_mode=["multi-row", "multi-column"])
        st.markdown(f"rows {ev.selection.rows} columns {ev.selection.columns}")
     """, [lambda at: at.session_state.__setitem__(
        "pick", {"selection": {"rows": [2, 0], "columns": ["b"], "cells": []}})]),
    ("selection-default-single-row", """
        import pandas as pd
        df = pd.DataFrame({"a": [1, 2, 3]})
        ev = st.dataframe(df, key="pick", on_select="rerun", selection_mode="single-row",
                          selection_default={"selection": {"rows": [2, 1]}})
        st.markdown(f"rows {ev.selection.rows}")
     """, [lambda at: None]),
    ("single-row-required", """
        import pandas as pd
        ev = st.dataframe(pd.DataFrame({"a": [1, 2]}), on_select="rerun",
                          selection_mode="single-row-required")
        st.markdown(f"rows {ev['selection']['rows']}")
     """, []),
    ("editor-state-initial", """
        import pandas as pd
        df = pd.DataFrame({"item": ["a", "b"], "qty": [1, 2]})
        out = st.data_editor(df, key="ed", num_rows="dynamic",
                             column_config={"qty": st.column_config.NumberColumn(min_value=0)})
        st.markdown(f"total {out.qty.sum()} rows {len(out)}")
     """, [lambda at: None]),
    ("editor-returns-the-input-type", """
        out = st.data_editor({"a": [1, 2], "b": ["x", "y"]}, key="ed")
        st.markdown(f"{type(out).__name__} {out}")
        rec = st.data_editor([{"a": 1}, {"a": 2}], key="ed2")
        st.markdown(f"{type(rec).__name__} {rec}")
     """, []),
    ("editor-state-cannot-be-set", """
        import pandas as pd
        st.session_state.ed = {"edited_rows": {0: {"a": 5}}}
        st.data_editor(pd.DataFrame({"a": [1]}), key="ed")
     """, []),
    ("dataframe-bad-selection-mode", """
        st.dataframe({"a": [1]}, on_select="rerun", selection_mode=["single-row", "multi-row"])
     """, []),
]


@pytest.mark.parametrize("body, steps", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_streamlit_and_nbstate_agree(pair, body, steps):
    p = pair(body).run()
    p.assert_agree()
    for act in steps:
        p.step(act)
        p.assert_agree()


def test_difference_a_written_selection_is_filtered(pair):
    """Streamlit filters a selection written through session state for its grid but returns
    (and keeps in session state) the unfiltered one, rows that do not exist included; nbstate
    returns and keeps what the grid shows (see grid_widgets.filter_state)."""
    p = pair("""
        import pandas as pd
        df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6]})
        ev = st.dataframe(df, key="pick", on_select="rerun",
                          selection_mode=["multi-row", "multi-column"])
        st.markdown(f"rows {ev.selection.rows} columns {ev.selection.columns}")
    """).run()
    p.step(lambda at: at.session_state.__setitem__(
        "pick", {"selection": {"rows": [2, 99, 0], "columns": ["b", "zz"]}}))
    assert p.st.markdown.values == ["rows [2, 99, 0] columns ['b', 'zz']"]
    assert p.nb.markdown.values == ["rows [2, 0] columns ['b']"]
    assert p.nb.session_state["pick"] == {"selection": {"rows": [2, 0], "columns": ["b"],
                                                        "cells": []}}
