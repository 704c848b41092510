"""Each shipped lesson driven to its end, in English and in Chinese: the learner does what
every step asks on the real widgets and every wait and check of every step is met."""

from __future__ import annotations


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


def test_the_accumulation_lesson_runs_to_its_end(learner):
    who = learner("accumulation")

    def forward_backward(w, option=None):
        if option:
            w.use(option)
        w.use("run_forward")
        w.use("run_backward")

    actions = {
        "fan_out": lambda w: _step_until(w, "fan_out"),
        "summed": lambda w: _step_until(w, "summed"),
        "accumulate": lambda w: forward_backward(w, "run_opt_zero_grad"),
        "zero": lambda w: (w.use("run_zero_grads"), w.use("run_backward")),
        "back_on": lambda w: forward_backward(w, "run_opt_zero_grad"),
    }
    assert _finish(who, actions) == ["fan_out", "summed", "accumulate", "zero", "back_on",
                                     "done"]


def test_the_training_lesson_runs_to_its_end(learner):
    who = learner("training")

    def train(w):
        training = w.window.tools_ui.training
        assert w.window.docks["training"].isVisible()  # the step's highlight opened it
        w.click(training.start_button)
        w.qtbot.waitUntil(lambda: training.state == "idle", timeout=30_000)

    actions = {
        "forward": lambda w: w.use("run_forward"),
        "gradients": lambda w: w.use("run_backward"),
        "train": train,
        "trained": lambda w: w.use("run_forward"),
    }
    assert _finish(who, actions) == ["forward", "gradients", "train", "trained", "done"]
