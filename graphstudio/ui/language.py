"""The interface language: Qt translators, View > Language, and per-language example notes.

English is the source language. ``assets/i18n/graphstudio_<lang>.qm`` (compiled from the
``.ts`` source beside it with ``pyside6-lrelease``) translates GraphStudio's own strings and Qt's
``qtbase_<lang>.qm`` the standard buttons and dialogs. The language follows the system locale
unless View > Language chose one (remembered in :class:`~graphstudio.ui.settings.AppSettings`).
Choosing applies at once to everything built afterwards and to widgets that retranslate (the
Lesson panel); menus built at start-up change after a restart, which the status bar says.

The examples' titles and notes are translated by a table, as Qt translates strings: English
text -> translation, in ``assets/i18n/examples_<lang>.json`` (see :func:`localized_meta`). The
graph files stay as they are; a changed English note falls back to English until its entry is
updated (a test lists any example whose text has no entry).
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QActionGroup

from graphstudio.paths import assets_dir

__all__ = ["LANGUAGES", "apply_language", "chosen_language", "example_texts",
           "install_language_menu",
           "localized_meta", "system_language", "translations_dir", "ui_language"]

LANGUAGES = {"en": "English", "zh_CN": "中文"}  # each named in itself
_state = {"language": "en", "translators": []}
_tables: dict[str, dict[str, str]] = {}


def translations_dir():
    return assets_dir() / "i18n"


def system_language() -> str:
    """``zh_CN`` for a Chinese system locale, else ``en``."""
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def chosen_language(settings) -> str:
    """The language ``settings`` chose, or the system's."""
    lang = settings.language
    return lang if lang in LANGUAGES else system_language()


def ui_language() -> str:
    """The language the interface is showing now."""
    return _state["language"]


def apply_language(app, language: str) -> str:
    """Install the translators for ``language`` on ``app`` (replacing earlier ones); returns
    the language in force (English when ``language`` is unknown)."""
    language = language if language in LANGUAGES else "en"
    for old in _state["translators"]:
        app.removeTranslator(old)
    _state["translators"] = []
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((f"qtbase_{language}", qt_dir),
                             (f"graphstudio_{language}", str(translations_dir()))):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _state["translators"].append(translator)
    _state["language"] = language
    return language


def example_texts(language: str) -> dict[str, str]:
    """The translation table of the examples' titles and notes (empty when there is none or it
    cannot be read)."""
    if language not in _tables:
        try:
            table = json.loads((translations_dir() / f"examples_{language}.json")
                               .read_text(encoding="utf-8"))
            _tables[language] = {str(k): str(v) for k, v in table.items()}
        except (OSError, ValueError, AttributeError):
            _tables[language] = {}
    return _tables[language]


def localized_meta(meta: dict, key: str, language: str | None = None) -> str:
    """Document metadata ``key`` (``title``, ``notes``) translated into ``language`` (default:
    the interface's) when the table has it, else as written."""
    language = language or ui_language()
    text = str(meta.get(key) or "").strip()
    if language == "en" or not text:
        return text
    return example_texts(language).get(text, text)


def install_language_menu(window) -> None:
    """View > Language: English / 中文, checked as chosen; choosing remembers and applies."""
    menu = window.menu("view").addMenu(QCoreApplication.translate("Language", "&Language"))
    menu.setObjectName("menu_language")
    group = QActionGroup(window)
    current = ui_language()
    for code, name in LANGUAGES.items():
        action = window.add_action(f"language_{code}", name,
                                   lambda _c=False, c=code: _choose(window, c),
                                   menu=menu, checkable=True)
        action.setChecked(code == current)
        group.addAction(action)


def _choose(window, language: str) -> None:
    window.settings.language = language
    app = QCoreApplication.instance()
    if app is not None:
        apply_language(app, language)
    window.actions[f"language_{language}"].setChecked(True)
    note = QCoreApplication.translate(
        "Language", "Language: {0}. Restart GraphStudio to show every menu and panel in it.")
    window.show_status(note.format(LANGUAGES[language]), 15000)
