"""Readable at every step (issue 10): on a 1280x800 window with the default docks, every example
after Run to End and at every step shows card text and wire labels at >= 11 px on screen, no
two cards meet, no wire label sits under a card, and the step's node is in view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtWidgets import QApplication

from graphstudio.ui.canvas.node_item import PAD
from graphstudio.ui.canvas.readable import (
    READABLE_PX,
    readable_zoom,
    set_screen_floor,
    set_text_scale,
)
from tests.support.run_fixtures import EXAMPLES, run_window  # noqa: F401 (fixture)
from tests.support.window_fixtures import dialogs, make_window, settings  # noqa: F401

EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.gsgraph"))


@pytest.fixture(autouse=True)
def normal_text_size():
    yield
    set_text_scale(1.0)  # the factor is process-wide: leave it as other tests expect
    set_screen_floor(None)


def open_at_1280(run_window, example):  # noqa: F811
    r = run_window(example)
    r.window.resize(1280, 800)
    QApplication.processEvents()
    r.window.frame()
    QApplication.processEvents()
    return r


def card_rect(item) -> QRectF:
    return QRectF(item.scenePos(), QSizeF(*item.size()))


def visible(view) -> QRectF:
    return view.mapToScene(view.viewport().rect()).boundingRect()


def problems(r, k: int | None = None) -> list[str]:
    """Everything unreadable on the canvas now (empty: all readable)."""
    view, out = r.window.view, []
    z = view.zoom()
    cards = r.scene.node_items()
    for item in cards:
        px = min(f.pixelSize() for f in item.fonts().all())
        if px * z < READABLE_PX:
            out.append(f"{item.name}: text {px} px x zoom {z:.2f} < {READABLE_PX}")
        w, h = item.size()
        p = item._preview
        if p.width + 2 * PAD > w + 0.5:
            out.append(f"{item.name}: a value line is clipped ({p.width} in a {w} card)")
        if item._preview_top + p.height > h:
            out.append(f"{item.name}: the values run past the card's bottom")
    rects = {item.name: card_rect(item) for item in cards}
    names = sorted(rects)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if rects[a].intersects(rects[b]):
                out.append(f"cards {a} and {b} overlap")
    for wire in r.scene.edge_items():
        label = wire.label_item
        if label is None or not label.isVisible():
            continue
        if label.font().pixelSize() * z < READABLE_PX:
            out.append(f"wire label {wire.label_text()!r} is too small")
        under = [n for n, rect in rects.items() if rect.intersects(label.sceneBoundingRect())]
        if under:
            out.append(f"wire label {wire.label_text()!r} is under {under}")
    tl = r.c.timeline
    if k is not None and tl is not None and 0 <= k < len(tl):
        nid = tl.steps[k].node_id
        card = r.scene.node_item(nid) if nid is not None else None
        if card is not None and not visible(view).contains(card.sceneBoundingRect()):
            out.append(f"step {k + 1}'s node {r.graph.nodes[nid].name} is out of view")
    return out


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_every_example_is_readable_at_every_step(run_window, example):  # noqa: F811
    r = open_at_1280(run_window, example)
    assert r.window.view.viewport().width() >= 600  # the default docks leave the canvas room
    assert problems(r) == []
    assert r.c.run_to_end()
    QApplication.processEvents()
    tl = r.c.timeline
    assert problems(r, r.c.k) == [], "after Run to End"
    assert r.c.display.make_room.moved == {}  # the example is spaced for its grown cards
    for k in range(-1, len(tl)):
        r.c.jump(k)
        QApplication.processEvents()
        assert problems(r, k) == [], f"at step {k + 1} of {len(tl)}"
    r.c.reset()
    n = 0
    while r.c.step():  # stepping from a fresh run (F10), as a class watches it
        n += 1
        assert problems(r, r.c.k) == [], f"stepping, at step {r.c.k + 1}"
    assert n >= len(tl) - 1


def test_framing_never_goes_below_the_readable_floor(run_window):  # noqa: F811
    """At 1280x800 the MLP framed at 38% (4 px text); now F keeps 11 px and shows the graph's
    start (its inputs), the rest a pan away."""
    r = open_at_1280(run_window, "mlp_classifier")
    view = r.window.view
    assert view.zoom() == pytest.approx(max(readable_zoom(), view.zoom()))
    assert view.zoom() >= readable_zoom() - 1e-9
    first = r.scene.node_item(r.graph.node_by_name("X").id)
    assert visible(view).contains(first.sceneBoundingRect())


def test_cards_keep_their_size_while_stepping_and_values_never_move_them(run_window):  # noqa: F811
    r = open_at_1280(run_window, "tutorial_single_layer")
    assert r.c.step()
    sizes = {it.name: it.size() for it in r.scene.node_items()}
    places = {it.name: it.pos() for it in r.scene.node_items()}
    while r.c.step():
        assert {it.name: it.size() for it in r.scene.node_items()} == sizes
        assert {it.name: it.pos() for it in r.scene.node_items()} == places


def test_neighbours_make_room_on_the_canvas_only(run_window, tmp_path):  # noqa: F811
    """Cards placed close (as a person builds the tutorial by hand) grow with the run; the
    neighbours move aside on the canvas, the document keeps its positions (no undo step,
    nothing saved), and Reset puts them back."""
    from graphstudio.ui.commands import MoveNodesCommand, try_push

    r = open_at_1280(run_window, "tutorial_single_layer")
    g = r.graph
    xw, b, z = (g.node_by_name(n) for n in ("xw", "b", "z"))
    moves = {b.id: (tuple(b.pos), (xw.pos[0], xw.pos[1] + 70.0)),
             z.id: (tuple(z.pos), (xw.pos[0] + 200.0, xw.pos[1]))}
    assert try_push(r.window.undo_stack, MoveNodesCommand(g, moves)) is None
    QApplication.processEvents()
    model = {nid: tuple(n.pos) for nid, n in g.nodes.items()}
    undo_count = r.window.undo_stack.count()
    assert r.c.run_to_end()
    QApplication.processEvents()
    assert [p for p in problems(r) if "overlap" in p] == []
    assert r.c.display.make_room.moved  # someone had to move
    assert {nid: tuple(n.pos) for nid, n in g.nodes.items()} == model
    assert r.window.undo_stack.count() == undo_count
    r.c.reset()
    QApplication.processEvents()
    for nid, pos in model.items():
        item = r.scene.node_item(nid)
        assert (item.pos().x(), item.pos().y()) == pos


def test_big_tensors_get_a_summary_and_six_rows_show_in_full(run_window):  # noqa: F811
    import numpy as np

    from graphstudio.ui.canvas.preview import NodeRunState

    r = run_window("tutorial_single_layer")
    w = r.card("w")
    six = np.arange(30.0).reshape(6, 5)
    w.set_run_state(NodeRunState(value=six))
    assert "     [25., 26., 27., 28., 29.]]" in w.display_text().splitlines()
    w.set_run_state(NodeRunState(value=np.arange(35.0).reshape(7, 5) / 10))
    lines = w.display_text().splitlines()
    assert "w: shape (7, 5)" in lines
    assert "  [0., 0.1000, 0.2000, …]" in lines or any(ln.startswith("  [0.") for ln in lines)
    assert any(ln.split()[:1] == ["min"] and "3.4000" in ln for ln in lines)
    assert any(row[0] == "heat" for row in w._preview.rows)
