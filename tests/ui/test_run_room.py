"""The stretch that makes room for a run's values on a big document (ui/canvas/run_room.py):
cards clear of each other stay clear, with at least their gap, however much they grow; the
order of everything is kept; a shown position goes back to the document's."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graphstudio.ui.canvas.run_room import AxisStretch, RoomMap


def test_everything_right_of_a_card_moves_by_as_much_as_it_grows():
    stretch = AxisStretch([(0.0, 100.0, 250.0), (200.0, 100.0, 100.0), (400.0, 100.0, 130.0)])
    assert stretch(0.0) == 0.0
    assert stretch(99.0) == 99.0      # still over the first card: does not move
    assert stretch(200.0) == 350.0    # past it: +150
    assert stretch(400.0) == 550.0    # the second did not grow
    assert stretch(600.0) == 780.0    # past the third too: +150 +30
    assert stretch.total == 180.0


def test_cards_over_each_other_along_an_axis_add_only_the_larger_growth():
    # two cards in one column (one below the other): what lies right of both moves by the
    # larger of their growths, not by their sum
    stretch = AxisStretch([(0.0, 100.0, 300.0), (0.0, 100.0, 160.0), (260.0, 100.0, 100.0)])
    assert stretch(260.0) == 460.0


def test_no_room_needed_is_no_stretch():
    stretch = AxisStretch([(x, 150.0, 150.0) for x in (0.0, 260.0, 520.0)])
    assert [stretch(v) for v in (-5.0, 0.0, 300.0, 900.0)] == [-5.0, 0.0, 300.0, 900.0]
    assert stretch.back(300.0) == 300.0


def test_back_undoes_the_stretch_and_a_gap_goes_to_what_lies_past_it():
    stretch = AxisStretch([(0.0, 100.0, 250.0), (400.0, 100.0, 130.0)])
    for v in (-50.0, 0.0, 99.0, 100.0, 250.0, 399.0, 400.0, 499.0, 500.0, 1000.0):
        assert stretch.back(stretch(v)) == v
    # 100 is shown at 250; what is shown between 100 and 250 is the gap the first card's
    # values fill: a card dropped there lands at the start of what lies past it
    assert stretch.back(180.0) == 100.0


boxes = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(60, 200),
                           st.integers(40, 120), st.integers(0, 300), st.integers(0, 200)),
                 min_size=1, max_size=30)


def _meet(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _gap(a, b) -> float:
    """How far apart two rects are along the axis they are clear along (the larger)."""
    dx = max(b[0] - (a[0] + a[2]), a[0] - (b[0] + b[2]))
    dy = max(b[1] - (a[1] + a[3]), a[1] - (b[1] + b[3]))
    return max(dx, dy)


@settings(max_examples=300, deadline=None)
@given(boxes)
def test_cards_clear_of_each_other_stay_clear_with_their_gap_after_growing(cells):
    # cards on a coarse grid (20 units a cell) with bare sizes and growths; those that meet
    # bare are left out (nothing can part them without moving one past the other)
    rects: dict[int, tuple] = {}
    for i, (cx, cy, w, h, gw, gh) in enumerate(cells):
        bare = (cx * 20.0, cy * 20.0, float(w), float(h))
        if not any(_meet(bare, other[:4]) for other in rects.values()):
            rects[i] = (*bare, w + float(gw), h + float(gh))
    room = RoomMap(rects)
    shown = {i: (*room.shown(r[0], r[1]), r[4], r[5]) for i, r in rects.items()}
    keys = sorted(rects)
    for n, i in enumerate(keys):
        for j in keys[n + 1:]:
            bare_gap = _gap(rects[i][:4], rects[j][:4])
            assert not _meet(shown[i], shown[j])
            assert _gap(shown[i], shown[j]) >= bare_gap
    for r in rects.values():  # the order along each axis is kept, and undone exactly
        assert room.doc(*room.shown(r[0], r[1])) == (r[0], r[1])
    xs = sorted({r[0] for r in rects.values()})
    assert [room.xs(x) for x in xs] == sorted(room.xs(x) for x in xs)


@settings(max_examples=100, deadline=None)
@given(boxes, st.lists(st.tuples(st.floats(-500, 2000), st.floats(-500, 2000)), max_size=20))
def test_a_whole_document_at_once_lands_where_each_point_does(cells, points):
    room = RoomMap({i: (cx * 20.0, cy * 20.0, float(w), float(h), w + float(gw), h + float(gh))
                    for i, (cx, cy, w, h, gw, gh) in enumerate(cells)})
    assert room.shown_many(points) == [room.shown(x, y) for x, y in points]
