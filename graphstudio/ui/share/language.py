"""The language of what a shared run says: captions, handout headings, step sentences.

``en`` is the source language; ``zh_CN`` installs the interface's own translation
(:func:`graphstudio.ui.language.apply_language`, ``assets/i18n/graphstudio_zh_CN.qm``), which
holds these strings too. Card text is PyTorch's own (``grad_fn=<AddBackward0>``,
``requires_grad=True``) and reads the same in every language.
"""

from __future__ import annotations

from graphstudio.ui.language import apply_language

__all__ = ["LANGUAGES", "check_language", "install_language"]

LANGUAGES = ("en", "zh_CN")


def check_language(lang: str) -> None:
    """A ValueError unless ``lang`` is one of :data:`LANGUAGES`."""
    if lang not in LANGUAGES:
        raise ValueError(f"--lang {lang}: choose one of {', '.join(LANGUAGES)}")


def install_language(app, lang: str) -> None:
    """Make ``app`` translate into ``lang`` (``en``: no translation)."""
    check_language(lang)
    if apply_language(app, lang) != lang:
        raise OSError(f"cannot read the {lang} translation")
