"""A run shown on a big document: the canvas is stretched (display only) so that no two cards
meet once they grow to show values, ``.grad`` and ``grad_fn``; the document keeps its
positions, a card dragged meanwhile lands where it was dropped, and Reset puts everything
back (ui/canvas/run_room.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtTest import QTest

from graphstudio.graph.model import TensorSpec
from graphstudio.run.runner import Runner, RunOptions
from graphstudio.ui.run.scene_display import SceneDisplay
from tests.support.big_scene import settle_scene, show_big_document
from tests.support.run_fixtures import big_run  # noqa: F401 (a fixture)


@pytest.fixture
def big(qtbot, monkeypatch):
    """A 300-node document shown by a scene that treats more than 60 nodes as big, and by a
    display that counts more than 60 nodes as a big document (as over make_room.LIMIT)."""
    monkeypatch.setattr("graphstudio.ui.run.scene_display.MAKE_ROOM_LIMIT", 60)
    yield (big := show_big_document(qtbot, monkeypatch, 300, LAZY_CARDS=60, FIRST_CARDS=20,
                                    DEFER_LAYOUT=5))
    big[0].detach()


def _built(scene):
    cards = [scene.built_card(nid) for nid in scene.graph.nodes]
    return [card for card in cards if card is not None]


def _overlapping(scene) -> list[tuple[str, str]]:
    """Names of the pairs of built cards that meet (the glow margin is not card)."""
    cards = _built(scene)
    rects = [card.sceneBoundingRect().adjusted(7, 7, -7, -7) for card in cards]
    return [(cards[i].name, cards[j].name) for i, a in enumerate(rects)
            for j in range(i + 1, len(rects)) if a.intersects(rects[j])]


def _run_shown(scene, qtbot):
    """(a SceneDisplay showing the first backward steps of a run (every card grown), the
    RoomMap made for them), once the room is made."""
    g = scene.graph
    settle_scene(scene)
    tl = Runner(g).forward(RunOptions.from_graph(g))
    display = SceneDisplay(scene, g)
    display.show(tl, 0)
    display.show(tl, tl.forward_count + 2)
    display.flush()
    planner, rooms = getattr(display, "room_planner", None), []
    if planner is not None:
        planner.ready.connect(rooms.append)
        qtbot.waitUntil(lambda: not planner.busy, timeout=10_000)
    settle_scene(scene)
    return display, rooms[-1] if rooms else None


def test_cards_grown_by_a_run_never_meet_and_the_document_keeps_its_positions(big, qtbot):
    scene, view, _stack = big
    g = scene.graph
    settle_scene(scene)
    positions = {nid: tuple(node.pos) for nid, node in g.nodes.items()}
    first = _built(scene)[0]
    display, room = _run_shown(scene, qtbot)
    assert len(_built(scene)) > 10
    assert _overlapping(scene) == []
    assert room is not None and room.xs.total > 0  # the layout was for bare cards
    assert first.size()[0] > 200  # the run grew the cards (values, .grad, grad_fn)
    assert (first.pos().x(), first.pos().y()) == scene.shown_pos(first.node_id)
    built = len(_built(scene))
    view.centerOn(view.mapToScene(view.viewport().rect().center()) + QPointF(2500, 600))
    settle_scene(scene)  # the cards come into view are built grown, where the room is
    assert len(_built(scene)) > built
    assert _overlapping(scene) == []
    assert {nid: tuple(node.pos) for nid, node in g.nodes.items()} == positions
    display.clear()  # Reset: every card back where the document has it
    for card in _built(scene):
        assert (card.pos().x(), card.pos().y()) == positions[card.node_id]


def test_the_view_keeps_showing_the_same_place_when_the_room_is_made(big, qtbot):
    scene, view, _stack = big
    settle_scene(scene)
    view.centerOn(1500, 700)
    settle_scene(scene)
    centre = view.mapToScene(view.viewport().rect().center())
    display, room = _run_shown(scene, qtbot)
    after = view.mapToScene(view.viewport().rect().center())
    assert (after.x(), after.y()) != (centre.x(), centre.y())  # the canvas did stretch
    # the same document point (a view is placed to whole pixels, once for each map shown)
    assert after.x() == pytest.approx(room.xs(centre.x()), abs=4)
    assert after.y() == pytest.approx(room.ys(centre.y()), abs=4)
    display.clear()


def _a_gap_right_of(stretch, v: float) -> float:
    """A point right of ``v`` in a gap the stretch opened (no document point is shown there)."""
    while stretch(stretch.back(v)) == v:
        v += 2.0
    return v


def test_a_card_dragged_on_the_stretched_canvas_lands_where_it_was_dropped(big, qtbot):
    scene, view, stack = big
    display, room = _run_shown(scene, qtbot)
    card = _built(scene)[0]
    view.centerOn(card)
    settle_scene(scene)
    before = tuple(scene.graph.nodes[card.node_id].pos)
    start = card.pos()
    gap_x = _a_gap_right_of(room.xs, start.x() + 20)  # let go where the room opened a gap
    grab = view.mapFromScene(card.scenePos() + QPointF(30, 12))  # on its title
    drop = view.mapFromScene(card.scenePos() + QPointF(30 + gap_x - start.x(), 12 + 40))
    QTest.mousePress(view.viewport(), Qt.LeftButton, Qt.NoModifier, grab)
    QTest.mouseMove(view.viewport(), grab + QPoint(10, 10))
    QTest.mouseMove(view.viewport(), drop)
    QTest.mouseRelease(view.viewport(), Qt.LeftButton, Qt.NoModifier, drop)
    settle_scene(scene)
    dropped = start + view.mapToScene(drop) - view.mapToScene(grab)
    after = tuple(scene.graph.nodes[card.node_id].pos)
    assert after == room.doc(dropped.x(), dropped.y()) != before
    assert room.shown(*after) != (dropped.x(), dropped.y())  # the gap: no document point
    assert (card.pos().x(), card.pos().y()) == scene.shown_pos(card.node_id) == \
        (dropped.x(), dropped.y())  # it stays where it was let go
    stack.undo()
    settle_scene(scene)
    assert tuple(scene.graph.nodes[card.node_id].pos) == before
    assert (card.pos().x(), card.pos().y()) == scene.shown_pos(card.node_id) == \
        room.shown(*before)
    stack.redo()
    assert (card.pos().x(), card.pos().y()) == (dropped.x(), dropped.y())
    display.clear()  # Reset: where the document has it
    assert (card.pos().x(), card.pos().y()) == after


def test_a_larger_text_size_during_the_run_gets_its_room_too(big, qtbot):
    from graphstudio.ui.canvas.readable import set_text_scale

    scene, _view, _stack = big
    display, room = _run_shown(scene, qtbot)
    try:
        set_text_scale(1.5)  # as View > Text Size does: the cards grow again
        scene.restyle_cards()
        display.remake_room()
        qtbot.waitUntil(lambda: not display.room_planner.busy, timeout=10_000)
        settle_scene(scene)
        assert len(_built(scene)) > 10
        assert _overlapping(scene) == []
    finally:
        set_text_scale(1.0)
        scene.restyle_cards()
    display.clear()


def test_a_card_widened_by_a_long_error_stays_clear_of_the_next_column(qapp):
    # outside a run nothing is stretched: an error's footer (cut to fit, all of it in the
    # tooltip) must fit in the gap the auto-layout leaves beside the narrowest card
    from graphstudio.graph.auto_layout import H_GAP
    from graphstudio.graph.model import Graph
    from graphstudio.graph.node_table import NODE_TYPES
    from graphstudio.graph.shape_rules import ShapeResult
    from graphstudio.ui.canvas.node_item import MIN_W, NodeItem
    from graphstudio.ui.theme import LIGHT

    g = Graph()
    node = g.add_node("matmul", "mm")
    error = ("matmul: mat1 and mat2 shapes cannot be multiplied (1x5 and 4x3); the inner "
             "dimensions must agree")
    card = NodeItem(node, NODE_TYPES["matmul"], LIGHT, ShapeResult(None, None, error))
    card.set_loss_mark(True)  # the widest footer: the error beside a tag
    assert card.error == error
    assert MIN_W + 12 <= card.size()[0] <= MIN_W + H_GAP - 12


def test_a_rubber_band_on_the_stretched_canvas_selects_the_sketched_nodes_it_covers(big, qtbot):
    from graphstudio.ui.canvas.card_blocks import BLOCK_ZOOM
    from graphstudio.ui.canvas.node_queue import ROUGH_H, ROUGH_W

    scene, view, _stack = big
    display, _room = _run_shown(scene, qtbot)
    view.set_zoom(BLOCK_ZOOM * 0.4)
    view.centerOn(scene.items_bounding_rect().center())
    settle_scene(scene)
    vp = view.viewport()
    start, end = QPoint(vp.width() // 3, vp.height() // 3), QPoint(vp.width() - 10,
                                                                   vp.height() - 10)
    while view.itemAt(start) is not None:  # from empty canvas (the sketch is never hit)
        start += QPoint(3, 2)
    QTest.mousePress(vp, Qt.LeftButton, Qt.NoModifier, start)
    for k in (1, 2, 3, 4, 5, 6, 7, 8, 8):
        QTest.mouseMove(vp, start + (end - start) * (k / 8))
    QTest.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, end)
    settle_scene(scene)
    band = view.mapToScene(QRect(start, end).normalized()).boundingRect()
    sketched = {nid for nid in scene.graph.nodes if scene.built_card(nid) is None
                and band.intersects(QRectF(*scene.shown_pos(nid), ROUGH_W, ROUGH_H))}
    chosen = set(scene.selected_node_ids())
    assert len(sketched) > 10 and sketched <= chosen
    display.clear()


def test_a_node_added_or_brought_back_during_the_run_is_placed_through_the_room(big, qtbot):
    scene, view, stack = big
    display, room = _run_shown(scene, qtbot)
    card = _built(scene)[3]
    drop = QPointF(_a_gap_right_of(room.xs, card.pos().x() + 40),
                   card.pos().y() + card.size()[1] + 30)
    nid = view.add_node("add", drop)  # as a palette drop or Quick Add there (in a gap)
    assert tuple(scene.graph.nodes[nid].pos) == room.doc(drop.x(), drop.y())
    new = scene.built_card(nid)
    assert (new.pos().x(), new.pos().y()) == scene.shown_pos(nid) == (drop.x(), drop.y())
    stack.undo()
    gone = card.node_id
    spot = (card.pos().x(), card.pos().y())
    scene.select_nodes([gone])
    view.delete_selection()
    assert gone not in scene.graph.nodes
    stack.undo()  # back where it was shown (the stretched place), not at its bare position
    settle_scene(scene)
    back = scene.built_card(gone)
    assert (back.pos().x(), back.pos().y()) == spot != tuple(scene.graph.nodes[gone].pos)
    display.clear()


def test_a_run_stopped_by_an_edit_gets_its_own_room_and_reset_gives_bare_cards(big, qtbot):
    scene, _view, _stack = big
    g = scene.graph
    display, _room = _run_shown(scene, qtbot)
    grown = {card.node_id: card.size() for card in _built(scene)}
    first = display.timeline
    display.show(first, 0)  # back to the first step: most cards show nothing, keep room
    display.flush()
    w = next(nid for nid, node in g.nodes.items() if node.name == "w1_0")
    g.set_tensor(w, TensorSpec("randn", (4, 6), seed=1))  # the run now stops at mm1_0
    settle_scene(scene)
    tl = Runner(g).forward(RunOptions.from_graph(g))
    assert len(tl) < len(first)  # it stops where the shapes no longer fit
    display.show(tl, 0)
    display.flush()
    qtbot.waitUntil(lambda: not display.room_planner.busy, timeout=10_000)
    settle_scene(scene)
    assert _overlapping(scene) == []
    display.show(tl, len(tl) - 1)  # the end of what ran: every card it reached shows it
    display.flush()
    settle_scene(scene)
    assert _overlapping(scene) == []
    display.clear()  # Reset: bare cards where the document has them
    settle_scene(scene)
    assert _overlapping(scene) == []
    for card in _built(scene):
        assert not card.room
        if card.node_id in grown:
            assert card.size()[0] < grown[card.node_id][0]


def test_telling_whether_cards_overlap_builds_no_card_of_a_big_document(big):
    from graphstudio.ui.run.messages import cards_overlap

    scene, _view, _stack = big
    settle_scene(scene)
    built = scene.cards_built
    assert not cards_overlap(scene, limit=100)
    assert scene.cards_built == built


def test_follow_step_keeps_the_steps_card_in_view_when_the_room_is_made(big_run, qtbot):  # noqa: F811
    from graphstudio.ui.run.keep_in_view import FollowStep

    c, scene, view = big_run(400)  # over make_room.LIMIT: a big document's room
    view.resize(900, 600)
    follow = FollowStep(view, c)
    c.display.on_room_made = follow.keep_step_in_view
    for _ in range(30):
        c.step()
    qtbot.waitUntil(lambda: not c.display.room_planner.busy, timeout=10_000)
    settle_scene(scene)
    card = scene.built_card(c.timeline.steps[c.k].node_id)
    assert view.visible_scene_rect().contains(card.sceneBoundingRect())


def test_the_cards_in_view_have_room_at_once_before_every_card_is_measured(big, qtbot):
    scene, _view, _stack = big
    g = scene.graph
    settle_scene(scene)
    tl = Runner(g).forward(RunOptions.from_graph(g))
    display = SceneDisplay(scene, g)
    display.show(tl, tl.forward_count + 2)  # the built cards measured now, the rest guessed
    display.flush()
    planner = display.room_planner
    assert planner.busy and planner.guessed is not None
    assert scene.shown_pos(_built(scene)[-1].node_id) == planner.guessed.shown(
        *g.nodes[_built(scene)[-1].node_id].pos)
    assert _overlapping(scene) == []
    qtbot.waitUntil(lambda: not planner.busy, timeout=10_000)
    settle_scene(scene)
    assert _overlapping(scene) == []
    display.clear()


def test_an_animation_export_of_a_big_document_lays_its_copy_out_without_the_room(qapp):
    from graphstudio.ui.share.frames import RunFrames
    from graphstudio.ui.theme import LIGHT
    from tests.support.graph_generator import make_large_graph

    g = make_large_graph(320)  # over make_room.LIMIT
    tl = Runner(g).forward(RunOptions.from_graph(g))
    frames = RunFrames(g, tl, (640, 360), LIGHT)
    try:
        assert frames.display.room_planner is None  # nothing to move the frames later
        for nid, node in g.nodes.items():
            card = frames.scene.built_card(nid)
            assert (card.pos().x(), card.pos().y()) == tuple(node.pos)
        assert _overlapping(frames.scene) == []  # the export's own layout for grown cards
    finally:
        frames.close()
