"""The language of what a shared run says: captions, handout headings, step sentences.

``en`` is the source language; ``zh_CN`` loads ``translations/share_zh_CN.qm`` (compiled with
``pyside6-lrelease`` from the ``.ts`` beside it, which ``pyside6-lupdate`` keeps in step with
the marked strings of ``run/step_text.py`` and ``ui/share/handout.py``). Card text is PyTorch's
own (``grad_fn=<AddBackward0>``, ``requires_grad=True``) and reads the same in every language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTranslator

__all__ = ["LANGUAGES", "check_language", "install_language"]

LANGUAGES = ("en", "zh_CN")
TRANSLATIONS = Path(__file__).with_name("translations")

_installed: dict[str, QTranslator] = {}


def check_language(lang: str) -> None:
    """A ValueError unless ``lang`` is one of :data:`LANGUAGES`."""
    if lang not in LANGUAGES:
        raise ValueError(f"--lang {lang}: choose one of {', '.join(LANGUAGES)}")


def install_language(app, lang: str) -> None:
    """Make ``app`` translate the share strings into ``lang`` (``en``: no translation)."""
    check_language(lang)
    for old in _installed.values():
        app.removeTranslator(old)
    _installed.clear()
    if lang == "en":
        return
    translator = QTranslator(app)
    qm = TRANSLATIONS / f"share_{lang}.qm"
    if not translator.load(str(qm)):
        raise OSError(f"cannot read the {lang} translation {qm}")
    app.installTranslator(translator)
    _installed[lang] = translator
