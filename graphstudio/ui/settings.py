"""What the window remembers between sessions, on top of :class:`QSettings`.

Everything goes through :class:`AppSettings` so that tests (and ``graphstudio render``) can hand the
window an isolated settings file and data folder and never touch the user's real ones.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

APP_NAME = "GraphStudio"
ORG_NAME = "GraphStudio"
ORG_DOMAIN = "graphstudio.dev"
MAX_RECENT = 10
THEMES = ("light", "dark")


def app_data_dir() -> Path:
    """The per-user folder for the log and the recovery file (created on demand)."""
    path = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _norm(path: str | os.PathLike) -> str:
    return os.path.normcase(os.path.abspath(os.fspath(path)))


class AppSettings:
    """Typed access to the remembered geometry, layout, recent files, theme and last file."""

    def __init__(self, qsettings: QSettings | None = None):
        self._s = qsettings if qsettings is not None else QSettings()

    @classmethod
    def at(cls, ini_path: str | os.PathLike) -> AppSettings:
        """Settings kept in one INI file (tests, tools)."""
        return cls(QSettings(os.fspath(ini_path), QSettings.Format.IniFormat))

    @property
    def qsettings(self) -> QSettings:
        return self._s

    def sync(self) -> None:
        self._s.sync()

    # ------------------------------------------------------------------ theme
    @property
    def theme(self) -> str:
        value = str(self._s.value("ui/theme", "light"))
        return value if value in THEMES else "light"

    @theme.setter
    def theme(self, name: str) -> None:
        self._s.setValue("ui/theme", name if name in THEMES else "light")

    # ------------------------------------------------------------------ language
    @property
    def language(self) -> str:
        """The chosen interface language (``en``, ``zh_CN``); "" follows the system."""
        return str(self._s.value("ui/language", "") or "")

    @language.setter
    def language(self, name: str) -> None:
        self._s.setValue("ui/language", name or "")

    # ------------------------------------------------------------------ lessons
    def lesson_progress(self, lesson_id: str) -> tuple[int, list[int]]:
        """(the step to resume at, the steps passed) of lesson ``lesson_id``."""
        step = self._s.value(f"lessons/{lesson_id}/step", 0)
        passed = self._s.value(f"lessons/{lesson_id}/passed", [])
        passed = [passed] if isinstance(passed, str | int) else list(passed or [])
        try:
            return int(step), sorted({int(p) for p in passed if str(p).isdigit()})
        except (TypeError, ValueError):
            return 0, []

    def save_lesson_progress(self, lesson_id: str, step: int, passed) -> None:
        self._s.setValue(f"lessons/{lesson_id}/step", int(step))
        self._s.setValue(f"lessons/{lesson_id}/passed", [int(p) for p in sorted(passed)])

    # ------------------------------------------------------------------ reading the canvas
    @property
    def text_scale(self) -> float:
        """View > Text Size: 1.0 (100%) to 2.0 (200%)."""
        try:
            value = float(self._s.value("ui/text_scale", 1.0))
        except (TypeError, ValueError):
            return 1.0
        return min(max(value, 1.0), 2.0) if value == value else 1.0

    @text_scale.setter
    def text_scale(self, scale: float) -> None:
        self._s.setValue("ui/text_scale", min(max(float(scale), 1.0), 2.0))

    @property
    def follow_step(self) -> bool:
        """View > Follow Step (on unless turned off)."""
        return _as_bool(self._s.value("ui/follow_step", True))

    @follow_step.setter
    def follow_step(self, on: bool) -> None:
        self._s.setValue("ui/follow_step", bool(on))

    @property
    def presentation(self) -> bool:
        """View > Presentation was on when the window closed."""
        return _as_bool(self._s.value("ui/presentation", False))

    @presentation.setter
    def presentation(self, on: bool) -> None:
        self._s.setValue("ui/presentation", bool(on))

    @property
    def panels_before_presentation(self) -> list[str]:
        """The panels that were open when presentation mode hid them (shown again on leaving
        it, also after a restart in presentation mode)."""
        value = self._s.value("ui/presentation_panels", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in value or [] if v]

    @panels_before_presentation.setter
    def panels_before_presentation(self, keys: list[str]) -> None:
        self._s.setValue("ui/presentation_panels", list(keys))

    # ------------------------------------------------------------------ first run, last file
    @property
    def has_run_before(self) -> bool:
        return _as_bool(self._s.value("app/has_run", False))

    def mark_has_run(self) -> None:
        self._s.setValue("app/has_run", True)

    @property
    def last_file(self) -> str | None:
        value = self._s.value("files/last", "")
        return str(value) if value else None

    @last_file.setter
    def last_file(self, path: str | None) -> None:
        self._s.setValue("files/last", os.path.abspath(path) if path else "")

    # ------------------------------------------------------------------ recent files
    def recent_files(self) -> list[str]:
        value = self._s.value("files/recent", [])
        if value is None or value == "":
            return []
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value if v][:MAX_RECENT]

    def _set_recent(self, paths: list[str]) -> None:
        self._s.setValue("files/recent", list(paths[:MAX_RECENT]))

    def add_recent(self, path: str | os.PathLike) -> None:
        path = os.path.abspath(os.fspath(path))
        key = _norm(path)
        self._set_recent([path] + [p for p in self.recent_files() if _norm(p) != key])

    def remove_recent(self, path: str | os.PathLike) -> None:
        key = _norm(path)
        self._set_recent([p for p in self.recent_files() if _norm(p) != key])

    def clear_recent(self) -> None:
        self._set_recent([])

    # ------------------------------------------------------------------ window
    def geometry(self) -> QByteArray | None:
        return _as_bytes(self._s.value("window/geometry"))

    def window_state(self) -> QByteArray | None:
        return _as_bytes(self._s.value("window/state"))

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    def forget_window(self) -> None:
        self._s.remove("window")

    # ------------------------------------------------------------------ dialogs
    @property
    def last_dir(self) -> str:
        value = self._s.value("files/last_dir", "")
        if value and os.path.isdir(str(value)):
            return str(value)
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    @last_dir.setter
    def last_dir(self, folder: str) -> None:
        self._s.setValue("files/last_dir", folder)


def _as_bool(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes")
    return bool(value)


def _as_bytes(value) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, (bytes, bytearray)) and value:
        return QByteArray(bytes(value))
    return None
