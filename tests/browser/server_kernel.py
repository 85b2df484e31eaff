"""A kernel driven through a real Jupyter server's websocket, as a browser's notebook drives
it (the server's default IOPub rate limits apply): execute cells with a cell id, read every
message the server forwards, send widget updates."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.request
import uuid
from typing import Any

from tornado.websocket import websocket_connect


class ServerKernel:
    """``ServerKernel(url)``: a new kernel on the server at ``url``; ``execute(code,
    cell_id=...)`` returns the iopub messages of that execution (up to its idle and a short
    quiet time after it); ``models`` holds each widget model's state by comm id."""

    def __init__(self, url: str, timeout: float = 240) -> None:
        self.url, self.timeout = url, timeout
        req = urllib.request.Request(f"{url}/api/kernels", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as r:
            self.kernel_id = json.load(r)["id"]
        self.session = uuid.uuid4().hex
        # its own loop in its own thread: a browser test's sync Playwright already runs a loop
        # in this thread
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True,
                                        name="server-kernel-loop")
        self._thread.start()
        ws = f"{url.replace('http', 'ws', 1)}/api/kernels/{self.kernel_id}/channels" \
             f"?session_id={self.session}"

        async def connect() -> Any:
            return await websocket_connect(ws, max_message_size=2**30)

        self.ws = self._run(connect())
        self.models: dict[str, dict] = {}
        self.closed: set[str] = set()
        self.binary = 0  # binary frames read (messages with buffers: not tracked)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.ws.close)
        req = urllib.request.Request(f"{self.url}/api/kernels/{self.kernel_id}",
                                     method="DELETE")
        try:
            urllib.request.urlopen(req, timeout=30).close()
        except OSError:
            pass
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)
        self.loop.close()

    def _msg(self, msg_type: str, content: dict, channel: str = "shell",
             metadata: dict | None = None) -> dict:
        return {"header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type,
                           "username": "test", "session": self.session, "version": "5.3",
                           "date": ""},
                "parent_header": {}, "metadata": metadata or {}, "content": content,
                "channel": channel, "buffers": []}

    def _send(self, msg: dict) -> list[dict]:
        async def send() -> list[dict]:
            await self.ws.write_message(json.dumps(msg))
            return await self._until_idle(msg["header"]["msg_id"])

        return self._run(send())

    def _run(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()

    async def _until_idle(self, msg_id: str) -> list[dict]:
        got: list[dict] = []
        deadline = time.monotonic() + self.timeout
        idle = False
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no idle within {self.timeout}s")
            try:
                raw = await asyncio.wait_for(self.ws.read_message(),
                                             timeout=0.5 if idle else left)
            except asyncio.TimeoutError:
                if idle:
                    return got  # idle, and nothing more for a while
                raise
            if raw is None:
                raise ConnectionError("the websocket closed")
            if isinstance(raw, bytes):
                self.binary += 1
                continue  # (a binary message: buffers; the tests' widgets have none)
            msg = json.loads(raw)
            if msg.get("channel") != "iopub":
                continue
            got.append(msg)
            self._track(msg)
            if (msg["msg_type"] == "status" and msg["parent_header"].get("msg_id") == msg_id
                    and msg["content"]["execution_state"] == "idle"):
                idle = True

    def _track(self, msg: dict) -> None:
        t, c = msg["msg_type"], msg["content"]
        if t == "comm_open":
            self.models[c["comm_id"]] = dict(c["data"].get("state", {}))
        elif t == "comm_msg" and c["data"].get("method") in ("update", "echo_update"):
            if c["comm_id"] in self.models:
                self.models[c["comm_id"]].update(c["data"].get("state", {}))
        elif t == "comm_close":
            self.closed.add(c["comm_id"])

    def drain(self, quiet: float = 2.0) -> list[dict]:
        """Read what the kernel still sends until ``quiet`` seconds pass without a message."""
        async def read() -> list[dict]:
            got: list[dict] = []
            while True:
                try:
                    raw = await asyncio.wait_for(self.ws.read_message(), timeout=quiet)
                except asyncio.TimeoutError:
                    return got
                if raw is None or isinstance(raw, bytes):
                    self.binary += raw is not None
                    continue
                msg = json.loads(raw)
                if msg.get("channel") == "iopub":
                    got.append(msg)
                    self._track(msg)

        return self._run(read())

    def execute(self, code: str, cell_id: str) -> list[dict]:
        content = {"code": code, "silent": False, "store_history": True,
                   "user_expressions": {}, "allow_stdin": True, "stop_on_error": True}
        return self._send(self._msg("execute_request", content, metadata={"cellId": cell_id}))

    def update(self, comm_id: str, state: dict[str, Any]) -> list[dict]:
        return self._send(self._msg("comm_msg", {"comm_id": comm_id, "data": {
            "method": "update", "state": state, "buffer_paths": []}}))

    def find(self, **state: Any) -> str:
        found = [k for k, s in self.models.items() if k not in self.closed
                 and all(s.get(a) == b for a, b in state.items())]
        assert len(found) == 1, (state, len(found))
        return found[0]


def rate_exceeded(msgs: list[dict]) -> bool:
    """Did the server drop output for the rate limit (and say so in the cell)?"""
    return any(m["msg_type"] == "stream" and "rate exceeded" in m["content"].get("text", "")
               for m in msgs)


def displayed_root(msgs: list[dict]) -> str | None:
    """The model id of the widget the execution displayed (the app's output box)."""
    for m in msgs:
        if m["msg_type"] in ("display_data", "execute_result"):
            view = m["content"]["data"].get("application/vnd.jupyter.widget-view+json")
            if view:
                return view["model_id"]
    return None
