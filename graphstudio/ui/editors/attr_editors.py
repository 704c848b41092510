"""One editor widget per attribute kind for the inspector: a check box (bool), a spin box (int,
dim), a combo box (choice) or a line edit (dims, shape, float, text).

The editor hands the raw value typed to its ``commit`` callback; the inspector has the node
type check it and explains a refusal under the field.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

from graphstudio.graph.literals import format_number
from graphstudio.ui.editors.tensor_text import format_shape, parse_shape

__all__ = ["make_attr_editor"]


def make_attr_editor(spec, commit):
    """A widget editing one attribute of kind ``spec.kind``; returns (widget, set_value).

    ``commit(value)`` is called with the raw value the person entered (None for "not set");
    the caller validates it through the node type.
    """
    kind = spec.kind
    if kind == "bool":
        w = QCheckBox()
        w.clicked.connect(lambda checked: commit(bool(checked)))
        return w, lambda v: w.setChecked(bool(v))
    if kind in ("int", "dim"):
        w = QSpinBox()
        w.setKeyboardTracking(False)
        lo = int(spec.minimum) if spec.minimum is not None else (-16 if kind == "dim" else -10**9)
        hi = int(spec.maximum) if spec.maximum is not None else (15 if kind == "dim" else 10**9)
        if spec.optional:
            lo -= 1
            w.setSpecialValueText(QCoreApplication.translate("AttrEditors", "None (all)")
                                  if kind == "dim" else "None")
        w.setRange(lo, hi)
        w.valueChanged.connect(
            lambda v: commit(None if spec.optional and v == w.minimum() else int(v)))
        return w, lambda v: w.setValue(w.minimum() if v is None else int(v))
    if kind == "choice":
        w = QComboBox()
        if spec.optional:
            w.addItem("None", None)
        for c in spec.choices:
            w.addItem(str(c), c)
        w.activated.connect(lambda i: commit(w.itemData(i)))
        return w, lambda v: w.setCurrentIndex(max(0, w.findData(v)))
    w = QLineEdit()
    parse, show = _text_codec(w, spec)
    w.editingFinished.connect(lambda: w.isModified() and commit(parse(w.text())))
    return w, lambda v: (show(v), w.setModified(False))


def _text_codec(w, spec):
    """(parse(text) -> value, show(value)) for a line edit holding ``spec.kind``."""
    kind = spec.kind
    if kind in ("dims", "shape"):
        w.setPlaceholderText(QCoreApplication.translate("AttrEditors", "None (all)")
                             if spec.optional else QCoreApplication.translate("AttrEditors",
                                                                              "e.g. 0, 1"))

        def parse(text):
            if not text.strip():
                return None
            try:
                if kind == "shape" and "-1" not in text:  # the node type checks the sizes
                    return parse_shape(text, limit=False)
                return tuple(int(p) for p in text.replace("(", "").replace(")", "").split(",")
                             if p.strip())
            except ValueError:
                return text  # the node type's check explains what is wrong

        def show(v):
            w.setText("" if v is None else format_shape(v if isinstance(v, tuple) else (v,)))
    elif kind == "float":
        w.setPlaceholderText("None" if spec.optional else "")

        def parse(text):
            if not text.strip():
                return None
            try:
                return float(text)
            except ValueError:
                return text

        def show(v):
            w.setText("" if v is None else format_number(v, "float64"))
    else:
        def parse(text):
            return text

        def show(v):
            w.setText("" if v is None else str(v))
    return parse, show
