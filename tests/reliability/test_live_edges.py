"""Live-output edges: traits a binding stops setting go back to their default; a client that
sends no cell id does not pile up live apps; two cells with one ``%%app NAME`` are told."""

from __future__ import annotations

from hostile import LONG

from nbstate.testing.kernel import _MODEL_REF


def _layout(kernel, model):
    return kernel.models[model["layout"][len(_MODEL_REF):]]


def test_traits_no_longer_set_are_reset(kernel, app):
    root = app("""
    on = st.checkbox("Styled", True, key="styled")
    with st.container(border=on):
        st.write("inside")
    st.text_area("Notes", height=150 if on else None, key="notes_h")
    """)
    box = next(m for m in root.walk() if "nbstate-container" in m.classes)
    area = kernel.find(description="Notes", within=root)
    assert _layout(kernel, box)["border_top"] and _layout(kernel, area)["height"] == "150px"
    kernel.set(kernel.find(description="Styled", within=root), False)
    assert _layout(kernel, box)["border_top"] is None
    assert _layout(kernel, area)["height"] is None
    kernel.set(kernel.find(description="Styled", within=root), True)
    assert _layout(kernel, box)["border_top"] and _layout(kernel, area)["height"] == "150px"


def _live_apps(kernel) -> int:
    return kernel.eval("len(__import__('nbstate').frontends.ipy.live_apps())")


def test_a_client_without_cell_ids_does_not_pile_up_apps(kernel):
    edits = 200 if LONG else 30
    before = _live_apps(kernel)
    models_before = len(kernel.open_models())
    notes = []
    for i in range(edits):
        res = kernel.execute(f"%%app\nimport nbstate as st\nst.slider('x{i}', 0, 9)\n"
                             f"st.write('edit {i}')", metadata={"cellId": None})
        notes.append("".join(o["text"] for o in res.outputs
                             if o["output_type"] == "stream" and o["name"] == "stderr"))
    cap = kernel.eval("__import__('nbstate').frontends.ipy.CELLLESS_MAX")
    assert _live_apps(kernel) <= before + cap
    # each app holds a handful of widget models: at most ``cap`` apps' worth stay open
    assert len(kernel.open_models()) - models_before <= cap * 20
    assert "sent no cell id" in notes[0] and "%%app NAME" in notes[0]
    # the same source again is the same app (a rerun), not a new one
    kernel.execute(f"%%app\nimport nbstate as st\nst.slider('x{edits - 1}', 0, 9)\n"
                   f"st.write('edit {edits - 1}')", metadata={"cellId": None})
    assert _live_apps(kernel) <= before + cap


def test_two_cells_with_one_app_name_are_told(kernel):
    code = "%%app twin\nimport nbstate as st\nst.write('twin')"
    first = kernel.execute(code, cell_id="twin-a")
    assert "another cell" not in first.stdout
    again = kernel.execute(code, cell_id="twin-a")  # the same cell: no note
    assert not [o for o in again.outputs if o.get("name") == "stderr"]
    other = kernel.execute(code, cell_id="twin-b")
    err = "".join(o["text"] for o in other.outputs if o.get("name") == "stderr")
    assert 'the app "twin" was shown by another cell' in err
