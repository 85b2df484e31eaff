"""The data behind the grid of ``st.dataframe`` (core: no ipywidgets, no IPython).

A :class:`GridSource` wraps what the app passed (a pandas DataFrame or Series, a dict, a list, a
numpy array, a pyarrow Table, a polars DataFrame, a Styler ...) without converting it: a run
costs a cheap fingerprint of the data, and the frontend asks for the window of cells it shows
(``window``), sorted over all rows in the kernel (``order``). So a million-row frame costs the
kernel a few hundred cells per scroll, not a million rows per rerun.

The fingerprint decides whether the browser must fetch its window again after a rerun:

- small data (up to ``CONTENT_HASH_CELLS`` cells): a hash of the content, so an equal frame
  built anew by each rerun sends nothing;
- large data: the object's identity, its shape, column names, dtypes and the addresses of its
  buffers, plus a hash of 64 rows sampled across it. An unchanged frame costs O(1) per rerun.
  (A change made in place to a large frame outside the sampled rows, keeping its buffers, is
  seen when those cells are fetched again: windows are always read from the live data.)

Cells are formatted here, as Streamlit's grid formats them (numbers with up to four decimals,
no thousands separator; integers as integers; booleans stay booleans: the grid shows a
checkbox; missing values are ``None``), so that every frontend and test sees the same text.

Example:
    >>> import pandas as pd
    >>> src = GridSource(pd.DataFrame({"x": [3.14159, 2.0, None], "ok": [True, False, True]}))
    >>> [c["label"] for c in src.columns()]
    ['', 'x', 'ok']
    >>> src.window(0, 3, [1, 2], sort=(1, "asc"))["cells"]
    [['2', False], ['3.1416', True], [None, True]]
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import math
import numbers
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

from .errors import InvalidArgumentError

#: data of at most this many cells is fingerprinted by its content; larger data by identity
CONTENT_HASH_CELLS = 200_000
#: rows of a large frame hashed into its fingerprint
SAMPLE_ROWS = 64
#: the most cells one window request may ask for (a hostile or buggy client cannot make the
#: kernel format a million rows at once)
MAX_WINDOW_CELLS = 20_000


# -- conversion ------------------------------------------------------------------------------
def need_pandas() -> None:
    """Raise a clear error when pandas (the grid's data model) is not installed."""
    try:
        import pandas  # noqa: F401
    except ImportError:
        raise InvalidArgumentError(
            "`st.dataframe`, `st.data_editor` and `st.table` need pandas to hold the table's "
            "data: pip install pandas (or nbstate[data])") from None


def _module(x: Any) -> str:
    return type(x).__module__.split(".", 1)[0]


def is_styler(x: Any) -> bool:
    return type(x).__name__ == "Styler" and _module(x) == "pandas"


#: the rows a DB API cursor or a polars LazyFrame gives a table (Streamlit's limit for data
#: not loaded yet)
UNEVALUATED_ROWS = 10_000


def is_dbapi_cursor(obj: Any) -> bool:
    """A DB API 2.0 cursor (PEP 249): ``description``, ``fetchmany`` and ``fetchall``."""
    return all(hasattr(obj, a) for a in ("description", "fetchmany", "fetchall"))


def to_frame(data: Any, flatten: bool = True) -> Any:
    """``data`` as a pandas DataFrame, by Streamlit's rules (``convert_anything_to_pandas_df``):
    a Series is one column, a one-column frame with no name is called ``value``, a dict of
    scalars is a key-value column; MultiIndex columns are flattened as ``"a / b"`` (the grid
    shows them so) unless ``flatten`` is off (the data as a test reads it).

    Example:
        >>> to_frame({"a": 1, "b": 2}).to_dict()
        {'value': {'a': 1, 'b': 2}}
    """
    import numpy as np
    import pandas as pd

    if data is None:
        df = pd.DataFrame()
    elif isinstance(data, pd.DataFrame):
        df = data
    elif isinstance(data, (pd.Series, pd.Index)):
        df = pd.DataFrame(data)
    elif is_styler(data):
        df = data.data
    elif isinstance(data, np.ndarray):
        df = pd.DataFrame([]) if data.ndim == 0 else _fix_naming(pd.DataFrame(data))
    elif _module(data) == "pyarrow" and hasattr(data, "to_pandas"):
        df = data.to_pandas()
        if isinstance(df, pd.Series):
            df = df.to_frame()
    elif _module(data) == "polars" and hasattr(data, "to_pandas"):
        df = data.to_pandas()
        if isinstance(df, pd.Series):
            df = df.to_frame()
    elif hasattr(data, "to_pandas") and callable(data.to_pandas):
        df = pd.DataFrame(data.to_pandas())
    elif _module(data) == "polars" and hasattr(data, "collect"):  # a LazyFrame: its first rows
        df = data.limit(UNEVALUATED_ROWS).collect().to_pandas()
    elif is_dbapi_cursor(data):  # its first rows, columns named by its description
        names = [d[0] for d in data.description] if data.description else None
        df = pd.DataFrame(data.fetchmany(UNEVALUATED_ROWS), columns=names)
    elif callable(getattr(data, "__dataframe__", None)):  # the dataframe interchange protocol
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "The Dataframe Interchange Protocol")
            df = pd.api.interchange.from_dataframe(data)
    else:
        if isinstance(data, (set, frozenset)):
            data = list(data)
        try:
            df = _fix_naming(pd.DataFrame(data))
        except (ValueError, TypeError) as e:
            if isinstance(data, Mapping):
                try:
                    df = _fix_naming(pd.DataFrame.from_dict(dict(data), orient="index"))
                except (ValueError, TypeError):
                    df = None
            else:
                df = None
            if df is None:
                raise InvalidArgumentError(
                    f"`st.dataframe`: cannot show an object of type {type(data).__name__} as a "
                    "table; pass a pandas DataFrame or Series, a dict of columns, a list of "
                    f"rows or dicts, a numpy array or a pyarrow Table ({e}).") from None
    return flat_columns(df) if flatten else df


def flat_columns(df: Any) -> Any:
    """``df`` with MultiIndex columns flattened as ``"a / b"`` (a copy; else ``df`` itself)."""
    import pandas as pd

    if isinstance(df.columns, pd.MultiIndex):
        df = df.copy(deep=False)
        df.columns = [" / ".join(str(x) for x in c if str(x) != "") for c in df.columns]
    return df


def _fix_naming(df: Any) -> Any:
    if len(df.columns) == 1 and type(df.columns[0]) is int and df.columns[0] == 0:
        df = df.rename(columns={0: "value"})
    return df


# -- fingerprint ----------------------------------------------------------------------------
def _buffers(df: Any) -> tuple:
    out = []
    try:
        for blk in df._mgr.blocks:
            v = blk.values
            ptr = getattr(getattr(v, "ctypes", None), "data", None)
            out.append((id(v), ptr))
    except Exception:  # pandas internals differ between versions
        out.append((id(df), None))
    return tuple(out)


def _hash_frame(df: Any) -> str:
    import pandas as pd

    h = hashlib.blake2b(digest_size=16)
    h.update(repr((list(map(repr, df.columns)), [str(t) for t in df.dtypes],
                   type(df.index).__name__)).encode())
    try:
        h.update(pd.util.hash_pandas_object(df, index=True).to_numpy().tobytes())
    except Exception:  # unhashable cells (lists, dicts): hash their text
        h.update(repr(df.to_numpy(dtype=object).tolist()).encode())
        h.update(repr(list(df.index)).encode())
    return h.hexdigest()


def _sample_hash(df: Any) -> str:
    n = len(df)
    if n == 0:
        return ""
    step = max(1, n // SAMPLE_ROWS)
    pos = list(range(0, n, step))[:SAMPLE_ROWS] + [n - 1]
    part = df.iloc[pos]
    return _hash_frame(part)


def fingerprint(data: Any) -> tuple:
    """A value equal for two runs' data when the grid may keep what the browser shows.

    Example:
        >>> import pandas as pd
        >>> fingerprint(pd.DataFrame({"a": [1]})) == fingerprint(pd.DataFrame({"a": [1]}))
        True
    """
    import numpy as np
    import pandas as pd

    if isinstance(data, (pd.DataFrame, pd.Series)):
        df = data
        cells = df.shape[0] * (df.shape[1] if df.ndim == 2 else 1)
        if cells <= CONTENT_HASH_CELLS:
            return ("content", type(df).__name__, _hash_frame(_as2d(df)))
        return ("object", id(df), df.shape, tuple(map(repr, _as2d(df).columns)),
                tuple(str(t) for t in _as2d(df).dtypes), _buffers(_as2d(df)),
                _sample_hash(_as2d(df)))
    if is_styler(data):
        # a Styler's look depends on functions: its data's identity and content decide
        return ("styler", id(data), fingerprint(data.data))
    if _module(data) == "pyarrow" and hasattr(data, "num_rows") and hasattr(data, "schema"):
        # Arrow tables are immutable: identity and shape say everything
        return ("arrow", id(data), data.num_rows, str(data.schema))
    if _module(data) == "polars" and hasattr(data, "shape"):
        return ("polars", id(data), data.shape, str(getattr(data, "schema", "")))
    if isinstance(data, np.ndarray) and data.size > CONTENT_HASH_CELLS:
        return ("ndarray", id(data), data.shape, str(data.dtype), data.ctypes.data,
                hashlib.blake2b(np.ascontiguousarray(data[:: max(1, len(data) //
                                SAMPLE_ROWS)]).tobytes(), digest_size=16).hexdigest())
    # plain containers: converted on every run (as Streamlit does), compared by content
    return ("content", "other", _hash_frame(to_frame(data)))


def _as2d(df: Any) -> Any:
    return df.to_frame() if df.ndim == 1 else df


def identity(fp: tuple) -> tuple:
    """What of a fingerprint may be part of a widget's identity: its content, not the object
    (``st.cache_data`` hands each run a new copy of the same frame).

    Example:
        >>> import pandas as pd
        >>> identity(fingerprint(pd.DataFrame({"a": [1]}))) == identity(
        ...     fingerprint(pd.DataFrame({"a": [1]})))
        True
    """
    return _cheap(fp)


def _cheap(fp: tuple) -> tuple:
    """A large data's fingerprint without the object's identity and buffer addresses."""
    if fp[0] == "object":
        return fp[2:5] + fp[6:]
    if fp[0] in ("arrow", "polars"):
        return fp[2:]
    if fp[0] == "ndarray":
        return fp[2:4] + fp[5:]
    return fp


def _np_equal(a: Any, b: Any) -> bool:
    import numpy as np

    return bool(np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"))


_DEEP = {"object": lambda a, b: a.equals(b), "arrow": lambda a, b: a.equals(b),
         "polars": lambda a, b: a.equals(b), "ndarray": _np_equal}


# -- formatting -----------------------------------------------------------------------------
def _is_missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    try:
        import pandas as pd

        return v is pd.NaT or v is pd.NA or (not isinstance(v, (list, tuple, dict, str))
                                              and bool(pd.isna(v)) is True)
    except (TypeError, ValueError):
        return False


def _trim(s: str) -> str:
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def format_number(v: Any, fmt: str | None = None, precision: int | None = None) -> str:
    """A number as Streamlit's grid shows it (its ``formatNumber``): no format gives up to four
    decimals, trimmed (more for tiny numbers), no thousands separator; ``precision`` fixes the
    decimals (0 for integer columns); named formats (``"plain"``, ``"localized"``,
    ``"percent"``, ``"dollar"``, ``"euro"``, ``"yen"``, ``"accounting"``, ``"compact"``,
    ``"scientific"``, ``"engineering"``, ``"bytes"``) or a printf-style format.

    Example:
        >>> format_number(3.14159), format_number(1234567.5), format_number(7, precision=0)
        ('3.1416', '1234567.5', '7')
        >>> format_number(0.1234, "percent"), format_number(-1234.5, "accounting")
        ('12.34%', '(1,234.50)')
        >>> format_number(3.14159, "%.2f"), format_number(5, "$%d")
        ('3.14', '$5')
    """
    if isinstance(v, bool):
        v = int(v)
    try:
        f = float(v)
    except (TypeError, ValueError, OverflowError):
        return str(v)
    if math.isnan(f) or math.isinf(f):
        return ""
    if not fmt:
        if precision is not None:
            if precision == 0:
                return str(int(round(f))) if not isinstance(v, numbers.Integral) else str(int(v))
            return f"{f:.{precision}f}"
        if isinstance(v, numbers.Integral):
            return str(int(v))
        if f == 0 or abs(f) >= 1e-4:
            mant = 4
        else:
            mant = abs(int(f"{f:e}".split("e")[1]))
        return _trim(f"{f:.{mant}f}")
    if fmt == "plain":
        if isinstance(v, numbers.Integral):
            return str(int(v))
        import numpy as np  # the shortest digits that read back as the same float

        return np.format_float_positional(f, trim="-")
    if fmt == "localized":
        if precision is not None:
            return f"{f:,.{precision}f}"
        return _trim(f"{f:,.3f}")
    if fmt == "percent":
        p = max(precision - 2, 0) if precision is not None else None
        s = f"{f * 100:.{p if p is not None else 2}f}"
        return (s if p is not None else _trim(s)) + "%"
    if fmt in ("dollar", "euro", "yen"):
        sym = {"dollar": "$", "euro": "€", "yen": "¥"}[fmt]
        d = precision if precision is not None else (0 if fmt == "yen" else 2)
        s = f"{abs(f):,.{d}f}"
        return ("-" if f < 0 else "") + sym + s
    if fmt == "accounting":
        d = precision if precision is not None else 2
        s = f"{abs(f):,.{d}f}"
        return f"({s})" if f < 0 else s
    if fmt == "compact":
        for div, suf in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
            if abs(f) >= div:
                return _trim(f"{f / div:.1f}") + suf if abs(f / div) < 100 else \
                    f"{f / div:.0f}{suf}"
        return _trim(f"{f:.1f}") if abs(f) < 100 else f"{f:.0f}"
    if fmt == "scientific":
        m, e = f"{f:.3e}".split("e")
        return f"{_trim(m)}E{int(e)}"
    if fmt == "engineering":
        if f == 0:
            return "0E0"
        exp = int(math.floor(math.log10(abs(f)) / 3) * 3)
        return f"{_trim(f'{f / 10 ** exp:.3f}')}E{exp}"
    if fmt == "bytes":
        for div, suf in ((1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "kB")):
            if abs(f) >= div:
                return _trim(f"{f / div:.1f}") + suf
        return f"{f:.0f}B"
    try:
        if "%d" in fmt or "%i" in fmt:
            return fmt % int(round(f))
        return fmt % f
    except (TypeError, ValueError):
        return str(v)


def _moment_tokens(v: Any) -> list[tuple[str, Any]]:
    """momentJS format tokens (Streamlit's date formats), longest first, with their text."""
    h12 = (v.hour % 12 or 12) if hasattr(v, "hour") else 0
    d = [("YYYY", lambda: f"{v.year:04d}"), ("YY", lambda: f"{v.year % 100:02d}"),
         ("MMMM", lambda: v.strftime("%B")), ("MMM", lambda: v.strftime("%b")),
         ("MM", lambda: f"{v.month:02d}"), ("Do", lambda: _ordinal(v.day)),
         ("DD", lambda: f"{v.day:02d}"), ("dddd", lambda: v.strftime("%A")),
         ("ddd", lambda: v.strftime("%a")), ("M", lambda: str(v.month)),
         ("D", lambda: str(v.day))]
    t = [("HH", lambda: f"{v.hour:02d}"), ("hh", lambda: f"{h12:02d}"),
         ("mm", lambda: f"{v.minute:02d}"), ("ss", lambda: f"{v.second:02d}"),
         ("SSS", lambda: f"{v.microsecond // 1000:03d}"), ("H", lambda: str(v.hour)),
         ("h", lambda: str(h12)), ("A", lambda: "AM" if v.hour < 12 else "PM"),
         ("a", lambda: "am" if v.hour < 12 else "pm")]
    out = []
    if hasattr(v, "year"):
        out += d
    if hasattr(v, "hour"):
        out += t
    return sorted(out, key=lambda x: -len(x[0]))


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def moment_format(v: Any, fmt: str) -> str:
    """``v`` formatted by a momentJS format, as Streamlit's date columns take them
    (``[text]`` is literal text).

    Example:
        >>> moment_format(_dt.datetime(2024, 3, 5, 14, 7), "D MMM YYYY, h:mm a")
        '5 Mar 2024, 2:07 pm'
    """
    tokens = _moment_tokens(v)
    out, i = [], 0
    while i < len(fmt):
        if fmt[i] == "[":
            j = fmt.find("]", i)
            if j > i:
                out.append(fmt[i + 1:j])
                i = j + 1
                continue
        for tok, f in tokens:
            if fmt.startswith(tok, i):
                out.append(f())
                i += len(tok)
                break
        else:
            out.append(fmt[i])
            i += 1
    return "".join(out)


def format_temporal(v: Any, kind: str, fmt: str | None = None) -> str:
    """A date, time or datetime as Streamlit's grid shows it (``YYYY-MM-DD HH:mm:ss``;
    ``"iso8601"``, ``"localized"`` or a momentJS format).

    Example:
        >>> format_temporal(_dt.datetime(2024, 5, 1, 9, 30), "datetime")
        '2024-05-01 09:30:00'
    """
    if hasattr(v, "to_pydatetime"):
        v = v.to_pydatetime()
    if fmt == "iso8601":
        return v.isoformat()
    if fmt == "localized":
        return v.strftime({"date": "%b %d, %Y", "time": "%I:%M:%S %p"}.get(
            kind, "%b %d, %Y, %I:%M:%S %p"))
    if fmt and fmt != "distance":
        return moment_format(v, fmt)
    if kind == "date":
        return v.strftime("%Y-%m-%d")
    if kind == "time":
        s = v.strftime("%H:%M:%S")
        return s + (f".{v.microsecond // 1000:03d}" if v.microsecond else "")
    s = v.strftime("%Y-%m-%d %H:%M:%S")
    if getattr(v, "microsecond", 0):
        s += f".{v.microsecond // 1000:03d}"
    if getattr(v, "tzinfo", None) is not None:
        s += v.strftime("%z")[:3] + ":" + v.strftime("%z")[3:]
    return s


def column_kind(dtype: Any, sample: Any = None) -> str:
    """The grid's column type for a pandas dtype: ``int``, ``float``, ``bool``, ``datetime``,
    ``date``, ``time``, ``timedelta``, ``list``, ``text`` or ``object``.

    Example:
        >>> import numpy as np
        >>> column_kind(np.dtype("int64")), column_kind(np.dtype("float32"))
        ('int', 'float')
    """
    import pandas as pd
    from pandas.api import types as pt

    if pt.is_bool_dtype(dtype):
        return "bool"
    if pt.is_integer_dtype(dtype):
        return "int"
    if pt.is_float_dtype(dtype) or pt.is_complex_dtype(dtype):
        return "float"
    if pt.is_datetime64_any_dtype(dtype):
        return "datetime"
    if pt.is_timedelta64_dtype(dtype):
        return "timedelta"
    if isinstance(dtype, pd.CategoricalDtype):
        return "category"
    if pt.is_string_dtype(dtype) and not pt.is_object_dtype(dtype):
        return "text"
    if sample is not None:
        if isinstance(sample, bool):
            return "bool"
        if isinstance(sample, _dt.datetime):
            return "datetime"
        if isinstance(sample, _dt.date):
            return "date"
        if isinstance(sample, _dt.time):
            return "time"
        if isinstance(sample, (list, tuple)) or type(sample).__name__ == "ndarray":
            return "list"
        if isinstance(sample, str):
            return "text"
        if isinstance(sample, numbers.Integral):
            return "int"
        if isinstance(sample, numbers.Real):
            return "float"
    return "object"


_NUMERIC_TYPES = {"number", "progress"}


def format_cell(v: Any, col: dict) -> Any:
    """One cell as the grid shows it: text, a bool (a checkbox), ``None`` (missing), or a
    dict for the rich column types (``{"link", "text"}``, ``{"image"}``, ``{"progress",
    "text"}``, ``{"chart", "values"}``, ``{"list"}``).

    Example:
        >>> format_cell(0.5, {"kind": "float", "type": "progress", "min": 0, "max": 1})
        {'progress': 0.5, 'text': '0.5'}
    """
    if isinstance(v, (list, tuple)) or type(v).__name__ == "ndarray":
        items = list(v)
        ctype = col.get("type")
        if ctype in ("line_chart", "bar_chart", "area_chart"):
            return {"chart": ctype, "values": [float(x) for x in items
                                               if isinstance(x, numbers.Real)],
                    "y_min": col.get("y_min"), "y_max": col.get("y_max")}
        if ctype == "button":
            return {"button": [str(x) for x in items if not _is_missing(x)]}
        return {"list": [str(x) for x in items]}
    if _is_missing(v):
        return None
    kind = col.get("kind")
    ctype = col.get("type")
    fmt = col.get("format")
    if ctype == "markdown":
        return {"markdown": str(v), "html": markdown_html(str(v))}
    if ctype in ("audio", "video"):
        return {"media": ctype, "url": str(v)}
    if ctype == "button":
        return {"button": [str(v)]}
    if ctype == "multiselect" and isinstance(v, str):
        # a text cell in a multiselect column: its comma-separated options, as Streamlit
        return {"list": [x.strip() for x in v.split(",") if x.strip()]}
    if ctype == "checkbox" or (kind == "bool" and ctype in (None, "checkbox")):
        if isinstance(v, (bool, numbers.Integral)) or type(v).__name__ == "bool_":
            return bool(v)
    if ctype == "link":
        text = str(col.get("display_text") or v)
        if col.get("display_text") and "(" in text:
            import re

            m = re.search(str(col["display_text"]), str(v))
            text = m.group(1) if m and m.groups() else str(v)
        return {"link": str(v), "text": text}
    if ctype == "image":
        return {"image": str(v)}
    if ctype == "json":
        import json

        try:
            return json.dumps(v, default=str)
        except (TypeError, ValueError):
            return str(v)
    if ctype == "selectbox" and col.get("labels"):
        for o, label in col["labels"]:
            if o == v:
                return label
    if isinstance(v, numbers.Real) and not isinstance(v, bool) or type(v).__name__ == "bool_":
        if type(v).__name__ == "bool_":
            return bool(v)
        text = format_number(v, fmt or None)
        if ctype == "progress":
            lo: float = col["min"] if col.get("min") is not None else 0
            hi: float = col["max"] if col.get("max") is not None else (
                100 if kind == "int" else 1)
            frac = (float(v) - lo) / (hi - lo) if hi != lo else 0.0
            return {"progress": max(0.0, min(1.0, frac)), "text": text}
        return text
    if isinstance(v, _dt.datetime) or type(v).__name__ == "Timestamp":
        return format_temporal(v, "date" if ctype == "date" else
                               "time" if ctype == "time" else "datetime", fmt)
    if isinstance(v, _dt.date):
        return format_temporal(v, "date", fmt)
    if isinstance(v, _dt.time):
        return format_temporal(v, "time", fmt)
    if isinstance(v, bool):
        return v
    if isinstance(v, bytes):
        return v.decode("utf-8", "replace")
    return str(v)


@functools.lru_cache(maxsize=4096)
def markdown_html(text: str) -> str:
    """A markdown cell rendered for its overlay, as safely as ``st.markdown`` renders without
    ``unsafe_allow_html``: raw HTML escaped, ``javascript:`` and other unsafe links dropped
    (markdown-it-py's link check).

    Example:
        >>> markdown_html("**b** <i>x</i>")
        '<p><strong>b</strong> &lt;i&gt;x&lt;/i&gt;</p>\\n'
    """
    return _markdown_it().render(text)


@functools.lru_cache(maxsize=1)
def _markdown_it() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


# -- the source -----------------------------------------------------------------------------
class GridSource:
    """What an app passed to ``st.dataframe``, read lazily: see the module docstring.

    Two sources compare equal when their fingerprints do (the frontend keeps what it shows).
    """

    __slots__ = ("raw", "fp", "origin", "_frame", "_data", "_order", "_styled", "__weakref__")

    def __init__(self, data: Any, origin: Any = None) -> None:
        need_pandas()
        if is_dbapi_cursor(data):  # (its rows can be read once: read them now)
            data = to_frame(data, flatten=False)
        self.raw = data
        self.fp = fingerprint(data)
        #: for an edited copy (st.data_editor): each row's position in the data as passed
        #: (``None``: the rows are the data's own)
        self.origin = origin
        if origin is not None:
            import numpy as np

            if len(origin) == len(data) and np.array_equal(origin, np.arange(len(origin))):
                self.origin = None
            else:
                self.fp = (*self.fp, "origin", hashlib.blake2b(
                    np.asarray(origin, dtype=np.int64).tobytes(), digest_size=16).hexdigest())
        self._frame: Any = None
        self._data: Any = None
        self._order: tuple[Any, Any] | None = None
        self._styled: Any = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GridSource):
            return False
        a, b = self.fp, other.fp
        if a == b:
            return True
        # large data, another object with the same shape, columns and sampled rows (what
        # st.cache_data's fresh copy of a frame looks like): compare the data in full, at
        # memory speed (DataFrame.equals: ~20 ms for a million rows of ten columns)
        if a[0] != b[0] or a[0] not in _DEEP or _cheap(a) != _cheap(b):
            return False
        try:
            return bool(_DEEP[a[0]](self.raw, other.raw))
        except Exception:  # data that cannot be compared counts as changed
            return False

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<GridSource {type(self.raw).__name__} {self.nrows} rows>"

    @property
    def frame(self) -> Any:
        """The data as a DataFrame, MultiIndex columns flattened as the grid shows them."""
        if self._frame is None:
            self._frame = flat_columns(self.data)
        return self._frame

    @property
    def data(self) -> Any:
        """The data as a DataFrame, as given (read once: a cursor's rows are read here)."""
        if self._data is None:
            self._data = to_frame(self.raw, flatten=False)
        return self._data

    @property
    def nrows(self) -> int:
        return len(self.frame)

    # -- columns ---------------------------------------------------------------------
    def columns(self, column_config: Mapping | None = None, column_order: Sequence | None = None,
                hide_index: bool | None = None) -> list[dict]:
        """The columns as shown: the index column(s) first (unless hidden), then the data
        columns in ``column_order``; each a dict (``src``: ``("index", level)`` or
        ``("col", position)``, ``name``, ``label``, ``kind``, and what ``column_config`` says).
        A column configured as ``None`` or ``hidden`` is left out."""
        import pandas as pd

        df = self.frame
        config = dict(column_config or {})
        out: list[dict] = []
        if hide_index is None:
            # Streamlit hides a plain RangeIndex only when the config hides "_index"
            hide_index = False
        if not hide_index:
            idx = df.index
            names = list(idx.names) if isinstance(idx, pd.MultiIndex) else [idx.name]
            for level, name in enumerate(names):
                values = (idx.get_level_values(level) if isinstance(idx, pd.MultiIndex)
                          else idx)
                kind = column_kind(values.dtype, values[0] if len(values) else None)
                col = {"src": ("index", level), "name": "_index",
                       "label": "" if name is None else str(name), "index": True,
                       "kind": kind, "pinned": True,
                       # as Streamlit's editor: a RangeIndex (or a duration index) is not
                       # edited unless the "_index" column config says disabled=False
                       "disabled": type(idx) is pd.RangeIndex or kind == "timedelta"}
                out.append(_configure(col, config.get("_index", _UNSET)))
        names = [str(c) for c in df.columns]
        if column_order is not None:
            order = []
            for name in column_order:
                if str(name) in names:
                    order.append(names.index(str(name)))
        else:
            order = list(range(len(names)))
        for j in order:
            series = df.iloc[:, j]
            sample = None
            if series.dtype == object and len(series):
                nn = series.iloc[:50].dropna()
                sample = nn.iloc[0] if len(nn) else None
            col = {"src": ("col", j), "name": names[j], "label": names[j], "index": False,
                   "kind": column_kind(series.dtype, sample)}
            cfg = config.get(names[j], config.get(df.columns[j], config.get(j, _UNSET))) \
                if _hashable(df.columns[j]) else config.get(names[j], _UNSET)
            out.append(_configure(col, cfg))
        return [c for c in out if not c.get("hidden")]

    # -- sorting ---------------------------------------------------------------------
    def order(self, col: dict | None, ascending: bool = True) -> Any:
        """The row positions in the order of ``col`` (all rows, stable, missing values last),
        or ``None`` for the data's own order. The last one is cached."""
        if col is None:
            return None
        key = (col["src"], ascending)
        if self._order is not None and self._order[0] == key:
            return self._order[1]
        import numpy as np
        import pandas as pd

        values = self._values(col["src"], None)
        perm = _fast_order(values, ascending)
        if perm is not None:
            self._order = (key, perm)
            return perm
        s = pd.Series(values).reset_index(drop=True)
        try:
            perm = s.sort_values(ascending=ascending, na_position="last",
                                 kind="stable").index.to_numpy()
        except TypeError:  # mixed types: sort by their text, as the browser would
            text = s.map(lambda x: None if _is_missing(x) else str(x))
            perm = text.sort_values(ascending=ascending, na_position="last",
                                    kind="stable").index.to_numpy()
        perm = np.asarray(perm, dtype=np.int64)
        self._order = (key, perm)
        return perm

    def order_ready(self, col: dict | None, ascending: bool = True) -> bool:
        """Is the order of ``col`` known (no sort to do before a window of it)?"""
        return col is None or (self._order is not None
                               and self._order[0] == (col["src"], ascending))

    def _values(self, src: tuple, positions: Any) -> Any:
        import pandas as pd

        df = self.frame
        if src[0] == "index":
            idx = df.index
            vals = idx.get_level_values(src[1]) if isinstance(idx, pd.MultiIndex) else idx
            return vals if positions is None else vals[positions]
        s = df.iloc[:, src[1]]
        return s if positions is None else s.iloc[positions]

    # -- windows ---------------------------------------------------------------------
    def positions(self, r0: int, r1: int, sort: tuple[dict, bool] | None = None) -> list[int]:
        """The data row positions shown at display rows ``r0 .. r1 - 1``."""
        n = self.nrows
        r0, r1 = max(0, int(r0)), min(n, int(r1))
        if r1 <= r0:
            return []
        if sort is not None:
            perm = self.order(sort[0], sort[1])
            return perm[r0:r1].tolist()
        return list(range(r0, r1))

    def window(self, r0: int, r1: int, cols: Sequence[int], sort: tuple | None = None,
               columns: list[dict] | None = None, raw: bool = False) -> dict:
        """The cells of display rows ``r0 .. r1 - 1`` in the shown columns ``cols`` (indices
        into ``columns``), sorted by ``sort`` (``(column index, "asc" | "desc")``).

        Returns ``{"r0", "rows": [data row positions], "cols", "cells": [[cell, ...], ...]}``
        (plus ``"raw"``, the JSON values for editing, when ``raw``)."""
        if columns is None:
            columns = self.columns()
        cols = [int(c) for c in cols if 0 <= int(c) < len(columns)]
        r1 = min(int(r1), int(r0) + max(1, MAX_WINDOW_CELLS // max(1, len(cols))))
        sort_spec = None
        if sort is not None and sort[0] is not None and 0 <= int(sort[0]) < len(columns):
            sort_spec = (columns[int(sort[0])], sort[1] != "desc")
        pos = self.positions(r0, r1, sort_spec)
        styled = self._style() if is_styler(self.raw) else None
        cells: list[list[Any]] = [[] for _ in pos]
        raws: list[list[Any]] = [[] for _ in pos]
        for c in cols:
            spec = columns[c]
            vals = self._values(spec["src"], pos)
            vals = vals.tolist() if hasattr(vals, "tolist") else list(vals)
            for i, v in enumerate(vals):
                cell = format_cell(v, spec)
                if styled is not None and spec["src"][0] == "col":
                    cell = styled(pos[i], spec["src"][1], v, cell)
                cells[i].append(cell)
                if raw:
                    raws[i].append(to_json_value(v))
        rows = pos if self.origin is None else [int(self.origin[p]) for p in pos]
        out = {"r0": int(r0), "rows": rows, "cols": cols, "cells": cells}
        if raw:
            out["raw"] = raws
        return out

    def _style(self) -> Any:
        """For a Styler: a function that gives a cell its display text and colours, as
        Streamlit keeps them (the Styler's ``format`` and its CSS ``color`` /
        ``background-color``)."""
        if self._styled is None:
            st = self.raw
            st._compute()
            ctx = st.ctx
            funcs = st._display_funcs

            def styled(r: int, c: int, v: Any, cell: Any) -> Any:
                css = ";".join(f"{k}:{val}" for k, val in ctx.get((r, c), ())
                               if k in ("color", "background-color", "font-weight",
                                        "font-style"))
                text = cell
                f = funcs.get((r, c))
                if f is not None and not isinstance(cell, (bool, dict)):
                    try:
                        text = str(f(v))
                    except Exception:  # the formatter failed: the plain text
                        text = cell
                if css:
                    return {"text": text, "css": css}
                return text

            self._styled = styled
        return self._styled


def _fast_order(values: Any, ascending: bool) -> Any:
    """The stable order of a numeric column with numpy (missing values last), or ``None``
    for the other columns (sorted by pandas). About twice as fast as ``Series.sort_values``:
    10,000,000 floats in 1-2 s."""
    import numpy as np

    v = getattr(values, "array", values)
    v = getattr(v, "_ndarray", v)  # (a pandas NumpyExtensionArray: its numpy array)
    if not isinstance(v, np.ndarray) or v.dtype.kind not in "iufb":
        return None
    if ascending:
        return np.argsort(v, kind="stable").astype(np.int64, copy=False)
    if v.dtype.kind == "f":
        return np.argsort(-v, kind="stable").astype(np.int64, copy=False)  # (NaN stays last)
    # descending and stable for integers (no negation overflow): the ascending order of the
    # reversed values, mapped back and reversed
    n = len(v)
    return (n - 1 - np.argsort(v[::-1], kind="stable"))[::-1].astype(np.int64)


_UNSET: Any = object()


def _hashable(x: Any) -> bool:
    try:
        hash(x)
    except TypeError:
        return False
    return True


def _configure(col: dict, cfg: Any) -> dict:
    """Apply one column's ``column_config`` entry (None: hidden; a str: the label; a dict as
    ``st.column_config.*`` makes)."""
    if cfg is _UNSET:
        return col
    if cfg is None:
        col["hidden"] = True
        return col
    if isinstance(cfg, str):
        col["label"] = cfg
        return col
    if not isinstance(cfg, Mapping):
        raise InvalidArgumentError(
            f"`column_config` for column {col['name']!r} must be None, a label (str) or a "
            f"st.column_config.* value, got {type(cfg).__name__}.")
    for k in ("label", "width", "help", "disabled", "required", "pinned", "default",
              "hidden", "alignment"):
        if k in cfg and cfg[k] is not None:
            col[k] = cfg[k]
    tc = cfg.get("type_config") or {}
    if tc:
        col["type"] = tc.get("type")
        for k, v in tc.items():
            if k == "type" or v is None:
                continue
            col[{"min_value": "min", "max_value": "max"}.get(k, k)] = v
        if tc.get("type") in ("selectbox", "multiselect") and tc.get("options") is not None:
            col["labels"] = [(o.get("value"), o.get("label") or str(o.get("value")))
                             if isinstance(o, Mapping) else (o, str(o))
                             for o in tc["options"]]
            col["colors"] = [o.get("color") if isinstance(o, Mapping) else None
                             for o in tc["options"]]
    return col


def to_json_value(v: Any) -> Any:
    """A cell's value as JSON can carry it (for editing in the browser)."""
    if _is_missing(v) if not isinstance(v, (list, tuple, dict)) else False:
        return None
    if isinstance(v, bool) or type(v).__name__ == "bool_":
        return bool(v)
    if isinstance(v, numbers.Integral):
        return int(v)
    if isinstance(v, numbers.Real):
        return float(v)
    if isinstance(v, (_dt.date, _dt.time)) or type(v).__name__ == "Timestamp":
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return [to_json_value(x) for x in v]
    return str(v)


def column_meta(columns: list[dict]) -> list[dict]:
    """What the browser needs of each column (JSON): label, type, width, pinned, help."""
    out = []
    for c in columns:
        kind = c.get("kind")
        numeric = kind in ("int", "float") or c.get("type") in ("number", "progress")
        out.append({
            "label": str(c.get("label", "")), "name": str(c.get("name", "")),
            "kind": kind, "type": c.get("type") or "", "index": bool(c.get("index")),
            "width": c.get("width") if isinstance(c.get("width"), (str, int)) else "",
            "pinned": bool(c.get("pinned")), "help": str(c.get("help") or ""),
            "align": c.get("alignment") or ("right" if numeric and c.get("type") != "progress"
                                            else "center" if kind == "bool" else "left"),
            "disabled": bool(c.get("disabled")),
            "color": str(c.get("color") or ""),
            "required": bool(c.get("required")),
            "default": to_json_value(c["default"]) if c.get("default") is not None else None,
            "options": [to_json_value(o) for o, _ in c.get("labels") or ()],
            "option_labels": [str(label) for _, label in c.get("labels") or ()],
            "option_colors": [str(x) if x else "" for x in c.get("colors") or ()],
            "accept_new_options": bool(c.get("accept_new_options")),
            "button_type": str(c.get("button_type") or ""),
            "clickable": bool(c.get("clickable")),
        })
    return out
