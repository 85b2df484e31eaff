"""``@st.fragment``: a part of an app that reruns on its own.

A widget inside a fragment reruns only the fragment, not the whole app, as in Streamlit;
``st.rerun(scope="fragment")`` inside it does the same. The rest of the app's elements stay as
they were (the frontends see the same element records and update nothing there).

``run_every`` (seconds, a timedelta or a string such as ``"10s"``) reruns the fragment on a
timer, as in Streamlit: the fragment holds a ``fragment_timer`` element, a button-like widget
that the browser "clicks" every ``run_every`` seconds while the app is shown (so the timer stops
with the output, and a tick is one fragment rerun through the ordinary way in). ``AppTest`` has
no clock: ``at.get("fragment_timer")[0].click().run()`` is one tick.

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

from .errors import InvalidArgumentError
from .kinds import Kind, check_trigger, state_never
from .run import require

#: the timer of a fragment with run_every: button-like, clicked by the browser on each tick
FRAGMENT_TIMER = Kind("fragment_timer", check_trigger, state_never, button_like=True,
                      settable=False, callback="on_click", value_type="bool")


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
    from .cache import _ttl_seconds
    from .params import ignored

    try:
        every = _ttl_seconds(run_every)
    except Exception:  # reworded for this parameter
        raise InvalidArgumentError(
            "`st.fragment`: run_every must be None, a number of seconds, a timedelta or a "
            f"string such as '10s', got {run_every!r}.") from None
    if every is not None and every <= 0:
        raise InvalidArgumentError(f"`st.fragment`: run_every must be positive, got {run_every!r}.")
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
        body = target
        if every is not None:
            @functools.wraps(target)
            def body(*args: Any, **kwargs: Any) -> Any:
                ctx = require("fragment")
                ctx.widget(FRAGMENT_TIMER, f.__qualname__, None,
                           ("fragment_timer", ctx.fragment, every),
                           {"label": "", "interval": every, "disabled": False, "help": None,
                            "label_visibility": "collapsed"}, False)
                return target(*args, **kwargs)

        @functools.wraps(f)
        def run_fragment(*args: Any, **kwargs: Any) -> Any:
            return require("fragment").run_fragment(body, args, kwargs)

        return run_fragment

    return decorate(func) if func is not None else decorate
