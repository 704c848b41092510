"""Where GraphStudio's data lives: the repository's ``assets/`` folder (installs are editable)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["assets_dir", "example_path", "examples_dir"]


def assets_dir() -> Path:
    """The ``assets/`` folder next to the ``graphstudio`` package."""
    return Path(__file__).resolve().parent.parent / "assets"


def examples_dir() -> Path:
    """``assets/examples``: the ``.gsgraph`` examples (File > Open Example)."""
    return assets_dir() / "examples"


def example_path(name: str) -> Path:
    """The example called ``name`` (with or without ``.gsgraph``); FileNotFoundError if absent."""
    path = examples_dir() / (name if name.endswith(".gsgraph") else name + ".gsgraph")
    if not path.is_file():
        raise FileNotFoundError(f"no example named {name!r} in {examples_dir()}")
    return path
