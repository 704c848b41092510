"""``torch.nn`` subset: ``graphstudio.engine.nn.functional`` is the engine's ``functional``."""

from . import functional

__all__ = ["functional"]
