"""Streamlit's look for the live frontend: the app stylesheet and the widgets ipywidgets draws
differently from Streamlit (anywidget classes: no lab extension, no build step).

- The stylesheet ``nbstate/js/app.css`` (label above its widget, widgets as wide as their
  container, Streamlit's spacing, type scale, colours, buttons, sidebar; light and dark, after
  the notebook's theme) is loaded once per app, with the app's ``StaleMarker``, and scoped to
  the app's root class, so it never restyles the notebook. The marker's module also draws the
  sidebar's chevron and resize handle and collapses the sidebar while the app is narrow, and
  makes Enter in a form's field submit the form.
- ``Toggle``: ``st.toggle`` as a switch (``role="switch"``); its value is the ``value`` trait.
- ``Toast``: ``st.toast`` as Streamlit's floating card: the browser puts it in one stack fixed
  to the window's top-right corner (outside the notebook's scrolling, clipping output area),
  under the toasts before it; it fades after its ``duration`` and has a close button.
- ``MultiSelect``: ``st.multiselect`` as tags with a dropdown that typing filters, where a
  plain click on an option adds it (ipywidgets' ``SelectMultiple`` is a native listbox: a
  click replaces the selection). Its value is the ``index`` trait, the chosen options'
  positions, as ``SelectMultiple``'s was: the core's value protocol is unchanged.

Why anywidget: ipywidgets has neither a switch, nor a tag picker, nor anything that floats;
anywidget ships an ES module per widget from the Python package, and works in JupyterLab,
Notebook 7, VS Code and Voila.

Example:
    >>> t = Toggle(description="Dark mode", value=True)
    >>> t.value
    True
    >>> m = MultiSelect(options=("a", "b", "c"), index=(2, 0))
    >>> [m.options[i] for i in m.index]
    ['c', 'a']
"""

from __future__ import annotations

import itertools
import secrets
from typing import Any

import anywidget
import ipywidgets as W
import traitlets as t

from ..elements import Element
from .anywidgets import asset
from .bindings import Binding, Check, Several, make, register_binding
from .html import markdown_html


class Toggle(anywidget.AnyWidget):
    """A switch (``role="switch"``) with its label beside it; ``value`` is on or off."""

    _esm = asset("toggle.js")

    value = t.Bool(False).tag(sync=True)
    description = t.Unicode("").tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)


class MultiSelect(anywidget.AnyWidget):
    """Tags with a filtering dropdown; ``index`` holds the chosen options' positions."""

    _esm = asset("multiselect.js")

    options = t.Tuple().tag(sync=True)
    index = t.Tuple().tag(sync=True)
    description = t.Unicode("").tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)
    placeholder = t.Unicode("Choose options").tag(sync=True)
    #: 0: no limit
    max_selections = t.Int(0).tag(sync=True)


class Tags(Several):
    """st.multiselect through ``MultiSelect`` (the same ``index`` value as ``Several``)."""

    def __init__(self) -> None:
        super().__init__(MultiSelect)

    def extra(self, el: Element) -> dict[str, Any]:
        return {"options": tuple(str(lab) for lab in el.props.get("labels", []))}

    def traits(self, el: Element) -> dict[str, Any]:
        out = super().traits(el)
        p = el.props
        out["placeholder"] = str(p.get("placeholder") or "Choose options")
        out["max_selections"] = int(p.get("max_selections") or 0)
        return out


class Toast(anywidget.AnyWidget):
    """A floating toast: ``body`` (HTML), ``icon``, ``duration`` in seconds (0: until closed).
    The browser shows it anew each time ``key`` changes; its view in the app stays empty."""

    _esm = asset("toast.js")
    _css = asset("toast.css")

    body = t.Unicode("").tag(sync=True)
    icon = t.Unicode("").tag(sync=True)
    duration = t.Float(4.0).tag(sync=True)
    #: which showing this is: the run and the text (see ``ToastCard``)
    key = t.Unicode("").tag(sync=True)
    #: the widget's own number: two toasts of one run with the same text are two cards
    uid = t.Unicode("").tag(sync=True)


#: Streamlit 1.67's durations, in seconds ("infinite": 0, until the reader closes it)
TOAST_SECONDS = {"short": 4.0, "long": 10.0, "infinite": 0.0}
_toast_numbers = itertools.count(1)
# this process's: a page that outlives a kernel restart must still show the new kernel's toasts
_KERNEL_TOKEN = secrets.token_hex(4)


class ToastCard(Binding):
    """st.toast through ``Toast``. Each run's toast is a new one, as in Streamlit: the run is
    part of ``key``, so the same text in the next run shows again; ``.toast()`` on the handle
    changes the text, and the new card replaces the old one."""

    def create(self, el: Element) -> W.Widget:
        return make(Toast, uid=f"{_KERNEL_TOKEN}-{next(_toast_numbers)}", **self.traits(el))

    def traits(self, el: Element) -> dict[str, Any]:
        p = el.props
        duration = p.get("duration", "short")
        secs = TOAST_SECONDS[duration] if isinstance(duration, str) else float(duration)
        icon = p.get("icon")
        shown_icon = str(icon) if icon and not str(icon).startswith(":material/") else ""
        body = markdown_html(str(p.get("body", "")))
        return {"body": body, "icon": shown_icon, "duration": secs,
                "key": f"{p.get('run', '')}|{shown_icon}|{secs}|{body}"}


register_binding("toggle", Check(Toggle))
register_binding("multiselect", Tags())
register_binding("toast", ToastCard())
