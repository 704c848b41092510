"""Paste takes what the system clipboard holds, never an earlier copy kept aside."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication


def test_after_copying_text_elsewhere_paste_adds_no_old_nodes(window):
    """A class attribute kept the last copied nodes as a fallback: Ctrl+V on the canvas pasted
    them after the person had copied text in another app (and in every window)."""
    node = window.graph.add_node("relu", "r")
    window.scene.select_nodes([node.id])
    window.actions["copy"].trigger()
    QGuiApplication.clipboard().setText("some text from another app")
    count = len(window.graph)
    window.actions["paste"].trigger()
    assert len(window.graph) == count
    assert "no nodes" in window.statusBar().currentMessage()


def test_copy_then_paste_still_works(window):
    node = window.graph.add_node("relu", "r")
    window.scene.select_nodes([node.id])
    window.actions["copy"].trigger()
    count = len(window.graph)
    window.actions["paste"].trigger()
    assert len(window.graph) == count + 1
