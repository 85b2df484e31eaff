"""``streamlit.components``: only its ``v1`` API (``html``, ``iframe``,
``declare_component``). ``st.components.v1.html`` works after ``import nbstate as st``, as
after ``import streamlit as st``."""

from . import v1

__all__ = ["v1"]
