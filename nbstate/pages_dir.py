"""Multipage apps made of a ``pages/`` folder (Streamlit's first multipage API).

A script app (``%app --file app.py``, ``run_app("app.py")``, ``AppTest.from_file``) whose
folder holds a ``pages/`` folder of ``.py`` files is a multipage app, as under
``streamlit run``: its sidebar lists the script (the main page, first) and each page file in
Streamlit's order (leading number, then name; ``1_📈_Plotting.py`` is "Plotting" with its
icon); a click on one, ``st.switch_page("pages/2_About.py")``, ``st.page_link`` or
``AppTest.switch_page`` runs that file instead of the script, with the same session state.
This is ``st.navigation`` over those pages, as Streamlit 1.67 builds it; a script that calls
``st.navigation`` itself disregards the folder (Streamlit does too, after a first run that
shows both). ``client.showSidebarNavigation = false`` in ``.streamlit/config.toml`` hides
the menu.

Example (a folder with ``app.py`` and ``pages/1_About.py``):
    >>> [p.name for p in page_files("app.py")]                    # doctest: +SKIP
    ['1_About.py']
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from pathlib import Path
from types import CodeType

from .config import get_option
from .page import Page, navigation
from .run import SCRIPT_RUNNERS, App

_PAGE_FILE = re.compile(r"([0-9]*)[_ -]*(.*)\.py")


def _sort_key(path: Path) -> tuple[float, str]:
    """Streamlit's order of page files: by leading number (none: last), then by name."""
    number, label = _PAGE_FILE.findall(path.name)[0]
    return (float(number) if number else math.inf, label.lower())


def page_files(main_script: str | os.PathLike) -> list[Path]:
    """The page files of the ``pages/`` folder beside ``main_script``, in menu order."""
    folder = Path(main_script).resolve().parent / "pages"
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.glob("*.py")
                   if not p.name.startswith(".") and p.name != "__init__.py"), key=_sort_key)


def _names(code: CodeType) -> set[str]:
    """Every name the code (and the functions in it) refers to."""
    out = set(code.co_names)
    for c in code.co_consts:
        if isinstance(c, CodeType):
            out |= _names(c)
    return out


def run_with_pages(app: App, run_main: Callable[[], None]) -> bool:
    """Run a script app as the main page of its ``pages/`` folder's menu, or the page the
    session is on; False (nothing run) for an app with no such folder or one that calls
    ``st.navigation`` itself."""
    if app.func is not None or app.code is None or not os.path.isfile(app.filename):
        return False
    pages = page_files(app.filename)
    if not pages or "navigation" in _names(app.code):
        return False
    main = Page(os.path.abspath(app.filename), default=True)
    position = "hidden" if get_option("client.showSidebarNavigation") is False else "sidebar"
    page = navigation([main, *(Page(p) for p in pages)], position=position)
    if page.url_path == main.url_path:
        run_main()  # (the script's code as compiled for this run, not read again)
    else:
        page.run()
    return True


SCRIPT_RUNNERS.append(run_with_pages)
