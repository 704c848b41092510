"""Where GraphStudio's data lives: ``assets/`` (examples, icons, ...).

An installed wheel carries it inside the package as ``graphstudio/assets`` (``setup.py`` maps
the repository's ``assets/`` there at build time); a source checkout or an editable install
reads the repository's ``assets/`` beside the package.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["assets_dir", "example_path", "examples", "examples_dir"]


def assets_dir() -> Path:
    """The folder of GraphStudio's data files: in the installed package, else the checkout's."""
    packaged = Path(str(resources.files("graphstudio"))) / "assets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "assets"


def examples_dir() -> Path:
    """``assets/examples``: the ``.gsgraph`` examples (File > Open Example)."""
    return assets_dir() / "examples"


def examples() -> list[Path]:
    """The shipped examples, sorted by name."""
    return sorted(examples_dir().glob("*.gsgraph"))


def example_path(name: str) -> Path:
    """The example called ``name`` (with or without ``.gsgraph``); FileNotFoundError if absent."""
    path = examples_dir() / (name if name.endswith(".gsgraph") else name + ".gsgraph")
    if not path.is_file():
        raise FileNotFoundError(f"no example named {name!r} in {examples_dir()}")
    return path
