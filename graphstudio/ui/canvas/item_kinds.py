"""The canvas items' ``QGraphicsItem.type()`` numbers, so one kind of item can recognise
another without importing its class (cards and wires refer to each other)."""

from PySide6.QtWidgets import QGraphicsItem

__all__ = ["NODE_CARD"]

#: ``NodeItem.type()``: a node's card.
NODE_CARD = QGraphicsItem.UserType + 1
