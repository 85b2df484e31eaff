"""Run one script through Streamlit's AppTest and nbstate's, side by side."""

from __future__ import annotations

import json
import logging
import textwrap
from collections.abc import Callable
from typing import Any

import pytest

from nbstate.testing import AppTest as NbAppTest

Step = Callable[[Any], Any]

#: widget lists both AppTests have; their values are compared after every run
WIDGET_KINDS = ("checkbox", "toggle", "radio", "selectbox", "multiselect", "slider",
                "select_slider", "text_input", "text_area", "number_input", "date_input",
                "time_input", "color_picker", "button")


def exception_types(at: Any) -> list[str]:
    """Class names of the exceptions shown, without Streamlit's module and the product prefix
    (``streamlit.errors.StreamlitDuplicateElementKey`` is ``DuplicateElementKey``,
    ``NbstateAPIException`` and ``StreamlitAPIException`` are ``APIException``).

    nbstate's "Missing Submit Button" element is left out: Streamlit's frontend draws that
    one, so its AppTest never shows it (see DIFFERENCES)."""
    out = []
    for e in at.exception:
        proto = getattr(e, "proto", None)
        name = (proto.type if proto is not None else e.type).rsplit(".", 1)[-1]
        if name != "MissingSubmitButtonError":
            # (nbstate's NbstateAPIException is Streamlit's StreamlitAPIException, SPEC §8)
            out.append(name.removeprefix("Streamlit").removeprefix("Nbstate"))
    return out


class Pair:
    """The same script as a Streamlit app and as an nbstate app, driven in lockstep."""

    def __init__(self, body: str, timeout: float = 10) -> None:
        from streamlit.testing.v1 import AppTest as StAppTest

        body = textwrap.dedent(body)
        self.st = StAppTest.from_string("import streamlit as st\n" + body,
                                        default_timeout=timeout)
        self.nb = NbAppTest.from_string("import nbstate as st\n" + body)

    def run(self) -> Pair:
        self.st.run()
        self.nb.run()
        return self

    def step(self, act: Step) -> Pair:
        """Do the same interaction on both (``act(at)``), then run both."""
        act(self.st)
        act(self.nb)
        return self.run()

    def set_state(self, key: str, value: Any) -> Pair:
        self.st.session_state[key] = value
        self.nb.session_state[key] = value
        return self

    def state(self, side: str = "nb") -> dict:
        """Session state as the user sees it (Streamlit's AppTest also lists the internal
        ids of keyless submit buttons; those are no user keys)."""
        return {k: v for k, v in getattr(self, side).session_state.to_dict().items()
                if not k.startswith("FormSubmitter:")}

    def assert_agree(self, *, widgets: bool = True) -> None:
        """Same session state, Markdown and JSON shown, exceptions shown, and (unless
        ``widgets=False``) the same value in every widget."""
        assert self.state("nb") == self.state("st")
        assert self.nb.markdown.values == self.st.markdown.values
        # parsed: Streamlit's session state keeps its keys in its own order
        assert [json.loads(v) for v in self.nb.json.values] == \
            [json.loads(v) for v in self.st.json.values]
        assert exception_types(self.nb) == exception_types(self.st)
        for kind in WIDGET_KINDS if widgets else ():
            assert [_plain(e.value) for e in self.nb.get(kind)] == \
                [_plain(e.value) for e in self.st.get(kind)], kind


def _plain(v: Any) -> Any:
    """An Enum member as its class and member names: each app defines its own class."""
    import enum

    if isinstance(v, enum.Enum):
        return (type(v).__qualname__, v.name)
    return v


@pytest.fixture(scope="session", autouse=True)
def _quiet_streamlit():
    pytest.importorskip("streamlit")
    # Streamlit's bare-mode AppTest logs a "missing ScriptRunContext" warning per thread
    logging.getLogger("streamlit").setLevel(logging.ERROR)


@pytest.fixture
def pair():
    return Pair
