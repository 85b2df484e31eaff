"""``streamlit.runtime.scriptrunner_utils``: its ``script_run_context`` module is
``nbstate.runtime.scriptrunner``."""

from . import scriptrunner as script_run_context

__all__ = ["script_run_context"]
