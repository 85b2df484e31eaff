"""Chat elements and streaming: ``chat_message``, ``chat_input``, ``bottom``, ``write_stream``.

As in Streamlit 1.67: ``st.chat_message(name)`` is a container with an avatar;
``st.chat_input()`` returns the submitted text for the one run after a submission, then
``None`` (like a button), and a chat input called in the app's main area (no container around
it) is pinned to the bottom of the app (``st.bottom``); ``st.write_stream`` writes text chunks
as they arrive and returns the whole text (or the list of what it wrote). A live frontend shows
each chunk while the run goes on (``RunContext.flush``, throttled by the frontend).

Example (inside an app):
    >>> if "messages" not in st.session_state:                         # doctest: +SKIP
    ...     st.session_state.messages = []
    >>> for m in st.session_state.messages:                            # doctest: +SKIP
    ...     st.chat_message(m["role"]).write(m["content"])
    >>> if prompt := st.chat_input("Say something"):                   # doctest: +SKIP
    ...     st.session_state.messages.append({"role": "user", "content": prompt})
    ...     with st.chat_message("assistant"):
    ...         reply = st.write_stream(c for c in ["Hel", "lo"])
"""

from __future__ import annotations

import asyncio
import inspect
import queue
import re
import threading
from collections.abc import (
    AsyncGenerator,
    Callable,
    Generator,
    Iterable,
    Iterator,
    MutableMapping,
    Sequence,
)
from dataclasses import dataclass, field
from typing import Any

from .elements import Element
from .errors import (
    InvalidArgumentError,
    InvalidLayoutContextError,
    NbstateAPIException,
    RefusedValue,
)
from .icons import check_icon
from .kinds import KINDS, Kind
from .layout import Container, _Sidebar
from .params import check_width, ignored
from .run import RunContext, require
from .state import normalize_key
from .uploads import UploadedFile

# -- chat_message ------------------------------------------------------------------------

_PRESETS = {"user": "user", "human": "user", "assistant": "assistant", "ai": "assistant"}


def _is_emoji(s: str) -> bool:
    """One emoji (possibly joined with ZWJ / variation selectors), as Streamlit's is_emoji."""
    s = s.strip()
    if not s or len(s) > 12:
        return False
    return all(ord(c) >= 0x2000 for c in s) and any(
        ord(c) >= 0x2190 and c not in "\u200d\ufe0f" for c in s)


def _avatar(name: str, avatar: Any) -> tuple[str, str]:
    """(avatar type, avatar) as Streamlit's ``_process_avatar_input``: an icon ("user",
    "assistant", a Material icon name), an emoji, or an image URL."""
    if avatar is None:
        return "icon", ""
    if isinstance(avatar, str) and avatar in _PRESETS:
        return "icon", _PRESETS[avatar]
    if isinstance(avatar, str) and _is_emoji(avatar):
        return "emoji", avatar
    if isinstance(avatar, str) and avatar.startswith(":material"):
        return "icon", check_icon(avatar, "chat_message", name, image_ok=True)
    from .rich import _image_src

    try:
        return "image", _image_src(avatar, "auto")
    except Exception as e:  # any failure is the same error for the user
        raise NbstateAPIException(
            f"`st.chat_message` \"{name}\": failed to load the provided avatar value as an "
            f"image ({e}). Pass 'user', 'assistant', an emoji, a Material icon "
            "(':material/name:'), an image URL, a file path, bytes, an array or a PIL "
            "image.") from e


def chat_message(name: str, *, avatar: Any = None, width: Any = "stretch") -> Container:
    """A chat message: a container with the author's avatar (``"user"``/``"human"``,
    ``"assistant"``/``"ai"`` have preset avatars; other names show their first letter).

    Example:
        >>> with st.chat_message("user"):                               # doctest: +SKIP
        ...     st.write("Hello 👋")
        >>> msg = st.chat_message("assistant")                          # doctest: +SKIP
        >>> msg.write("Hi, human")                                      # doctest: +SKIP
    """
    ctx = require("chat_message")
    if name is None:
        raise InvalidArgumentError(
            "`st.chat_message`: the parameter name is required (\"user\", \"assistant\", or "
            "the author's name).")
    name = str(name)
    if avatar is None and (name.lower() in _PRESETS or _is_emoji(name)):
        avatar = name.lower()
    avatar_type, shown = _avatar(name, avatar)
    check_width("chat_message", width)
    el = ctx.emit(Element("chat_message", props={
        "name": name, "avatar": shown, "avatar_type": avatar_type, "width": width},
        children=[]))
    return Container(el, ctx)


# -- st.bottom ----------------------------------------------------------------------------

def _bottom_element(ctx: RunContext, func: str) -> Element:
    if ctx.fragment is not None:
        raise NbstateAPIException(
            f"`st.{func}` cannot write to the bottom of the app from a function wrapped with "
            "st.fragment (a fragment's rerun only replaces its own elements). Call it "
            "outside the fragment.")
    if ctx.bottom is None:
        ctx.bottom = Element("bottom", props={}, children=[])
    return ctx.bottom


class _Bottom(_Sidebar):
    """``st.bottom``: a container pinned to the bottom of the app (where a chat input goes).

    Example (inside an app):
        >>> with st.bottom:                                             # doctest: +SKIP
        ...     st.chat_input("Ask me")
    """

    def _container(self) -> Container:
        ctx = require("bottom")
        return Container(_bottom_element(ctx, "bottom"), ctx, form=None)

    def _stack(self) -> list:
        ctx = require("bottom")
        stack = getattr(ctx, "_bottom_stack", None)
        if stack is None:
            stack = ctx._bottom_stack = []  # type: ignore[attr-defined]
        return stack

    def __repr__(self) -> str:
        return "st.bottom"


bottom = _Bottom()


# -- chat_input ---------------------------------------------------------------------------

@dataclass(repr=False)
class ChatInputValue(MutableMapping):
    """What ``st.chat_input(accept_file=...)`` returns: the text and the attached files
    (``.text``, ``.files``; also as a mapping), as Streamlit's ``ChatInputValue``.

    Example:
        >>> v = ChatInputValue("hi", [], _include_files=True)
        >>> v.text, v["files"], dict(v)
        ('hi', [], {'text': 'hi', 'files': []})
    """

    text: str
    files: list = field(default_factory=list)
    audio: Any = None
    _include_files: bool = field(default=False, compare=False)
    _include_audio: bool = field(default=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        stored = vars(self)
        out: dict[str, Any] = {}
        if "text" in stored:
            out["text"] = stored["text"]
        if self._include_files and "files" in stored:
            out["files"] = stored["files"]
        if self._include_audio and "audio" in stored:
            out["audio"] = stored["audio"]
        return out

    def __len__(self) -> int:
        return len(self.to_dict())

    def __iter__(self) -> Iterator[str]:
        return iter(self.to_dict())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self.to_dict()

    def __getitem__(self, item: str) -> Any:
        if item not in self:
            raise KeyError(f"Invalid key: {item}")
        return self.to_dict()[item]

    def __getattribute__(self, name: str) -> Any:
        if name == "files" and not object.__getattribute__(self, "_include_files"):
            raise AttributeError(
                "'ChatInputValue' object has no attribute 'files' (accept_file=False)")
        if name == "audio" and not object.__getattribute__(self, "_include_audio"):
            raise AttributeError(
                "'ChatInputValue' object has no attribute 'audio' (accept_audio=False)")
        return object.__getattribute__(self, name)

    def __setitem__(self, key: str, value: Any) -> None:
        allowed = {"text"} | ({"files"} if self._include_files else set()) | (
            {"audio"} if self._include_audio else set())
        if key not in allowed:
            raise KeyError(f"Invalid key: {key}")
        setattr(self, key, value)

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(f"Invalid key: {key}")
        delattr(self, key)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.to_dict().items())
        return f"{type(self).__name__}({args})"


def _file_ok(spec: dict, f: Any) -> UploadedFile:
    if not isinstance(f, UploadedFile):
        raise RefusedValue(f"expected uploaded files, got {type(f).__name__}")
    types = spec.get("file_type")
    if types:
        name = f.name.lower()
        if not any(name.endswith(t) for t in types):
            raise RefusedValue(f"the file {f.name!r} is not of an accepted type {types}")
    limit = spec.get("max_upload_size")
    if limit and f.size > limit * 1024 * 1024:
        raise RefusedValue(f"the file {f.name!r} is larger than {limit} MB")
    return f


_AUDIO_EXTENSIONS = (".wav", ".mp3", ".m4a", ".ogg", ".oga", ".webm", ".flac", ".aac", ".opus")


def check_chat(spec: dict, v: Any) -> Any:
    """A submission from the frontend: its text (cut at ``max_chars``, as Streamlit does),
    with the attached files when the input accepts files."""
    files: list = []
    audio = None
    if isinstance(v, ChatInputValue):
        text = v.to_dict().get("text", "")
        files = list(v.to_dict().get("files", []))
        audio = v.to_dict().get("audio")
    elif isinstance(v, dict):
        text, files = v.get("text", ""), list(v.get("files") or [])
        audio = v.get("audio")
    else:
        text = v
    if not isinstance(text, str):
        raise RefusedValue(f"a chat input sends text (a str), not {text!r:.40}")
    n = spec.get("max_chars")
    if n:
        text = text[:n]
    accept = spec.get("accept_file") not in (False, None)
    if files and not accept:
        raise RefusedValue("this chat input does not accept files (accept_file=False)")
    files = [_file_ok(spec, f) for f in files]
    if spec.get("accept_file") is True and len(files) > 1:
        raise RefusedValue("this chat input accepts one file (accept_file=True)")
    if audio is not None:
        if not spec.get("accept_audio"):
            raise RefusedValue("this chat input does not accept audio (accept_audio=False)")
        if not isinstance(audio, UploadedFile):
            raise RefusedValue(f"expected an audio file, got {type(audio).__name__}")
        if not ((audio.type or "").startswith("audio/") or audio.name.lower().endswith(
                _AUDIO_EXTENSIONS)):
            raise RefusedValue(f"the file {audio.name!r} is not audio")
    if accept or spec.get("accept_audio"):
        return ChatInputValue(text, files, audio, _include_files=accept,
                              _include_audio=bool(spec.get("accept_audio")))
    return text


def state_chat(spec: dict, v: Any, default: Any, label: Any, key: Any) -> Any:
    if v is None or isinstance(v, (str, ChatInputValue)):
        return v
    raise TypeError(
        f'`st.chat_input` "{label}" (key "{key}"): st.session_state["{key}"] holds a '
        f"{type(v).__name__}; a chat input takes a str (the text put in its field) or None.")


KINDS.setdefault("chat_input", Kind("chat_input", check_chat, state_chat, callback="on_submit",
                                    value_type="str"))

_SAMPLE_RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000)


def _file_types(file_type: Any) -> list[str] | None:
    if not file_type:
        return None
    types = [file_type] if isinstance(file_type, str) else list(file_type)
    out = []
    for t in types:
        t = str(t).strip().lower()
        if not t.startswith("."):
            t = "." + t
        out.append(t)
        if t == ".jpg":
            out.append(".jpeg")
    return out


def chat_input(placeholder: str = "Your message", *, key: str | int | None = None,
               max_chars: int | None = None, max_upload_size: int | None = None,
               accept_file: bool | str = False, file_type: str | Sequence[str] | None = None,
               accept_audio: bool = False, audio_sample_rate: int | None = 16000,
               disabled: bool = False, submit_mode: str = "submit",
               on_submit: Callable | None = None, args: Iterable | None = None,
               kwargs: dict | None = None, width: Any = "stretch",
               height: Any = "content") -> str | ChatInputValue | None:
    """A chat input: returns the submitted text for the run after a submission (Enter), then
    ``None``. In the app's main area it is pinned to the bottom of the app. With
    ``accept_file`` an attach button sends files with the message; with ``accept_audio`` a
    microphone button beside it sends one audio file (``value.audio``; a phone's browser
    offers to record it, a desktop's picks a file).

    Example:
        >>> if prompt := st.chat_input("Say something"):                # doctest: +SKIP
        ...     st.write(f"You said: {prompt}")
    """
    ctx = require("chat_input")
    if key is not None:
        key = normalize_key(key)
    if on_submit is not None and not callable(on_submit):
        raise InvalidArgumentError(
            f'`st.chat_input` "{placeholder}": on_submit must be a function, got '
            f"{type(on_submit).__name__}.")
    if accept_file not in (True, False, "multiple", "directory"):
        raise InvalidArgumentError(
            f'`st.chat_input` "{placeholder}": accept_file must be True, False, '
            f"'multiple' or 'directory'. Got {accept_file!r}.")
    if submit_mode not in ("submit", "disable", "stop"):
        raise InvalidArgumentError(
            f'`st.chat_input` "{placeholder}": submit_mode must be \'submit\', \'disable\' or '
            f"'stop', got {submit_mode!r}.")
    if max_upload_size is not None and (isinstance(max_upload_size, bool) or not isinstance(
            max_upload_size, int) or max_upload_size < 1):
        raise InvalidArgumentError(
            f'`st.chat_input` "{placeholder}": max_upload_size must be a positive integer '
            "(megabytes), or None for the default of 200.")
    if max_chars is not None and (isinstance(max_chars, bool) or not isinstance(
            max_chars, int) or max_chars < 0):
        raise InvalidArgumentError(
            f'`st.chat_input` "{placeholder}": max_chars must be a positive integer or None.')
    if audio_sample_rate is not None and audio_sample_rate not in _SAMPLE_RATES:
        raise InvalidArgumentError(
            f'`st.chat_input` "{placeholder}": audio_sample_rate must be one of '
            f"{', '.join(map(str, _SAMPLE_RATES))} or None, got {audio_sample_rate!r}.")
    check_width("chat_input", width, allow_content=False)
    if not (height in ("content", "stretch") or (
            isinstance(height, int) and not isinstance(height, bool) and height > 0)):
        raise InvalidArgumentError(
            f'`st.chat_input` "{placeholder}": height must be \'content\', \'stretch\' or a '
            f"positive number of pixels, got {height!r}.")
    if ctx.form is not None:
        raise InvalidLayoutContextError("`st.chat_input()` can't be used in a `st.form()`.")
    types = _file_types(file_type)
    ident: tuple
    if key is not None:  # the key is the identity, with what invalidates the state
        ident = (accept_file, repr(types), max_chars, max_upload_size)
    else:
        ident = (str(placeholder), max_chars, max_upload_size, accept_file, repr(types),
                 accept_audio, audio_sample_rate, submit_mode, repr(width), repr(height))
    props = {"label": str(placeholder), "placeholder": str(placeholder), "help": None,
             "disabled": bool(disabled), "label_visibility": "visible",
             "max_chars": max_chars, "max_upload_size": max_upload_size or 200,
             "accept_file": accept_file, "file_type": types, "accept_audio": bool(accept_audio),
             "audio_sample_rate": audio_sample_rate, "submit_mode": submit_mode,
             "width": width, "height": height, "prefill": None}
    # in the main area with no container around it, it goes to the bottom (as Streamlit)
    pinned = len(ctx.stack) == 1 and ctx.stack[0] is ctx.main and ctx.fragment is None
    store = ctx.store
    from_api = key is not None and key in store.api_writes
    target = _bottom_element(ctx, "chat_input") if pinned else None
    if target is not None:
        ctx.push(target)
    try:
        value = ctx.widget(KINDS["chat_input"], placeholder, key, ident, props, None,
                           False, on_submit, args, kwargs)
    finally:
        if target is not None:
            ctx.pop(target)
    el = (target or ctx.stack[-1]).contents[-1]
    rec = store.widgets.get(el.id) if el.id is not None else None
    if from_api and key is not None and isinstance(value, str):  # (from_api: it is)
        # text set through session state goes into the field, unsent (as in Streamlit)
        props["prefill"] = value  # (AppTest's value shows it, as Streamlit's does)
        value = None
        if rec is not None:
            rec.value = None
            store.sync_widget(key, None)
    elif value is not None and rec is not None:
        ctx.one_shot.append(rec)  # None again after this run
    if rec is not None and on_submit is not None:
        # a failing on_submit ends the interaction before any run: the message is spent
        # all the same (as a button's click), not returned again by the next run
        rec.callback = _spent_on_error(on_submit, rec, store)
    if accept_audio and audio_sample_rate is not None:
        ignored("chat_input", "audio_sample_rate", audio_sample_rate,
                "the microphone button hands on the audio file the browser gives (recorded "
                "or picked), as it is: it is not resampled")
    if submit_mode != "submit":
        why = (f"submit_mode={submit_mode!r}: a notebook kernel handles one run at a time, so "
               "a message sent during a run is applied after it (as 'submit')")
        ctx.emit(Element("warning", props={"body": (
            f'`st.chat_input` "{placeholder}": {why}; this option is ignored.')}))
    return value


def _spent_on_error(callback: Callable, rec: Any, store: Any) -> Callable:
    def on_submit(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except (Exception, KeyboardInterrupt):  # (st.rerun/st.stop are no Exception)
            rec.value = None
            if rec.key is not None and store.key_owner.get(rec.key) == rec.id:
                store.sync_widget(rec.key, None)
            raise

    on_submit.__wrapped__ = callback  # type: ignore[attr-defined]
    return on_submit


# -- write_stream -------------------------------------------------------------------------

_OPENAI_CHUNK = re.compile(r"^openai\..+\.ChatCompletionChunk$")
_OPENAI_EVENT = re.compile(r"^openai\..+\.Response.+Event$")
_OPENAI_TEXT_EVENTS = frozenset({"response.output_text.delta", "response.refusal.delta"})


def _fqn(obj: Any) -> str:
    t = type(obj)
    return f"{t.__module__}.{t.__qualname__}"


class StreamingOutput(list):
    """What ``st.write_stream`` returns when it wrote more than one text."""


def _sync(agen: AsyncGenerator[Any, Any]) -> Generator:
    """An async generator as a plain one. In a thread whose event loop is running (a notebook
    kernel's), the generator runs on a loop of its own in a helper thread."""
    try:
        asyncio.get_running_loop()
        running = True
    except RuntimeError:
        running = False
    if not running:
        loop = asyncio.new_event_loop()
        try:
            while True:
                try:
                    yield loop.run_until_complete(agen.__anext__())
                except StopAsyncIteration:
                    return
        finally:
            loop.close()
    items: queue.Queue = queue.Queue(maxsize=1)
    done = object()
    stop = threading.Event()

    async def drain() -> None:
        try:
            async for item in agen:
                items.put((True, item))
                if stop.is_set():
                    break
            items.put((True, done))
        except BaseException as e:  # handed to the caller
            items.put((False, e))

    helper = threading.Thread(target=asyncio.run, args=(drain(),), daemon=True,
                              name="nbstate-write-stream")
    helper.start()
    try:
        while True:
            ok, item = items.get()
            if not ok:
                raise item
            if item is done:
                return
            yield item
    finally:
        stop.set()
        while helper.is_alive():  # let it finish (it may wait to put one more item)
            try:
                items.get(timeout=0.05)
            except queue.Empty:
                pass


def write_stream(stream: Callable[..., Any] | Generator[Any, Any, Any] | Iterable[Any]
                 | AsyncGenerator[Any, Any], *, cursor: str | None = None) -> list[Any] | str:
    """Write a stream of chunks as they arrive: text is joined into one Markdown element
    that grows (a typewriter effect); other objects are written with ``st.write``. Returns
    the full text, or the list of what was written when that is more than one text.

    Accepts generators, generator functions, async generators, iterables, OpenAI chat
    completion chunks and Responses events, and LangChain ``AIMessageChunk`` objects.

    Example:
        >>> def words():                                                # doctest: +SKIP
        ...     for w in "Hello there".split():
        ...         yield w + " "
        ...         time.sleep(0.05)
        >>> text = st.write_stream(words)                               # doctest: +SKIP
    """
    ctx = require("write_stream")
    if isinstance(stream, str) or (hasattr(stream, "columns") and hasattr(stream, "iloc")):
        raise InvalidArgumentError(
            f"`st.write_stream`: the stream must be a generator or a stream-like object, got "
            f"{type(stream).__name__}. Please use `st.write` instead for this data type.")
    cursor_str = cursor or ""
    # the growing text: one Markdown element, changed in place (Streamlit writes it into an
    # st.empty() slot, which holds one element: the same thing on screen)
    holder: list[Element] = []
    text = ""
    written: list[Any] = StreamingOutput()

    def flush_text() -> None:
        nonlocal text
        if text and holder:
            holder[0].props["body"] = _body(text)
            written.append(text)
            ctx.flush()
        holder.clear()
        text = ""

    if inspect.isgeneratorfunction(stream) or inspect.isasyncgenfunction(stream):
        stream = stream()
    if inspect.isasyncgen(stream):
        stream = _sync(stream)
    try:
        iterator = iter(stream)  # type: ignore[arg-type]
    except TypeError as e:
        raise InvalidArgumentError(
            f"`st.write_stream`: the provided input (type: {type(stream).__name__}) cannot be "
            "iterated. Please make sure that it is a generator, generator function or "
            "iterable.") from e
    from .display import write

    for chunk in iterator:
        fqn = _fqn(chunk)
        if _OPENAI_CHUNK.match(fqn):
            try:
                chunk = ("" if not chunk.choices or chunk.choices[0].delta is None
                         else chunk.choices[0].delta.content or "")
            except AttributeError as e:
                raise NbstateAPIException(
                    "`st.write_stream`: failed to parse an OpenAI ChatCompletionChunk (its "
                    "structure is not the expected one).") from e
        elif _OPENAI_EVENT.match(fqn):
            try:
                chunk = (chunk.delta or "") if chunk.type in _OPENAI_TEXT_EVENTS else ""
            except AttributeError as e:
                raise NbstateAPIException(
                    "`st.write_stream`: failed to parse an OpenAI Responses stream event.") from e
        if fqn == "langchain_core.messages.ai.AIMessageChunk":
            try:
                chunk = chunk.content or ""
            except AttributeError as e:
                raise NbstateAPIException(
                    "`st.write_stream`: failed to parse a LangChain AIMessageChunk.") from e
        if isinstance(chunk, str):
            if not chunk:
                continue
            first = not holder
            text += chunk
            # while it streams, unclosed Markdown is completed (Streamlit's
            # unterminated_parsing): a half-received **bold or code fence shows as such
            shown = complete_markdown(text) + ("" if first else cursor_str)
            if first:
                md = Element("markdown", props={"body": _body(shown),
                                                "unsafe_allow_html": False, "help": None})
                holder.append(md)
                ctx.urgent = True  # the reader waits for the first chunk: show it at once
                try:
                    ctx.emit(md)
                finally:
                    ctx.urgent = False
            else:
                holder[0].props["body"] = _body(shown)
                ctx.flush()
        elif callable(chunk):
            flush_text()
            chunk()
        else:
            flush_text()
            write(chunk)
            written.append(chunk)
    flush_text()
    if not written:
        return ""
    if len(written) == 1 and isinstance(written[0], str):
        return written[0]
    return written


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.MULTILINE)


def complete_markdown(text: str) -> str:
    """``text`` (Markdown received so far) with what is left open closed, as Streamlit's
    frontend completes a stream's text: an open code fence, inline code span, ``**bold**``,
    ``__bold__`` or ``~~strike~~``. Text that is complete comes back unchanged.

    Example:
        >>> complete_markdown("Some **bold")
        'Some **bold**'
        >>> complete_markdown("```python\\nx = 1")
        '```python\\nx = 1\\n```'
        >>> complete_markdown("a `b` **c** d")
        'a `b` **c** d'
    """
    fence = None
    plain = []  # the lines outside code blocks
    for line in text.split("\n"):
        m = _FENCE.match(line)
        if fence is None:
            if m:
                fence = m.group(1)
            else:
                plain.append(line)
        elif m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and \
                not line.strip()[len(m.group(1)):]:
            fence = None
    if fence is not None:
        return text + ("" if text.endswith("\n") else "\n") + fence
    # the last paragraph only: Markdown's inline spans never cross a blank line
    para = "\n".join(plain).rsplit("\n\n", 1)[-1]
    tail = ""
    ticks = re.findall(r"`+", para)
    if ticks and ticks.count(ticks[-1]) % 2 == 1:
        return text + ticks[-1]  # inside an open code span: nothing else is markup
    bare = re.sub(r"(`+).*?\1", "", para)
    for mark in ("~~", "__", "**"):
        if bare.count(mark) % 2 == 0:
            continue
        at = bare.rfind(mark)
        after = bare[at + len(mark):at + len(mark) + 1]
        before = bare[at - 1:at] if at else " "
        # an opener: text follows it (and `__` does not open inside a word)
        if after and not after.isspace() and (mark != "__" or not before.isalnum()):
            tail = mark + tail
    return text + tail


def _body(text: str) -> str:
    from .display import _text_body

    return _text_body("markdown", text)
