"""Run by .ci/run as ``VENV/bin/python check_installed.py REPO/assets``, with the Python of a venv
that has the wheel installed (not editable) and from a folder outside the repository. The
installed package must come from that venv, carry every file of the repository's ``assets/``,
and open its tutorial example with its icons in the window (offscreen, about three seconds).
Exits non-zero, with the reason, on any difference; an uncaught error in the window prints a
traceback, which .ci/run also looks for."""

from __future__ import annotations

import sys
import sysconfig
from pathlib import Path

import graphstudio
from graphstudio.paths import assets_dir, examples


def main(repo_assets: Path) -> int:
    site = Path(sysconfig.get_paths()["purelib"]).resolve()
    package = Path(graphstudio.__file__).resolve().parent
    if package.parent != site:
        return fail(f"graphstudio is imported from {package}, not from the venv's {site}")
    if assets_dir().resolve() != package / "assets":
        return fail(f"assets are read from {assets_dir()}, not from the installed package")
    for src in sorted(p for p in repo_assets.rglob("*") if p.is_file()):
        installed = assets_dir() / src.relative_to(repo_assets)
        if not installed.is_file() or installed.read_bytes() != src.read_bytes():
            return fail(f"the installed package lacks assets/{src.relative_to(repo_assets)}")
    if "tutorial_single_layer" not in [p.stem for p in examples()]:
        return fail("no tutorial example among the installed examples")

    from PySide6.QtCore import QTimer

    from graphstudio.ui.app import build_window
    from graphstudio.ui.icons import app_icon, icon

    app, window, handler = build_window()
    QTimer.singleShot(3000, app.quit)
    app.exec()
    title = window.windowTitle()
    handler.uninstall()
    if "tutorial_single_layer" not in title:
        return fail(f"the first start did not open the tutorial (window title {title!r})")
    if app_icon().isNull() or window.windowIcon().isNull() or icon("open").isNull():
        return fail("the window has no icons")
    print(f"installed package {package}: {len(examples())} examples, icons, window {title!r}")
    return 0


def fail(message: str) -> int:
    print(f"check_installed: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve()))
