"""``streamlit.runtime`` as far as apps use it: ``runtime.exists()`` and the script-run
context helpers of ``runtime.scriptrunner``.

Inside an app, ``import streamlit.runtime`` and ``st.runtime`` give this module (see
``nbstate.shim``).

Example:
    >>> import nbstate as st
    >>> st.runtime.exists()
    True
"""

from __future__ import annotations

from . import scriptrunner, scriptrunner_utils, state, uploaded_file_manager


def exists() -> bool:
    """Whether a runtime that runs apps exists: always ``True`` once nbstate is imported (the
    kernel, or ``AppTest``, runs the apps). Scripts that launch ``streamlit run`` themselves
    when this is ``False`` (``if not runtime.exists(): stcli.main()``) run their app instead.

    Example:
        >>> exists()
        True
    """
    return True


__all__ = ["exists", "scriptrunner", "scriptrunner_utils", "state", "uploaded_file_manager"]
