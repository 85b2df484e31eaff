"""``streamlit.runtime.state``: the session-state mapping type (for type hints in ported
code)."""

from ..state import SessionStateProxy

__all__ = ["SessionStateProxy"]
