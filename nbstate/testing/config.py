"""``patch_config_options``: Streamlit's test helper, for nbstate's config options.

A context manager, or a decorator of a test function, that overrides options while it runs.

Example:
    >>> from nbstate.config import get_option
    >>> with patch_config_options({"client.showErrorDetails": "none"}):
    ...     get_option("client.showErrorDetails")
    'none'
    >>> get_option("client.showErrorDetails")
    'full'
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from .. import config


@contextlib.contextmanager
def patch_config_options(config_overrides: dict[str, Any]) -> Iterator[None]:
    """Override config options for the length of a ``with`` block or a decorated function."""
    config.push_patch(config_overrides)
    try:
        yield
    finally:
        config.pop_patch()
