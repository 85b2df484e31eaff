"""What ``st.write`` recognises an object as, by Streamlit 1.67's tests (its ``type_util`` and
``dataframe_util``): mostly the object's full type name, so no library is imported to test.

Each test is used by one row of ``st.write``'s table of rules (``display.py``).

Example:
    >>> import numpy as np
    >>> is_dataframe_like(np.arange(3)), is_json_like({"a": 1}), is_dataframe_like([1, 2])
    (True, True, False)
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import sys
import types
from collections import ChainMap, UserDict, UserList
from collections.abc import ItemsView, KeysView, Mapping, ValuesView
from operator import attrgetter
from typing import Any

from .layout import Container, ElementHandle, _Sidebar


def fqn(obj: Any) -> str:
    """The full name of ``obj``'s type: ``"pandas.core.frame.DataFrame"``."""
    t = type(obj)
    return f"{t.__module__}.{t.__qualname__}"


def _instance_of(obj: Any, module: str, *names: str) -> bool:
    """``isinstance(obj, module.name)`` for one of the (dotted) names, without importing
    ``module``: an object of a library's type exists only once the library is imported."""
    mod = sys.modules.get(module)
    return mod is not None and isinstance(obj, tuple(attrgetter(n)(mod) for n in names))


def has_callable_attr(obj: Any, name: str) -> bool:
    """``obj.name`` exists and is callable (a container's or element's handle offers every st
    function as a method: not taken for the object's own, as Streamlit's DeltaGenerator)."""
    return not is_delta_generator(obj) and callable(getattr(obj, name, None))


def is_delta_generator(obj: Any) -> bool:
    """A container, ``st.sidebar`` or an element's handle (Streamlit's ``DeltaGenerator``)."""
    return isinstance(obj, (Container, ElementHandle, _Sidebar))


# -- dataframe-like (Streamlit's is_dataframe_like) -------------------------------------------
#: formats Streamlit shows as a table that nbstate's st.dataframe reads through ``to_pandas``
#: (modin, Snowpark pandas, PySpark, xarray, Dask, Snowpark): taken when the object has one
_FRAMES_BY_NAME = frozenset({
    "modin.pandas.dataframe.DataFrame", "modin.pandas.series.Series",
    "snowflake.snowpark.modin.pandas.dataframe.DataFrame",
    "snowflake.snowpark.modin.pandas.series.Series",
    "snowflake.snowpark.modin.plugin.extensions.index.Index",
    "pyspark.sql.dataframe.DataFrame", "pyspark.sql.connect.dataframe.DataFrame",
    "xarray.core.dataset.Dataset", "xarray.core.dataarray.DataArray",
    "dask.dataframe.dask_expr._collection.DataFrame", "dask.dataframe.core.DataFrame",
    "dask.dataframe.dask_expr._collection.Series", "dask.dataframe.core.Series",
    "dask.dataframe.dask_expr._collection.Index", "dask.dataframe.core.Index",
    "snowflake.snowpark.dataframe.DataFrame", "snowflake.snowpark.table.Table",
})
_POLARS = frozenset({"polars.dataframe.frame.DataFrame", "polars.series.series.Series",
                     "polars.lazyframe.frame.LazyFrame"})
_DUCKDB_RELATIONS = frozenset({"duckdb._relation.DuckDBPyRelation", "_duckdb.DuckDBPyRelation",
                               "duckdb.duckdb.DuckDBPyRelation"})


def _is_pandas_like(obj: Any) -> bool:
    return (_instance_of(obj, "pandas", "DataFrame", "Series", "Index")
            or fqn(obj) == "pandas.io.formats.style.Styler"
            or _instance_of(obj, "pandas", "api.extensions.ExtensionArray"))


def _is_dbapi_cursor(obj: Any) -> bool:
    """A DB API 2.0 cursor (PEP 249), as Streamlit's runtime-checked protocol; a DuckDB
    relation, which has the same methods, is not one for Streamlit."""
    return fqn(obj) not in _DUCKDB_RELATIONS and all(
        hasattr(obj, a) for a in ("description", "fetchmany", "fetchall"))


def _is_series_mapping(obj: Any) -> bool:
    """``{column: pd.Series}`` (Streamlit's COLUMN_SERIES_MAPPING)."""
    if not isinstance(obj, Mapping) or not obj or isinstance(
            obj, (ChainMap, UserDict, types.MappingProxyType)) or is_custom_dict(obj) \
            or is_pydantic_model(obj):
        return False  # (key-value dicts for Streamlit, whatever their values)
    return _instance_of(next(iter(obj.values())), "pandas", "Series")


def is_dataframe_like(obj: Any) -> bool:
    """Shown by ``st.dataframe``: a pandas DataFrame, Series, Index, Styler or array, a numpy
    array, a pyarrow Table or Array, a polars DataFrame, Series or LazyFrame (its first
    rows), a DB API cursor, a dict of Series, and the other frames Streamlit knows when they
    have ``to_pandas``.

    Streamlit also shows modin, Dask and PySpark objects without ``to_pandas`` as tables:
    nbstate's st.dataframe cannot read them, so ``st.write`` leaves them to its later rules
    (their text, as before)."""
    if obj is None or isinstance(obj, (tuple, set, str, bytes, int, float, bool)):
        return False
    name = fqn(obj)
    return (_is_pandas_like(obj) or _instance_of(obj, "numpy", "ndarray")
            or _instance_of(obj, "pyarrow", "Table", "Array") or name in _POLARS
            or (name in _FRAMES_BY_NAME and has_callable_attr(obj, "to_pandas"))
            or _is_dbapi_cursor(obj) or _is_series_mapping(obj))


def is_pandas_compatible(obj: Any) -> bool:
    """An object with ``to_pandas`` or the dataframe interchange protocol's ``__dataframe__``
    (Streamlit's last try before text)."""
    return has_callable_attr(obj, "to_pandas") or has_callable_attr(obj, "__dataframe__")


# -- charts and images ------------------------------------------------------------------------
_ALTAIR = re.compile(r"^altair\.vegalite\.v\d+\.api\.\w*Chart$")
_GRAPHVIZ = frozenset({"graphviz.dot.Graph", "graphviz.dot.Digraph", "graphviz.graphs.Graph",
                       "graphviz.graphs.Digraph", "graphviz.sources.Source"})
_KERAS = frozenset({"keras.engine.sequential.Sequential", "keras.engine.training.Model",
                    "tensorflow.python.keras.engine.sequential.Sequential",
                    "tensorflow.python.keras.engine.training.Model"})
_PLOTLY_DICT_KEYS = frozenset({"config", "data", "frames", "layout"})


def is_altair_chart(obj: Any) -> bool:
    return bool(_ALTAIR.match(fqn(obj)))


def is_matplotlib_figure(obj: Any) -> bool:
    return fqn(obj) == "matplotlib.figure.Figure"


def _is_plotly_obj(obj: Any) -> bool:
    return type(obj).__module__.startswith("plotly.graph_objs")


def _is_list_of_plotly_objs(obj: Any) -> bool:
    return isinstance(obj, list) and bool(obj) and all(_is_plotly_obj(x) for x in obj)


def is_plotly_chart(obj: Any) -> bool:
    """A plotly Figure, a list of traces, or a figure dict (``{"data": [go.Bar(...)]}``)."""
    if fqn(obj) == "plotly.graph_objs._figure.Figure" or _is_list_of_plotly_objs(obj):
        return True
    return (isinstance(obj, dict) and bool(obj) and set(obj) <= _PLOTLY_DICT_KEYS
            and any(_is_plotly_obj(v) or _is_list_of_plotly_objs(v) for v in obj.values()))


def is_graphviz_chart(obj: Any) -> bool:
    return fqn(obj) in _GRAPHVIZ


def is_sympy_expression(obj: Any) -> bool:
    return fqn(obj).startswith("sympy") and _instance_of(obj, "sympy", "Expr")


def is_pillow_image(obj: Any) -> bool:
    """Any object of a type from PIL (Streamlit's test: ``PIL.*``)."""
    return fqn(obj).startswith("PIL.")


def is_keras_model(obj: Any) -> bool:
    return fqn(obj) in _KERAS


def is_pydeck(obj: Any) -> bool:
    return fqn(obj) == "pydeck.bindings.deck.Deck"


# -- JSON, streams, help ----------------------------------------------------------------------
_JSON_TYPES = (dict, list, map, enumerate, types.MappingProxyType, UserDict, ChainMap, UserList,
               ItemsView, KeysView, ValuesView)


def is_custom_dict(obj: Any) -> bool:
    """One of nbstate's own mappings with ``to_dict`` (``st.session_state``,
    ``st.query_params``, ``st.secrets``, ``st.user``), as Streamlit's custom dicts."""
    return (isinstance(obj, Mapping) and type(obj).__module__.startswith("nbstate")
            and has_callable_attr(obj, "to_dict"))


def is_namedtuple(obj: Any) -> bool:
    return isinstance(obj, tuple) and has_callable_attr(obj, "_asdict")


def is_pydantic_model(obj: Any) -> bool:
    """An instance (not the class) of a Pydantic model."""
    return not isinstance(obj, type) and "pydantic.main.BaseModel" in (
        f"{t.__module__}.{t.__qualname__}" for t in type(obj).__mro__)


def is_sequence_of_pydantic_models(obj: Any) -> bool:
    return isinstance(obj, (list, tuple, set, frozenset)) and bool(obj) and is_pydantic_model(
        next(iter(obj)))


def is_json_like(obj: Any) -> bool:
    """Shown by ``st.json``: dicts, lists and their views, namedtuples, Pydantic models."""
    return (isinstance(obj, _JSON_TYPES) or is_custom_dict(obj) or is_namedtuple(obj)
            or is_pydantic_model(obj) or is_sequence_of_pydantic_models(obj))


def is_stream(obj: Any) -> bool:
    """Shown by ``st.write_stream``: a generator (function), async generator (function) or an
    ``openai.Stream``."""
    return (inspect.isgenerator(obj) or inspect.isgeneratorfunction(obj)
            or inspect.isasyncgenfunction(obj) or inspect.isasyncgen(obj)
            or fqn(obj) == "openai.Stream")


_HELP_TYPES = (types.BuiltinFunctionType, types.BuiltinMethodType, types.FunctionType,
               types.MethodType, types.ModuleType)


def is_help_target(obj: Any) -> bool:
    """Described by ``st.help``: a function, method, module, class or dataclass (instance)."""
    return isinstance(obj, _HELP_TYPES) or dataclasses.is_dataclass(obj) or inspect.isclass(obj)


#: "<foo.Bar object at 0x10e4cfa90>": a str() that says nothing (Streamlit's)
MEM_ADDRESS = re.compile(r"^<[a-zA-Z_]+[a-zA-Z0-9<>._ ]* at 0x[0-9a-fA-F]+>$")
