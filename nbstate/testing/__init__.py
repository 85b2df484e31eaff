"""Headless testing: ``AppTest`` (no kernel) and ``kernel`` (a real ipykernel, driven over comms).

Example:
    >>> from nbstate.testing import AppTest
    >>> at = AppTest.from_string("import nbstate as st\\nst.write(st.slider('x', 0, 9, 4))").run()
    >>> at.slider[0].set_value(5).run().markdown[0].value
    '`5`'
"""

from ..errors import AppTestError
from .apptest import AppTest
from .config import patch_config_options

__all__ = ["AppTest", "AppTestError", "patch_config_options"]
