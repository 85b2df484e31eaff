"""``@st.fragment``: a part of an app that reruns on its own.

A widget inside a fragment reruns only the fragment, not the whole app, as in Streamlit;
``st.rerun(scope="fragment")`` inside it does the same. The rest of the app's elements stay as
they were (the frontends see the same element records and update nothing there).

Example (inside an app):
    >>> @st.fragment                                                   # doctest: +SKIP
    ... def filters():
    ...     n = st.slider("Rows", 1, 100, 10)
    ...     st.dataframe(df.head(n))
    >>> filters()                                                      # doctest: +SKIP
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from .run import require


def fragment(func: Callable | None = None, *, run_every: Any = None, parallel: bool = False,
             key: str | int | None = None) -> Any:
    """Decorate a function so that interactions inside it rerun only it.

    Example:
        >>> @st.fragment                                               # doctest: +SKIP
        ... def counter():
        ...     if st.button("+1"):
        ...         st.session_state.n += 1
        ...     st.write(st.session_state.n)
    """
    from .params import ignored

    if run_every is not None:
        ignored("fragment", "run_every", run_every,
                "nbstate does not rerun a fragment on a timer yet; rerun it from a widget "
                "or with st.rerun(scope='fragment')")
    if parallel:
        ignored("fragment", "parallel", parallel, "parallel")

    def decorate(f: Callable) -> Callable:
        target = f
        if key is not None:
            # a key gives the fragment its identity (kept when the call order changes)
            def target(*args: Any, **kwargs: Any) -> Any:
                return f(*args, **kwargs)

            target.__module__ = f.__module__
            target.__qualname__ = f"{f.__qualname__}[key={key}]"

        @functools.wraps(f)
        def run_fragment(*args: Any, **kwargs: Any) -> Any:
            return require("fragment").run_fragment(target, args, kwargs)

        return run_fragment

    return decorate(func) if func is not None else decorate
