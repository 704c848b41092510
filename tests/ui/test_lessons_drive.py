"""Each shipped lesson driven to its end, in English and in Chinese: the learner does what
every step asks on the real widgets and every wait and check of every step is met."""

from __future__ import annotations

pytest_plugins = ["tests.ui.test_window_support", "tests.ui.test_lessons_support"]


def _finish(who, actions: dict) -> list[str]:
    """Do each step's actions, see it complete, press Next; returns the step ids walked."""
    walked = []
    lesson = who.driver.lesson
    for i, step in enumerate(lesson.steps):
        assert who.driver.progress.index == i and who.step_id == step.id
        assert not (step.waits and who.complete()), f"{step.id} complete before acting"
        actions.get(step.id, lambda w: None)(who)
        who.wait_complete()
        st = who.driver.status
        assert all(met for _c, met in st.waits) and all(ok for _c, ok, _w in st.checks)
        walked.append(step.id)
        who.next()
    assert who.driver.progress is None  # Finish went back to the list
    assert who.window.settings.lesson_progress(lesson.id)[1] == list(range(len(lesson.steps)))
    return walked


def _step_until(who, step_id):
    for _ in range(40):
        if who.complete():
            return
        who.use("run_step")
    raise AssertionError(f"{step_id}: stepping never completed it")


def test_the_autograd_tutorial_lesson_runs_to_its_end(learner):
    who = learner("tutorial")

    def step_to_w(w):
        w.use("run_reset")
        _step_until(w, "step_to_w")

    def no_grad(w):
        w.use("run_opt_no_grad")
        w.use("run_forward")

    def freeze(w):
        w.use("run_opt_no_grad")
        w.untick_requires_grad("w")
        w.use("run_backward")

    def play(w):
        w.window.run_controller.set_speed(30)
        w.use("run_play")

    actions = {
        "network": lambda w: w.use("run_forward"),
        "backward": lambda w: w.use("run_backward"),
        "step_to_w": step_to_w, "no_grad": no_grad, "freeze": freeze,
        "detach": lambda w: w.use("run_backward"),
        "dag": play,
        "jacobian": lambda w: w.use("run_backward"),
        "second_backward": lambda w: w.use("run_backward"),
        "zero": lambda w: (w.use("run_zero_grads"), w.use("run_backward")),
    }
    assert len(_finish(who, actions)) == 12
