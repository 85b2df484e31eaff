"""The core and AppTest run with ipywidgets and IPython unavailable (SPEC §10, DESIGN: imports
point one way)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent('''
    import sys
    for name in ("ipywidgets", "IPython", "ipykernel", "anywidget", "traitlets", "comm"):
        sys.modules[name] = None  # any import of them now fails
    import nbstate as st
    from nbstate.testing import AppTest
    at = AppTest.from_string("""
    import nbstate as st
    with st.form("f"):
        v = st.slider("v", 0, 10, key="v")
        st.form_submit_button()
    st.write(v)
    """).run()
    at.slider[0].set_value(4)
    at.button[0].click().run()
    assert at.markdown.values == ["`4`"], at.markdown.values
    loaded = sorted(m for m in sys.modules if m.startswith("nbstate.frontends"))
    assert not loaded, loaded
    print("ok")
''')


def test_core_and_apptest_need_no_kernel_libraries():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
