"""``st.secrets``: ``.streamlit/secrets.toml``, read as Streamlit reads it.

The files are ``~/.streamlit/secrets.toml`` then ``<working directory>/.streamlit/secrets.toml``;
both are read and merged, the later winning key by key at the top level. Sections read as
nested mappings with attribute access (``st.secrets.db.user``), a file's top-level string and
number values are also put in ``os.environ`` (as Streamlit does; secrets given in code, as an
AppTest's, are not), the mapping is read-only, and a missing key says
where secrets come from. The files are read on first use and again after
:func:`reload_secrets` (or when a file changed since the last read).

Example:
    >>> s = Secrets(paths=[])
    >>> "x" in s
    False
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator, Mapping
from copy import deepcopy
from pathlib import Path
from typing import Any, NoReturn

from .errors import StreamlitSecretNotFoundError

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

_HINT = ("Did you forget to add it to .streamlit/secrets.toml (in the notebook's working "
         "directory or your home directory)?")


def default_paths() -> list[Path]:
    return [Path.home() / ".streamlit" / "secrets.toml",
            Path(os.getcwd()) / ".streamlit" / "secrets.toml"]


class AttrDict(Mapping[str, Any]):
    """A section of the secrets: a read-only mapping with attribute access."""

    def __init__(self, value: Mapping[str, Any]) -> None:
        self.__dict__["_data"] = dict(value)

    def __getitem__(self, key: str) -> Any:
        try:
            return _wrap(self._data[key])
        except KeyError:
            raise KeyError(f'st.secrets has no key "{key}". {_HINT}') from None

    def __getattr__(self, key: str) -> Any:
        try:
            return _wrap(self.__dict__["_data"][key])
        except KeyError:
            raise AttributeError(f'st.secrets has no attribute "{key}". {_HINT}') from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __setitem__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support item assignment.")

    def __setattr__(self, key: str, value: Any) -> NoReturn:
        raise TypeError("Secrets does not support attribute assignment.")

    def __delitem__(self, key: str) -> NoReturn:
        raise TypeError("Secrets does not support item deletion.")

    def to_dict(self) -> dict[str, Any]:
        return deepcopy(self._data)

    def __repr__(self) -> str:
        return repr(self._data)


def _wrap(v: Any) -> Any:
    return AttrDict(v) if isinstance(v, Mapping) else v


class Secrets(AttrDict):
    """``st.secrets``: the merged ``secrets.toml`` files (see the module docstring)."""

    def __init__(self, paths: list[Path] | None = None) -> None:
        self.__dict__.update(_paths=paths, _lock=threading.Lock(), _loaded=None, _stamp=None,
                             _override={}, _replace=False)

    @property
    def _data(self) -> dict[str, Any]:  # type: ignore[override]
        return self._parse(required=True)

    def _files(self) -> list[Path]:
        paths = self.__dict__["_paths"]
        return list(paths) if paths is not None else default_paths()

    def _parse(self, *, required: bool) -> dict[str, Any]:
        files = self._files()
        stamp = tuple((str(p), p.stat().st_mtime_ns if p.exists() else None) for p in files)
        with self.__dict__["_lock"]:
            if self.__dict__["_loaded"] is not None and self.__dict__["_stamp"] == stamp:
                return self.__dict__["_loaded"]
            merged: dict[str, Any] = {}
            found = False
            override = self.__dict__["_override"]
            for p in files:
                if not p.exists() or (override and self.__dict__["_replace"]):
                    continue
                try:
                    data = tomllib.loads(p.read_text(encoding="utf-8"))
                except (OSError, tomllib.TOMLDecodeError) as e:
                    raise StreamlitSecretNotFoundError(
                        f"Error parsing secrets file at {p}: {e}") from None
                found = True
                merged.update(data)
                for k, v in data.items():
                    # as Streamlit: a file's top-level strings and numbers are env variables
                    # (secrets given in code, as an AppTest's, are not)
                    if type(v) in (str, int, float):
                        os.environ[k] = str(v)
            if override:
                found = True
                merged.update(override)
            if not found:
                if required:
                    raise StreamlitSecretNotFoundError(
                        "No secrets found. Valid paths for a secrets.toml file are: "
                        + ", ".join(str(p) for p in files))
                return {}
            self.__dict__.update(_loaded=merged, _stamp=stamp)
            return merged

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return _wrap(self._parse(required=False)[key])
        except KeyError:
            raise AttributeError(f'st.secrets has no attribute "{key}". {_HINT}') from None

    def __contains__(self, key: object) -> bool:
        return key in self._parse(required=False)

    def load_if_toml_exists(self) -> bool:
        """Read the files if there are any; True if secrets were found (as Streamlit's)."""
        return bool(self._parse(required=False)) or any(p.exists() for p in self._files())

    def set_override(self, values: Mapping[str, Any], *, replace: bool = False) -> None:
        """Secrets given in code (``st.App(secrets=...)``), over those of the files (instead
        of them with ``replace``, when there are any)."""
        self.__dict__.update(_override=dict(values), _replace=replace, _loaded=None,
                             _stamp=None)

    @contextlib.contextmanager
    def overriding(self, values: Mapping[str, Any], *, replace: bool = False) -> Iterator[None]:
        """``set_override(values)`` for the length of a ``with`` block (an AppTest run)."""
        prev = self.__dict__["_override"], self.__dict__["_replace"]
        self.set_override(values, replace=replace)
        try:
            yield
        finally:
            self.set_override(prev[0], replace=prev[1])

    def reload(self) -> None:
        """Read the files again at the next access."""
        self.__dict__.update(_loaded=None, _stamp=None)

    def __repr__(self) -> str:
        try:
            return repr(self._parse(required=False))
        except StreamlitSecretNotFoundError as e:
            return f"<st.secrets: {e}>"


secrets = Secrets()
