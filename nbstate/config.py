"""``st.get_option`` / ``st.set_option``: the configuration options that mean something in a
notebook.

Streamlit has some 370 options, most of them about its web server. nbstate keeps those that act
on an app running in a kernel:

- ``runner.enforceSerializableSessionState`` (default ``False``): every value written to
  ``st.session_state`` must pickle, else ``UnserializableSessionStateError``;
- ``client.showErrorDetails`` (default ``"full"``): how much of an exception the app shows
  (``"full"``, ``"stacktrace"``, ``"type"``, ``"none"``; ``True``/``False`` as ``"full"``/
  ``"none"``);
- ``theme.*``: the theme options (``theme.base``, ``theme.primaryColor`` ...), read by
  ``st.context.theme``; they are set in ``.streamlit/config.toml``.

Values come from ``.streamlit/config.toml`` in the home directory, then in the working directory
(the later wins, as in Streamlit), then from ``set_option``. Any other name raises
``ConfigOptionError`` saying why. ``nbstate.testing.patch_config_options`` overrides options for
the length of a ``with`` block or a test function.

Example:
    >>> get_option("runner.enforceSerializableSessionState")
    False
    >>> set_option("client.showErrorDetails", "type")
    >>> get_option("client.showErrorDetails")
    'type'
    >>> set_option("client.showErrorDetails", "full")
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from .errors import ConfigOptionError

_THEME = (
    "base primaryColor backgroundColor secondaryBackgroundColor textColor redColor orangeColor "
    "yellowColor blueColor greenColor violetColor grayColor linkColor linkUnderline "
    "codeTextColor codeBackgroundColor font fontFaces baseFontSize baseFontWeight headingFont "
    "codeFont codeFontSize baseRadius buttonRadius borderColor showWidgetBorder "
    "showSidebarBorder chartCategoricalColors chartSequentialColors chartDivergingColors"
).split()

#: option name -> (default, settable with set_option, what it does in nbstate)
OPTIONS: dict[str, tuple[Any, bool, str]] = {
    "runner.enforceSerializableSessionState": (
        False, True, "values written to st.session_state must be picklable"),
    "client.showErrorDetails": (
        "full", True, "how much of an exception an app shows: full, stacktrace, type, none"),
    "client.showSidebarNavigation": (
        True, False, "false hides the page menu of an app with a pages/ folder"),
    **{f"theme.{k}": (None, False, "theme option, read by st.context.theme") for k in _THEME},
}

_ERROR_DETAILS = ("full", "stacktrace", "type", "none", True, False)

_lock = threading.Lock()
_user: dict[str, Any] = {}  # set_option values
_file: dict[str, Any] | None = None  # values from config.toml, read on first use
_patches: list[dict[str, Any]] = []  # patch_config_options overrides, innermost last


def _config_files() -> list[Path]:
    return [Path.home() / ".streamlit" / "config.toml",
            Path(os.getcwd()) / ".streamlit" / "config.toml"]


def _from_files() -> dict[str, Any]:
    global _file
    if _file is None:
        found: dict[str, Any] = {}
        for path in _config_files():
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except FileNotFoundError:
                continue
            except (OSError, tomllib.TOMLDecodeError) as e:
                raise ConfigOptionError(f"{path} could not be read: {e}") from None
            for section, values in data.items():
                if isinstance(values, dict):
                    for k, v in values.items():
                        if f"{section}.{k}" in OPTIONS:
                            found[f"{section}.{k}"] = v
        _file = found
    return _file


def _check_name(key: str, func: str) -> None:
    if key in OPTIONS:
        return
    if not isinstance(key, str) or "." not in key:
        raise ConfigOptionError(
            f'`st.{func}`: {key!r} is not a config option; names look like "section.name" '
            '(e.g. "client.showErrorDetails").')
    raise ConfigOptionError(
        f"`st.{func}`: the option {key!r} has no meaning in a notebook (Streamlit's server, "
        "browser and deployment options do not apply to an app running in a kernel). "
        f"Options nbstate knows: {', '.join(k for k in OPTIONS if not k.startswith('theme.'))} "
        "and theme.*.")


def get_option(key: str) -> Any:
    """The value of a config option.

    Example:
        >>> get_option("client.showErrorDetails")
        'full'
    """
    _check_name(key, "get_option")
    for patch in reversed(_patches):
        if key in patch:
            return patch[key]
    if key in _user:
        return _user[key]
    files = _from_files()
    if key in files:
        return files[key]
    return OPTIONS[key][0]


def _validate(key: str, value: Any, func: str) -> None:
    if key == "client.showErrorDetails" and value not in _ERROR_DETAILS:
        raise ConfigOptionError(
            f"`st.{func}`: client.showErrorDetails must be one of 'full', 'stacktrace', "
            f"'type', 'none' (or True/False), got {value!r}.")
    if key == "runner.enforceSerializableSessionState" and not isinstance(value, bool):
        raise ConfigOptionError(
            f"`st.{func}`: runner.enforceSerializableSessionState must be True or False, "
            f"got {value!r}.")


def set_option(key: str, value: Any) -> None:
    """Set a config option for this kernel (every app of it), as Streamlit's ``set_option``.

    Example:
        >>> set_option("runner.enforceSerializableSessionState", True)
        >>> set_option("runner.enforceSerializableSessionState", False)
    """
    _check_name(key, "set_option")
    if not OPTIONS[key][1]:
        raise ConfigOptionError(
            f"`st.set_option` is not supported for {key!r}: theme options are read from "
            ".streamlit/config.toml (in the working directory or the home directory), as in "
            "Streamlit. Write it there, or use nbstate.testing.patch_config_options in tests.")
    _validate(key, value, "set_option")
    with _lock:
        _user[key] = value


def push_patch(overrides: dict[str, Any]) -> None:
    """Override options until :func:`pop_patch` (``patch_config_options`` uses it)."""
    for key, value in overrides.items():
        _check_name(key, "patch_config_options")
        _validate(key, value, "patch_config_options")
    with _lock:
        _patches.append(dict(overrides))


def pop_patch() -> None:
    with _lock:
        _patches.pop()


def reload_files() -> None:
    """Read ``.streamlit/config.toml`` again at the next ``get_option``."""
    global _file
    _file = None


def error_details() -> str:
    """``client.showErrorDetails`` as one of full, stacktrace, type, none."""
    v = get_option("client.showErrorDetails")
    # as in Streamlit 1.67: the legacy False is "stacktrace" (message hidden, trace shown)
    return ("full" if v else "stacktrace") if isinstance(v, bool) else v


def enforce_serializable() -> bool:
    """``runner.enforceSerializableSessionState``, cheaply (asked on every session-state
    write)."""
    if not _patches and not _user and not _from_files():
        return False
    return bool(get_option("runner.enforceSerializableSessionState"))


def check_serializable(key: str, value: Any) -> None:
    """Raise ``UnserializableSessionStateError`` if ``value`` does not pickle."""
    import pickle

    from .errors import UnserializableSessionStateError

    try:
        pickle.dumps(value)
    except Exception as e:  # any failure to pickle is the user's to see
        raise UnserializableSessionStateError(
            f'Cannot serialize the value (of type {type(value).__name__}) of "{key}" in '
            f"st.session_state ({e}). runner.enforceSerializableSessionState is on, so every "
            "value must pickle: store something picklable, or turn the option off.") from None
