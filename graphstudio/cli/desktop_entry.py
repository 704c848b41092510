"""A per-user Linux desktop entry, so that GraphStudio appears in the desktop's launcher.

``graphstudio --install-desktop-entry`` writes ``assets/desktop/graphstudio.desktop`` to
``$XDG_DATA_HOME/applications/`` (default ``~/.local/share``), with ``Exec`` pointing at the
installed ``graphstudio`` command, and the app icon ``assets/icons/graphstudio.svg`` to
``$XDG_DATA_HOME/icons/hicolor/scalable/apps/``; ``--uninstall-desktop-entry`` removes both.
No Qt here.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

from graphstudio.paths import assets_dir

__all__ = ["APP_ID", "data_home", "desktop_file_text", "entry_paths", "exec_argument",
           "find_command", "install", "uninstall"]

APP_ID = "graphstudio"

# Characters that make the desktop entry spec require an Exec argument to be quoted.
_RESERVED = frozenset(" \t\"'\\><~|&;$*?#()`")


def data_home() -> Path:
    """``$XDG_DATA_HOME`` when it is set to an absolute path, else ``~/.local/share``."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def entry_paths(home: Path | None = None) -> tuple[Path, Path]:
    """Where the ``.desktop`` file and the icon go under ``home`` (default :func:`data_home`)."""
    home = data_home() if home is None else Path(home)
    return (home / "applications" / f"{APP_ID}.desktop",
            home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg")


def find_command() -> Path | None:
    """The installed ``graphstudio`` script: the one running, else the one beside this Python
    (``python -m graphstudio`` in a venv), else the first on PATH; None if there is none."""
    candidates = []
    if sys.argv and os.path.basename(sys.argv[0]) == APP_ID:
        candidates.append(os.path.abspath(sys.argv[0]))
    candidates.append(os.path.join(os.path.dirname(os.path.abspath(sys.executable)), APP_ID))
    for path in candidates:
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return Path(path)
    found = shutil.which(APP_ID)
    return Path(found).absolute() if found else None


def exec_argument(path: str | os.PathLike) -> str:
    """``path`` as one argument of an ``Exec`` key: quoted as the desktop entry spec says when
    it has reserved characters, ``%`` doubled, then escaped for the key's string type."""
    text = os.fspath(path)
    if "\n" in text or "\r" in text:
        raise ValueError(f"a desktop entry cannot run a path with a line break: {text!r}")
    text = text.replace("%", "%%")
    if any(c in _RESERVED for c in text):
        text = '"' + re.sub(r'(["`$\\])', r"\\\1", text) + '"'
    return text.replace("\\", "\\\\")


def desktop_file_text(command: str | os.PathLike) -> str:
    """The shipped ``graphstudio.desktop`` with ``Exec`` and ``TryExec`` running ``command``."""
    template = (assets_dir() / "desktop" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    arg = exec_argument(command)
    try_exec = os.fspath(command).replace("\\", "\\\\")
    lines = []
    for line in template.splitlines():
        key = line.split("=", 1)[0]
        if key == "Exec":
            line = f"Exec={arg} %f"
        elif key == "TryExec":
            line = f"TryExec={try_exec}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def install(command: str | os.PathLike, home: Path | None = None) -> tuple[Path, Path]:
    """Write the desktop entry running ``command`` and the icon; returns their paths."""
    desktop, icon = entry_paths(home)
    text = desktop_file_text(command)
    _write(icon, (assets_dir() / "icons" / f"{APP_ID}.svg").read_bytes())
    _write(desktop, text.encode("utf-8"))
    return desktop, icon


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove the desktop entry and the icon; returns the files that were there."""
    removed = []
    for path in entry_paths(home):
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed
