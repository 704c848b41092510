"""The one way a slot is protected: an exception never escapes into Qt (where it would reach
the global hook, or with some bindings end the app); it is logged and the reason goes to the
person instead ("That did not work: ...", on the status line or where they are looking).

Every action, button and gesture handler of the UI goes through :func:`guarded` (the window's
``add_action`` wraps each slot in it), so one place decides what a failure looks like.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

__all__ = ["guarded"]

log = logging.getLogger("graphstudio.ui")


def guarded(fn: Callable[..., object], report: Callable[[str], None], *,
            after: Callable[[], object] | None = None, pass_args: bool = False) -> Callable:
    """A slot calling ``fn()`` (or ``fn(*signal_args)`` with ``pass_args``); an exception is
    logged and ``report("That did not work: ...")`` is called instead of it escaping.
    ``after()`` runs either way (e.g. to bring buttons up to date)."""
    def slot(*args):
        try:
            return fn(*args) if pass_args else fn()
        except Exception as ex:  # a button or menu entry must never take the window down
            log.exception("%s failed", getattr(fn, "__name__", "an action"))
            try:
                report(QCoreApplication.translate("Slots", "That did not work: {0}").format(ex))
            except Exception:
                log.exception("reporting the failure failed")
            return None
        finally:
            if after is not None:
                try:
                    after()
                except Exception:
                    log.exception("%s failed", getattr(after, "__name__", "an update"))
    return slot
