"""``st.App``: a Streamlit script file as an app object, as far as that applies in a notebook.

In Streamlit 1.67, ``st.App("app.py", ...)`` is an ASGI application that a web server (uvicorn)
serves, with routes, middleware and a lifespan. A notebook has no web server of its own, so
``nbstate.App`` keeps what applies: the script, its ``secrets`` and ``on_script_error``. Shown
in a notebook (as a cell's last value, or ``.run()``), it runs the script as a live app;
``.test()`` gives an ``AppTest`` of it. ``routes``, ``middleware``, ``lifespan`` and
``exception_handlers`` configure Streamlit's web server: giving them raises an error saying so
(serve a notebook as a web page with Voila instead); calling it as an ASGI app does the same.

Example:
    >>> app = App("dashboard.py")                                      # doctest: +SKIP
    >>> app        # as a cell's last line: the live app                # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .errors import NbstateAPIException


class App:
    """A Streamlit script as an nbstate app (see the module docstring)."""

    def __init__(self, script_path: str | Path, *, secrets: Mapping[str, Any] | None = None,
                 lifespan: Callable | None = None, routes: Sequence[Any] | None = None,
                 middleware: Sequence[Any] | None = None,
                 on_script_error: Callable | None = None,
                 exception_handlers: Mapping[Any, Callable] | None = None,
                 debug: bool = False) -> None:
        for name, value in (("lifespan", lifespan), ("routes", routes),
                            ("middleware", middleware),
                            ("exception_handlers", exception_handlers)):
            if value:
                raise NbstateAPIException(
                    f"`st.App`: {name} configures Streamlit's web server, and a notebook app "
                    "has none (the kernel talks to the notebook page). To serve a notebook as "
                    "a web page, use Voila: `voila your_notebook.ipynb`.")
        self.script_path = Path(script_path)
        if not self.script_path.is_file():
            raise NbstateAPIException(f"`st.App`: no script at {self.script_path}.")
        self.secrets = dict(secrets or {})
        self.on_script_error = on_script_error
        self.debug = bool(debug)
        self._live: Any = None

    def script(self) -> Callable[[], None]:
        """The script as a function: it runs the file as ``__main__`` (bare expressions shown,
        as Streamlit's magic) and hands an uncaught exception to ``on_script_error`` (which
        returns ``True`` to show nothing of it)."""
        from .autowrite import compile_app

        path = str(self.script_path.resolve())
        code = compile_app(self.script_path.read_text(encoding="utf-8"), path)
        handler = self.on_script_error

        def script() -> None:
            try:
                exec(code, {"__name__": "__main__", "__file__": path})
            except Exception as e:
                if handler is not None and handler(e) is True:
                    return
                raise

        script.__name__ = self.script_path.stem
        return script

    def _use_secrets(self) -> None:
        if self.secrets:
            from .secrets import secrets

            secrets.set_override(self.secrets)

    def run(self) -> Any:
        """Run the script as a live app in this notebook and return the live app."""
        from .frontends.ipy import run_app

        self._use_secrets()
        self._live = run_app(self.script(), name=self.script_path.stem)
        return self._live

    def test(self, *, default_timeout: float = 3) -> Any:
        """An ``AppTest`` of the script (call ``.run()`` on it).

        Example:
            >>> at = App("dashboard.py").test().run()                   # doctest: +SKIP
        """
        from .testing import AppTest

        self._use_secrets()
        return AppTest(self.script(), default_timeout=default_timeout,
                       name=self.script_path.stem)

    def _ipython_display_(self) -> None:
        self.run()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        raise NbstateAPIException(
            "nbstate.App is not an ASGI application: a notebook app runs in its kernel and "
            "is shown by the notebook (or by Voila, which serves a notebook as a web page).")

    def __repr__(self) -> str:
        return f"App({str(self.script_path)!r})"
