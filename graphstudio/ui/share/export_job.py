"""What an animation and a handout export share: the run they show, the options a person
picks, and a job that makes the file one step at a time.

A job writes to a temporary file beside the target and moves it into place only when the last
frame or page is done, so a cancelled or failed export never leaves half a file (nor spoils
an existing one). The command line runs a job to the end in a loop (:meth:`ExportJob.run`); the
window calls :meth:`ExportJob.advance` from a timer so it never blocks.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path

from graphstudio.files.atomic_write import TempOutput

__all__ = ["MAX_SIZE", "MIN_SIZE", "ExportJob", "ShareError", "ShareOptions", "parse_size",
           "run_for_share", "step_range"]

MIN_SIZE = (320, 240)
MAX_SIZE = (3840, 2160)
STEP_MS_RANGE = (20, 60_000)


class ShareError(ValueError):
    """The export cannot be made (bad option, a graph that does not run); says why."""


@dataclass(frozen=True)
class ShareOptions:
    """How to show a run: frame ``size`` in pixels, ``step_ms`` per frame, the steps from
    ``first`` to ``last`` as the Steps dock numbers them (0: before the run; None: the last),
    ``theme`` ("light" or "dark")."""

    size: tuple[int, int] = (1280, 720)
    step_ms: int = 900
    first: int = 0
    last: int | None = None
    theme: str = "light"

    def check(self) -> None:
        w, h = self.size
        if not (MIN_SIZE[0] <= w <= MAX_SIZE[0] and MIN_SIZE[1] <= h <= MAX_SIZE[1]):
            raise ShareError(f"size {w}x{h}: choose from {MIN_SIZE[0]}x{MIN_SIZE[1]} up to "
                             f"{MAX_SIZE[0]}x{MAX_SIZE[1]}")
        lo, hi = STEP_MS_RANGE
        if not lo <= self.step_ms <= hi:
            raise ShareError(f"step time {self.step_ms} ms: choose from {lo:,} to {hi:,} ms")
        if self.first < 0:
            raise ShareError(f"--from {self.first}: steps are numbered from 0 (before the run)")
        if self.last is not None and self.first > self.last:
            raise ShareError(f"--from {self.first} is after --to {self.last}")


def parse_size(text: str) -> tuple[int, int]:
    """``"1280x720"`` -> (1280, 720); a ShareError for anything else."""
    m = re.fullmatch(r"\s*(\d{1,6})\s*[xX×]\s*(\d{1,6})\s*", text)
    if not m:
        raise ShareError(f"size {text!r}: write it as WIDTHxHEIGHT, e.g. 1280x720")
    return int(m.group(1)), int(m.group(2))


def step_range(timeline, options: ShareOptions) -> range:
    """The k (-1: before the run) of every frame ``options`` asks for."""
    n = len(timeline)
    last = n if options.last is None else options.last
    for flag, value in (("--from", options.first), ("--to", last)):
        if value > n:
            raise ShareError(f"{flag} {value}: the run has {n} step{'s' * (n != 1)} "
                             f"(0 is before the run)")
    return range(options.first - 1, last)


def run_for_share(graph, loss: str | None = None):
    """Run ``graph`` with its own run options (``loss``: a node id instead of its loss) and
    return the timeline; a ShareError says why when it does not run."""
    from graphstudio.run.runner import Runner, RunOptions

    overrides = {"loss": loss} if loss else {}
    timeline = Runner(graph).run(RunOptions.from_graph(graph, **overrides))
    problems = [f"node {graph.nodes[n].name!r}: {e}" for n, e in timeline.node_errors.items()]
    if timeline.error:
        problems.insert(0, timeline.error)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ShareError(f"the graph does not run: {problems[0]}{more}")
    if not len(timeline):
        raise ShareError("the graph is empty: nothing to show")
    return timeline


class ExportJob(ABC):
    """Makes the file ``out`` in :attr:`total` steps; see the module docstring."""

    def __init__(self, out, total: int):
        self.out = Path(out)
        self.total, self.done = total, 0
        self._output = TempOutput(self.out)  # refuses a pipe, device or folder at once
        self.finished = False

    @property
    def temp_path(self) -> str:
        return self._output.temp

    def advance(self) -> bool:
        """Make the next frame or page; True while more remain. The last one finishes."""
        if self.finished:
            return False
        try:
            if self.done < self.total:
                self._make(self.done)
                self.done += 1
            if self.done >= self.total:
                self._close(complete=True)
                self._output.commit()
                self.finished = True
                self._release()
                return False
        except OSError as ex:  # a full disk, say: name the person's file, not the temp one
            self.cancel()
            if ex.filename == str(self.out):
                raise
            raise OSError(ex.errno, f"cannot write: {ex.strerror or ex}", str(self.out)) from None
        except BaseException:
            self.cancel()
            raise
        return True

    def run(self, on_progress=None) -> Path:
        """Make everything now; ``on_progress(done, total)`` after each step."""
        while self.advance():
            if on_progress is not None:
                on_progress(self.done, self.total)
        return self.out

    def cancel(self) -> None:
        """Stop and delete the unfinished file (the target is left as it was)."""
        if self.finished:
            return
        self.finished = True
        try:
            self._close(complete=False)
        except Exception:  # the partial file is deleted either way
            pass
        self._release()
        self._output.discard()

    @abstractmethod
    def _make(self, index: int) -> None:
        """Make frame or page number ``index``."""

    @abstractmethod
    def _close(self, complete: bool) -> None:
        """Finish writing the temporary file (``complete``: every step was made)."""

    @abstractmethod
    def _release(self) -> None:
        """Let go of the scene and anything else held."""
