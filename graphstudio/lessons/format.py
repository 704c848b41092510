"""What a lesson is: a title and steps, each step text per language plus what it opens,
highlights, waits for and checks. Built by :mod:`graphstudio.lessons.parser`.

Languages are keyed by Qt-style locale names: ``en`` (the plain key, always required) and e.g.
``zh_CN`` (``text.zh_CN:``). :func:`pick` chooses the learner's language, falling back to English.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["DEFAULT_HINT_SECONDS", "FORMAT_NAME", "FORMAT_VERSION", "LESSON_EXTENSION", "Lesson",
           "LessonError", "Step", "pick"]

FORMAT_NAME = "gslesson"
#: the version this GraphStudio reads and writes (the file's first line: ``gslesson 1``)
FORMAT_VERSION = 1
LESSON_EXTENSION = ".gslesson"
#: seconds a step waits before showing its hint (a lesson's ``hint_after:`` overrides it)
DEFAULT_HINT_SECONDS = 40


class LessonError(ValueError):
    """A lesson file that cannot be used: one message naming the file and the line."""

    def __init__(self, message: str, line: int | None = None, source: str = ""):
        self.line, self.source, self.detail = line, source, message
        where = source + (f":{line}" if line is not None else "")
        super().__init__(f"{where}: {message}" if where else message)


@dataclass(frozen=True)
class Step:
    """One step. ``text``/``title``/``hint``: language -> text. ``highlight``: element specs
    (``node w``, ``action run_backward``, ``dock values``, ``port z.input``). ``waits`` and
    ``checks``: parsed :class:`~graphstudio.lessons.conditions.Condition` objects."""

    id: str
    line: int
    title: dict[str, str]
    text: dict[str, str]
    hint: dict[str, str] = field(default_factory=dict)
    open: str | None = None
    highlight: tuple[str, ...] = ()
    waits: tuple = ()
    checks: tuple = ()


@dataclass(frozen=True)
class Lesson:
    """A whole lesson. ``id`` is the file's stem (progress is kept under it); ``graph`` the
    graph opened when the lesson starts (an example name or a path); ``path`` the file."""

    id: str
    title: dict[str, str]
    steps: tuple[Step, ...]
    summary: dict[str, str] = field(default_factory=dict)
    graph: str | None = None
    hint_seconds: float = DEFAULT_HINT_SECONDS
    path: str = ""
    version: int = FORMAT_VERSION

    @property
    def languages(self) -> list[str]:
        """Every language some text of the lesson is written in (English first)."""
        found = {lang for s in self.steps for lang in s.text} | set(self.title)
        return ["en"] + sorted(found - {"en"})


def pick(texts: dict[str, str], language: str) -> str:
    """``texts`` in ``language`` (``zh_CN``, or a bare ``zh`` matching ``zh_CN``), else English."""
    if language in texts:
        return texts[language]
    base = language.split("_")[0]
    for key, value in texts.items():
        if key.split("_")[0] == base:
            return value
    return texts.get("en", "")
