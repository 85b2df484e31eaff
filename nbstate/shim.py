"""Streamlit code runs unmodified: inside an app, ``import streamlit`` gives nbstate.

Ported apps start with ``import streamlit as st``; their helpers do
``from streamlit.runtime.scriptrunner import add_script_run_ctx`` or
``import streamlit.components.v1 as components``. While an app runs, these imports give
nbstate and its modules, whether or not Streamlit is installed. Outside an app (a plain
notebook cell, a library imported outside any run), ``import streamlit`` is untouched: it
gives the real Streamlit, or fails if it is not installed. ``sys.modules["streamlit"]`` is
never set.

How: ``builtins.__import__`` is wrapped (once, when nbstate is imported). An ``import``
statement whose module is ``streamlit`` or ``streamlit.*`` is redirected when

- the thread is in an app run (the app's code, a function defined in the notebook and called
  from the app, a module the app imports for the first time, a thread given the run's
  context with ``add_script_run_ctx``), or
- the importing code belongs to an app with its own namespace (``AppTest``, a script file):
  so a worker thread the app starts without a context still gets nbstate, as it would get
  Streamlit in Streamlit.

Imports made by the real Streamlit package itself are never redirected. Every other import
costs one string comparison. ``importlib.import_module("streamlit")`` is not an ``import``
statement and still gives the real package.

Why a wrapped ``__import__`` rather than rewriting the app's source or a ``sys.meta_path``
finder: the finder is not asked when ``sys.modules`` already holds the real ``streamlit``,
and a source rewrite misses helper functions defined in other cells or modules.

Example:
    >>> from nbstate.testing import AppTest
    >>> at = AppTest.from_string('''
    ... import streamlit as st
    ... from streamlit import slider
    ... st.write(slider("x", 0, 9, 4) * 2)
    ... ''').run()
    >>> at.markdown[0].value
    '`8`'
"""

from __future__ import annotations

import builtins
from typing import Any

#: a key in the namespace of an app that has its own (AppTest, a script file): code defined
#: there imports nbstate for ``streamlit`` even from a thread with no run context
APP_MARK = "__nbstate_app__"

#: Streamlit module -> nbstate module, where the path differs from the plain rename
ALIASES: dict[str, str] = {
    "streamlit.runtime.scriptrunner_utils.script_run_context": "nbstate.runtime.scriptrunner",
}

#: ``streamlit.X...`` that become ``nbstate.X...`` (the modules of Streamlit's public API
#: that nbstate has); any other ``streamlit.*`` inside an app is an ImportError saying so
PUBLIC = ("errors", "components", "runtime", "column_config", "delta_generator")

_real_import: Any = None


def target(name: str) -> str:
    """The nbstate module an app gets for Streamlit module ``name``.

    Example:
        >>> target("streamlit"), target("streamlit.components.v1")
        ('nbstate', 'nbstate.components.v1')
    """
    if name == "streamlit":
        return "nbstate"
    alias = ALIASES.get(name)
    if alias is not None:
        return alias
    first = name.split(".", 2)[1]
    if first in PUBLIC:
        return "nbstate" + name[len("streamlit"):]
    raise ModuleNotFoundError(
        f"No module named {name!r} inside an nbstate app: here `import streamlit` gives "
        f"nbstate, which provides streamlit.{', streamlit.'.join(PUBLIC)} and "
        "streamlit.runtime.scriptrunner, not this internal Streamlit module. Import it "
        "outside the app (a plain cell gets the real Streamlit), or use the public st.* API.",
        name=name)


def in_app(globals_: Any) -> bool:
    """Is an ``import`` made from code with these globals, in this thread, one to redirect?"""
    from .run import current

    if isinstance(globals_, dict):
        mod = globals_.get("__name__")
        if isinstance(mod, str) and (mod == "streamlit" or mod.startswith("streamlit.")):
            return False  # the real Streamlit importing its own parts
        if globals_.get(APP_MARK):
            return True
    return current() is not None


def _import(name: str, globals: Any = None, locals: Any = None, fromlist: Any = (),
            level: int = 0) -> Any:
    if (name[:9] == "streamlit" and not level and (len(name) == 9 or name[9] == ".")
            and in_app(globals)):
        try:
            return _real_import(target(name), globals, locals, fromlist, 0)
        except ModuleNotFoundError as e:
            if e.name is not None and e.name.startswith("nbstate"):
                # a public Streamlit module nbstate does not have (yet)
                raise ModuleNotFoundError(
                    f"No module named {name!r} inside an nbstate app: nbstate has no "
                    f"{e.name!r} (its counterpart). Import it outside the app for the real "
                    "Streamlit.", name=name) from None
            raise
    return _real_import(name, globals, locals, fromlist, level)


def install() -> None:
    """Wrap ``builtins.__import__`` (once; what was there before is kept and called)."""
    global _real_import
    if getattr(builtins.__import__, "__nbstate_shim__", False):
        return
    _real_import = builtins.__import__
    _import.__nbstate_shim__ = True  # type: ignore[attr-defined]
    builtins.__import__ = _import


def uninstall() -> None:
    """Put back the ``__import__`` that ``install`` wrapped (for tests)."""
    if getattr(builtins.__import__, "__nbstate_shim__", False):
        builtins.__import__ = _real_import
