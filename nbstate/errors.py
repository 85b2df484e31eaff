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


class NbstateAPIException(Exception):
    """Base class of every error nbstate raises because of how its API was used."""


#: Ported Streamlit code catches this name.
StreamlitAPIException = NbstateAPIException


class NoAppContextError(NbstateAPIException):
    """A widget or display function was called outside a running app."""

    def __init__(self, func: str) -> None:
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


class SessionStateKeyError(KeyError):
    """`st.session_state["k"]` for a key that does not exist."""

    display_type = "KeyError"

    def __init__(self, key: str, widget_note: str = "") -> None:
        self.key = key
        msg = f'st.session_state has no key "{key}". Did you forget to initialize it?'
        if widget_note:
            msg += " " + widget_note
        self.message = msg
        super().__init__(msg)

    def __str__(self) -> str:  # KeyError quotes its argument; show the sentence as written
        return self.message


class SessionStateAttributeError(AttributeError):
    """`st.session_state.k` for a key that does not exist."""

    display_type = "AttributeError"

    def __init__(self, key: str, widget_note: str = "") -> None:
        self.key = key
        msg = f'st.session_state has no key "{key}". Did you forget to initialize it?'
        if widget_note:
            msg += " " + widget_note
        super().__init__(msg)


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


class IncompatibleParametersError(InvalidArgumentError):
    """Arguments that cannot be used together (two row selection modes of a dataframe)."""


class InvalidValueTypeError(NbstateAPIException, TypeError):
    """A value of the wrong type reached a widget through session state."""

    display_type = "TypeError"  # SPEC §8 and Streamlit show it as a TypeError


class MissingSubmitButtonError(NbstateAPIException):
    """Shown (not raised) for a form without a submit button."""


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


__all__ = [name for name in dir() if not name.startswith("_") and name != "annotations"]
