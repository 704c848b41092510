"""``graphstudio animate``: a run as an animated GIF, PNG (APNG) or WebP, one frame per step.

The first frame is the graph before the run, then one per step, forward then backward in the
engine's order, each shown ``step_ms`` (the last one three times as long, so a looping
animation pauses on the result). Frames are drawn by :class:`~.frames.RunFrames` and streamed
to the file by :mod:`.frame_writers`: only the frame being written is held.
"""

from __future__ import annotations

from pathlib import Path

from graphstudio.ui.share.export_job import ExportJob, ShareError, ShareOptions, step_range
from graphstudio.ui.share.frame_writers import ANIMATION_FORMATS, open_writer

__all__ = ["ANIMATION_FORMATS", "AnimationJob", "LAST_FRAME_HOLD", "check_animation_name",
           "frame_durations"]

#: the last frame stays this many times longer
LAST_FRAME_HOLD = 3


def check_animation_name(out) -> None:
    """A ShareError unless ``out`` ends in .gif, .png or .webp."""
    if Path(out).suffix.lower() not in ANIMATION_FORMATS:
        raise ShareError(f"cannot write {Path(out).name!r}: choose a .gif, .png (animated PNG) "
                         "or .webp file name")


def frame_durations(count: int, step_ms: int) -> list[int]:
    """How long each of ``count`` frames shows, in ms."""
    return [step_ms * (LAST_FRAME_HOLD if i == count - 1 else 1) for i in range(count)]


class AnimationJob(ExportJob):
    """Writes the animation of ``timeline`` (a run of ``graph``, laid out here: pass a copy
    of a document's graph) to ``out``; see :class:`ExportJob`."""

    def __init__(self, graph, timeline, out, options: ShareOptions):
        from graphstudio.ui.share.frames import RunFrames
        from graphstudio.ui.theme import get_theme

        options.check()
        self.steps = step_range(timeline, options)
        self.durations = frame_durations(len(self.steps), options.step_ms)
        check_animation_name(out)
        self.writer = None
        super().__init__(out, len(self.steps))
        self._file = open(self.temp_path, "wb")  # closed in _close
        try:
            self.frames = RunFrames(graph, timeline, options.size, get_theme(options.theme))
            self.writer = open_writer(out, self._file, options.size, len(self.steps))
        except BaseException:
            self.cancel()
            raise

    def _make(self, index: int) -> None:
        from graphstudio.ui.share.frames import to_pil

        image = to_pil(self.frames.frame(self.steps[index]))
        self.writer.add(image, self.durations[index])

    def _close(self, complete: bool) -> None:
        try:
            if complete and self.writer is not None:
                self.writer.close()
        finally:
            self._file.close()

    def _release(self) -> None:
        frames = getattr(self, "frames", None)
        if frames is not None:
            frames.close()
            self.frames = None
