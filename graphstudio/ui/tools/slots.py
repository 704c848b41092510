"""Slots that never let an exception escape into Qt: the reason goes to the person instead."""

from __future__ import annotations

import logging
from collections.abc import Callable

__all__ = ["guarded"]

log = logging.getLogger("graphstudio.ui.tools")


def guarded(fn: Callable[[], object], report: Callable[[str], None]) -> Callable:
    """A slot calling ``fn()`` (signal arguments are dropped); an exception is logged and
    ``report("That did not work: ...")`` is called instead of it escaping."""
    def slot(*_args):
        try:
            return fn()
        except Exception as ex:  # a button or menu entry must never take the window down
            log.exception("%s failed", getattr(fn, "__name__", "an action"))
            report(f"That did not work: {ex}")
            return None
    return slot
