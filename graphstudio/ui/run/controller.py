"""The run controller: one Runner session per document, the current Timeline and step k.

``RunController(graph, undo_stack, scene)`` owns the engine session (:class:`Runner`), the
timeline of the last run and the step shown, and puts ``display = f(timeline, k)`` on the
canvas through :class:`~graphstudio.ui.run.scene_display.SceneDisplay`. The buttons map onto
the session as in PyTorch:

* Forward (``runner.forward``), Backward (``runner.backward``: on the last forward, so with
  Zero grads off a second Backward accumulates), Zero Grads (``runner.zero_grad``, then a
  fresh forward to start from), Reset (a new session: results and every ``.grad`` forgotten).
* Step / Step Back / Play / Run to End / :meth:`jump` move k; stepping past the end of a
  forward runs the backward; stepping with no run (or a stale one) starts a run.

Edits to the graph mark the shown run stale (until the next run, or until undo brings back the
document it was made on: then its results are valid again); freezing a parameter,
choosing the loss or toggling retain_grad re-run the same thing at once, from the same
``.grad`` values, so the difference shows immediately.
"""

from __future__ import annotations

import gc
import logging

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from graphstudio.run.runner import Runner, RunOptions, run_inputs
from graphstudio.run.session import replay
from graphstudio.ui.run import messages
from graphstudio.ui.run.animation import WireAnimator
from graphstudio.ui.run.scene_display import SceneDisplay
from graphstudio.ui.run.wire_travel import travelling_wires

__all__ = ["RunController"]

log = logging.getLogger(__name__)

#: edits that do not change any computed number
#: events that change no number a run shows (order_changed: undo putting the node and wire
#: order back; nothing is added, removed or altered)
_HARMLESS = {"node_moved", "node_renamed", "meta_changed", "order_changed"}
#: run options that re-run at once (the person asked to see their effect)
_RERUN_OPTIONS = {"loss", "retain_grad", "hooks"}
#: run options that change what the shown run would be
_STALE_OPTIONS = {"gradient", "no_grad", "session"}


class RunController(QObject):
    """See the module docstring. Every public method is safe to connect to a button."""

    stepChanged = Signal(int)
    timelineChanged = Signal()
    stateChanged = Signal()
    statusMessage = Signal(str)

    def __init__(self, graph, undo_stack, scene, parent=None):
        super().__init__(parent)
        self.graph, self.undo_stack, self.scene = graph, undo_stack, scene
        self.runner = Runner(graph)
        self.timeline = None
        self.k = -1
        self.kind: str | None = None      # "forward" or "run": what made the timeline
        self.stale = False
        self.stale_reason = ""
        self.animate = True
        self.step_ms = 450                # how long values/gradients travel a wire
        self.play_interval = 800          # ms between steps while playing
        self.display = SceneDisplay(scene, graph)
        self.animator = WireAnimator(self)
        self._play = QTimer(self)
        self._play.timeout.connect(self._play_tick)
        self._rerun = QTimer(self)
        self._rerun.setSingleShot(True)
        self._rerun.setInterval(0)
        self._rerun.timeout.connect(self._rerun_now)
        self._rerun_why = ""
        self._run_inputs = None  # what the shown timeline was computed from (run_inputs)
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.timeout.connect(self._check_back)
        self._unsubscribe = graph.subscribe(self._on_event)

    # ------------------------------------------------------------------ queries
    @property
    def playing(self) -> bool:
        return self._play.isActive()

    @property
    def valid(self) -> bool:
        """A timeline is shown and the graph has not changed since it ran."""
        return self.timeline is not None and not self.stale

    @property
    def at_end(self) -> bool:
        return self.timeline is not None and self.k >= len(self.timeline) - 1

    def options(self, **overrides) -> RunOptions:
        return RunOptions.from_graph(self.graph, **overrides)

    def backward_reason(self) -> str | None:
        """Why Backward is not possible now (None: it is)."""
        if not self.graph.nodes:
            return self.tr("the graph is empty")
        if self.graph.run.get("no_grad"):
            return self.tr("no_grad is on: the forward runs under torch.no_grad(), so nothing "
                           "gets a grad_fn and there is no backward (untick Run ▸ Options ▸ "
                           "Forward under no_grad)")
        tl = self.timeline
        if self.valid and tl.backward_unavailable_reason and self.kind == "run":
            reason = tl.backward_unavailable_reason
            if reason.endswith("set a gradient seed"):  # say where
                reason += self.tr(" (Run ▸ Options ▸ Gradient Seed…)")
            return reason
        return None

    def close(self) -> None:
        """Stop following the graph (the window is closing)."""
        self._play.stop()
        self._rerun.stop()
        self.animator.finish()
        self._unsubscribe()

    # ------------------------------------------------------------------ session actions
    def forward(self) -> bool:
        """Run the forward pass and show its end."""
        self._stop_motion()
        tl = self._call(lambda: self.runner.forward(self.options()))
        if tl is None:
            return False
        self._set_timeline(tl, "forward", tl.forward_count - 1)
        self._say_result(self.tr("Forward"))
        return True

    def backward(self) -> bool:
        """Backward on the last forward (a forward first when there is none) and show the end."""
        self._stop_motion()
        reason = self.backward_reason()
        if reason:
            self._say(self.tr("No backward: {0}").format(reason))
            return False
        tl = self._call(lambda: self.runner.backward(self.options()))
        if tl is None:
            return False
        self._set_timeline(tl, "run", len(tl) - 1)
        self._say_result(self.tr("Backward"))
        return True

    def zero_grads(self) -> bool:
        """Set every leaf's ``.grad`` to None; a fresh forward then shows the session."""
        self._stop_motion()
        leaves = [self.graph.nodes[nid].name for nid in self.runner.parameters()]
        self.runner.zero_grad()
        names = ", ".join(leaves[:6]) + (" …" if len(leaves) > 6 else "")
        msg = (self.tr("Zeroed .grad of {0} (now None)").format(names) if leaves
               else self.tr("No parameter requires grad"))
        if self.timeline is not None:
            tl = self._call(lambda: self.runner.forward(self.options()))
            if tl is None:
                return False
            self._set_timeline(tl, "forward", tl.forward_count - 1)
            msg += self.tr("; forward ready, Backward computes fresh gradients")
        self._say(msg)
        return True

    def reset(self, quiet: bool = False) -> None:
        """Forget the run: a new session (every ``.grad`` gone), nothing shown."""
        self._stop_motion()
        self.runner = Runner(self.graph)
        self.timeline, self.k, self.kind, self.stale = None, -1, None, False
        self.display.clear()
        self.timelineChanged.emit()
        self.stepChanged.emit(-1)
        self.stateChanged.emit()
        if not quiet:
            self._say(self.tr("Reset: results cleared and every .grad forgotten"))

    # ------------------------------------------------------------------ moving through steps
    def step(self) -> bool:
        """One step on (starting a run, or the backward after a forward, when needed)."""
        self.animator.finish()
        if not self.valid:
            if not self._start_run():
                return False
            self._go(0, animate=True)
            return True
        if not self.at_end:
            self._go(self.k + 1, animate=True)
            return True
        if self.kind == "forward" and self.backward_reason() is None:
            fc = self.timeline.forward_count
            tl = self._call(lambda: self.runner.backward(self.options()))
            if tl is None:
                return False
            self._set_timeline(tl, "run", fc - 1)
            if len(tl) > fc:
                self._go(fc, animate=True)
                return True
        self._say(self._end_text())
        self._pause_quietly()
        return False

    def step_back(self) -> bool:
        self.animator.finish()
        if self.timeline is None:
            self._say(self.tr("Nothing to step back through: run first (F10 steps forward)"))
            return False
        if self.k < 0:
            self._say(self.tr("At the start of the run"))
            return False
        self._go(self.k - 1)
        return True

    def jump(self, k: int) -> bool:
        """Show step ``k`` (-1: before the run) of the current timeline."""
        self.animator.finish()
        if self.timeline is None or not -1 <= k < len(self.timeline):
            return False
        self._go(k)
        return True

    def run_to_end(self) -> bool:
        """Finish the run (starting one, or the backward after a forward) and show its end."""
        self._stop_motion()
        if not self.valid and not self._start_run():
            return False
        if self.kind == "forward" and self.backward_reason() is None:
            return self.backward()
        self._go(len(self.timeline) - 1)
        self._say_result(self.tr("Run"))
        return True

    # ------------------------------------------------------------------ playing
    def set_speed(self, steps_per_second: float) -> None:
        """Play speed; wire animations take most of each step."""
        sps = min(max(float(steps_per_second), 0.25), 30.0)
        self.play_interval = int(1000 / sps)
        self.step_ms = int(min(450, self.play_interval * 0.7))
        if self.playing:
            self._play.setInterval(self.play_interval)

    def play(self) -> bool:
        if not self.graph.nodes:
            self._say(self.tr("Nothing to play: the graph is empty"))
            return False
        if self.valid and self.at_end and not (self.kind == "forward"
                                               and self.backward_reason() is None):
            self.jump(-1)  # replay the same run from the start
        self._play.start(self.play_interval)
        self.stateChanged.emit()
        self._play_tick()
        return True

    def pause(self) -> None:
        if self.playing:
            self._play.stop()
            self.stateChanged.emit()

    def toggle_play(self) -> None:
        self.pause() if self.playing else self.play()

    def _play_tick(self) -> None:
        try:
            if not self.step():
                self._pause_quietly()
        except Exception as ex:  # a timer slot must never raise
            log.exception("play step failed")
            self._pause_quietly()
            self._say(self.tr("Stopped playing: {0}").format(ex))

    def _pause_quietly(self) -> None:
        if self.playing:
            self._play.stop()
            self.stateChanged.emit()

    # ------------------------------------------------------------------ internals
    def _stop_motion(self) -> None:
        self._pause_quietly()
        self.animator.finish()

    def _call(self, fn):
        """Run an engine call; report and return None if it raises."""
        try:
            return fn()
        except Exception as ex:  # the engine's message, never a traceback in the window
            log.exception("run failed")
            self._say(self.tr("The run failed: {0}").format(ex))
            return None

    def _start_run(self) -> bool:
        was_stale = self.stale
        tl = self._call(self._fresh_run)
        if tl is None:
            return False
        self._set_timeline(tl, "run", -1)
        if was_stale:
            self._say(self.tr("The graph changed: started a new run"))
        return True

    def _fresh_run(self):
        """A whole run: a document's session replayed from new tensors (stepping
        walks across its sections), else one forward and backward (also when Forward under
        no_grad is ticked: that option asks for one run without grad)."""
        if not self.graph.run.get("session") or self.graph.run.get("no_grad"):
            return self.runner.run(self.options())
        self.runner = Runner(self.graph)
        result = replay(self.graph, self.runner)
        if result.error:
            self._say(self.tr("The session stopped at {0}").format(result.error))
        return result.timeline

    def _set_timeline(self, tl, kind: str, k: int) -> None:
        self.timeline, self.kind, self.stale, self.stale_reason = tl, kind, False, ""
        self._run_inputs = run_inputs(self.graph)
        self.timelineChanged.emit()
        self._go(k)
        if len(self.graph.nodes) > self.scene.LAZY_CARDS:  # a big run's objects live while
            gc.freeze()  # it is shown: out of the collector's way (sketch.let_go_of_frozen)
        self.stateChanged.emit()

    def _go(self, k: int, animate: bool = False) -> None:
        """Show step k; with ``animate``, let the step's wires carry their values first."""
        tl = self.timeline
        prev, self.k = self.k, k
        pre, wires = {}, []
        if animate and self.animate and k == prev + 1 and 0 <= k < len(tl):
            pre, wires = travelling_wires(self.scene, self.graph, tl, k, self.stale)
        self.display.show(tl, k, self.stale, pre)
        if wires:
            self.animator.start(wires, self.step_ms,
                                lambda: self.display.show(tl, k, self.stale))
        self.stepChanged.emit(k)

    def _end_text(self) -> str:
        return messages.end_text(self.timeline, self.backward_reason())

    def _say(self, msg: str) -> None:
        self.statusMessage.emit(msg)

    def _say_result(self, what: str) -> None:
        reason = self.backward_reason() if self.kind == "run" else None
        self._say(messages.result_text(what, self.timeline, self.graph, reason, self.scene))

    # ------------------------------------------------------------------ following the graph
    def _on_event(self, ev) -> None:
        if not shiboken6.isValid(self):  # the window is gone
            self._unsubscribe()
            return
        try:
            self.display.follow(ev)  # cards and wires the scene removed or built again
            if ev.kind in _HARMLESS:
                return
            if ev.kind == "reset":  # another document: a new session
                self._rerun.stop()
                self.reset(quiet=True)
                return
            if ev.kind == "run_changed":
                if ev.key in _RERUN_OPTIONS:
                    self._schedule_rerun(self.tr("run option {0}").format(ev.key))
                elif ev.key in _STALE_OPTIONS:
                    self._mark_stale(self.tr("run option {0} changed").format(ev.key))
                    self._recheck.start(0)
                self.stateChanged.emit()
                return
            if ev.kind == "attr_changed" and ev.key == "requires_grad":
                node = self.graph.nodes.get(ev.node_id)
                name = node.name if node else self.tr("a parameter")
                self._schedule_rerun((self.tr("{0} frozen") if ev.new is False
                                      else self.tr("{0} trainable")).format(name))
                return
            self._mark_stale(self.tr("the graph changed"))
            self._recheck.start(0)
        except Exception:  # a model listener must never raise into the model
            log.exception("run display failed to follow %s", ev.kind)

    def _schedule_rerun(self, why: str) -> None:
        if self.timeline is None:
            return
        self._rerun_why = why
        self._rerun.start()

    def _mark_stale(self, why: str) -> None:
        if self.timeline is None or self.stale:
            return
        self._stop_motion()
        self.stale, self.stale_reason = True, why
        self.display.show(self.timeline, self.k, True)
        self.stateChanged.emit()
        self.stepChanged.emit(self.k)
        self._say(self.tr("Results are stale ({0}): Step, Forward or Run to End computes them "
                          "again; undoing the edits brings them back").format(why))

    def _check_back(self) -> None:
        """Undo took the document back to what the shown run was made on: valid again."""
        if self.timeline is None or not self.stale or self._run_inputs is None:
            return
        if run_inputs(self.graph) != self._run_inputs:
            return
        self.stale, self.stale_reason = False, ""
        self.display.show(self.timeline, self.k, False)
        self.stateChanged.emit()
        self.stepChanged.emit(self.k)
        self._say(self.tr("The graph is back to what this run was made on: its results are "
                          "valid again"))

    def _rerun_now(self) -> None:
        """Run the shown kind of run again on the changed graph, from the same ``.grad`` values
        the shown run started with, and stay at the same place (the end stays the end)."""
        tl = self.timeline
        if tl is None:
            return
        try:
            was_playing = self.playing
            self._stop_motion()
            in_backward = self.k >= tl.forward_count or self.at_end
            self.runner.restore_grads(tl)
            if self.kind == "forward":
                new = self.runner.forward(self.options())
            else:
                new = self._fresh_run()
            k = len(new) - 1 if in_backward else min(self.k, len(new) - 1)
            self._set_timeline(new, self.kind or "run", k)
            self._say_result(self.tr("Re-ran ({0})").format(self._rerun_why))
            if was_playing and not self.at_end:
                self.play()
        except Exception as ex:  # the shown results are not those of the graph any more
            log.exception("re-run failed")
            self._mark_stale(self.tr("re-running after {0} failed: {1}").format(
                self._rerun_why, ex))

    # ------------------------------------------------------------------ node gestures
    def backward_from(self, node_id: str) -> bool:
        """Make ``node_id`` the loss (undoable) and run backward from it."""
        from graphstudio.ui.commands import SetRunOptionCommand, try_push

        node = self.graph.nodes.get(node_id)
        if node is None:
            return False
        if self.graph.run.get("loss") != node_id:
            reason = try_push(self.undo_stack, SetRunOptionCommand(
                self.graph, "loss", node_id,
                text=self.tr("Backward from {0}").format(node.name)))
            if reason:
                self._say(reason)
                return False
        self._rerun.stop()
        return self.backward()

    def toggle_retain_grad(self, node_id: str) -> bool:
        """Keep (or stop keeping) the ``.grad`` of non-leaf ``node_id`` (undoable)."""
        from graphstudio.ui.commands import SetRunOptionCommand, try_push

        node = self.graph.nodes.get(node_id)
        if node is None:
            return False
        kept = list(self.graph.run.get("retain_grad", ()))
        on = node_id not in kept
        kept = kept + [node_id] if on else [n for n in kept if n != node_id]
        text = (self.tr("Retain grad of {0}") if on
                else self.tr("Stop retaining grad of {0}")).format(node.name)
        reason = try_push(self.undo_stack, SetRunOptionCommand(
            self.graph, "retain_grad", tuple(kept) if kept else None, text=text))
        if reason:
            self._say(reason)
            return False
        if self.timeline is None:
            self._say((self.tr("{0}.retain_grad() on: the next backward keeps its .grad") if on
                       else self.tr("{0}.retain_grad() off")).format(node.name))
        return True

    def set_hook(self, node_id: str, hook: dict | None) -> bool:
        """Give ``node_id`` a gradient hook (see :mod:`graphstudio.graph.grad_hooks`; None:
        remove it), as one undoable change of the run option ``hooks``."""
        from graphstudio.graph.grad_hooks import hook_text
        from graphstudio.ui.commands import SetRunOptionCommand, try_push

        node = self.graph.nodes.get(node_id)
        if node is None:
            return False
        hooks = {k: v for k, v in self.graph.run.get("hooks", {}).items() if k != node_id}
        if hook is not None:
            hooks[node_id] = hook
        text = (self.tr("Gradient hook on {0}: {1}").format(node.name, hook_text(hook))
                if hook is not None else self.tr("Remove the gradient hook of {0}").format(
                    node.name))
        reason = try_push(self.undo_stack, SetRunOptionCommand(
            self.graph, "hooks", hooks or None, text=text))
        if reason:
            self._say(reason)
            return False
        return True
