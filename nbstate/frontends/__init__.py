"""Frontends of the core: the live ipywidgets frontend for notebooks.

- ``ipy``: ``%%app`` / ``run_app``, the live app (coalescing, print and display capture).
- ``reconcile``: the displayed tree, updated in place run after run.
- ``bindings``: which ipywidget shows each element type (``register_binding`` to add one).
- ``html``: display elements as HTML.
- ``anywidgets``: the front-end pieces ipywidgets lacks (download button, stale marker).

The headless frontend, ``AppTest``, lives in ``nbstate.testing``.
"""
