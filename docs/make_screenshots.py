"""Refresh the README's screenshots from the real window at 1280x800 (a classroom projector).

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py [--out docs/screenshots]

Each example opens in a fresh window with the default docks, runs to the end (Run to End) and
is saved as ``readable_<example>.png``; ``presentation_mid_backward.png`` is the tutorial in
View > Presentation halfway through its backward pass; ``zh_window.png`` the window in Chinese.
Look at every picture afterwards: a person must be able to read every number on it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from graphstudio.paths import example_path, examples  # noqa: E402
from graphstudio.ui.app import build_window  # noqa: E402
from graphstudio.ui.settings import AppSettings  # noqa: E402

SIZE = (1280, 800)


def open_window(example: str, home: Path, language: str = "en"):
    settings = AppSettings.at(home / f"{example}-{language}.ini")
    settings.language = language
    settings.mark_has_run()  # no first-launch lesson offer over the canvas
    _app, window, _handler = build_window([str(example_path(example))], settings=settings,
                                          data_dir=home / "data")
    window.resize(*SIZE)
    settle()
    window.frame()
    settle()
    return window


def settle(rounds: int = 20) -> None:
    for _ in range(rounds):
        QApplication.processEvents()


def shoot(window, path: Path) -> None:
    settle()
    window.grab().save(str(path))
    print("wrote", path)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "screenshots"))
    out = Path(parser.parse_args(argv).out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        for path in examples():
            window = open_window(path.stem, home)
            window.run_controller.run_to_end()
            shoot(window, out / f"readable_{path.stem}.png")
            window.undo_stack.setClean()
            window.close()
        window = open_window("tutorial_single_layer", home)
        c = window.run_controller
        c.run_to_end()
        c.jump(c.timeline.forward_count + (len(c.timeline) - c.timeline.forward_count) // 2)
        c.ui.view_options.presentation.enter()
        shoot(window, out / "presentation_mid_backward.png")
        c.ui.view_options.presentation.leave()
        window.close()
        window = open_window("tutorial_single_layer", home, "zh_CN")
        from graphstudio.ui.language import apply_language

        apply_language(QApplication.instance(), "zh_CN")
        window.run_controller.run_to_end()
        shoot(window, out / "zh_window.png")
        window.close()
        apply_language(QApplication.instance(), "en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
