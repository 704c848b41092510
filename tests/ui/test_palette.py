"""The palette: every node type by category, filtering, drag payload, activation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.graph.node_types import CATEGORIES
from graphstudio.ui.palette import MIME_NODETYPE, TYPE_ROLE, PaletteWidget
from graphstudio.ui.theme import DARK


@pytest.fixture
def palette(qtbot):
    p = PaletteWidget()
    qtbot.addWidget(p)
    p.show()
    return p


def test_every_type_listed_under_its_category_with_doc_tooltip(palette):
    tree = palette.tree
    heads = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert [h.text(0) for h in heads] == [c for c in CATEGORIES
                                          if any(t.category == c for t in NODE_TYPES.values())]
    listed = {}
    for head in heads:
        assert not head.flags() & Qt.ItemFlag.ItemIsDragEnabled
        for i in range(head.childCount()):
            item = head.child(i)
            listed[item.data(0, TYPE_ROLE)] = head.text(0)
            nt = NODE_TYPES[item.data(0, TYPE_ROLE)]
            assert item.text(0) == nt.label and nt.doc in item.toolTip(0)
            assert not item.icon(0).isNull()  # the category colour chip
    assert listed == {t: nt.category for t, nt in NODE_TYPES.items()}
    assert sorted(palette.visible_type_ids()) == sorted(NODE_TYPES)


def test_filter_hides_non_matching_and_picks_best(palette, qtbot):
    qtbot.keyClicks(palette.filter, "sigm")
    shown = palette.visible_type_ids()
    assert "sigmoid" in shown and "matmul" not in shown
    assert palette.current_type_id() == "sigmoid"
    hidden_heads = [palette._categories[c].isHidden() for c in ("Math", "Activations")]
    assert hidden_heads == [True, False]
    with qtbot.waitSignal(palette.nodeTypeActivated) as got:
        qtbot.keyClick(palette.filter, Qt.Key.Key_Return)
    assert got.args == ["sigmoid"]
    palette.set_filter("")
    assert sorted(palette.visible_type_ids()) == sorted(NODE_TYPES)
    palette.set_filter("zzzzqqq")
    assert palette.visible_type_ids() == []


def test_drag_payload_and_double_click_adds(palette, qtbot):
    """The drag carries the type id (checked on the mime data a drag would take); a real
    double-click on the entry in the tree asks for the node (it used to emit itemActivated
    by hand, skipping the gesture)."""
    item = palette.item_for("bce_with_logits")
    mime = palette.tree.mimeData([item])
    assert palette.tree.mimeTypes() == [MIME_NODETYPE]
    assert bytes(mime.data(MIME_NODETYPE)).decode("utf-8") == "bce_with_logits"
    head = palette._categories["Losses"]
    assert not palette.tree.mimeData([head]).hasFormat(MIME_NODETYPE)
    assert item.flags() & Qt.ItemFlag.ItemIsDragEnabled
    tree = palette.tree
    tree.scrollToItem(item)
    where = tree.visualItemRect(item).center()
    assert tree.viewport().rect().contains(where)
    got = []
    palette.nodeTypeActivated.connect(got.append)
    # the first click of a double-click selects; the second one activates (QTest's mouseDClick
    # sends only the double-click event, which an item view ignores without the press before)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert got == [] and tree.currentItem() is item
    QTest.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert got == ["bce_with_logits"]


def test_theme_recolours_chips(palette):
    before = palette.item_for("relu").icon(0).pixmap(12, 12).toImage().pixelColor(6, 6)
    palette.set_theme(DARK)
    after = palette.item_for("relu").icon(0).pixmap(12, 12).toImage().pixelColor(6, 6)
    assert before != after


def test_a_filter_matching_nothing_says_so(palette, qtbot):
    qtbot.keyClicks(palette.filter, "zzz")
    assert palette.visible_type_ids() == []
    assert palette.no_match.isVisibleTo(palette) and "zzz" in palette.no_match.text()
    palette.filter.clear()
    assert not palette.no_match.isVisibleTo(palette) and palette.visible_type_ids()
