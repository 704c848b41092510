"""The inspector dock: edit the selected node (name, attributes, tensor) or see the selection.

Every edit becomes an undo command pushed with ``try_push``. A refusal is explained right under
the field (:class:`~graphstudio.ui.editors.field_error.FieldError`, and through
:attr:`Inspector.statusMessage`) and a typed text stays in its field to be corrected. The
inspector follows the model's events, so undo, redo and edits made elsewhere show up at once.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from graphstudio.graph.literals import format_number
from graphstudio.graph.model import GraphError
from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.pytorch.torch_lines import node_statement
from graphstudio.ui.commands import (
    RenameNodeCommand,
    SetAttrCommand,
    SetMetaCommand,
    SetTensorCommand,
    try_push,
)
from graphstudio.ui.editors.attr_editors import make_attr_editor
from graphstudio.ui.editors.field_error import FieldError
from graphstudio.ui.editors.tensor_editor import AlignedForm, TensorEditor
from graphstudio.ui.language import localized_meta
from graphstudio.ui.theme import LIGHT, Theme

MAX_LINE_SHOWN = 240
LITERAL_LIMIT = 1024  # tensor values written out in the PyTorch line


def _section(title: str) -> QLabel:
    label = QLabel(title.upper())
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.85)
    font.setBold(True)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
    label.setFont(font)
    label.setForegroundRole(label.foregroundRole())
    label.setStyleSheet("color: palette(placeholder-text); padding-top: 8px;")
    return label


def _wrap_label(text: str = "", mono: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    if mono:
        label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _form() -> QFormLayout:
    form = AlignedForm()
    form.setContentsMargins(0, 0, 0, 0)
    form.setHorizontalSpacing(10)
    form.setVerticalSpacing(6)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return form


# ---------------------------------------------------------------------------- the dock widget
class Inspector(QScrollArea):
    """Shows the document (nothing selected), one node's editors, or a multi-selection summary."""

    #: a refused edit's reason, or a short confirmation
    statusMessage = Signal(str)

    def __init__(self, graph, undo_stack, theme: Theme = LIGHT, parent=None):
        super().__init__(parent)
        self.graph, self.undo_stack, self.theme = graph, undo_stack, theme
        self.node_ids: list[str] = []
        self.node_id: str | None = None
        self._mode = ""
        self._name_warned = False  # the status line shows a live name problem
        self.editors: dict[str, tuple[QWidget, object]] = {}
        self.name_edit: QLineEdit | None = None
        self.tensor_editor: TensorEditor | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(260)
        self._derived_timer = QTimer(self)
        self._derived_timer.setSingleShot(True)
        self._derived_timer.timeout.connect(self._refresh_derived)
        self._rebuild_timer = QTimer(self)
        self._rebuild_timer.setSingleShot(True)
        self._rebuild_timer.timeout.connect(self._rebuild)
        self._unsubscribe = graph.subscribe(self._on_event)
        self.show_nodes([])

    def close_inspector(self) -> None:
        self._unsubscribe()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        if self.tensor_editor is not None:
            self.tensor_editor.set_theme(theme)
        self._rebuild()

    # ------------------------------------------------------------------ pages
    def _page(self, mode: str) -> QVBoxLayout:
        self._mode = mode
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(6)
        self._new_page = page
        self.editors, self.name_edit, self.tensor_editor = {}, None, None
        self.field_error = FieldError(self.theme, page)  # lives and dies with its page
        return layout

    def _install_page(self) -> None:
        """Swap in the page just built (built off-screen, so it appears complete at once)."""
        old = self.takeWidget()
        if old is not None:
            old.hide()
            old.deleteLater()
        self.setWidget(self._new_page)

    def show_nodes(self, node_ids) -> None:
        """Inspect these nodes (the scene's selection)."""
        self.node_ids = [n for n in node_ids if n in self.graph]
        self._rebuild()

    def _rebuild(self) -> None:
        ids = [n for n in self.node_ids if n in self.graph]
        self.node_id = ids[0] if len(ids) == 1 else None
        if self.node_id is not None:
            self._build_node(self.graph.node(self.node_id))
        elif ids:
            self._build_multi(ids)
        else:
            self._build_document()
        self._install_page()

    def _build_document(self) -> None:
        layout = self._page("document")
        g = self.graph
        self.doc_heading = _wrap_label()  # the whole title, wrapped (the field below cut it)
        self.doc_heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.doc_heading.font()
        font.setBold(True)
        self.doc_heading.setFont(font)
        layout.addWidget(self.doc_heading)
        form = _form()
        self.title_edit = QLineEdit()
        self._show_title()
        self.title_edit.setPlaceholderText(self.tr("untitled"))
        self.title_edit.editingFinished.connect(
            lambda: self._push(SetMetaCommand(g, "title", self.title_edit.text().strip() or None,
                                              text=self.tr("Set title")), quiet=True))
        form.addRow(self.tr("Title"), self.title_edit)
        layout.addLayout(form)
        layout.addWidget(_section(self.tr("Contents")))
        self.stats_label = _wrap_label(document_stats(g))
        layout.addWidget(self.stats_label)
        notes = localized_meta(g.meta, "notes")
        if notes:
            layout.addWidget(_section(self.tr("Notes")))
            layout.addWidget(_wrap_label(notes))
        layout.addWidget(_section(self.tr("Tips")))
        layout.addWidget(_wrap_label(self.tr(
            "Select a node to edit its name, attributes and tensor.<br>"
            "Drag node types from the palette onto the canvas, or press <b>Tab</b> on the "
            "canvas to add one by name. Drag from an output port to an input port to connect.")))
        layout.addStretch(1)

    def _build_multi(self, ids) -> None:
        layout = self._page("multi")
        g = self.graph
        layout.addWidget(QLabel("<b>{}</b>".format(self.tr("{0} nodes selected").format(len(ids)))))
        kinds = Counter(NODE_TYPES[g.node(i).type].label for i in ids)
        layout.addWidget(_wrap_label(", ".join(f"{n} × {k}" if n > 1 else k
                                               for k, n in kinds.most_common())))
        inside = set(ids)
        wires = sum(1 for e in g.edges if e.src in inside and e.dst in inside)
        between = (self.tr("{0} wire between them") if wires == 1
                   else self.tr("{0} wires between them"))
        layout.addWidget(_wrap_label(between.format(wires)))
        layout.addWidget(_section(self.tr("Nodes")))
        names = sorted(g.node(i).name for i in ids)
        shown = ", ".join(names[:40]) + (f", … (+{len(names) - 40})" if len(names) > 40 else "")
        layout.addWidget(_wrap_label(shown, mono=True))
        layout.addStretch(1)

    def _build_node(self, node) -> None:
        layout = self._page("node")
        nt = NODE_TYPES[node.type]
        chip = self.theme.category_color(nt.category).name()
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.header)
        self._set_header(node, nt, chip)

        form = _form()
        self.name_edit = QLineEdit(node.name)
        self.name_edit.setToolTip(self.tr("A Python identifier, unique in the graph"))
        self.name_edit.textEdited.connect(self._check_name)
        self.name_edit.editingFinished.connect(self._commit_name)
        form.addRow(self.tr("Name"), self.name_edit)
        self.shape_label = _wrap_label()
        form.addRow(self.tr("Output"), self.shape_label)
        layout.addLayout(form)

        if nt.attrs or node.type == "input":
            layout.addWidget(_section(self.tr("Attributes")))
            attrs = _form()
            for spec in nt.attrs:
                widget, setter = make_attr_editor(
                    spec, lambda v, key=spec.name: self._commit_attr(key, v))
                setter(node.attrs.get(spec.name))
                widget.setToolTip(spec.doc)
                self.editors[spec.name] = (widget, setter)
                attrs.addRow(spec.name, widget)
            if node.type == "input":  # a fact, not a control (a greyed box looked clickable)
                fixed = _wrap_label(self.tr("False: an Input never requires grad "
                                            "(use a Parameter to learn it)"))
                fixed.setObjectName("inputRequiresGrad")
                fixed.setStyleSheet("color: palette(placeholder-text);")
                attrs.addRow("requires_grad", fixed)
            layout.addLayout(attrs)

        if nt.has_tensor:
            layout.addWidget(_section(self.tr("Tensor")))
            self.tensor_editor = TensorEditor(self.theme)
            self.tensor_editor.set_spec(node.tensor)
            self.tensor_editor.specEdited.connect(self._commit_tensor)
            self.tensor_editor.problem.connect(self.statusMessage)
            layout.addWidget(self.tensor_editor)

        layout.addWidget(_section("PyTorch"))  # a name: the same in every language
        self.torch_label = _wrap_label(mono=True)
        layout.addWidget(self.torch_label)
        layout.addWidget(_section(self.tr("About")))
        layout.addWidget(_wrap_label(self._about_text(nt)))
        layout.addStretch(1)
        self._refresh_derived()

    def _about_text(self, nt) -> str:
        """The node type's description, derivative, formula and inputs (rich text)."""
        about = [nt.doc]
        if nt.derivative:
            about.append(self.tr("<i>Derivative:</i> {0}").format(nt.derivative))
        if nt.formula:
            about.append(self.tr("<i>Formula:</i> {0}").format(nt.formula))
        optional = self.tr(" (optional)")
        ports = [f"<b>{p.name}</b>{optional if p.optional else ''}: {p.doc}"
                 for p in nt.inputs if p.doc]
        if ports:
            about.append(self.tr("<i>Inputs:</i>") + "<br>" + "<br>".join(ports))
        return "<br><br>".join(about)

    def _show_title(self) -> None:
        title = str(self.graph.meta.get("title") or "").strip()
        self.doc_heading.setText(title or self.tr("Document"))
        if not self.title_edit.hasFocus():
            self.title_edit.setText(title)
            self.title_edit.setCursorPosition(0)  # its start, not its cut-off end
        self.title_edit.setToolTip(title)

    def _set_header(self, node, nt, chip: str) -> None:
        self.header.setText(
            f"<span style='font-size:large; font-weight:600'>{node.name}</span>"
            f"&nbsp;&nbsp;<span style='color:{chip}'>■</span> "
            f"<span style='color:palette(placeholder-text)'>{nt.label} · "
            f"{QCoreApplication.translate('NodeCategory', nt.category)}</span>")

    # ------------------------------------------------------------------ derived text
    def _refresh_derived(self) -> None:
        if self._mode == "document":
            self.stats_label.setText(document_stats(self.graph))
            self._show_title()
            return
        if self._mode != "node" or self.node_id not in self.graph:
            return
        from graphstudio.graph.shape_cache import shapes_of

        g, node = self.graph, self.graph.node(self.node_id)
        nt = NODE_TYPES[node.type]
        result = shapes_of(g).get(node.id)
        if result is None or result.ok:
            shape = "—" if result is None or result.shape is None else (
                f"{tuple(result.shape)} {result.dtype}")
            self.shape_label.setText(shape)
            self.shape_label.setStyleSheet("")
        else:
            self.shape_label.setText(result.error)
            self.shape_label.setStyleSheet(f"color: {self.theme.error.name()};")
        line = torch_line_for(g, node, nt)
        if len(line) > MAX_LINE_SHOWN:
            self.torch_label.setText(line[:MAX_LINE_SHOWN - 40] + " … " + line[-30:])
            self.torch_label.setToolTip(line[:4000])
        else:
            self.torch_label.setText(line)
            self.torch_label.setToolTip("")

    # ------------------------------------------------------------------ commits
    def _push(self, cmd, quiet: bool = False) -> bool:
        reason = try_push(self.undo_stack, cmd)
        if reason and not quiet:
            self.statusMessage.emit(reason)
        return reason is None

    def _check_name(self, text: str) -> None:
        problem = self.graph.name_problem(text, self.node_id) if self.node_id else None
        if problem:
            self.field_error.show_at(self.name_edit, problem)
        else:
            self.field_error.clear_error(self.name_edit)
        self.name_edit.setToolTip(problem or self.tr("A Python identifier, unique in the graph"))
        if problem:
            self.statusMessage.emit(problem)
        elif self._name_warned:  # fine again: take the warning back from the status line
            self.statusMessage.emit("")
        self._name_warned = bool(problem)

    def _commit_name(self) -> None:
        if self.node_id is None or self.name_edit is None:
            return
        node = self.graph.node(self.node_id)
        text = self.name_edit.text().strip()
        if text != node.name:
            problem = self.graph.name_problem(text, node.id)
            if problem:  # the typed name stays, to be corrected
                self.field_error.show_at(self.name_edit, problem)
                self.statusMessage.emit(self.tr("name not changed: {0}").format(problem))
                return
            self._push(RenameNodeCommand(self.graph, node.id, text))
        self.name_edit.setText(self.graph.node(self.node_id).name)
        self.field_error.clear_error(self.name_edit)

    def _commit_attr(self, key: str, value) -> None:
        if self.node_id is None:
            return
        node = self.graph.node(self.node_id)
        widget = self.editors[key][0] if key in self.editors else None
        try:
            NODE_TYPES[node.type].check_attr(key, value)
        except GraphError as exc:
            self.statusMessage.emit(str(exc))
            if isinstance(widget, QLineEdit):  # the typed text stays, to be corrected
                self.field_error.show_at(widget, str(exc))
                return
        else:
            if widget is not None:
                self.field_error.clear_error(widget)
            if node.attrs.get(key) != value:
                self._push(SetAttrCommand(self.graph, node.id, key, value), quiet=True)
        QTimer.singleShot(0, self, lambda: self._show_attr(key))

    def _show_attr(self, key: str) -> None:
        if self.node_id in self.graph and key in self.editors:
            widget, setter = self.editors[key]
            self.field_error.clear_error(widget)
            widget.blockSignals(True)
            setter(self.graph.node(self.node_id).attrs.get(key))
            widget.blockSignals(False)

    def _commit_tensor(self, spec) -> None:
        if self.node_id is not None:
            self._push(SetTensorCommand(self.graph, self.node_id, spec))

    # ------------------------------------------------------------------ model events
    def _on_event(self, event) -> None:
        kind = event.kind
        if kind == "reset" or (kind == "node_removed" and event.node_id in self.node_ids):
            self.node_ids = [] if kind == "reset" else [
                n for n in self.node_ids if n != event.node_id]
            self._rebuild_timer.start(0)
            return
        if self.node_id is not None and event.node_id == self.node_id:
            node = self.graph.node(self.node_id)
            if kind == "attr_changed":
                self._show_attr(event.key)
            elif kind == "tensor_changed" and self.tensor_editor is not None:
                self.tensor_editor.set_spec(node.tensor)
            elif kind == "node_renamed":
                nt = NODE_TYPES[node.type]
                self._set_header(node, nt, self.theme.category_color(nt.category).name())
                if self.name_edit is not None and not self.name_edit.hasFocus():
                    self.name_edit.setText(node.name)
        self._derived_timer.start(0)


def document_stats(graph) -> str:
    """Nodes, wires and nodes by category, from the counts the graph keeps (no walk over it)."""
    counts = Counter()
    for type_id, k in graph.type_counts().items():
        if type_id in NODE_TYPES:
            counts[NODE_TYPES[type_id].category] += k
    stats = QCoreApplication.translate("Inspector", "{0} nodes · {1} wires").format(
        len(graph), graph.edge_count)
    if counts:
        stats += "<br>" + " · ".join(
            f"{counts[c]} {QCoreApplication.translate('NodeCategory', c).lower()}" for c in counts)
    return stats


def _tensor_expr(node, nt) -> str:
    """The PyTorch expression of a tensor node; explicit values beyond LITERAL_LIMIT elements
    read ``‹1,000,000 values›`` (writing them all out took seconds on every selection and run
    step, and only the first line is ever shown: the numbers are in the table)."""
    spec = node.tensor
    if spec is None or spec.init != "values" or spec.values is None or (
            spec.values.size <= LITERAL_LIMIT):
        return nt.torch_line(node, {}, explicit=False)
    tiny = dataclasses.replace(spec, shape=(1,), values=np.zeros(1, dtype=spec.dtype))
    expr = nt.torch_line(dataclasses.replace(node, tensor=tiny), {}, explicit=False)
    shape = "×".join(map(str, spec.shape))
    literal = "[" + format_number(0, spec.dtype) + "]"
    values = QCoreApplication.translate("Inspector", "‹{0} values, {1}›").format(
        f"{spec.values.size:,}", shape)
    return expr.replace(literal, values, 1)


def torch_line_for(graph, node, nt) -> str:
    """``name = torch....`` with the names of the nodes feeding each input (one generator:
    :func:`~graphstudio.pytorch.torch_lines.node_statement`); big explicit values abbreviated."""
    try:
        expr = _tensor_expr(node, nt) if nt.has_tensor else None
        return node_statement(graph, node, expr)
    except Exception as exc:  # show the problem instead of failing the inspector
        return QCoreApplication.translate(
            "Inspector", "# cannot write this node as PyTorch: {0}").format(exc)
