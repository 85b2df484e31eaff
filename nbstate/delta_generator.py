"""``streamlit.delta_generator``: ``DeltaGenerator``, the type of containers (for type hints
in ported code: ``def sidebar_filters(box: DeltaGenerator) -> ...``).

Example:
    >>> from nbstate.delta_generator import DeltaGenerator
    >>> DeltaGenerator.__name__
    'Container'
"""

from .layout import Container as DeltaGenerator

__all__ = ["DeltaGenerator"]
