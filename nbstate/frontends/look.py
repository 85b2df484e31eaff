"""Streamlit's look for the live frontend: the app stylesheet and the widgets ipywidgets draws
differently from Streamlit (anywidget classes: no lab extension, no build step).

- The stylesheet ``nbstate/js/app.css`` (label above its widget, widgets as wide as their
  container, Streamlit's spacing, type scale, colours, buttons, sidebar; light and dark, after
  the notebook's theme) is loaded once per app, with the app's ``StaleMarker``, and scoped to
  the app's root class, so it never restyles the notebook. The marker's module also draws the
  sidebar's chevron and resize handle and collapses the sidebar while the app is narrow, and
  makes Enter in a form's field submit the form.
- ``Toggle``: ``st.toggle`` as a switch (``role="switch"``); its value is the ``value`` trait.
- ``MultiSelect``: ``st.multiselect`` as tags with a dropdown that typing filters, where a
  plain click on an option adds it (ipywidgets' ``SelectMultiple`` is a native listbox: a
  click replaces the selection). Its value is the ``index`` trait, the chosen options'
  positions, as ``SelectMultiple``'s was: the core's value protocol is unchanged.

Why anywidget: ipywidgets has neither a switch nor a tag picker; anywidget ships an ES module
per widget from the Python package, and works in JupyterLab, Notebook 7, VS Code and Voila.

Example:
    >>> t = Toggle(description="Dark mode", value=True)
    >>> t.value
    True
    >>> m = MultiSelect(options=("a", "b", "c"), index=(2, 0))
    >>> [m.options[i] for i in m.index]
    ['c', 'a']
"""

from __future__ import annotations

from typing import Any

import anywidget
import traitlets as t

from ..elements import Element
from .anywidgets import asset
from .bindings import Check, Several, register_binding


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


register_binding("toggle", Check(Toggle))
register_binding("multiselect", Tags())
