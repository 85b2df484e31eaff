"""A browser that misbehaves: raw comm messages (any JSON, NaN and lone surrogates included),
sent in batches so that thousands cost few kernel round trips.

``NBSTATE_LONG=1`` switches the reliability suite to its long mode.
"""

from __future__ import annotations

import json
import os
from typing import Any

from nbstate.testing.kernel import KernelSession, Model

LONG = os.environ.get("NBSTATE_LONG", "") not in ("", "0")

def pack_any(obj: Any) -> bytes:
    """Like jupyter_client's packer, but lets NaN and Infinity through as a hostile client
    may send them (Python's json reads them back)."""
    from jupyter_client.jsonutil import json_default

    return json.dumps(obj, default=json_default, ensure_ascii=True,
                      allow_nan=True).encode("utf8", errors="surrogateescape")


class Browser:
    """Sends whatever a browser (or something pretending to be one) could put on the wire."""

    def __init__(self, kernel: KernelSession) -> None:
        self.kernel = kernel

    def frames(self, msg_type: str, content: Any, buffers: list[bytes] | None = None):
        s = self.kernel.kc.session
        msg = s.msg(msg_type, content)
        real = s.pack
        s.pack = pack_any
        try:
            frames = s.serialize(msg)
        finally:
            s.pack = real
        return frames + list(buffers or ()), msg["header"]["msg_id"]

    def send_all(self, messages: list[tuple[str, Any, list[bytes] | None]]) -> None:
        """Send ``[(msg_type, content, buffers), ...]`` back to back, then wait until the
        kernel went idle for every one (its replies are the only sync points)."""
        built = [self.frames(t, c, b) for t, c, b in messages]
        sock = self.kernel.kc.shell_channel.socket
        for frames, _ in built:
            sock.send_multipart(frames)
        for _, mid in built:
            self.kernel._wait_idle(mid)

    def comm(self, target: Model | str, data: Any, buffers: list[bytes] | None = None):
        """One ``comm_msg`` (not sent): for :meth:`send_all`."""
        cid = target.comm_id if isinstance(target, Model) else target
        return ("comm_msg", {"comm_id": cid, "data": data}, buffers)


def shown_texts(kernel: Any, ups: list[dict], new_ids: set[str], root: Model) -> str:
    """Every text the app showed while messages were handled (``ups`` from
    ``updates_during``, ``new_ids`` the models opened meanwhile, as ``kernel.opened`` recorded
    them), and what it shows now."""
    from nbstate.testing.kernel import _strip_html

    texts = [str(u["state"].get("value", "")) for u in ups]
    texts += [str(kernel.opened[i].get("value", "")) for i in new_ids]
    return "\n".join(_strip_html(t) for t in texts) + "\n" + kernel.text(root)
