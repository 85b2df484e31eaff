"""``st.rerun()`` and ``st.stop()``.

Example (inside an app):
    >>> if st.button("Reset"):                                         # doctest: +SKIP
    ...     st.session_state.clear()
    ...     st.rerun()
"""

from __future__ import annotations

from typing import NoReturn

from .errors import InvalidArgumentError, RerunApp, StopApp
from .run import require


def rerun(scope: str = "app") -> NoReturn:
    """End this run now and start a new one.

    Example:
        >>> st.rerun()                                                 # doctest: +SKIP
    """
    require("rerun")
    if scope not in ("app", "fragment"):
        raise InvalidArgumentError(f"`st.rerun`: scope must be 'app' or 'fragment', got {scope!r}.")
    raise RerunApp(scope)


def stop() -> NoReturn:
    """End this run quietly; what was shown so far stays.

    Example:
        >>> if not name:                                               # doctest: +SKIP
        ...     st.warning("Enter a name"); st.stop()
    """
    require("stop")
    raise StopApp()
