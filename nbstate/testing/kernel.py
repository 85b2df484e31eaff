"""Drive a live app in a real ipykernel, playing the browser over the widget comm protocol.

``KernelSession`` starts an ipykernel with ``jupyter_client``, executes cells (with a
``cellId`` as JupyterLab sends it), keeps every widget model the kernel opens
(``comm_open``) up to date with the ``comm_msg`` updates it sends, and sends the messages a
browser sends: ``update`` (a value typed or dragged) and ``custom`` clicks. Every call that
sends something waits until the kernel is idle again for it, so what a test reads next is
what the user would see. No mocks, no timers: the kernel's own replies are the sync points.

Example:
    >>> from nbstate.testing.kernel import KernelSession            # doctest: +SKIP
    >>> with KernelSession() as k:                                   # doctest: +SKIP
    ...     k.execute("%load_ext nbstate")
    ...     k.execute("%%app\\nimport nbstate as st\\nst.write(st.slider('x', 0, 9, 2) * 10)")
    ...     k.set(k.find(description="x"), 3)
    ...     assert "30" in k.text()
"""

from __future__ import annotations

import copy
import html
import queue
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_MODEL_REF = "IPY_MODEL_"


class KernelError(RuntimeError):
    """A cell raised in the kernel (outside any app): the traceback is the message."""


class Model:
    """The browser's copy of one widget model: its state as the kernel last sent it."""

    def __init__(self, session: KernelSession, comm_id: str, state: dict) -> None:
        self.session = session
        self.comm_id = comm_id
        self.state = state
        self.closed = False
        #: every ``update`` state the kernel sent for this model, in order
        self.updates: list[dict] = []
        #: every custom message the kernel sent to this model: (content, buffers)
        self.customs: list[tuple[dict, list[bytes]]] = []

    @property
    def model_name(self) -> str:
        return self.state.get("_model_name", "")

    @property
    def name(self) -> str:
        """The ipywidget class, as the model name says (``IntSlider``, ``HTML``...)."""
        return self.model_name.removesuffix("Model")

    def __getitem__(self, key: str) -> Any:
        return self.state[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.state.get(key, default)

    @property
    def value(self) -> Any:
        return self.state.get("value")

    @property
    def children(self) -> list[Model]:
        """The child models of a box (a Tab, an Accordion), resolved."""
        return [self.session.models[c[len(_MODEL_REF):]] for c in self.state.get("children", ())
                if isinstance(c, str) and c.startswith(_MODEL_REF)
                and c[len(_MODEL_REF):] in self.session.models]

    @property
    def classes(self) -> list[str]:
        return list(self.state.get("_dom_classes", ()))

    def walk(self) -> Iterator[Model]:
        """This model and every model below it, in display order."""
        yield self
        for c in self.children:
            yield from c.walk()

    def __repr__(self) -> str:
        desc = self.state.get("description") or self.state.get("label")
        d = f" {desc!r}" if desc else ""
        closed = " closed" if self.closed else ""
        return f"<Model {self.name}{d} {self.comm_id[:8]}{closed}>"


class ExecuteResult:
    """What one cell execution produced: its outputs (as nbformat dicts) and its error."""

    def __init__(self) -> None:
        self.outputs: list[dict] = []
        self.error: dict | None = None
        self.msg_id = ""

    @property
    def stdout(self) -> str:
        return "".join(o["text"] for o in self.outputs
                       if o["output_type"] == "stream" and o["name"] == "stdout")

    @property
    def widget_ids(self) -> list[str]:
        """Model ids of the widgets the cell displayed."""
        out = []
        for o in self.outputs:
            view = o.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view:
                out.append(view["model_id"])
        return out


class KernelSession:
    """A real ipykernel and a fake browser for it. Use as a context manager, or call
    ``start()`` and ``shutdown()``.

    - ``execute(code, cell_id=None)``: run a cell, wait for idle, return an
      :class:`ExecuteResult` (raises :class:`KernelError` if the cell raised, unless
      ``allow_error=True``).
    - ``models``: every widget model by comm id; ``find(**state)`` / ``find_all(**state)``
      look models up by state (``description="x"``, ``name="IntSlider"``, ``open_only``).
    - ``set(model, value)`` / ``update(model, **state)``: send what the browser sends when
      the user changes a widget; ``click(button)``; ``burst(model, values)`` sends many
      updates at once, then waits for all of them.
    - ``run_app_cell(body)``: execute a ``%%app`` cell, return its root box; ``app()``: the
      root box of the last app displayed; ``text(root)`` the text the app shows;
      ``state(key)``: ``st.session_state[key]`` in the kernel.
    - ``updates_during()``: a context manager collecting the ``update`` messages the kernel
      sends meanwhile (``update_messages`` counts them all); ``wait(msg_id)`` waits for a
      message sent with ``wait=False``; ``run_notebook(path)`` runs a notebook's cells.
    - ``displays``: the latest data of each display id (an app's picture output, updated
      after interactions); ``iopub_during()`` collects every IOPub message meanwhile
      (``message_bytes(msg)`` sizes one); ``listen(seconds)`` reads what the kernel sends on
      its own meanwhile.
    - ``comms_on_subshell=True``: widget messages go on a kernel subshell of their own, as
      JupyterLab 4.4+ sends them (``subshell_id``).
    """

    def __init__(self, *, kernel_name: str = "python3", cwd: str | None = None,
                 timeout: float = 60, env: dict[str, str] | None = None,
                 headless: bool = False, comms_on_subshell: bool = False) -> None:
        self.kernel_name = kernel_name
        # a browser's cells are sent with allow_stdin (input() works), as JupyterLab sends
        # them; headless=True sends them as nbclient does (nbconvert --execute, papermill),
        # where an app that raises fails its cell
        self.headless = headless
        # JupyterLab 4.4+ sends widget messages on a kernel subshell of their own (its
        # setting commsOverSubshells): the kernel handles them in another thread
        self.comms_on_subshell = comms_on_subshell
        self.subshell_id: str | None = None
        self.cwd = cwd
        self.timeout = timeout
        self.env = env
        self.models: dict[str, Model] = {}
        self.update_messages = 0
        self.km: Any = None
        self.kc: Any = None
        self._last_app: Model | None = None
        self._watchers: list[list[dict]] = []
        #: the latest data of each display id, as a frontend keeps it (``display_data`` with
        #: a display id, then its ``update_display_data``), e.g. an app's picture output
        self.displays: dict[str, dict] = {}
        self._iopub_watchers: list[list[dict]] = []
        self._cells = 0

    # -- life cycle -----------------------------------------------------------------------
    def start(self) -> KernelSession:
        from jupyter_client import KernelManager

        self.km = KernelManager(kernel_name=self.kernel_name)
        kwargs: dict[str, Any] = {}
        if self.cwd is not None:
            kwargs["cwd"] = self.cwd
        if self.env is not None:
            import os

            kwargs["env"] = {**os.environ, **self.env}
        self.km.start_kernel(**kwargs)
        self.kc = self.km.blocking_client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=self.timeout)
        self._drain()
        if self.comms_on_subshell:
            self.subshell_id = self._create_subshell()
        return self

    def _create_subshell(self) -> str:
        msg = self.kc.session.msg("create_subshell_request", {})
        self.kc.control_channel.send(msg)
        while True:
            reply = self.kc.get_control_msg(timeout=self.timeout)
            if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                if reply["content"].get("status") != "ok":
                    raise KernelError(f"the kernel made no subshell: {reply['content']}")
                return reply["content"]["subshell_id"]

    def _comm(self, data: dict, comm_id: str) -> dict:
        """A ``comm_msg`` as the browser sends it (on the comms' subshell, if any)."""
        msg = self.kc.session.msg("comm_msg", {"comm_id": comm_id, "data": data})
        if self.subshell_id is not None:
            msg["header"]["subshell_id"] = self.subshell_id
        return msg

    def shutdown(self) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
            self.kc = None
        if self.km is not None:
            self.km.shutdown_kernel(now=True)
            self.km = None

    def __enter__(self) -> KernelSession:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.shutdown()

    # -- cells --------------------------------------------------------------------------
    def execute(self, code: str, *, cell_id: str | None = None, allow_error: bool = False,
                metadata: dict | None = None, late: bool = False) -> ExecuteResult:
        """Run ``code`` as a notebook cell (with ``cellId`` metadata, plus ``metadata``, e.g.
        ``{"deletedCells": [...]}`` as JupyterLab sends) and wait until idle. ``late``: read
        nothing the kernel publishes until it has replied (a client that reads later than
        the kernel sends: a busy Jupyter server, a paused browser tab)."""
        content = {"code": code, "silent": False, "store_history": True,
                   "user_expressions": {}, "allow_stdin": not self.headless,
                   "stop_on_error": True}
        msg = self.kc.session.msg("execute_request", content)
        msg["metadata"]["cellId"] = cell_id or uuid.uuid4().hex
        msg["metadata"].update(metadata or {})
        self.kc.shell_channel.send(msg)
        result = ExecuteResult()
        result.msg_id = msg["header"]["msg_id"]
        if late:
            self._wait_reply(result.msg_id)
        self._wait_idle(result.msg_id, result)
        if not late:
            self._wait_reply(result.msg_id)
        for o in result.outputs:
            for mid in [m for m in [o.get("data", {}).get(
                    "application/vnd.jupyter.widget-view+json", {}).get("model_id")] if m]:
                model = self.models.get(mid)
                if model is not None and "nbstate-app" in model.classes:
                    self._last_app = model
        if result.error is not None and not allow_error:
            raise KernelError("\n".join(result.error.get("traceback", [])) or
                              f"{result.error.get('ename')}: {result.error.get('evalue')}")
        return result

    def run_app_cell(self, body: str, *, cell_id: str | None = None, name: str = "",
                     prelude: str = "import nbstate as st\n", late: bool = False) -> Model:
        """Execute ``body`` (dedented, ``prelude`` in front) as a ``%%app [name]`` cell, in a
        cell of its own unless ``cell_id`` names one again, and return the app's root box.

        Example:
            >>> root = k.run_app_cell("st.write(st.slider('x', 0, 9))")  # doctest: +SKIP
        """
        import textwrap

        self._cells += 1
        cell_id = cell_id or f"app-cell-{self._cells}"
        self.execute(f"%%app {name}\n{prelude}{textwrap.dedent(body)}", cell_id=cell_id,
                     late=late)
        return self._shown_app()

    def _shown_app(self) -> Model:
        if self._last_app is None:
            raise LookupError("no nbstate app has been displayed by this kernel's cells")
        return self._last_app

    def state(self, key: str) -> Any:
        """``st.session_state[key]`` in the kernel, read back through its ``repr``."""
        return self.eval(f"__import__('nbstate').session_state[{key!r}]")

    def run_notebook(self, path: str, *, stop_at: str | None = None) -> dict[str, Model]:
        """Execute a notebook's code cells in order, as "Run All" does (each with its cell
        id), up to the app named ``stop_at`` (included); return the root box of each app
        cell, by app name (``%%app NAME``), else by cell id.

        Example:
            >>> apps = k.run_notebook("notebooks/counter.ipynb")          # doctest: +SKIP
            >>> k.click(k.find(description="Reset", within=apps["counter"]))  # doctest: +SKIP
        """
        import json
        from pathlib import Path

        from ..magic import split_app_cell

        nb = json.loads(Path(path).read_text())
        apps: dict[str, Model] = {}
        for i, cell in enumerate(nb.get("cells", ())):
            if cell.get("cell_type") != "code":
                continue
            src = cell["source"]
            src = "".join(src) if isinstance(src, list) else src
            cell_id = cell.get("id") or f"cell-{i}"
            self.execute(src, cell_id=cell_id)
            parsed = split_app_cell(src)
            if parsed is not None:
                name = parsed[0] or cell_id
                apps[name] = self._shown_app()
                if name == stop_at:
                    break
        return apps

    def eval(self, expr: str) -> Any:
        """The value of a Python expression in the kernel (``repr``, then ``literal_eval``)."""
        import ast

        res = self.execute(f"print(repr({expr}))")
        return ast.literal_eval(res.stdout.strip())

    # -- the browser's side of widgets ----------------------------------------------------
    def update(self, model: Model, *, wait: bool = True, buffers: list[bytes] | None = None,
               buffer_paths: list | None = None, **state: Any) -> str:
        """Send ``{"method": "update", "state": state}`` as the browser does on a change."""
        model.state.update(state)
        data = {"method": "update", "state": state, "buffer_paths": buffer_paths or []}
        return self._comm_msg(model, data, buffers, wait)

    def set(self, model: Model, value: Any, *, key: str | None = None, wait: bool = True) -> str:
        """Set the trait that carries a widget's value (``value``, or ``index`` for
        selection widgets) the way the browser would."""
        if key is None:
            key = "index" if "index" in model.state else "value"
        return self.update(model, wait=wait, **{key: value})

    def click(self, model: Model, *, wait: bool = True) -> str:
        """A click on a Button (or the download button): a ``custom`` click message."""
        return self._comm_msg(model, {"method": "custom", "content": {"event": "click"}},
                              None, wait)

    def custom(self, model: Model, content: Any, *, wait: bool = True) -> Any:
        """Send a custom message (anywidget ``model.send(content)``) as the browser does;
        returns the content of the last custom message the kernel sent back meanwhile, or
        ``None`` (``model.customs`` keeps every one with its buffers)."""
        before = len(model.customs)
        self._comm_msg(model, {"method": "custom", "content": content}, None, wait)
        return model.customs[-1][0] if len(model.customs) > before else None

    def submit(self, model: Model, text: str, *, files: list[tuple[str, bytes, str]] | None = None,
               wait: bool = True) -> str:
        """Type ``text`` into a chat input and press Enter (its ``submit`` message), with
        ``files`` ``[(name, content, mime type), ...]`` attached if given."""
        import base64

        content: dict[str, Any] = {"event": "submit", "text": text}
        if files is not None:
            content["files"] = [{"name": n, "type": t, "b64": base64.b64encode(c).decode()}
                                for n, c, t in files]
        return self._comm_msg(model, {"method": "custom", "content": content}, None, wait)

    def burst(self, model: Model, values: list, *, key: str | None = None) -> None:
        """Send one update per value back to back, as fast as a browser could (all messages
        are built first), then wait until the kernel is idle for every one of them."""
        if key is None:
            key = "index" if "index" in model.state else "value"
        frames, ids = [], []
        for v in values:
            data = {"method": "update", "state": {key: v}, "buffer_paths": []}
            msg = self._comm(data, model.comm_id)
            frames.append(self.kc.session.serialize(msg))
            ids.append(msg["header"]["msg_id"])
        if values:
            model.state[key] = values[-1]
        sock = self.kc.shell_channel.socket
        for f in frames:
            sock.send_multipart(f)
        for mid in ids:
            self._wait_idle(mid)

    def upload(self, model: Model, files: list[tuple[str, bytes, str]]) -> str:
        """Give a FileUpload files ``[(name, content, mime type), ...]`` as the browser does."""
        value = [{"name": n, "type": t, "size": len(c), "last_modified": 0}
                 for n, c, t in files]
        paths = [["value", i, "content"] for i in range(len(files))]
        return self.update(model, value=value, buffers=[c for _, c, _ in files],
                           buffer_paths=paths)

    def interrupt(self) -> None:
        """Press the notebook's stop button (interrupt the kernel)."""
        self.km.interrupt_kernel()

    def wait_for_file(self, path: Any, what: str = "the app", timeout: float = 60) -> None:
        """Wait until ``path`` exists: a sync point an app writes when it reached a place (a
        test that interrupts a run waits for it rather than for a guessed time). Raises
        ``TimeoutError`` saying ``what`` never got there."""
        import os
        import time

        deadline = time.monotonic() + timeout
        while not os.path.exists(path):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{what} never wrote {path} within {timeout}s")
            time.sleep(0.005)

    def wait(self, msg_id: str) -> None:
        """Wait until the kernel is idle again for a message sent with ``wait=False``
        (every kernel message it caused meanwhile is read and applied to the models)."""
        self._wait_idle(msg_id)

    def _comm_msg(self, model: Model, data: dict, buffers: list[bytes] | None,
                  wait: bool) -> str:
        msg = self._comm(data, model.comm_id)
        self.kc.session.send(self.kc.shell_channel.socket, msg, buffers=buffers or None)
        mid = msg["header"]["msg_id"]
        if wait:
            self._wait_idle(mid)
        return mid

    # -- looking things up ----------------------------------------------------------------
    def find_all(self, *, name: str | None = None, within: Model | None = None,
                 open_only: bool = True, **state: Any) -> list[Model]:
        """Models whose state matches ``state`` (and class ``name``), in display order when
        ``within`` is given (default: the last app's root, else every model)."""
        root = within if within is not None else self._last_app
        pool = list(root.walk()) if root is not None else list(self.models.values())
        out = []
        for m in pool:
            if open_only and m.closed:
                continue
            if name is not None and m.name != name:
                continue
            if all(m.state.get(k, _MISSING) == v for k, v in state.items()):
                out.append(m)
        return out

    def find(self, **query: Any) -> Model:
        """The one model matching ``query`` (see :meth:`find_all`); raises if not one."""
        found = self.find_all(**query)
        if len(found) != 1:
            raise LookupError(f"{len(found)} models match {query!r}: {found!r}")
        return found[0]

    def app(self) -> Model | None:
        """The root box of the app the last executed cell displayed."""
        return self._last_app

    def text(self, root: Model | None = None) -> str:
        """The text of an app's display elements (HTML widgets, stripped of tags, and rich
        outputs), one line per element, in display order. Widgets' values are read from
        their models (``find(...).value``)."""
        root = root if root is not None else self._last_app
        lines = []
        for m in root.walk() if root is not None else ():
            if m.closed:
                continue
            if m.name in ("HTML", "HTMLMath", "Label"):
                lines.append(_strip_html(str(m.get("value", ""))))
            elif m.name == "Output":
                for o in m.get("outputs", ()):
                    data = o.get("data", {})
                    if "text/markdown" in data:
                        lines.append(str(data["text/markdown"]))
                    elif "text/html" in data:
                        lines.append(_strip_html(str(data["text/html"])))
                    else:
                        lines.append(str(data.get("text/plain", o.get("text", ""))))
        return "\n".join(lines)

    @contextmanager
    def updates_during(self) -> Iterator[list[dict]]:
        """Collect the ``update`` messages the kernel sends inside the ``with`` block:
        ``[{"model": Model, "state": {...}}, ...]``."""
        seen: list[dict] = []
        self._watchers.append(seen)
        try:
            yield seen
        finally:
            self._watchers.remove(seen)

    @contextmanager
    def iopub_during(self) -> Iterator[list[dict]]:
        """Collect every IOPub message the kernel sends inside the ``with`` block (as
        ``jupyter_client`` gives them; ``message_bytes(msg)`` is its size on the wire, about)."""
        seen: list[dict] = []
        self._iopub_watchers.append(seen)
        try:
            yield seen
        finally:
            self._drain()
            self._iopub_watchers.remove(seen)

    def open_models(self) -> list[Model]:
        return [m for m in self.models.values() if not m.closed]

    def listen(self, seconds: float) -> None:
        """Read what the kernel sends for ``seconds`` (messages it sends on its own, later:
        e.g. an app's picture, updated once interactions pause)."""
        import time

        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            try:
                msg = self.kc.get_iopub_msg(timeout=min(left, 0.2))
            except queue.Empty:
                continue
            self._handle(msg, None)

    # -- reading iopub --------------------------------------------------------------------
    def _drain(self) -> None:
        while True:
            try:
                msg = self.kc.get_iopub_msg(timeout=0.2)
            except queue.Empty:
                return
            self._handle(msg, None)

    def _wait_reply(self, msg_id: str) -> None:
        while True:
            reply = self.kc.get_shell_msg(timeout=self.timeout)
            if reply["parent_header"].get("msg_id") == msg_id:
                return

    def _wait_idle(self, msg_id: str, result: ExecuteResult | None = None) -> None:
        while True:
            try:
                msg = self.kc.get_iopub_msg(timeout=self.timeout)
            except queue.Empty:
                raise TimeoutError(f"the kernel did not go idle for {msg_id} within "
                                   f"{self.timeout}s") from None
            self._handle(msg, result if _parent(msg) == msg_id else None)
            if (msg["msg_type"] == "status" and _parent(msg) == msg_id
                    and msg["content"]["execution_state"] == "idle"):
                return

    def _handle(self, msg: dict, result: ExecuteResult | None) -> None:
        t = msg["msg_type"]
        c = msg["content"]
        for w in self._iopub_watchers:
            w.append(msg)
        did = (c.get("transient") or {}).get("display_id") if isinstance(c, dict) else None
        if did and (t == "display_data" or (t == "update_display_data" and did in self.displays)):
            self.displays[did] = dict(c.get("data", {}))
        if t == "comm_open" and c.get("target_name") == "jupyter.widget":
            state = copy.deepcopy(c["data"].get("state", {}))
            _put_buffers(state, c["data"].get("buffer_paths", []), msg.get("buffers", []))
            self.models[c["comm_id"]] = Model(self, c["comm_id"], state)
        elif t == "comm_msg":
            model = self.models.get(c["comm_id"])
            data = c.get("data", {})
            if model is not None and data.get("method") == "custom":
                model.customs.append((data.get("content"),
                                      [bytes(b) for b in msg.get("buffers", [])]))
                return
            if model is None or data.get("method") not in ("update", "echo_update"):
                return
            state = dict(data.get("state", {}))
            _put_buffers(state, data.get("buffer_paths", []), msg.get("buffers", []))
            model.state.update(state)
            if data["method"] == "update":
                model.updates.append(state)
                self.update_messages += 1
                for w in self._watchers:
                    w.append({"model": model, "state": state})
        elif t == "comm_close":
            model = self.models.get(c["comm_id"])
            if model is not None:
                model.closed = True
        elif result is not None:
            if t == "stream":
                result.outputs.append({"output_type": "stream", "name": c["name"],
                                       "text": c["text"]})
            elif t in ("display_data", "execute_result"):
                result.outputs.append({"output_type": t, "data": c.get("data", {}),
                                       "metadata": c.get("metadata", {})})
            elif t == "error":
                result.error = c
                result.outputs.append({"output_type": "error", **c})


_MISSING = object()
_TAG = re.compile(r"<[^>]+>")


def message_bytes(msg: dict) -> int:
    """About the size of one message on the wire: its JSON content and its buffers."""
    import json

    return (len(json.dumps(msg.get("content", {}), default=str).encode()) +
            sum(len(b) for b in msg.get("buffers") or ()))


def _strip_html(s: str) -> str:
    return html.unescape(_TAG.sub("", s)).strip()


def _parent(msg: dict) -> str | None:
    return (msg.get("parent_header") or {}).get("msg_id")


def _put_buffers(state: dict, paths: list, buffers: list) -> None:
    for path, buf in zip(paths, buffers, strict=False):
        obj = state
        for p in path[:-1]:
            obj = obj[p]
        obj[path[-1]] = bytes(buf)
