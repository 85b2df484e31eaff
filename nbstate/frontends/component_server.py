"""Serves the built frontends of custom components (``declare_component(path=...)``) to the
browser, as Streamlit's server does at ``/component/<name>/``.

A kernel has no web server of its own that the notebook page can reach by a path, so the
first ``path=`` component starts a small HTTP server (the standard library's, in a daemon
thread) on ``127.0.0.1`` at a free port. It serves only the folders registered with
:func:`url_for`, each under a random token, and nothing outside them. A browser on
the same machine as the kernel (a local Jupyter) reaches it; a remote one cannot, and the
component then shows a note saying so.

Example:
    >>> import tempfile, urllib.request, pathlib
    >>> d = tempfile.mkdtemp(); _ = pathlib.Path(d, "index.html").write_text("<p>hi</p>")
    >>> urllib.request.urlopen(url_for(d)).read()
    b'<p>hi</p>'
"""

from __future__ import annotations

import http.server
import os
import secrets
import threading
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote

_lock = threading.Lock()
_server: http.server.ThreadingHTTPServer | None = None
_roots: dict[str, Path] = {}
_tokens: dict[Path, str] = {}


class _Handler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        # /<token>/<file...>: only inside the registered folder of that token
        clean = path.split("?", 1)[0].split("#", 1)[0]
        parts = [p for p in clean.split("/") if p]
        root = _roots.get(parts[0]) if parts else None
        if root is None:
            return os.path.join(os.devnull, "missing")
        target = (root.joinpath(*[unquote(p) for p in parts[1:]])
                  .resolve())
        if target != root and root not in target.parents:
            return os.path.join(os.devnull, "missing")
        return str(target)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # the base's name
        pass  # not on the kernel's stderr (it would show in the notebook)


def _start() -> http.server.ThreadingHTTPServer:
    global _server
    with _lock:
        if _server is None:
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler))
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, name="nbstate-components",
                             daemon=True).start()
            _server = server
        return _server


def url_for(path: str | os.PathLike) -> str:
    """The URL of ``path``'s ``index.html``, served by this kernel (started on first use)."""
    root = Path(path).resolve()
    token = _tokens.get(root)
    if token is None:  # random, so other users of the machine cannot guess the URL
        token = _tokens[root] = secrets.token_hex(12)
        _roots[token] = root
    host, port = _start().server_address[:2]
    return f"http://{host!s}:{port}/{token}/index.html"


def shutdown() -> None:
    """Stop the server (tests; a kernel simply exits)."""
    global _server
    with _lock:
        if _server is not None:
            _server.shutdown()
            _server.server_close()
            _server = None
