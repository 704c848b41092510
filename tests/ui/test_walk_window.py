"""The window as a new user meets it (issue 10): long messages, the tutorial link without a
browser, long run errors on a card."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton

from graphstudio.graph.model import TensorSpec
from graphstudio.ui.commands import AddNodeCommand, try_push
from graphstudio.ui.help import AUTOGRAD_TUTORIAL_URL

LONG = ("matmul: (2, 3) @ (5, 7): inner dimensions 3 and 5 differ; "
        "the first operand's last size must equal the second operand's first size " * 3)


def test_a_long_status_message_is_cut_before_the_node_count(window, qtbot):
    """Qt clipped a long message mid-letter right against "0 nodes · 0 wires"."""
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.count_label.x() > 0)
    window.scene.statusMessage.emit(LONG)
    bar = window.statusBar()
    assert bar.currentMessage() == LONG  # whole, for whoever reads it
    shown = bar.shown_message()
    assert shown.endswith("…") and shown[:-1].strip() in " ".join(LONG.split())
    assert 6 + bar.fontMetrics().horizontalAdvance(shown) < window.count_label.x()
    assert bar.toolTip() == " ".join(LONG.split())  # all of it, on hover
    # what is painted: no message pixels in the gap before the node count
    image = bar.grab().toImage()
    gap = range(window.count_label.x() - 5, window.count_label.x() - 2)
    background = image.pixelColor(gap[0], 2)
    assert all(image.pixelColor(x, y) == background
               for x in gap for y in range(2, bar.height() - 2))
    window.show_status("saved")
    assert bar.shown_message() == "saved" and bar.toolTip() == ""


def test_tutorial_link_without_a_browser_shows_the_address(window, monkeypatch, qtbot):
    """Help > PyTorch Autograd Tutorial did nothing visible when no browser could open."""
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or False)
    window.actions["tutorial"].trigger()
    assert [u.toString() for u in opened] == [AUTOGRAD_TUTORIAL_URL]
    box = window.findChild(QMessageBox, "tutorialAddress")
    assert box is not None and box.isVisible()
    assert "No web browser could be opened" in box.text() and AUTOGRAD_TUTORIAL_URL in box.text()
    assert box.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    copy = next(b for b in box.findChildren(QPushButton) if b.text() == "Copy Address")
    QGuiApplication.clipboard().clear()
    copy.click()
    assert QGuiApplication.clipboard().text() == AUTOGRAD_TUTORIAL_URL
    assert box.isVisible()  # copying keeps the address on screen
    box.close()


def test_a_long_run_error_is_cut_on_the_card_with_all_of_it_in_the_tooltip(run_window):
    """A run error made its card as wide as the message."""
    r = run_window(None)
    g = r.graph
    cmds = [AddNodeCommand(g, "input", pos=(0, 0), name="logits",
                           tensor=TensorSpec.from_array(np.zeros((2, 3), np.float32))),
            AddNodeCommand(g, "input", pos=(0, 200), name="target",
                           tensor=TensorSpec.from_array(np.array([0, 7], np.int64))),
            AddNodeCommand(g, "cross_entropy", pos=(300, 60), name="loss")]
    for cmd in cmds:
        assert try_push(r.window.undo_stack, cmd) is None
    g.connect(r.id("logits"), "out", r.id("loss"), "input")
    g.connect(r.id("target"), "out", r.id("loss"), "target")
    r.qtbot.waitUntil(r.action("forward").isEnabled)
    r.click("forward")
    card = r.card("loss")
    assert "error: cross_entropy: Target 7 is out of bounds." in card.toolTip()
    card.set_run_state(type("S", (), {"value": None, "error": LONG})())
    assert card.size()[0] < 320
    assert any(line.startswith("error: matmul") and line.endswith("…")
               for line in card.display_text().splitlines())
    r.click("reset")
    assert "error:" not in card.toolTip()


def test_jacobian_example_header_and_title_read_whole(run_window):
    """The header read "outT (2-D transpose)" (the type label began with a bare T) and the
    title field showed "oduct: backward from a non-scalar"."""
    from PySide6.QtGui import QTextDocument

    r = run_window("jacobian_product")
    insp = r.window.inspector
    title = "Jacobian product: backward from a non-scalar"
    assert insp.doc_heading.text() == title and insp.doc_heading.isVisible()
    assert insp.title_edit.cursorPosition() == 0 and insp.title_edit.toolTip() == title
    r.click("run_to_end")
    r.scene.select_nodes([r.id("out")])
    r.window.docks["values"].raise_()
    values = r.window.run_controller.ui.values
    r.qtbot.waitUntil(lambda: "out" in values.header.text())
    for header in (values.header.text(), insp.header.text()):
        doc = QTextDocument()
        doc.setHtml(header)
        words = doc.toPlainText().replace("\u00a0", " ").split()
        assert words[0] == "out" and not words[1][0].isalnum(), words  # a separator next
        assert "2-D transpose (.t())" in " ".join(words)
