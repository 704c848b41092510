"""The Steps dock: the whole timeline of the run, the current step highlighted, click to jump.

Rows: "Before the run", a Forward header, one row per forward step (``xw = torch.matmul(x, w)``),
a Backward header, one row per grad_fn the engine ran, in its order
(``BinaryCrossEntropyWithLogitsBackward0``, ``AddBackward0``, ..., ``AccumulateGrad``), a
gradient hook's own row (``hook on z: grad × 0.5``). A Grad node's inner backward is indented
under its forward row, with its grad_fn names. A bar in the value colour marks forward rows, the
gradient colour backward rows, teal the inner backward's rows; steps after the
current one are dimmed. Below the list, what the current step did (for a fan-out: the
contributions and their sum).
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from graphstudio.run.session_timeline import SessionTimeline
from graphstudio.ui.run.display import in_backward, ran_no_grad
from graphstudio.ui.run.session_steps import section_title, session_rows
from graphstudio.ui.run.steady_label import SteadyLabel
from graphstudio.ui.run.step_detail import describe_step, html_escape, result_edge, step_line

__all__ = ["StepsDock", "StepsModel", "describe_step", "soft_breaks", "step_line", "step_rows"]

log = logging.getLogger(__name__)

K_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
SUB_ROLE = Qt.ItemDataRole.UserRole + 3
ROW_H = 22
DETAIL_MIN_H = 64  # the step detail's height before a run's longest text grows it


def step_rows(timeline, graph) -> list[tuple[str, int, str, str]]:
    """(kind, k, title, subtitle) rows for ``timeline``: "start", "header", "forward",
    "backward" (headers have k = -2)."""
    if isinstance(timeline, SessionTimeline):  # a session: one section per action
        return session_rows(timeline, graph, step_line)
    rows = [("start", -1, QCoreApplication.translate("StepsDock", "Before the run"),
             QCoreApplication.translate("StepsDock", "nothing computed yet"))]
    if timeline is None:
        return rows
    fc = timeline.forward_count
    rows.append(("header", -2, (QCoreApplication.translate("StepsDock", "Forward · {0} step")
                                if fc == 1 else QCoreApplication.translate(
                                    "StepsDock", "Forward · {0} steps")).format(fc), ""))
    no_grad = ran_no_grad(timeline)
    if no_grad:
        rows.append(("header", -2, "with torch.no_grad():", ""))
    for step in timeline.steps[:fc]:
        if step.kind == "inner":
            rows.append(("inner", step.index, "\u21b3 " + _title(step), _owner(graph, step)))
            continue
        line = step_line(graph, step.node_id) or step.label
        rows.append(("forward", step.index, "    " + line if no_grad else line, step.label))
    if timeline.has_backward:
        nb = len(timeline) - fc
        root = graph.nodes.get(timeline.loss_id)
        title = (QCoreApplication.translate("StepsDock", "Backward from {0} · {1} step")
                 if nb == 1 else QCoreApplication.translate(
                     "StepsDock", "Backward from {0} · {1} steps")).format(
            root.name if root else "?", nb)
        rows.append(("header", -2, title, ""))
        for step in timeline.backward_steps:
            rows.append(("backward", step.index, _title(step), _owner(graph, step)))
    return rows


def _title(step) -> str:
    """A backward row's title: the grad_fn's name, or what a hook does."""
    return step.label if step.hook is not None else step.name


def _owner(graph, step) -> str:
    """Whose grad_fn a backward / inner row ran: ``→ w.grad`` (accumulated), ``dy_dx · grad
    op`` (recorded by a Grad node), ``→ dy_dx`` (an inner backward's result), the node."""
    node = graph.nodes.get(step.node_id) if step.node_id else None
    who = node.name if node else "?"
    if step.hook is not None:
        return QCoreApplication.translate("StepsDock", "hook")
    if step.kind == "inner" and result_edge(step) is not None:
        grad_node = graph.nodes.get(step.within)
        return f"\u2192 {grad_node.name if grad_node else '?'}"
    if step.leaf_id and step.kind == "backward":
        return f"\u2192 {who}.grad"
    if node is not None and node.type == "grad":
        return QCoreApplication.translate("StepsDock", "{0} · grad op").format(who)
    return who


class StepsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[str, int, str, str]] = step_rows(None, None)
        self.k = -1
        self._row_of: dict[int, int] = {-1: 0}

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = rows
        self._row_of = {r[1]: i for i, r in enumerate(rows) if r[0] != "header"}
        self.endResetModel()

    def row_of(self, k: int) -> int:
        return self._row_of.get(k, 0)

    def set_current(self, k: int) -> tuple[int, int]:
        """Make step ``k`` current; returns the rows whose look changed (first, last): rows
        after k are dimmed. The view repaints them (no dataChanged: on a long list it makes
        the view walk every row)."""
        old, self.k = self.k, k
        return tuple(sorted((self.row_of(old), self.row_of(k))))

    def rowCount(self, parent=None):  # noqa: N802 (Qt's name)
        return 0 if parent is not None and parent.isValid() else len(self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        kind, k, title, sub = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{title}\n{sub}" if sub and kind != "forward" else title
        if role == K_ROLE:
            return k
        if role == KIND_ROLE:
            return kind
        if role == SUB_ROLE:
            return sub
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.rows[index.row()][0] == "header":
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class StepDelegate(QStyledItemDelegate):
    """Paints a row: phase bar, step number, grad_fn / PyTorch line, owner, dimmed future."""

    def __init__(self, dock):
        super().__init__(dock)
        self.dock = dock
        self.set_scale(1.0)

    def set_scale(self, scale: float) -> None:
        """Fonts for View > Text Size ``scale`` (1.0 to 2.0)."""
        self.mono = QFont()
        self.mono.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        self.mono.setPointSizeF(8.5 * scale)
        self.small = QFont()
        self.small.setPointSizeF(8.0 * scale)
        self.bold = QFont()
        self.bold.setPointSizeF(8.0 * scale)
        self.bold.setBold(True)

    def number_width(self) -> float:
        """The step numbers' column: as wide as the largest (5 digits from 10,000 steps)."""
        digits = len(str(max(self.dock.model.rowCount(), 99)))
        return max(34.0, QFontMetrics(self.small).horizontalAdvance("8" * digits) + 6.0)

    def sizeHint(self, option, index):
        return QSize(120, self.dock.row_h)

    def paint(self, painter, option, index):
        t = self.dock.theme()
        kind, k = index.data(KIND_ROLE), index.data(K_ROLE)
        title, sub = index.data(), index.data(SUB_ROLE) or ""
        r = QRectF(option.rect)
        painter.save()
        current = self.dock.model.k
        pal = option.palette
        if kind == "header":
            painter.setFont(self.bold)
            painter.setPen(t.node_text_dim)
            painter.drawText(r.adjusted(8, 3, -4, 0), Qt.AlignmentFlag.AlignVCenter, title)
            painter.restore()
            return
        phase = {"backward": t.grad, "forward": t.value, "inner": t.inner_grad}.get(
            kind, t.node_text_dim)
        if k == current:
            bg = QColor(phase)
            bg.setAlpha(60 if t.dark else 38)
            painter.fillRect(r, bg)
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(r, pal.alternateBase())
        painter.fillRect(QRectF(r.left() + 2, r.top() + 3, 3, r.height() - 6), phase)
        future = k > current
        painter.setOpacity(0.45 if future else 1.0)
        painter.setFont(self.small)
        painter.setPen(t.node_text_dim)
        num_w = self.number_width()
        if k >= 0:
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRectF(r.left() + 8, r.top(), num_w - 4, r.height()), align,
                             str(k + 1))
        x = r.left() + 8 + num_w + 4 + (14 if kind == "inner" else 0)  # nested: indented
        sub_w = 0
        if kind in ("backward", "print", "inner") and sub:
            fm = QFontMetrics(self.small)
            sub_w = min(fm.horizontalAdvance(sub) + 8, r.width() * 0.4)
            painter.drawText(QRectF(r.right() - sub_w - 4, r.top(), sub_w, r.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(sub, Qt.TextElideMode.ElideLeft, int(sub_w)))
        font = self.mono if kind in ("forward", "backward", "zero_", "print", "inner") \
            else self.small
        if k == current:
            font = QFont(font)
            font.setBold(True)
        painter.setFont(font)
        painter.setPen(QPen(t.node_text))
        width = r.right() - x - sub_w - 8
        text = QFontMetrics(font).elidedText(title, Qt.TextElideMode.ElideRight, int(width))
        painter.drawText(QRectF(x, r.top(), width, r.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.restore()


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[_.(])(?=\w)")
_LONG_NAME = re.compile(r"[A-Za-z][\w.(]{19,}")


def soft_breaks(text: str) -> str:
    """``text`` with zero-width break points inside long names: between CamelCase humps
    (``BinaryCrossEntropy|With|Logits|Backward0``, breaks marked |) and after ``_ . (``, so
    a word-wrapped label wraps them instead of cutting their end off."""
    return _LONG_NAME.sub(lambda m: _CAMEL.sub("\u200b", m.group(0)), text)


class StepsList(QListView):
    """The list: Up/Down (and Home/End) move through the steps themselves."""

    def __init__(self, dock):
        super().__init__()
        self.dock = dock

    KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End)

    def event(self, event):
        # claim the navigation keys before any window shortcut bound to them
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in self.KEYS \
                and not event.modifiers():
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event):  # noqa: N802 (Qt's name)
        c = self.dock.controller
        key = event.key()
        moves = {Qt.Key.Key_Up: lambda: c.jump(c.k - 1), Qt.Key.Key_Down: lambda: c.jump(c.k + 1),
                 Qt.Key.Key_Home: lambda: c.jump(-1),
                 Qt.Key.Key_End: lambda: c.timeline is not None and c.jump(len(c.timeline) - 1)}
        if key in moves and c.timeline is not None:
            c.animator.finish()
            moves[key]()
            event.accept()
            return
        super().keyPressEvent(event)


class StepsDock(QWidget):
    """The Steps panel for ``controller``; ``theme_of()`` gives the window's current theme."""

    def __init__(self, controller, theme_of, parent=None):
        super().__init__(parent)
        self.controller, self.theme = controller, theme_of
        self.graph = controller.graph
        self.row_h = ROW_H
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.model = StepsModel(self)
        self.view = StepsList(self)
        self.view.setObjectName("steps_list")
        self.view.setModel(self.model)
        self.view.setItemDelegate(StepDelegate(self))
        self.view.setUniformItemSizes(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setMouseTracking(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.detail = QLabel()
        self.detail.setObjectName("step_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # the texts change every step: held outside the layout, they repaint themselves only
        self.summary_box = SteadyLabel(self.summary)
        self.detail_box = SteadyLabel(self.detail, DETAIL_MIN_H, grow_only=True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 8)
        lay.setSpacing(6)
        lay.addWidget(self.summary_box)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.detail_box)
        self.view.clicked.connect(self._clicked)
        controller.timelineChanged.connect(self.refresh)
        controller.stepChanged.connect(self.show_step)
        controller.stateChanged.connect(self._update_summary)
        self.refresh()

    def set_text_scale(self, scale: float) -> None:
        """View > Text Size: the rows, their fonts and the step detail grow by ``scale``."""
        self.row_h = round(ROW_H * scale)
        self.view.itemDelegate().set_scale(scale)
        self.model.layoutChanged.emit()  # uniform row heights are measured again
        self.show_step(self.controller.k)

    def refresh(self) -> None:
        c = self.controller
        self.model.set_rows(step_rows(c.timeline, self.graph))
        self.show_step(c.k)
        self.detail_box.reset_height()  # a new run: room for its own steps

    def show_step(self, k: int) -> None:
        first, last = self.model.set_current(k)
        index = self.model.index(self.model.row_of(k))
        # the current row is painted from model.k: Qt's current index and selection are not
        # used (they cost milliseconds per step on long lists); StepsList handles the keys
        self._keep_visible(index.row())
        self._repaint_rows(first, last)
        try:
            text = describe_step(self.controller.timeline, k, self.graph)
            self.detail_box.set_text(soft_breaks(text))
            self.detail.setToolTip(text)
        except Exception as ex:  # a description must never break stepping
            log.exception("describing step %s failed", k)
            self.detail_box.set_text(self.tr("(cannot describe this step: {0})").format(
                html_escape(str(ex))))
        self._update_summary()

    def _keep_visible(self, row: int) -> None:
        """Scroll so ``row`` shows, centred when it had to move (rows are ROW_H high: no
        visualRect, which walks every row of a long list)."""
        bar = self.view.verticalScrollBar()
        rh = self.row_h
        top, height = row * rh, self.view.viewport().height()
        if top < bar.value() or top + rh > bar.value() + height:
            bar.setValue(int(top - (height - rh) / 2))

    def _repaint_rows(self, first: int, last: int) -> None:
        vp = self.view.viewport()
        top = first * self.row_h - self.view.verticalScrollBar().value()
        rect = QRect(0, top, vp.width(), (last - first + 1) * self.row_h).intersected(vp.rect())
        if not rect.isEmpty():
            vp.update(rect)

    def _update_summary(self) -> None:
        c, t = self.controller, self.theme()
        tl = c.timeline
        if tl is None:
            text = self.tr("No run yet.")
        else:
            n = len(tl)
            phase = ((self.tr("backward") if in_backward(tl, c.k) else self.tr("forward"))
                     if c.k >= 0 else self.tr("start"))
            if isinstance(tl, SessionTimeline) and (section := tl.section_at(c.k)):
                phase = section_title(section)
            text = self.tr("Step <b>{0}</b> of {1} · {2}").format(max(c.k, -1) + 1, n, phase)
            if 0 <= c.k < n and tl.steps[c.k].kind == "inner":
                grad_node = self.graph.nodes.get(tl.steps[c.k].within)
                text += "<br><span style='color:{}'>{}</span>".format(
                    t.inner_grad.name(), self.tr(
                        "- - inside {0}: its own backward (torch.autograd.grad, "
                        "create_graph=True); teal dashed wires carry its gradients").format(
                        html_escape(grad_node.name) if grad_node else "?"))
            if c.stale:
                text += (f"<br><span style='color:{t.stale.name()}'>" + self.tr(
                    "Stale: {0}. These numbers are from before the edit: Step or Run to End "
                    "runs it again, Undo back to the run makes them valid again.")
                    .format(html_escape(c.stale_reason)) + "</span>")
            if tl.error:
                text += f"<br><span style='color:{t.error.name()}'>{html_escape(tl.error)}</span>"
            elif not tl.has_backward and c.backward_reason() and c.kind == "run":
                text += (f"<br><span style='color:{t.node_text_dim.name()}'>No backward: "
                         f"{html_escape(c.backward_reason())}</span>")
        self.summary_box.set_text(text)

    def _clicked(self, index) -> None:
        try:
            k = index.data(K_ROLE)
            if k is None or k < -1 or k == self.controller.k:
                return
            self.controller.jump(k)
        except Exception as ex:  # a click must never take the window down
            log.exception("jump failed")
            self.controller.statusMessage.emit(self.tr("Could not show that step: {0}").format(ex))
