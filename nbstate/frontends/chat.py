"""The live bindings of the chat elements: ``chat_message``, ``chat_input`` and ``st.bottom``.

- ``chat_message``: an ipywidgets ``VBox`` holding the message's elements, whose preset
  avatar (user, assistant) the stylesheet draws (no widget for it: a message costs the browser
  two models, so a new message shows sooner); with an emoji, an image or a letter, an ``HBox``
  of that avatar (an ``HTML`` widget) beside the ``VBox``. ipywidgets has what it needs.
- ``chat_input``: ipywidgets has no field that sends on Enter and empties itself (``Text``
  syncs on blur too, and keeps its text), so it is the ``ChatInput`` anywidget
  (``nbstate/js/chat_input.js``): Enter sends ``{event: "submit", text}``, which the binding
  hands to the core as the widget's value for one run. With ``accept_file``, an attach button
  picks files, sent with the message (base64 in the custom message: no change to the
  reconciler's message path) and handed on as ``UploadedFile`` objects; with
  ``accept_audio``, a microphone button beside it picks one audio file (a phone's browser
  offers to record one), handed on as the value's ``audio``.
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

import base64
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
    height = t.Int(0).tag(sync=True)  # the field's height in pixels (0: grows with its text)
    accept_file = t.Unicode("").tag(sync=True)  # "", "true", "multiple" or "directory"
    file_type = t.List(t.Unicode()).tag(sync=True)
    accept_audio = t.Bool(False).tag(sync=True)  # a microphone button picks an audio file


class ChatInputBinding(Binding):
    """``st.chat_input``: a submission (custom message) is the widget's value."""

    def create(self, el: Element) -> W.Widget:
        return ChatInput(**self.traits(el))

    def traits(self, el: Element) -> dict[str, Any]:
        p = el.props
        accept = p.get("accept_file")
        height = p.get("height")
        width = p.get("width")
        out: dict[str, Any] = {"placeholder": str(p.get("placeholder") or ""),
                               "max_chars": int(p.get("max_chars") or 0),
                               "disabled": bool(p.get("disabled")),
                               "accept_file": "" if not accept else (
                                   "true" if accept is True else str(accept)),
                               "file_type": list(p.get("file_type") or []),
                               "accept_audio": bool(p.get("accept_audio")),
                               "height": height if isinstance(height, int) else 0,
                               "layout": {"width": f"{width}px" if isinstance(width, int)
                                          else "100%"}}
        prefill = p.get("prefill")
        if prefill is not None:  # text set through session state: into the field, once
            out["prefill"] = str(prefill)
            out["prefill_n"] = id(p) % (2**31)
        return out

    def on_custom(self, el: Element, content: Any) -> Any:
        if isinstance(content, dict) and content.get("event") == "submit":
            text = content.get("text")
            # anything but text is handed on as such: the core refuses it (and says so)
            if not isinstance(text, str):
                return Unrecognized(f"{text!r:.60}")
            if "files" not in content and "audio" not in content:
                return text
            out: dict[str, Any] = {"text": text, "files": _files(content.get("files") or [])}
            if content.get("audio") is not None:
                out["audio"] = _files(content["audio"])[0]
            return out
        return NOTHING


def _files(sent: Any) -> list[Any]:
    """The attached files of a message, as ``UploadedFile``s (a malformed one: refused)."""
    from ..uploads import UploadedFile

    out: list[Any] = []
    for f in sent if isinstance(sent, list) else [sent]:
        try:
            data = base64.b64decode(f["b64"], validate=True)
            name, kind = f["name"], f.get("type") or None
            if not isinstance(name, str) or not isinstance(kind, (str, type(None))):
                raise TypeError("name and type must be text")
        except Exception:  # the core refuses what is not a file
            out.append(Unrecognized(f"an attachment that is no file ({f!r:.60})"))
            continue
        out.append(UploadedFile(name, data, kind))
    return out


def _svg(path: str) -> str:
    return ('<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" '
            f'focusable="false"><path fill="currentColor" d="{path}"/></svg>')


#: the preset avatars, drawn as Streamlit draws them (Material "face" and "smart_toy")
_AVATAR_ICONS = {
    "user": _svg("M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm0 2c-3.3 0-9 1.7-9 5v2h18v-2c0-3.3"
                 "-5.7-5-9-5z"),
    "assistant": _svg("M20 9V7c0-1.1-.9-2-2-2h-3c0-1.66-1.34-3-3-3S9 3.34 9 5H6c-1.1 0-2 .9-2 "
                      "2v2c-1.66 0-3 1.34-3 3s1.34 3 3 3v4c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2v-4"
                      "c1.66 0 3-1.34 3-3s-1.34-3-3-3zM7.5 11.5a1.5 1.5 0 1 1 3 0 1.5 1.5 0 0 1"
                      "-3 0zM16 17H8v-2h8v2zm-1.5-4a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3z"),
}


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


def _width_layout(el: Element) -> dict[str, str]:
    width = el.props.get("width")
    if isinstance(width, int) and not isinstance(width, bool):
        return {"width": f"{width}px"}
    return {"width": "fit-content" if width == "content" else "auto"}


class PresetMessageBinding(Box):
    """``st.chat_message`` with the user's or the assistant's avatar: one ``VBox``; the
    stylesheet draws the avatar from its class."""

    def create(self, el: Element) -> W.Widget:
        return W.VBox(**self.traits(el))

    def traits(self, el: Element) -> dict[str, Any]:
        role = el.props.get("avatar")
        return {"_dom_classes": ("nbstate-chat_message", "nbstate-chat-row",
                                 f"nbstate-chat-{role}"),
                "layout": _width_layout(el)}


class ChatMessageBinding(Box):
    """``st.chat_message`` with another avatar: ``HBox([avatar, VBox(elements)])``."""

    def create(self, el: Element) -> W.Widget:
        p = el.props
        role = p.get("avatar") if p.get("avatar") in ("user", "assistant") else "other"
        body = W.VBox(layout=W.Layout(flex="1 1 auto", min_width="0"))
        avatar = W.HTML(avatar_html(p), layout=W.Layout(flex="0 0 auto"))
        return _ChatBox([avatar, body], _dom_classes=(
            "nbstate-chat_message", f"nbstate-chat-{role}"),
            layout=W.Layout(**_width_layout(el)))

    def traits(self, el: Element) -> dict[str, Any]:
        return {"avatar_html": avatar_html(el.props), "layout": _width_layout(el)}

    def inner(self, widget: W.Widget) -> W.Box:
        return widget.children[1]


class BottomBinding(Box):
    """``st.bottom``: a box pinned to the bottom of the app (see the stylesheet)."""

    def __init__(self) -> None:
        super().__init__(W.VBox)


_PRESET_MESSAGE = PresetMessageBinding()
_OTHER_MESSAGE = ChatMessageBinding()


def chat_message_binding(el: Element) -> Binding:
    """The binding of a chat message: a preset avatar is drawn by the stylesheet."""
    p = el.props
    if p.get("avatar_type") == "icon" and p.get("avatar") in ("user", "assistant"):
        return _PRESET_MESSAGE
    return _OTHER_MESSAGE


CHAT_BINDINGS: dict[str, Any] = {
    "chat_input": ChatInputBinding(),
    "chat_message": chat_message_binding,
    "bottom": BottomBinding(),
}

BINDINGS.update(CHAT_BINDINGS)
