"""Streamlit's "magic": a bare expression in the app's code is shown as if passed to
``st.write``.

So the seed page's ``st.session_state`` on a line of its own shows the session state, and a
bare string is Markdown. The rules are Streamlit's defaults: expressions in the module, in
``with``/``if``/``for``/``while``/``try``/``match`` blocks and in function and method bodies
are shown; calls, docstrings, ``yield`` and ``await`` are not; a tuple is written as several
arguments.

Example:
    >>> from nbstate.run import App, Session
    >>> tree = App("import nbstate as st\\nx = 2\\nx * 21\\n", session=Session()).run()
    >>> [e.props["body"] for e in tree.walk() if e.type == "markdown"]
    ['`42`']
"""

from __future__ import annotations

import ast
import functools
from typing import Any

_NAME = "__nbstate_magic__"


# (a cell executed again unchanged, or an app run from the same file text, is not parsed again:
# code objects are immutable, and a re-executed dashboard's cell is parsed in ~3 ms)
@functools.lru_cache(maxsize=32)
def compile_app(source: str, filename: str) -> Any:
    """Compile app source with bare expressions turned into writes."""
    tree = ast.parse(source, filename, "exec")
    _walk(tree, "body", root=True)
    _insert_import(tree)
    ast.fix_missing_locations(tree)
    # dont_inherit: the app's code must not take this module's `from __future__` imports
    # (its annotations would become strings)
    return compile(tree, filename, "exec", dont_inherit=True)


def magic_write(*args: Any) -> Any:
    """Write ``args`` and give back the value, so the expression still has one."""
    from .display import write

    write(*args)
    return args[0] if len(args) == 1 else args


_BLOCKS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.With, ast.AsyncWith)
_LOOPS = (ast.For, ast.AsyncFor, ast.While, ast.If)
_TRY = tuple(t for t in (ast.Try, getattr(ast, "TryStar", None)) if t is not None)


def _walk(node: Any, attr: str, root: bool = False) -> None:
    body = getattr(node, attr)
    for i, child in enumerate(body):
        if isinstance(child, _BLOCKS):
            _walk(child, "body")
        elif isinstance(child, _LOOPS):
            _walk(child, "body")
            _walk(child, "orelse")
        elif isinstance(child, ast.ClassDef):
            for inner in child.body:
                if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    _walk(inner, "body")
        elif isinstance(child, _TRY):
            for part in ("body", "orelse", "finalbody"):
                _walk(child, part)
            for handler in child.handlers:
                _walk(handler, "body")
        elif isinstance(child, ast.Match):
            for case in child.cases:
                _walk(case, "body")
        elif isinstance(child, ast.Expr) and _shown(child.value, i, node):
            args = child.value.elts if isinstance(child.value, ast.Tuple) else [child.value]
            child.value = ast.Call(
                func=ast.Attribute(value=ast.Name(id=_NAME, ctx=ast.Load()),
                                   attr="magic_write", ctx=ast.Load()),
                args=args, keywords=[])


def _shown(value: Any, index: int, parent: Any) -> bool:
    if isinstance(value, (ast.Call, ast.Yield, ast.YieldFrom, ast.Await)):
        return False
    is_docstring = (index == 0 and isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                    and isinstance(parent, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)))
    return not is_docstring


def _insert_import(tree: ast.Module) -> None:
    """``import nbstate.autowrite as __nbstate_magic__``, after any ``__future__`` import."""
    node = ast.Import(names=[ast.alias(name="nbstate.autowrite", asname=_NAME)])
    at = 0
    for i, stmt in enumerate(tree.body):
        if isinstance(stmt, ast.ImportFrom) and stmt.module == "__future__":
            at = i + 1
        elif i == 0 and isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            at = 1  # a module docstring stays first
    tree.body.insert(at, node)
