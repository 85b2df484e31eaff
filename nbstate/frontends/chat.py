"""The live bindings of the chat elements: ``chat_message``, ``chat_input`` and ``st.bottom``.

- ``chat_message``: an ipywidgets ``HBox`` (the avatar, an ``HTML`` widget, beside a ``VBox``
  holding the message's elements); ipywidgets has what it needs.
- ``chat_input``: ipywidgets has no field that sends on Enter and empties itself (``Text``
  syncs on blur too, and keeps its text), so it is the ``ChatInput`` anywidget
  (``nbstate/js/chat_input.js``): Enter sends ``{event: "submit", text}``, which the binding
  hands to the core as the widget's value for one run.
- ``bottom``: a ``VBox`` with the class ``nbstate-bottom``, which the app's stylesheet
  (``stale_marker.css``) pins to the bottom of the app (``position: sticky``).

Example:
    >>> from nbstate.elements import Element
    >>> el = Element("chat_input", "w1", None, {"placeholder": "Ask", "max_chars": None,
    ...                                         "disabled": False, "prefill": None})
    >>> w = CHAT_BINDINGS["chat_input"].create(el)
    >>> (type(w).__name__, w.placeholder)
    ('ChatInput', 'Ask')
    >>> CHAT_BINDINGS["chat_input"].on_custom(el, {"event": "submit", "text": "hi"})
    'hi'
    >>> w.close()
"""

from __future__ import annotations

import html
from typing import Any

import anywidget
import ipywidgets as W
import traitlets as t

from ..elements import Element
from .anywidgets import asset
from .bindings import BINDINGS, NOTHING, Binding, Box, Unrecognized


class ChatInput(anywidget.AnyWidget):
    """The chat input field: Enter (or the send button) sends the text to the kernel."""

    _esm = asset("chat_input.js")

    placeholder = t.Unicode("Your message").tag(sync=True)
    max_chars = t.Int(0).tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)
    prefill = t.Unicode("").tag(sync=True)
    prefill_n = t.Int(0).tag(sync=True)


class ChatInputBinding(Binding):
    """``st.chat_input``: a submission (custom message) is the widget's value."""

    def create(self, el: Element) -> W.Widget:
        return ChatInput(**self.traits(el))

    def traits(self, el: Element) -> dict[str, Any]:
        p = el.props
        out: dict[str, Any] = {"placeholder": str(p.get("placeholder") or ""),
                               "max_chars": int(p.get("max_chars") or 0),
                               "disabled": bool(p.get("disabled"))}
        prefill = p.get("prefill")
        if prefill is not None:  # text set through session state: into the field, once
            out["prefill"] = str(prefill)
            out["prefill_n"] = id(p) % (2**31)
        return out

    def on_custom(self, el: Element, content: Any) -> Any:
        if isinstance(content, dict) and content.get("event") == "submit":
            text = content.get("text")
            # anything but text is handed on as such: the core refuses it (and says so)
            return text if isinstance(text, str) else Unrecognized(f"{text!r:.60}")
        return NOTHING


_AVATAR_ICONS = {"user": "\U0001f9d1", "assistant": "\U0001f916"}


def avatar_html(props: dict[str, Any]) -> str:
    """The avatar of a chat message: a preset icon, an emoji, an image or the name's first
    letter (as Streamlit shows an unknown name).

    Example:
        >>> avatar_html({"name": "bob", "avatar": "", "avatar_type": "icon"})
        '<div class="nbstate-chat-avatar letter" aria-hidden="true">B</div>'
    """
    kind, avatar = props.get("avatar_type"), str(props.get("avatar") or "")
    name = str(props.get("name") or "")
    if kind == "image":
        return ('<div class="nbstate-chat-avatar image" aria-hidden="true">'
                f'<img src="{html.escape(avatar)}" alt=""></div>')
    if kind == "emoji":
        return ('<div class="nbstate-chat-avatar emoji" aria-hidden="true">'
                f"{html.escape(avatar)}</div>")
    if avatar in _AVATAR_ICONS:
        return (f'<div class="nbstate-chat-avatar {avatar}" aria-hidden="true">'
                f"{_AVATAR_ICONS[avatar]}</div>")
    letter = (name[:1] or "?").upper()
    return ('<div class="nbstate-chat-avatar letter" aria-hidden="true">'
            f"{html.escape(letter)}</div>")


class _ChatBox(W.HBox):
    """A chat message's row: the avatar beside the box of its elements. Setting
    ``avatar_html`` updates the avatar widget (one message, only when it changed)."""

    @property
    def avatar_html(self) -> str:
        return self.children[0].value

    @avatar_html.setter
    def avatar_html(self, value: str) -> None:
        if self.children[0].value != value:
            self.children[0].value = value

    def close(self) -> None:
        # the avatar is this row's own widget (the reconciler closes the row and its body)
        avatar = self.children[0] if self.children else None
        super().close()
        if avatar is not None:
            for sub in (avatar.layout, avatar.style):
                sub.close()
            avatar.close()


class ChatMessageBinding(Box):
    """``st.chat_message``: ``HBox([avatar, VBox(elements)])``, labelled with the author."""

    def create(self, el: Element) -> W.Widget:
        p = el.props
        role = p.get("avatar") if p.get("avatar") in ("user", "assistant") else "other"
        body = W.VBox(layout=W.Layout(flex="1 1 auto", min_width="0"))
        avatar = W.HTML(avatar_html(p), layout=W.Layout(flex="0 0 auto"))
        return _ChatBox([avatar, body], _dom_classes=(
            "nbstate-chat_message", f"nbstate-chat-{role}"), layout=self._layout(el))

    def _layout(self, el: Element) -> W.Layout:
        width = el.props.get("width")
        if isinstance(width, int) and not isinstance(width, bool):
            return W.Layout(width=f"{width}px")
        return W.Layout(width="fit-content" if width == "content" else "auto")

    def traits(self, el: Element) -> dict[str, Any]:
        return {"avatar_html": avatar_html(el.props)}

    def inner(self, widget: W.Widget) -> W.Box:
        return widget.children[1]


class BottomBinding(Box):
    """``st.bottom``: a box pinned to the bottom of the app (see the stylesheet)."""

    def __init__(self) -> None:
        super().__init__(W.VBox)


CHAT_BINDINGS: dict[str, Binding] = {
    "chat_input": ChatInputBinding(),
    "chat_message": ChatMessageBinding(),
    "bottom": BottomBinding(),
}

BINDINGS.update(CHAT_BINDINGS)
