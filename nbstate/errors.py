"""Every exception nbstate raises, with the messages users see.

Class names follow Streamlit's (without its product prefix) so that ported code which
catches ``StreamlitAPIException`` or checks for ``DuplicateWidgetID`` keeps working.

Example:
    >>> import nbstate as st
    >>> try:
    ...     raise st.errors.DuplicateElementKey("x")
    ... except st.errors.StreamlitAPIException as e:
    ...     print(type(e).__name__)
    DuplicateElementKey
"""

from __future__ import annotations

from typing import Any


def _describe(kind: str, label: Any = None, key: str | None = None) -> str:
    """`st.slider` "Age" (key "age"): how messages name a widget."""
    out = f"`st.{kind}`"
    if label is not None:
        out += f' "{label}"'
    if key is not None:
        out += f' (key "{key}")'
    return out


class MarkdownFormattedException(Exception):
    """An exception whose message is Markdown, shown formatted (as Streamlit's; an app may
    raise one: ``st.exception(st.errors.MarkdownFormattedException("**No** data"))``)."""


class NbstateAPIException(MarkdownFormattedException):
    """Base class of every error nbstate raises because of how its API was used."""


#: Ported Streamlit code catches this name.
StreamlitAPIException = NbstateAPIException


class NoAppContextError(NbstateAPIException):
    """A widget or display function was called outside a running app."""

    def __init__(self, func: str, *, ended: bool = False) -> None:
        if ended:
            super().__init__(
                f"`st.{func}()` was called from a thread after the app run it was given "
                "(add_app_context) had ended: its output would go nowhere. Wait for the "
                "thread before the run ends (thread.join()), or have it store its result in "
                "st.session_state for the next run to show.")
            return
        super().__init__(
            f"`st.{func}()` was called outside an app. Widgets and display elements only work "
            "while an app runs: put this code in a cell that starts with `%%app` (after "
            "`%load_ext nbstate`), or pass it to `nbstate.run_app(...)`. If you called it from a "
            "background thread, call it from the app's own code instead."
        )


class InvalidKeyError(NbstateAPIException, ValueError):
    """A session-state or widget key that is empty."""

    def __init__(self, key: Any) -> None:
        super().__init__(
            f"Invalid key {key!r}: a key must be a non-empty string (other values are turned "
            "into strings with str())."
        )


def missing_key_message(key: str, widget_note: str = "") -> str:
    """What a missing session-state key says; raised as exactly ``KeyError`` (item access)
    or ``AttributeError`` (attribute access), as Streamlit does (SPEC §8)."""
    msg = f'st.session_state has no key "{key}". Did you forget to initialize it?'
    return msg + " " + widget_note if widget_note else msg


class WidgetAlreadyInstantiatedError(NbstateAPIException):
    """A widget's key was assigned through session state after the widget was created."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(
            f'st.session_state["{key}"] cannot be modified after the widget with that key is '
            "instantiated. To set the widget's value, assign the key before the widget is "
            "created in the run (for example at the top of the app), or from the widget's "
            "callback (on_change/on_click), which runs before the app code."
        )


class ValueAssignmentNotAllowedError(NbstateAPIException):
    """A button-like widget's key was assigned through session state."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(
            f'st.session_state["{key}"] is read-only and cannot be assigned through session '
            "state. Use a different session state key for values you need to set."
        )


class InvalidFormCallbackError(NbstateAPIException):
    """A callback on a widget inside a form other than the submit button."""

    def __init__(self, kind: str = "", label: Any = None, key: str | None = None) -> None:
        msg = (
            "Within a form, callbacks can only be defined on st.form_submit_button. "
            "Defining callbacks on other widgets inside a form is not allowed."
        )
        if kind:
            msg += f" (The callback was given to {_describe(kind, label, key)}.)"
        super().__init__(msg)


class InvalidLayoutContextError(NbstateAPIException):
    """An element placed where it cannot go (submit button outside a form, nested forms...)."""


class DuplicateWidgetID(NbstateAPIException):
    """Two elements with the same id or key in one run."""


class DuplicateElementId(DuplicateWidgetID):
    """Two keyless widgets whose identity parameters are all equal."""

    def __init__(self, kind: str, label: Any = None) -> None:
        self.kind = kind
        name = f'`{kind}` element "{label}"' if label is not None else f"`{kind}` element"
        super().__init__(
            f"There are multiple {name}s with the same auto-generated ID. When this "
            "element is created, it is assigned an internal ID based on the element type and "
            "provided parameters. Multiple elements with the same type and parameters will "
            "cause this error.\n\nTo fix this error, please pass a unique `key` argument to "
            f"the `{kind}` element."
        )


class DuplicateElementKey(DuplicateWidgetID):
    """Two elements with the same key."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(
            f"There are multiple elements with the same `key='{key}'`. To fix this, please "
            "make sure that the `key` argument is unique for each element you create."
        )


class ValueBelowMinError(NbstateAPIException):
    def __init__(self, value: Any, min_value: Any, what: str = "") -> None:
        super().__init__(
            f"{what}The `value` {value} is less than the `min_value` {min_value}."
        )


class ValueAboveMaxError(NbstateAPIException):
    def __init__(self, value: Any, max_value: Any, what: str = "") -> None:
        super().__init__(
            f"{what}The `value` {value} is greater than the `max_value` {max_value}."
        )


class InvalidMinMaxError(NbstateAPIException):
    def __init__(self, min_value: Any, max_value: Any, what: str = "") -> None:
        super().__init__(
            f"{what}The `min_value`, set to {min_value}, cannot be greater than the "
            f"`max_value`, set to {max_value}."
        )


class MixedNumericTypesError(NbstateAPIException):
    """int and float arguments mixed in one numeric widget."""


class SelectionCountExceedsMaxError(NbstateAPIException):
    def __init__(self, count: int, max_selections: int, what: str = "") -> None:
        noun = "option" if count == 1 else "options"
        max_noun = "option" if max_selections == 1 else "options"
        super().__init__(
            f"{what}Multiselect has {count} {noun} selected but `max_selections` is set to "
            f"{max_selections}. This happened because you either gave too many options to "
            "`default` or you manipulated the widget's state through `st.session_state`. "
            f"Please select at most {max_selections} {max_noun}."
        )


class DefaultNotInOptionsError(NbstateAPIException):
    def __init__(self, value: Any, options: Any, what: str = "") -> None:
        super().__init__(
            f"{what}The default value {value!r} is not part of the options {list(options)!r}. "
            "Please select from the options, or add the value to them."
        )


class InvalidArgumentError(NbstateAPIException, ValueError):
    """A widget argument with a wrong value or type."""


class ValueOutOfRangeError(InvalidArgumentError):
    """An argument outside its allowed interval (an ``index`` past the options)."""


class MissingRequiredParameterError(InvalidArgumentError):
    """A required argument that is missing or empty (``options`` of a select_slider)."""


class InvalidColorError(InvalidArgumentError):
    """A colour that is not ``"#rrggbb"`` or ``"#rgb"``."""


class InvalidIconError(InvalidArgumentError):
    """An ``icon=`` that Streamlit refuses: a Material shortcode that names no Material Symbol
    it knows (``:material/no_such_name:``, ``:material:``), an emoji shortcode (``:smile:``),
    a URL, plain text, or more than one emoji."""


class IncompatibleParametersError(InvalidArgumentError):
    """Arguments that cannot be used together (two row selection modes of a dataframe)."""


class MissingSubmitButtonError(NbstateAPIException):
    """Shown (not raised) for a form without a submit button."""


class AppRunError(Exception):
    """An app raised while its cell ran with no live frontend (``pytest --nbval``,
    ``jupyter nbconvert --execute``, papermill): the cell fails with the app's traceback, so a
    headless run of the notebook fails. ``error`` (also ``__cause__``) is the app's exception.

    Example:
        >>> try:
        ...     1 / 0
        ... except ZeroDivisionError as e:
        ...     err = AppRunError("demo", e)
        >>> str(err)
        "app 'demo' raised ZeroDivisionError: division by zero"
    """

    def __init__(self, app: str, error: BaseException) -> None:
        self.app = app
        self.error = error
        try:
            message = str(error)
        except Exception:  # an exception whose str() fails still reports
            message = "<str() failed>"
        self.message = message
        super().__init__(f"app {app!r} raised {type(error).__name__}: {message}")
        self.__cause__ = error

    def traceback_text(self) -> str:
        """The app's traceback, trimmed to the app's own code (nbstate's frames left out)."""
        import os
        import traceback

        here = os.path.dirname(os.path.abspath(__file__))
        frames = [f for f in traceback.extract_tb(self.error.__traceback__)
                  if not os.path.abspath(f.filename).startswith(here + os.sep)]
        return ("Traceback (most recent call last):\n" + "".join(traceback.format_list(frames))
                + f"{type(self.error).__name__}: {self.message}")

    def _render_traceback_(self) -> list[str]:
        # IPython shows these lines as the cell's traceback (nbval and nbconvert print them)
        return [f"AppRunError: the app {self.app!r} raised while its cell ran with no live "
                "frontend (a headless run: nbval, nbconvert --execute, papermill):",
                *self.traceback_text().splitlines()]


class AppTestError(Exception):
    """What an ``AppTest`` cannot do, as Streamlit's ``streamlit.testing.v1.errors
    .AppTestError``: a query with no single answer (several elements have the key given to
    ``get_by_key``), an interaction a browser user cannot perform (a disabled widget), or
    one it does not implement for that element (``set_value`` on a heading)."""


class RefusedValue(Exception):
    """A frontend value a widget cannot take (internal: turned into a visible warning)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class ScriptControl(BaseException):
    """Base of rerun/stop signals; BaseException so user `except Exception` does not eat them."""


class StopApp(ScriptControl):
    """Raised by st.stop()."""


class RerunApp(ScriptControl):
    """Raised by st.rerun()."""

    def __init__(self, scope: str = "app") -> None:
        self.scope = scope
        super().__init__(scope)


# -- the rest of Streamlit's st namespace (config, pages, secrets, connections, login) ----------
class ConfigOptionError(NbstateAPIException):
    """``st.get_option``/``st.set_option`` of an option nbstate does not have or cannot set."""


class UnserializableSessionStateError(NbstateAPIException):
    """A value written to session state does not pickle while
    ``runner.enforceSerializableSessionState`` is on."""


class NoIdentityProviderError(NbstateAPIException):
    """``st.login()``: a notebook has no identity provider to log in with."""


class PageNotFoundError(NbstateAPIException):
    """``st.switch_page``/``st.page_link`` to a page that ``st.navigation`` does not list."""


class StreamlitSecretNotFoundError(NbstateAPIException, FileNotFoundError):
    """No ``secrets.toml`` was found, or it could not be parsed."""


class IgnoredParameterWarning(UserWarning):
    """A parameter was given that has no effect in a notebook; the message says why."""


# -- st.components.v1 (shim area) -----------------------------------------------------------
class CustomComponentUnavailableError(NbstateAPIException):
    """A custom component (``st.components.v1.declare_component``) was asked for what a
    notebook cannot do (an Arrow or binary argument)."""

    def __init__(self, name: str, why: str) -> None:
        super().__init__(f'The custom component "{name}" cannot be shown in a notebook: {why}.')


def short_repr(x: object, limit: int = 80) -> str:
    """``repr(x)`` cut to ``limit`` characters for a message; never raises, and never builds
    the repr of a huge text or list in full.

    Example:
        >>> short_repr("x" * 1000, 10)
        "'xxxxxx..."
    """
    try:
        if isinstance(x, (str, bytes)) and len(x) > limit:
            return repr(x[:limit])[:limit - 3] + "..."
        if isinstance(x, (list, tuple)) and len(x) > limit:
            x = type(x)(x[:limit])
        shown = repr(x)
    except Exception:  # e.g. an int too long to print, a repr that raises
        return f"<a {type(x).__name__} that cannot be shown>"
    return shown if len(shown) <= limit else shown[:limit - 3] + "..."


def _streamlit_names() -> None:
    """Every class also answers to Streamlit's name for it (``StreamlitDuplicateElementKey``),
    so ported code that catches ``st.errors.StreamlitX`` keeps working."""
    g = globals()
    for name, obj in list(g.items()):
        if isinstance(obj, type) and issubclass(obj, BaseException) and \
                obj.__module__ == __name__ and not name.startswith("_"):
            g.setdefault("Streamlit" + name.removeprefix("Nbstate"), obj)


_streamlit_names()

__all__ = [name for name in dir() if not name.startswith("_") and name != "annotations"
           and name not in ("Any", "missing_key_message", "short_repr")]
