"""A forward under torch.no_grad() looks like one: greyed results, the Steps block, the status."""

from __future__ import annotations


def test_no_grad_forward_greys_results_and_says_so(run_window):
    r = run_window("detach_and_no_grad")
    r.action("opt_no_grad").trigger()
    assert r.c.forward()
    # computed tensors are greyed and say requires_grad=False, with no grad_fn
    for name in ("y", "z", "loss"):
        card = r.card(name)
        assert card.run_state.greyed and card.opacity() < 1.0, name
        assert "requires_grad=False" in r.text(name) and "grad_fn" not in r.text(name)
    assert not r.card("x").run_state.greyed  # the Parameter still requires grad, as in torch
    assert r.wire("y", "y_detached").greyed and r.wire("z", "loss").greyed
    # the Steps dock shows the block under `with torch.no_grad():`
    from graphstudio.ui.run.steps_dock import StepsDock

    steps = r.window.findChild(StepsDock)
    titles = [row[2] for row in steps.model.rows]
    i = titles.index("with torch.no_grad():")
    assert all(t.startswith("    ") for t in titles[i + 1:])
    assert "with torch.no_grad():" in steps.detail.text()
    msg = r.window.statusBar().currentMessage()
    assert msg.startswith("Forward under torch.no_grad(): no graph recorded, so there is no "
                          "backward"), msg


def test_no_grad_values_dock_says_computed_under_no_grad(run_window):
    from graphstudio.ui.run.inspector_run import ValuesDock

    r = run_window("detach_and_no_grad")
    r.action("opt_no_grad").trigger()
    assert r.c.forward()
    r.scene.clearSelection()
    r.card("z").setSelected(True)
    insp = r.window.findChild(ValuesDock)
    insp.refresh(force=True)
    assert "computed under torch.no_grad()" in insp.grad_note.text()
