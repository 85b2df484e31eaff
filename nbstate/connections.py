"""``st.connection``: data connections as in Streamlit, with ``SQLConnection`` over SQLAlchemy.

``st.connection(name, type=None, max_entries=None, ttl=None, **kwargs)`` returns one connection
object per (name, type, arguments), kept like ``st.cache_resource`` keeps its values. Its
configuration comes from the keyword arguments and from ``[connections.<name>]`` in
``secrets.toml``. ``type`` is ``"sql"``, a ``BaseConnection`` subclass, or its dotted import
path; without it, ``name="sql"`` means SQL and any other name reads
``[connections.<name>].type``.

``SQLConnection.query(sql, ttl=...)`` returns a pandas DataFrame and caches it with
``st.cache_data`` (per connection, SQL text and parameters), as Streamlit does. With no URL
and no secrets, ``st.connection("sql")`` opens an in-memory SQLite database shared by the
kernel (Streamlit would refuse: there a missing configuration is an error), so a notebook can
try things out at once. SQLAlchemy is an optional dependency (``pip install nbstate[sql]``).

Example:
    >>> conn = connection("sql", url="sqlite://")                     # doctest: +SKIP
    >>> conn.query("select 1 as one")                                 # doctest: +SKIP
       one
    0    1
"""

from __future__ import annotations

import builtins
import datetime as _dt
import importlib
import threading
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Mapping
from typing import Any, Generic, TypeVar

from .errors import InvalidArgumentError, NbstateAPIException
from .secrets import AttrDict, secrets

RawConnectionT = TypeVar("RawConnectionT")


class BaseConnection(ABC, Generic[RawConnectionT]):
    """The base class of connections: subclass it, implement ``_connect(**kwargs)`` returning
    the underlying connection (``self._instance``), and read configuration from
    ``self._secrets`` (the ``[connections.<name>]`` section), as with Streamlit's.

    Example:
        >>> class Numbers(BaseConnection[list]):
        ...     def _connect(self, **kwargs):
        ...         return list(range(kwargs.get("n", 3)))
        >>> Numbers("numbers", n=2)._instance
        [0, 1]
    """

    def __init__(self, connection_name: str, **kwargs: Any) -> None:
        self._connection_name = connection_name
        self._kwargs = kwargs
        self._connection_instance_id = uuid.uuid4()
        self._raw_instance: RawConnectionT | None = self._connect(**kwargs)

    @property
    def _secrets(self) -> AttrDict:
        """This connection's section of ``secrets.toml`` (empty if there is none)."""
        if not secrets.load_if_toml_exists():
            return AttrDict({})
        section = secrets.get("connections")
        if not isinstance(section, Mapping):
            return AttrDict({})
        mine = section.get(self._connection_name)
        return mine if isinstance(mine, AttrDict) else AttrDict({})

    def reset(self) -> None:
        """Drop the underlying connection; the next use of ``_instance`` reconnects."""
        self._raw_instance = None
        self._connection_instance_id = uuid.uuid4()

    @property
    def _instance(self) -> RawConnectionT:
        if self._raw_instance is None:
            self._raw_instance = self._connect(**self._kwargs)
        return self._raw_instance

    @abstractmethod
    def _connect(self, **kwargs: Any) -> RawConnectionT:
        """Create the underlying connection."""

    @classmethod
    def scope(cls) -> str:
        return "global"

    def close(self) -> None:
        self.reset()

    def __getattr__(self, name: str) -> Any:
        if not name.startswith("_") and hasattr(self._instance, name):
            raise AttributeError(
                f"`{name}` doesn't exist here, but you can call `._instance.{name}` instead")
        raise AttributeError(name)


_SQL_PARAMS = ("url", "dialect", "driver", "username", "password", "host", "port", "database",
               "query")


class SQLConnection(BaseConnection[Any]):
    """A SQL database through SQLAlchemy: ``query()`` (cached DataFrames), ``session``,
    ``engine``, ``connect()``.

    Example:
        >>> conn = st.connection("sql", url="sqlite:///shop.db")       # doctest: +SKIP
        >>> df = conn.query("select * from t where id = :i", params={"i": 3})  # doctest: +SKIP
    """

    def _connect(self, autocommit: bool = False, **kwargs: Any) -> Any:
        try:
            import sqlalchemy
            from sqlalchemy.engine import URL, make_url
        except ImportError:
            raise ModuleNotFoundError(
                "st.connection('sql') needs SQLAlchemy: pip install sqlalchemy (or "
                "nbstate[sql]).") from None
        kwargs = dict(kwargs)
        given = {k: kwargs.pop(k) for k in _SQL_PARAMS if k in kwargs}
        conf = {**self._secrets.to_dict(), **given}
        conf.pop("type", None)
        engine_kwargs = {**conf.pop("create_engine_kwargs", {}), **kwargs}
        if "url" in conf:
            url = make_url(conf["url"])
        elif any(k in conf for k in ("dialect", "host", "username")):
            for p in ("dialect", "username", "host"):
                if p not in conf:
                    raise InvalidArgumentError(
                        f"`st.connection('{self._connection_name}')`: the SQL connection "
                        f"parameter {p!r} is missing. Set it in secrets.toml "
                        f"([connections.{self._connection_name}]) or pass it to st.connection.")
            url = URL.create(
                drivername=conf["dialect"] + (f"+{conf['driver']}" if "driver" in conf else ""),
                username=conf["username"], password=conf.get("password"), host=conf["host"],
                port=int(conf["port"]) if "port" in conf else None,
                database=conf.get("database"), query=conf.get("query", {}))
        else:
            # nothing configured: an in-memory SQLite database, one for the whole kernel
            from sqlalchemy.pool import StaticPool

            url = make_url("sqlite://")
            engine_kwargs.setdefault("poolclass", StaticPool)
            engine_kwargs.setdefault("connect_args", {"check_same_thread": False})
        eng = sqlalchemy.create_engine(url, **engine_kwargs)
        if autocommit:
            return eng.execution_options(isolation_level="AUTOCOMMIT")
        return eng

    def query(self, sql: str, *, show_spinner: bool | str = "Running `sql.query(...)`.",
              ttl: float | int | _dt.timedelta | None = None,
              index_col: str | list[str] | None = None, chunksize: int | None = None,
              params: Any = None, **kwargs: Any) -> Any:
        """Run a read query and return a DataFrame; the result is cached (``ttl``: how long),
        per connection, SQL text and parameters.

        Example:
            >>> conn.query("select * from pets", ttl=600)               # doctest: +SKIP
        """
        from .cache import cache_data

        def _query(instance_id: Any, sql: str, index_col: Any = None, chunksize: Any = None,
                   params: Any = None, **kwargs: Any) -> Any:
            import pandas as pd
            from sqlalchemy import text
            from sqlalchemy.exc import DatabaseError, InternalError, OperationalError

            for attempt in range(3):
                try:
                    with self._instance.connect() as c:
                        return pd.read_sql(text(sql), c, index_col=index_col,
                                           chunksize=chunksize, params=params, **kwargs)
                except (DatabaseError, InternalError, OperationalError):
                    if attempt == 2:
                        raise
                    self.reset()
                    time.sleep(0.2)
            return None  # not reached

        # one cache per connection name and ttl, as Streamlit's
        _query.__qualname__ = (f"{_query.__qualname__}_{self._connection_name}_"
                               f"{str(ttl).replace('.', '_')}")
        cached = cache_data(show_spinner=show_spinner, ttl=ttl)(_query)
        return cached(self._connection_instance_id, sql, index_col=index_col,
                      chunksize=chunksize, params=params, **kwargs)

    def connect(self) -> Any:
        """A new SQLAlchemy ``Connection`` (use it in a ``with`` block)."""
        return self._instance.connect()

    @property
    def engine(self) -> Any:
        """The SQLAlchemy ``Engine``."""
        return self._instance

    @property
    def driver(self) -> str:
        return self._instance.driver

    @property
    def session(self) -> Any:
        """A new SQLAlchemy ``Session`` (use it in a ``with`` block to write)."""
        from sqlalchemy.orm import Session

        return Session(self._instance)


_FIRST_PARTY: dict[str, type[BaseConnection]] = {"sql": SQLConnection}
_POOL: dict[Any, tuple[float, BaseConnection]] = {}
_POOL_LOCK = threading.Lock()


def _resolve(name: str, type: Any) -> type[BaseConnection]:
    cls = type
    if cls is None:
        if name in _FIRST_PARTY:
            return _FIRST_PARTY[name]
        section = secrets.get("connections", {}) if secrets.load_if_toml_exists() else {}
        conf = section.get(name) if isinstance(section, Mapping) else None
        if not isinstance(conf, Mapping) or "type" not in conf:
            raise NbstateAPIException(
                f"`st.connection('{name}')`: no type given, and secrets.toml has no "
                f"[connections.{name}] section with a type. Pass type= (\"sql\" or a "
                "BaseConnection subclass) or add the section.")
        cls = conf["type"]
    if isinstance(cls, str):
        if "." in cls:
            module, _, attr = cls.rpartition(".")
            cls = getattr(importlib.import_module(module), attr)
        elif cls in _FIRST_PARTY:
            cls = _FIRST_PARTY[cls]
        else:
            raise NbstateAPIException(
                f"`st.connection`: unknown connection type {cls!r}; nbstate has 'sql', or give "
                "a BaseConnection subclass (or its dotted import path).")
    if not (isinstance(cls, builtins.type) and issubclass(cls, BaseConnection)):
        raise NbstateAPIException(
            f"`st.connection`: type must be a subclass of nbstate.connections.BaseConnection, "
            f"got {cls!r}.")
    return cls


class _Unset:
    def __repr__(self) -> str:
        return "<unset>"


_UNSET: Any = _Unset()


def connection(name: str, type: Any = None, max_entries: int | None = None,
               ttl: float | _dt.timedelta | None = _UNSET, **kwargs: Any) -> Any:
    """A connection, created once per (name, type, arguments) and reused on every rerun.

    Example:
        >>> conn = st.connection("sql", url="sqlite:///data.db")        # doctest: +SKIP
        >>> st.dataframe(conn.query("select * from items", ttl=60))    # doctest: +SKIP
    """
    import os

    if name.startswith("env:"):
        name = os.environ[name.removeprefix("env:")]
    cls = _resolve(name, type)
    if ttl is _UNSET:
        ttl = None  # as Streamlit without a configured connection ttl: kept for good
    seconds = ttl.total_seconds() if isinstance(ttl, _dt.timedelta) else ttl
    key = (name, cls, repr(sorted(kwargs.items())))
    now = time.monotonic()
    with _POOL_LOCK:
        hit = _POOL.get(key)
        if hit is not None and (seconds is None or now - hit[0] <= seconds):
            return hit[1]
    conn = cls(name, **kwargs)
    with _POOL_LOCK:
        _POOL[key] = (now, conn)
        if max_entries is not None:
            same = [k for k in _POOL if k[0] == name and k[1] is cls]
            while len(same) > max_entries:
                _POOL.pop(same.pop(0), None)
    return conn
