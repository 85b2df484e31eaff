"""The page-level part of ``st``: ``set_page_config``, multipage apps (``navigation``, ``Page``,
``switch_page``, ``page_link``), ``query_params``, ``context``, ``user``/``login``/``logout`` and
``logo``.

A notebook app is one output, not a browser page, so each does the nearest useful thing:

- ``set_page_config``: the layout (``"wide"``: the whole output width; ``"centered"``:
  Streamlit's 736 px column) and the initial sidebar width go on the app's root element, which
  the live frontend applies; the title and icon are shown as the app's heading bar when set.
- ``navigation``: the pages are functions or ``.py`` files; the page menu is a list of page
  links in the sidebar (``position="top"``: above the main area); picking one, a
  ``page_link`` or ``switch_page`` runs that page. The current page belongs to the app.
- ``query_params``: a per-session mapping (in Voila, filled from the page URL's query; what
  the app writes stays in the session, the page's URL does not change).
- ``context``: theme (``theme.base``), locale and time zone of the kernel; URL and query in
  Voila; no request headers or cookies (a kernel sees no HTTP request): empty mappings.
- ``user``: nobody is logged in (``st.user.is_logged_in`` is ``False``); ``login()`` raises
  ``NoIdentityProviderError`` saying why.

Example (inside an app):
    >>> st.set_page_config(page_title="Sales", layout="wide")          # doctest: +SKIP
    >>> pg = st.navigation([st.Page(home), st.Page("reports.py")])     # doctest: +SKIP
    >>> pg.run()                                                       # doctest: +SKIP
"""

from __future__ import annotations

import datetime as _dt
import locale as _locale
import os
import re
import runpy
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import parse_qs, urlencode

from .elements import Element
from .errors import (
    InvalidArgumentError,
    NoIdentityProviderError,
    PageNotFoundError,
    RerunApp,
)
from .icons import check_icon
from .kinds import Kind, check_trigger, state_never
from .layout import ElementHandle, handle
from .params import ignored, size_ignored
from .run import ROOT_HOOKS, App, Session, _local, current, default_session, require

# -- set_page_config ------------------------------------------------------------------------
_SIDEBAR_STATES = ("auto", "expanded", "collapsed", "locked")


def set_page_config(page_title: str | None = None, page_icon: Any = None,
                    layout: str | None = None, initial_sidebar_state: Any = None,
                    menu_items: Mapping[str, Any] | None = None) -> None:
    """Configure the app's page: title and icon (the browser tab's, in Voila), layout
    (``"wide"`` fills the output, ``"centered"`` is Streamlit's narrow column) and the sidebar.
    Callable anywhere in the app, any number of times (the last call wins), as in 1.67.

    Example:
        >>> st.set_page_config(page_title="Sales", page_icon="📈", layout="wide")  # doctest: +SKIP
    """
    ctx = require("set_page_config")
    if layout not in (None, "centered", "wide"):
        raise InvalidArgumentError(
            f"`st.set_page_config`: layout must be 'centered' or 'wide', got {layout!r}.")
    width = None
    if isinstance(initial_sidebar_state, int) and not isinstance(initial_sidebar_state, bool):
        if initial_sidebar_state <= 0:
            raise InvalidArgumentError(
                "`st.set_page_config`: initial_sidebar_state as a width must be a positive "
                f"number of pixels, got {initial_sidebar_state}.")
        width, initial_sidebar_state = initial_sidebar_state, "auto"
    elif initial_sidebar_state not in (None, *_SIDEBAR_STATES):
        raise InvalidArgumentError(
            "`st.set_page_config`: initial_sidebar_state must be 'auto', 'expanded', "
            f"'collapsed', 'locked' or a width in pixels, got {initial_sidebar_state!r}.")
    if menu_items is not None:
        _check_menu_items(menu_items)
        ignored("set_page_config", "menu_items", menu_items,
                "a notebook app has no app menu of its own to put them in")
    if initial_sidebar_state in ("collapsed", "locked"):
        ignored("set_page_config", "initial_sidebar_state", initial_sidebar_state,
                "a notebook app's sidebar is always shown (it has no button to open it)")
    # a new dict each call: the trees of earlier runs keep what they showed
    page = dict(ctx.app.root_props.get("page", {}))
    for name, value in (("title", page_title), ("icon", _icon(page_icon)), ("layout", layout),
                        ("sidebar_state", initial_sidebar_state), ("sidebar_width", width),
                        ("menu_items", dict(menu_items) if menu_items else None)):
        if value is not None:
            page[name] = value
    ctx.app.root_props["page"] = page


def _icon(icon: Any) -> str | None:
    if isinstance(icon, str) and icon.startswith(":material"):  # (as Streamlit: so written)
        return check_icon(icon, "set_page_config", image_ok=True)
    if icon is None or isinstance(icon, str):
        return icon
    from .rich import _image_src

    return _image_src(icon, "auto")  # an image: shown as a small picture


def _check_menu_items(items: Mapping[str, Any]) -> None:
    for k, v in items.items():
        key = str(k).lower()
        if key not in ("get help", "report a bug", "about"):
            raise InvalidArgumentError(
                f'`st.set_page_config`: menu_items has an unknown key {k!r}; the keys are '
                '"Get help", "Report a bug" and "About".')
        if key != "about" and v is not None and not re.match(r"^(https?|mailto):", str(v)):
            raise InvalidArgumentError(
                f'`st.set_page_config`: menu_items["{k}"] must be a URL (http, https or '
                f"mailto), got {v!r}.")


# -- per-session and per-app state ---------------------------------------------------------------
_SESSION: weakref.WeakKeyDictionary[Session, dict[str, Any]] = weakref.WeakKeyDictionary()
_APP: weakref.WeakKeyDictionary[App, dict[str, Any]] = weakref.WeakKeyDictionary()


def _session() -> Session:
    ctx = current()
    if ctx is not None:
        return ctx.app.session
    return getattr(_local, "session", None) or default_session()


def session_extras(session: Session) -> dict[str, Any]:
    """What this module keeps per session (the query parameters, once read)."""
    extras = _SESSION.get(session)
    if extras is None:
        extras = _SESSION[session] = {}
    return extras


def _query_of(session: Session) -> dict[str, list[str]]:
    """The session's query parameters: the page's, when first read."""
    extras = session_extras(session)
    if "query" not in extras:
        extras["query"] = _initial_query()
    return extras["query"]


def _initial_query() -> dict[str, list[str]]:
    # Voila gives the kernel the page's query string in QUERY_STRING
    await_voila_request()
    return {k: list(v) for k, v in parse_qs(os.environ.get("QUERY_STRING", ""),
                                            keep_blank_values=True).items()}


def await_voila_request() -> None:
    """In a kernel Voila preheated (``--preheat_kernel``, as ``nbstate serve`` runs it), the
    notebook runs before anybody opens the page; what depends on the page's request (its
    query string, its URL) waits here until a visitor's request claims the kernel and Voila
    hands it over (in the environment, as for a kernel started per request). An app that
    reads neither runs in full ahead of the visit. Elsewhere this returns at once."""
    if os.environ.get("VOILA_PREHEAT") != "True":
        return
    from voila.utils import wait_for_request  # type: ignore[import-untyped]

    wait_for_request()
    os.environ["VOILA_PREHEAT"] = "False"  # (the request came: never wait for another)


def app_extras(app: App) -> dict[str, Any]:
    """What this module keeps per app (the current page)."""
    extras = _APP.get(app)
    if extras is None:
        extras = _APP[app] = {"page": None}
    return extras


# -- query_params --------------------------------------------------------------------------------
class QueryParams(MutableMapping[str, str]):
    """``st.query_params``: the session's query parameters. A key reads as its last value
    (``get_all`` gives every value); values are stored as strings, as in Streamlit.

    Example:
        >>> qp = QueryParams()
        >>> qp["tab"] = "sales"
        >>> qp.to_dict()
        {'tab': 'sales'}
        >>> qp.clear()
    """

    _bound: Session | None

    def __init__(self, session: Session | None = None) -> None:
        # bound to one session (AppTest, a frontend), else the session of the run under way
        object.__setattr__(self, "_bound", session)

    def _data(self) -> dict[str, list[str]]:
        return _query_of(self._bound or _session())

    def __getitem__(self, key: str) -> str:
        try:
            values = self._data()[key]
        except KeyError:
            raise KeyError(f'st.query_params has no key "{key}".') from None
        return values[-1] if values else ""

    def _written(self) -> None:
        # from now on the page's URL follows the app's query (see _query_on_root)
        session_extras(self._bound or _session())["query_written"] = True

    def __setitem__(self, key: str, value: Any) -> None:
        self._written()
        if isinstance(value, dict):
            raise InvalidArgumentError(
                f"`st.query_params`: a value cannot be a dict (key {key!r}); use a string or "
                "a list of strings.")
        if isinstance(value, (list, tuple, set)):
            self._data()[key] = [str(v) for v in value]
        else:
            self._data()[key] = [str(value)]

    def __delitem__(self, key: str) -> None:
        self._written()
        try:
            del self._data()[key]
        except KeyError:
            raise KeyError(f'st.query_params has no key "{key}".') from None

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._data()))

    def __len__(self) -> int:
        return len(self._data())

    def __getattr__(self, key: str) -> str:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError:
            raise AttributeError(f'st.query_params has no attribute "{key}".') from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError:
            raise AttributeError(f'st.query_params has no attribute "{key}".') from None

    def get_all(self, key: str) -> list[str]:
        """Every value of ``key`` (``[]`` if absent)."""
        return list(self._data().get(key, []))

    def to_dict(self) -> dict[str, str]:
        """Each key with its last value."""
        return {k: self[k] for k in self._data()}

    def from_dict(self, params: Mapping[str, Any]) -> None:
        """Replace every parameter with ``params``."""
        self._written()
        data = self._data()
        data.clear()
        for k, v in params.items():
            self[k] = v

    def update(self, other: Any = (), /, **kwds: Any) -> None:  # type: ignore[override]
        items = other.items() if hasattr(other, "items") else other
        for k, v in [*items, *kwds.items()]:
            self[k] = v

    def to_query_string(self) -> str:
        return urlencode([(k, v) for k, vs in self._data().items() for v in vs])

    def __repr__(self) -> str:
        return repr(self.to_dict())


def _query_on_root(app: App, props: dict[str, Any]) -> None:
    """Once the app's session has written ``st.query_params``, each tree's root carries its
    query string (``props["page"]["query"]``): a frontend that has a page URL (Voila) puts it
    there, as Streamlit's frontend does. Until then the URL is left as the page was opened."""
    extras = session_extras(app.session)
    if extras.get("query_written"):
        props["page"] = {**props.get("page", {}),
                         "query": QueryParams(app.session).to_query_string()}


ROOT_HOOKS.append(_query_on_root)


query_params = QueryParams()


# -- context -------------------------------------------------------------------------------------
class _Theme(dict):
    @property
    def type(self) -> str | None:
        return self.get("type")


class Context:
    """``st.context``: what is known of the reader's browser, as far as a kernel knows it.

    Example:
        >>> Context().headers
        {}
    """

    @property
    def theme(self) -> _Theme:
        """``theme.type`` is ``"light"`` or ``"dark"`` from the ``theme.base`` option, else
        ``None`` (the notebook's own theme is not visible to the kernel)."""
        from .config import get_option

        base = get_option("theme.base")
        return _Theme(type=base if base in ("light", "dark") else None)

    @property
    def locale(self) -> str | None:
        """The kernel's locale as a BCP 47 tag (``"en-US"``)."""
        loc = _locale.getlocale()[0] or os.environ.get("LANG", "").split(".")[0] or None
        return loc.replace("_", "-") if loc and loc not in ("C", "POSIX") else None

    @property
    def timezone(self) -> str | None:
        """The kernel's time zone name (``TZ``, else the system's)."""
        return os.environ.get("TZ") or _dt.datetime.now().astimezone().tzname()

    @property
    def timezone_offset(self) -> int | None:
        """Minutes to add to local time to get UTC, as JavaScript's ``getTimezoneOffset``."""
        off = _dt.datetime.now().astimezone().utcoffset()
        return None if off is None else int(-off.total_seconds() // 60)

    @property
    def headers(self) -> dict[str, str]:
        """No HTTP request reaches a kernel: always empty."""
        return {}

    @property
    def cookies(self) -> dict[str, str]:
        """No HTTP request reaches a kernel: always empty."""
        return {}

    @property
    def ip_address(self) -> str | None:
        return None

    @property
    def is_embedded(self) -> bool:
        return False

    @property
    def url(self) -> str | None:
        """In Voila, the page's URL (from the request data Voila gives the kernel)."""
        await_voila_request()
        env = os.environ
        if "SERVER_NAME" not in env or "SCRIPT_NAME" not in env:
            return None
        port = env.get("SERVER_PORT", "")
        host = env["SERVER_NAME"] + (f":{port}" if port and port not in ("80", "443") else "")
        path = env.get("SCRIPT_NAME", "") + env.get("PATH_INFO", "")
        query = env.get("QUERY_STRING", "")
        return f"http://{host}{path}" + (f"?{query}" if query else "")

    def __repr__(self) -> str:
        return f"st.context(theme={self.theme!r}, locale={self.locale!r})"


context = Context()


# -- user / login / logout -----------------------------------------------------------------------
class UserInfo(Mapping[str, Any]):
    """``st.user``: nobody is logged in to a notebook app, so only ``is_logged_in`` (False).

    Example:
        >>> UserInfo().is_logged_in
        False
    """

    _info = {"is_logged_in": False}

    def __getitem__(self, key: str) -> Any:
        try:
            return self._info[key]
        except KeyError:
            raise KeyError(f'st.user has no key "{key}": nobody is logged in to a notebook '
                           "app (there is no identity provider).") from None

    def __getattr__(self, key: str) -> Any:
        if key.startswith("_"):
            raise AttributeError(key)
        try:
            return self[key]
        except KeyError as e:
            raise AttributeError(e.args[0]) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._info)

    def __len__(self) -> int:
        return len(self._info)

    def to_dict(self) -> dict[str, Any]:
        return dict(self._info)

    def __repr__(self) -> str:
        return repr(self._info)


user = UserInfo()


def login(provider: str | None = None) -> None:
    """Streamlit's OIDC login: a notebook has no identity provider, so this raises.

    Example:
        >>> login()
        Traceback (most recent call last):
        ...
        nbstate.errors.NoIdentityProviderError: ...
    """
    raise NoIdentityProviderError(
        "`st.login()` cannot log anyone in: a notebook app has no identity provider (Streamlit "
        "logs in through an OIDC provider configured in the [auth] section of secrets.toml "
        "and served by its web server). The person at the notebook already runs its kernel; "
        "check `st.user.is_logged_in` (always False here) and skip the login step, or ask "
        "for a name or a token with `st.text_input` and check it yourself.")


def logout() -> None:
    """Nobody is logged in to a notebook app, so there is nobody to log out: does nothing.

    Example:
        >>> logout()
    """


# -- logo ----------------------------------------------------------------------------------------
def logo(image: Any, *, size: str = "medium", link: str | None = None,
         icon_image: Any = None) -> None:
    """The app's logo, pinned where Streamlit puts it wherever it is called: at the top of
    the sidebar when the app has one, else at the top-left of the app. The last call of a run
    wins; a run that does not call it shows none. A link if ``link`` is given; ``icon_image``
    is what Streamlit shows when its sidebar is collapsed (a notebook's sidebar is always
    open, so it is kept for the static picture's narrow view only).

    Example:
        >>> st.logo("logo.png", link="https://example.com")             # doctest: +SKIP
    """
    from .rich import _image_src

    ctx = require("logo")
    if size not in ("small", "medium", "large"):
        raise InvalidArgumentError(
            f"`st.logo`: size must be 'small', 'medium' or 'large', got {size!r}.")
    if link is not None and not re.match(r"^https?://", str(link)):
        raise InvalidArgumentError(f"`st.logo`: link must be an http(s) URL, got {link!r}.")
    # not emitted here: the run's root holds it (run.App._root), the frontends pin it
    ctx.logo = Element("logo", props={
        "src": _image_src(image, "auto"), "size": size, "link": link,
        "icon_src": _image_src(icon_image, "auto") if icon_image is not None else None})
    ctx.flush()


# -- pages ---------------------------------------------------------------------------------------
def _title_from_name(name: str) -> tuple[str, str]:
    """(icon, title) from a file stem such as ``1_📈_Plotting``, as Streamlit infers them."""
    stem = re.sub(r"^[0-9]+[_ -]*", "", name)
    parts = stem.split("_", 1)
    icon = ""
    if len(parts) == 2 and parts[0] and not parts[0].isascii():
        icon, stem = parts[0], parts[1]
    return icon, stem.replace("_", " ").strip()


class Page:
    """A page of a multipage app: a function or a ``.py`` file (relative to the working
    directory), with its title, icon and URL path, as Streamlit's ``st.Page``.

    Example:
        >>> def sales(): pass
        >>> p = Page(sales, icon="💰")
        >>> p.title, p.url_path
        ('sales', 'sales')
    """

    def __init__(self, page: str | Path | Callable[[], None], *, title: str | None = None,
                 icon: str | None = None, url_path: str | None = None, default: bool = False,
                 visibility: str = "visible", help: str | None = None) -> None:
        if visibility not in ("visible", "hidden"):
            raise InvalidArgumentError(
                f"`st.Page`: visibility must be 'visible' or 'hidden', got {visibility!r}.")
        self._page: Path | Callable[[], None]
        inferred_icon = ""
        if isinstance(page, (str, Path)):
            path = Path(page)
            if not path.is_absolute():
                path = Path(os.getcwd()) / path
            path = path.resolve()
            if not path.is_file():
                raise PageNotFoundError(
                    f"`st.Page`: no page file at {path} (a page is a function, or a .py file "
                    "relative to the notebook's working directory).")
            self._page = path
            inferred_icon, inferred = _title_from_name(path.stem)
            name = inferred.replace(" ", "_")
        elif callable(page):
            self._page = page
            name = inferred = getattr(page, "__name__", "")
            if not name and title is None:
                raise InvalidArgumentError(
                    "`st.Page`: cannot infer a title from this callable; pass title=.")
            inferred = inferred.replace("_", " ")
        else:
            raise InvalidArgumentError(
                f"`st.Page`: page must be a function or a path to a .py file, got "
                f"{type(page).__name__}.")
        self.title: str = title or inferred
        if not self.title.strip():
            raise InvalidArgumentError("`st.Page`: the title cannot be empty.")
        self.icon: str = check_icon(icon, "Page", self.title) if icon is not None \
            else inferred_icon
        path_ = url_path if url_path is not None else (name or self.title)
        self.url_path: str = re.sub(r"[\s/?#&]+", "_", path_.strip().strip("/")) or "page"
        self.default = bool(default)
        self.visibility = visibility
        self.help = help
        self._can_be_called = True

    def run(self) -> None:
        """Run the page (call the function, or execute the file as ``__main__``)."""
        require("Page.run")
        if callable(self._page):
            self._page()
        else:
            runpy.run_path(str(self._page), run_name="__main__")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Page) and other.url_path == self.url_path

    def __hash__(self) -> int:
        return hash(self.url_path)

    def __repr__(self) -> str:
        return f"Page(title={self.title!r}, url_path={self.url_path!r})"


def _as_page(p: Any) -> Page:
    return p if isinstance(p, Page) else Page(p)


def navigation(pages: Any, *, position: str = "sidebar", expanded: bool | int = False) -> Page:
    """Declare the app's pages; returns the current one (call its ``.run()``). The page menu
    is a list of page links in the sidebar (``position="top"``: above the main area;
    ``"hidden"``: none). ``expanded``, as in Streamlit: a sidebar menu of 3 or more pages
    beyond its limit (10, or ``expanded`` if a positive int) shows the first pages and a
    "View N more" button (then "View less"); ``expanded=True`` always shows every page.

    Example:
        >>> pg = st.navigation([st.Page(home, default=True), st.Page(settings)])  # doctest: +SKIP
        >>> pg.run()                                                   # doctest: +SKIP
    """
    ctx = require("navigation")
    if position not in ("sidebar", "hidden", "top"):
        raise InvalidArgumentError(
            f"`st.navigation`: position must be 'sidebar', 'hidden' or 'top', got {position!r}.")
    if isinstance(expanded, bool) or expanded is None:
        limit = None if expanded else _NAV_VISIBLE
    elif isinstance(expanded, int) and expanded >= 0:
        limit = expanded or _NAV_VISIBLE
    else:
        raise InvalidArgumentError(
            f"`st.navigation`: expanded must be True, False or a non-negative int, got "
            f"{expanded!r}.")
    sections: list[tuple[str, list[Page]]]
    if isinstance(pages, Mapping):
        sections = [(str(k), [_as_page(p) for p in v]) for k, v in pages.items()]
    elif isinstance(pages, Iterable) and not isinstance(pages, (str, bytes)):
        sections = [("", [_as_page(p) for p in pages])]
    else:
        raise InvalidArgumentError("`st.navigation` needs a list of pages (or a dict of "
                                   "section name -> list of pages).")
    every = [p for _, ps in sections for p in ps]
    if not every:
        raise InvalidArgumentError("`st.navigation` needs at least one page.")
    # Streamlit shows `expanded` pages and a "View more" button for the others (10 for the
    # default False: not worth a warning for every app with many pages)
    if not isinstance(expanded, bool) and isinstance(expanded, int) and len(every) > expanded:
        ignored("navigation", "expanded", expanded,
                "the notebook's list of pages always shows every page")
    seen: set[str] = set()
    for p in every:
        if p.url_path in seen:
            raise InvalidArgumentError(
                f"`st.navigation`: two pages have the URL path {p.url_path!r}; give them "
                "different url_path= values.")
        seen.add(p.url_path)
    defaults = [p for p in every if p.default]
    if len(defaults) > 1:
        raise InvalidArgumentError("`st.navigation`: only one page can have default=True.")
    extras = app_extras(ctx.app)
    extras["pages"] = {p.url_path: p for p in every}
    chosen = extras.get("page")
    page = next((p for p in every if chosen is not None and _matches(p, chosen)), None)
    if page is None:
        page = defaults[0] if defaults else every[0]
        extras["page"] = page.url_path
    visible = [(s, [p for p in ps if p.visibility == "visible"]) for s, ps in sections]
    if position != "hidden" and sum(len(ps) for _, ps in visible) > 1:
        from .layout import Container, sidebar

        if position == "sidebar":
            holder = sidebar._container()
        else:
            holder = None
        menu = Element("navigation", props={"position": position}, children=[])
        if holder is not None:
            with holder:
                ctx.emit(menu)
        else:
            ctx.emit(menu)
        n = sum(len(ps) for _, ps in visible)
        collapsible = position == "sidebar" and limit is not None and n >= limit + 3
        shown: int = limit if collapsible and limit is not None and not extras.get("nav_open") \
            else n
        with Container(menu, ctx, form=None):
            for section, ps in visible:
                if shown <= 0:
                    break
                if section:
                    ctx.emit(Element("caption", props={"body": section,
                                                       "unsafe_allow_html": False}))
                for p in ps[:shown]:
                    _link(ctx, p, p.title, p.icon, p.help, False, nav=True,
                          current=p.url_path == page.url_path)
                shown -= len(ps)
            if collapsible:
                _fold_button(ctx, extras, n - (limit or 0))
    return page


#: how many pages a collapsed sidebar menu shows (Streamlit's default)
_NAV_VISIBLE = 10


def _fold_button(ctx: Any, extras: dict[str, Any], more: int) -> None:
    """The "View N more" / "View less" button under a long page menu."""
    from .widgets import button

    def flip() -> None:
        extras["nav_open"] = not extras.get("nav_open")

    label = "View less" if extras.get("nav_open") else f"View {more} more"
    button(label, key=None, on_click=flip, type="tertiary")


def _find_page(ctx: Any, page: Any, func: str) -> Page:
    pages: dict[str, Page] = app_extras(ctx.app).get("pages") or {}
    if isinstance(page, Page):
        if page.url_path in pages:
            return pages[page.url_path]
        raise PageNotFoundError(
            f"`st.{func}`: the page {page.title!r} is not one of the pages given to "
            "st.navigation in this run.")
    target = str(page)
    for p in pages.values():
        if _matches(p, target):
            return p
    known = ", ".join(repr(p.url_path) for p in pages.values()) or "none: call st.navigation"
    raise PageNotFoundError(
        f"`st.{func}`: could not find page {target!r}. Pages: {known}.")


def _matches(p: Page, target: str) -> bool:
    """``target`` names page ``p``: its URL path, its title, or its file's path or name."""
    if target in (p.url_path, p.title):
        return True
    if callable(p._page):
        return False
    return Path(target).name == p._page.name or Path(os.getcwd(), target).resolve() == p._page


def switch_page(page: str | Path | Page, *, query_params: Any = None) -> NoReturn:
    """Go to another page of ``st.navigation`` (by ``Page``, file path, URL path or title):
    ends this run and runs that page.

    Example:
        >>> if st.button("Settings"):                                   # doctest: +SKIP
        ...     st.switch_page(settings_page)
    """
    ctx = require("switch_page")
    p = _find_page(ctx, page, "switch_page")
    app_extras(ctx.app)["page"] = p.url_path
    if query_params is not None:
        QueryParams(ctx.app.session).from_dict(dict(query_params))
    raise RerunApp("app")


#: a page link is button-like: a click is the value True for one run (its callback switches
#: the page before that run)
PAGE_LINK = Kind("page_link", check_trigger, state_never, button_like=True, settable=False,
                 callback="on_click", value_type="bool")


def _link(ctx: Any, page: Page, label: str | None, icon: str | None, help: str | None,
          disabled: bool, *, nav: bool = False, current: bool = False) -> None:
    app = ctx.app

    def go() -> None:
        app_extras(app)["page"] = page.url_path

    label = label or page.title
    ctx.widget(PAGE_LINK, label, None, ("page", page.url_path, nav),
               {"label": label, "icon": icon or None, "help": help, "disabled": bool(disabled),
                "label_visibility": "visible", "page": page.url_path, "current": current,
                "url": None},
               False, False, go)


def page_link(page: str | Path | Page, *, label: str | None = None, icon: str | None = None,
              icon_position: str = "left", help: str | None = None, disabled: bool = False,
              use_container_width: bool | None = None, width: Any = "content",
              query_params: Any = None) -> ElementHandle:
    """A link to a page of ``st.navigation`` (clicking it runs that page), or to an external
    ``http(s)`` URL (opened in a new tab).

    Example:
        >>> st.page_link(settings_page, label="Settings", icon="⚙️")     # doctest: +SKIP
        >>> st.page_link("https://streamlit.io", label="Streamlit")     # doctest: +SKIP
    """
    size_ignored("page_link", width, "content", use_container_width=use_container_width)
    ctx = require("page_link")
    size_ignored("page_link", width, "content", use_container_width)
    if icon_position not in ("left", "right"):
        raise InvalidArgumentError(
            f"`st.page_link`: icon_position must be 'left' or 'right', got {icon_position!r}.")
    icon = check_icon(icon, "page_link", label)
    if isinstance(page, str) and re.match(r"^https?://", page):
        if not label:
            raise InvalidArgumentError(
                f"`st.page_link` to the URL {page!r} needs a label.")
        return handle(ctx, Element("page_link", props={
            "label": label, "icon": icon, "help": help, "disabled": bool(disabled), "url": page,
            "page": None, "current": False}))
    p = _find_page(ctx, page, "page_link")
    if query_params is not None:
        qp = dict(query_params)
        app = ctx.app

        def go_with_query() -> None:
            app_extras(app)["page"] = p.url_path
            QueryParams(app.session).from_dict(qp)

        label_ = label or p.title
        ctx.widget(PAGE_LINK, label_, None, ("page", p.url_path, False),
                   {"label": label_, "icon": icon, "help": help, "disabled": bool(disabled),
                    "label_visibility": "visible", "page": p.url_path,
                    "current": app_extras(app).get("page") == p.url_path, "url": None},
                   False, False, go_with_query)
        return _last_handle(ctx)
    _link(ctx, p, label, icon, help, disabled,
          current=app_extras(ctx.app).get("page") == p.url_path)
    return _last_handle(ctx)


def _last_handle(ctx: Any) -> ElementHandle:
    """The handle of the element the run has just emitted (a page link is a widget: what
    ``st.page_link`` returns is its element's handle, as in Streamlit)."""
    parent = ctx.stack[-1]
    return ElementHandle(parent.children[-1], ctx, parent)
