"""Walking through a lesson: the current step, what it has seen, and when Next unlocks.

:class:`LessonProgress` is plain state (the panel owns one per open lesson). A step is
**complete** once every ``wait:`` has been met by an event seen since the step began and, at that
moment or later, every ``check:`` holds; completion then stays (state changing afterwards does
not take Next away). A step with neither is a reading step, complete at once. Skipped steps count
as visited but not passed.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphstudio.lessons.conditions import Condition, Event
from graphstudio.lessons.format import Lesson, Step

__all__ = ["LessonProgress", "StepStatus"]


@dataclass(frozen=True)
class StepStatus:
    """Each wait with whether it was met, each check with whether it holds, and completion."""

    waits: tuple[tuple[Condition, bool], ...]
    checks: tuple[tuple[Condition, bool, str], ...]
    complete: bool


class LessonProgress:
    """Where a learner is in ``lesson``; ``index`` is the current step (0-based)."""

    def __init__(self, lesson: Lesson, index: int = 0, passed=()):
        self.lesson = lesson
        self.passed: set[int] = {i for i in passed if 0 <= i < len(lesson.steps)}
        self.skipped: set[int] = set()
        self.index = 0
        self._met: set[int] = set()
        self._complete = False
        self.go(min(max(int(index), 0), len(lesson.steps) - 1))

    @property
    def step(self) -> Step:
        return self.lesson.steps[self.index]

    @property
    def at_last(self) -> bool:
        return self.index == len(self.lesson.steps) - 1

    @property
    def finished(self) -> bool:
        """Every step passed (or skipped) and the last one is complete."""
        return all(i in self.passed or i in self.skipped for i in range(len(self.lesson.steps)))

    def go(self, index: int) -> None:
        """Begin step ``index`` afresh (nothing seen yet)."""
        if not 0 <= index < len(self.lesson.steps):
            raise IndexError(f"step {index + 1} of {len(self.lesson.steps)}")
        self.index, self._met, self._complete = index, set(), False

    def restart(self) -> None:
        self.passed.clear()
        self.skipped.clear()
        self.go(0)

    def skip(self) -> None:
        """Leave the current step unpassed and move on (the last one: stays, marked skipped)."""
        self.skipped.add(self.index)
        if not self.at_last:
            self.go(self.index + 1)

    def notice(self, event: Event, graph) -> bool:
        """Record ``event``; True if it met a wait of the current step."""
        hit = False
        for i, cond in enumerate(self.step.waits):
            if i not in self._met and cond.met_by(event, graph):
                self._met.add(i)
                hit = True
        return hit

    def status(self, world) -> StepStatus:
        """The current step's state in ``world``; marks the step passed when complete."""
        waits = tuple((c, i in self._met) for i, c in enumerate(self.step.waits))
        checks = tuple((c, *c.holds(world)) for c in self.step.checks)
        if not self._complete and all(m for _, m in waits) and all(ok for _, ok, _ in checks):
            self._complete = True
            self.passed.add(self.index)
            self.skipped.discard(self.index)
        return StepStatus(waits, checks, self._complete)
