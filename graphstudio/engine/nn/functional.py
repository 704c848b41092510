"""Alias: ``graphstudio.engine.nn.functional`` is the very module
``graphstudio.engine.functional``.
"""

import sys

from .. import functional as _functional

sys.modules[__name__] = _functional
