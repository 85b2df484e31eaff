"""nbstate's ``st`` namespace against Streamlit 1.67's (issue 10): every public name of
``streamlit`` is in ``nbstate`` too, and the names added for issue 10 take Streamlit's
parameters (same names, kinds, order and defaults).

Skipped without streamlit (``pip install nbstate[streamlit]``).
"""

from __future__ import annotations

import inspect

import pytest

streamlit = pytest.importorskip("streamlit")

import nbstate  # noqa: E402

#: modules of streamlit's namespace that are part of its API (the others are its internals)
API_MODULES = ("column_config", "components", "errors")

#: names the data-grid work brings (st.data_editor, st.column_config): still missing, each is
#: an expected failure of its own, not a failure of this test; every other name must be there
ELSEWHERE = {"data_editor", "column_config"}


def _public(module) -> list[str]:
    return sorted(k for k in dir(module) if not k.startswith("_") and (
        not inspect.ismodule(getattr(module, k)) or k in API_MODULES))


def _missing() -> list[str]:
    return [k for k in _public(streamlit) if not hasattr(nbstate, k)]


def test_streamlit_version():
    assert streamlit.__version__.startswith("1.67"), streamlit.__version__


def test_every_public_name_of_streamlit_is_in_nbstate():
    missing = [k for k in _missing() if k not in ELSEWHERE]
    assert missing == [], f"nbstate lacks these names of Streamlit {streamlit.__version__}: " \
                          f"{', '.join(missing)}"


@pytest.mark.parametrize("name", sorted(ELSEWHERE))
def test_names_brought_by_other_work(name):
    if not hasattr(nbstate, name):
        pytest.xfail(f"st.{name} is not in nbstate yet (other work of issue 10 brings it)")


def test_every_public_name_is_in_all():
    names = set(_public(streamlit)) & set(dir(nbstate))
    assert sorted(names - set(nbstate.__all__)) == []


ISSUE_10_NAMES = """App Page audio audio_input badge balloons camera_input connection
datetime_input dialog echarts_chart echo feedback get_option graphviz_chart grid help link_button
login logo logout map menu_button mermaid_chart navigation page_link pagination pdf pydeck_chart
set_option set_page_config skeleton snow space switch_page""".split()


def _params(fn) -> list[tuple]:
    out = []
    for p in inspect.signature(fn).parameters.values():
        default = p.default
        if inspect.ismodule(default):  # st.help(obj=<the module itself>)
            default = "<module>"
        elif default is not inspect.Parameter.empty:
            default = repr(default)
        out.append((p.name, p.kind, default))
    return out


@pytest.mark.parametrize("name", ISSUE_10_NAMES)
def test_signature_is_streamlits(name):
    assert _params(getattr(nbstate, name)) == _params(getattr(streamlit, name))
