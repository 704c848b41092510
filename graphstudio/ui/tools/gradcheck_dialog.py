"""Run > Check Gradients: every Parameter's autograd gradient against central differences.

:func:`~graphstudio.run.gradient_check.check_graph_gradients` runs with a progress dialog
(Cancel stops it; the rest is reported as skipped); the result is a table with one row per
Parameter (max absolute and relative error, the worst element with both gradients there,
pass/fail in colour) and a tag on each checked Parameter's card, ``grad ✓`` or ``grad ✗`` with
the worst element. Failing Parameters are selected on the canvas. Closing the dialog takes the
tags away. Clicking a row selects that Parameter.
"""

from __future__ import annotations

import logging
import time

import numpy as np
import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGraphicsItem,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from graphstudio.run.gradient_check import check_graph_gradients
from graphstudio.run.training import TrainingError
from graphstudio.ui.slots import guarded
from graphstudio.ui.tools.training_form import NumberBox

__all__ = ["COLUMNS", "GradcheckDialog", "GradcheckMark"]

log = logging.getLogger(__name__)

COLUMNS = (QT_TRANSLATE_NOOP("GradcheckDialog", "Parameter"),
           QT_TRANSLATE_NOOP("GradcheckDialog", "Shape"),
           QT_TRANSLATE_NOOP("GradcheckDialog", "Max abs error"),
           QT_TRANSLATE_NOOP("GradcheckDialog", "Max rel error"),
           QT_TRANSLATE_NOOP("GradcheckDialog", "Worst element"),
           QT_TRANSLATE_NOOP("GradcheckDialog", "Autograd there"),
           QT_TRANSLATE_NOOP("GradcheckDialog", "Numerical there"),
           QT_TRANSLATE_NOOP("GradcheckDialog", "Result"))  # headers shown through self.tr


def _index_text(index) -> str:
    scalar = QCoreApplication.translate("GradcheckDialog", "scalar")
    return "[" + ", ".join(map(str, index)) + "]" if index else scalar


def _num(v: float) -> str:
    return f"{v:.3g}" if np.isfinite(v) else str(v)


class GradcheckMark(QGraphicsItem):
    """A tag above a Parameter's card: ``grad ✓ max err 3e-10`` or ``grad ✗ at [2, 1]``."""

    def __init__(self, parent_item, text: str, passed: bool, tip: str):
        super().__init__(parent_item)
        self.text, self.passed = text, passed
        theme = parent_item.theme
        self.font = theme.font(8.0, bold=True)
        fm = QFontMetricsF(self.font)
        self.colour = QColor(theme.ok if passed else theme.error)
        self.rect = QRectF(0, 0, fm.horizontalAdvance(text) + 14, fm.height() + 6)
        self.setPos(2, -self.rect.height() - 5)
        self.setZValue(4)
        self.setToolTip(tip)

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter, option, widget=None) -> None:
        painter.setPen(QPen(self.colour.darker(125), 1.0))
        painter.setBrush(QBrush(self.colour))
        painter.drawRoundedRect(self.rect, self.rect.height() / 2, self.rect.height() / 2)
        painter.setPen(Qt.GlobalColor.white)
        painter.setFont(self.font)
        painter.drawText(self.rect.adjusted(7, 0, -7, 0), Qt.AlignmentFlag.AlignVCenter,
                         self.text)

    def remove(self) -> None:
        if shiboken6.isValid(self):
            scene = self.scene()
            if scene is not None:
                scene.removeItem(self)


class GradcheckDialog(QDialog):
    """The gradient check's table for ``window`` (a MainWindow); :meth:`run` checks again."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.setObjectName("gradcheck_dialog")
        self.setWindowTitle(self.tr("Check Gradients"))
        self.reports: list = []
        self.marks: list[GradcheckMark] = []
        self.summary = QLabel()
        self.summary.setObjectName("gradcheck_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("gradcheck_table")
        self.table.setHorizontalHeaderLabels([self.tr(name) for name in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._row_chosen)
        self.eps_box = NumberBox(1e-12, 1.0, 1e-6, self.tr("Central-difference step"),
                                 "gradcheck_eps")
        self.atol_box = NumberBox(0.0, 1.0, 1e-5, self.tr("Absolute tolerance"), "gradcheck_atol")
        self.rtol_box = NumberBox(0.0, 1.0, 1e-3, self.tr("Relative tolerance"), "gradcheck_rtol")
        again = QPushButton(self.tr("Check Again"))
        again.setObjectName("gradcheck_again")
        again.clicked.connect(guarded(self.run, self._say_error))
        for box in (self.eps_box, self.atol_box, self.rtol_box):
            box.setMinimumWidth(96)
        opts = QHBoxLayout()
        for label, box in (("eps", self.eps_box), ("atol", self.atol_box),
                           ("rtol", self.rtol_box)):
            opts.addWidget(QLabel(label))
            opts.addWidget(box)
        opts.addStretch(1)
        opts.addWidget(again)
        rule = QLabel(self.tr("An element passes when |autograd − numerical| ≤ atol + "
                              "rtol·|numerical| (torch.autograd.gradcheck's rule), computed in "
                              "float64."))
        rule.setWordWrap(True)
        rule.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(opts)
        layout.addWidget(rule)
        layout.addWidget(buttons)
        self.resize(860, 360)
        self._resets = 0  # documents replaced (a check that saw one shows nothing)
        self._unsubscribe = window.graph.subscribe(self._on_event)

    # ------------------------------------------------------------------ running
    def run(self) -> bool:
        """Check now (with a progress dialog); False when the graph cannot be checked or the
        check was cancelled."""
        self.clear_marks()
        graph = self.window.graph
        # the progress dialog processes events: an edit, a training run finishing or another
        # document can come while checking, and then the results describe another graph
        revision, resets = graph.revision, self._resets
        progress = QProgressDialog(self.tr("Comparing gradients with central differences…"),
                                   self.tr("Cancel"), 0, 1, self.window)
        progress.setWindowTitle(self.tr("Check Gradients"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoReset(False)
        last = [0.0]

        def on_progress(done: int, total: int) -> None:
            now = time.perf_counter()
            if now - last[0] >= 0.05 or done == total:
                last[0] = now
                progress.setMaximum(max(total, 1))
                progress.setValue(done)  # a modal progress dialog processes events here

        try:
            reports = check_graph_gradients(graph, eps=self.eps_box.value(),
                                            atol=self.atol_box.value(),
                                            rtol=self.rtol_box.value(), progress=on_progress,
                                            should_stop=progress.wasCanceled)
        except TrainingError as ex:
            self.reports = []
            self.table.setRowCount(0)
            self._say_error(self.tr("Cannot check gradients: {0}").format(ex))
            return False
        finally:
            cancelled = progress.wasCanceled()
            progress.close()
            progress.deleteLater()
        if self._resets != resets:  # another document: node ids repeat, rows would mislead
            self._forget_rows()
            return False
        self.reports = reports
        self._fill(reports)
        if graph.revision != revision:
            self._say_stale(self.tr("The graph changed while it was being checked: these results "
                                    "describe the graph as it was. Check Again for current "
                                    "results."))
            return False
        self._mark(reports)
        return not cancelled

    def _say_stale(self, text: str) -> None:
        self.summary.setText(self.summary.text() + f"<br><i>{text}</i>")

    # ------------------------------------------------------------------ showing
    def _fill(self, reports) -> None:
        theme = self.window.theme
        self.table.blockSignals(True)
        self.table.setRowCount(len(reports))
        for row, r in enumerate(reports):
            if r.skipped:
                cells = [r.name, "", "", "", "", "", "", self.tr("skipped: {0}").format(r.reason)]
            else:
                idx = r.worst_index
                shape = "×".join(map(str, r.analytical.shape)) or self.tr("scalar")
                there = (f"{float(r.analytical[idx]):.8g}", f"{float(r.numerical[idx]):.8g}") \
                    if idx is not None else ("", "")
                cells = [r.name, shape, _num(r.max_abs_err), _num(r.max_rel_err),
                         _index_text(idx) if idx is not None else "", *there,
                         self.tr("pass") if r.passed else self.tr("FAIL")]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.node_id)
                if col in (2, 3, 5, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
            result = self.table.item(row, len(COLUMNS) - 1)
            if r.skipped:
                result.setForeground(theme.node_text_dim)
            else:
                colour = QColor(theme.ok if r.passed else theme.error)
                colour.setAlpha(60)
                result.setBackground(colour)
                bold = result.font()
                bold.setBold(True)
                result.setFont(bold)
        self.table.blockSignals(False)
        checked = [r for r in reports if not r.skipped]
        failed = [r.name for r in checked if not r.passed]
        skipped = len(reports) - len(checked)
        extra = self.tr(" ({0} skipped)").format(skipped) if skipped else ""
        if failed:
            self._say_error(self.tr("{0} of {1} checked parameters FAIL: {2}{3}. They are "
                                    "selected on the canvas.").format(
                len(failed), len(checked), ", ".join(failed), extra))
        elif checked:
            self.summary.setStyleSheet(f"color: {theme.ok.darker(130).name()};")
            passed = (self.tr("{0} parameter checked: all pass") if len(checked) == 1
                      else self.tr("{0} parameters checked: all pass"))
            self.summary.setText(f"<b>{passed.format(len(checked))}</b>{extra}")
        else:
            self._say_error(self.tr("No parameter was checked{0}").format(extra))

    def _mark(self, reports) -> None:
        scene = self.window.scene
        for r in reports:
            item = scene.node_item(r.node_id)
            if item is None or r.skipped:
                continue
            if r.passed:
                text = self.tr("grad ✓  max err {0}").format(_num(r.max_abs_err))
            else:
                text = self.tr("grad ✗  at {0}").format(_index_text(r.worst_index))
            tip = self.tr("{0}: max abs error {1}, max rel error {2}").format(
                r.name, _num(r.max_abs_err), _num(r.max_rel_err))
            if r.worst_index is not None:
                idx = r.worst_index
                tip += self.tr("; worst element {0}: autograd {1}, numerical {2}").format(
                    _index_text(idx), f"{float(r.analytical[idx]):.6g}",
                    f"{float(r.numerical[idx]):.6g}")
            self.marks.append(GradcheckMark(item, text, r.passed, tip))
        failing = [r.node_id for r in reports if not r.skipped and not r.passed]
        if failing:
            scene.select_nodes(failing)

    def clear_marks(self) -> None:
        for mark in self.marks:
            mark.remove()
        self.marks = []

    def _say_error(self, text: str) -> None:
        self.summary.setStyleSheet(f"color: {self.window.theme.error.name()};")
        self.summary.setText(f"<b>{text}</b>")

    def _row_chosen(self) -> None:
        try:
            items = self.table.selectedItems()
            if not items:
                return
            nid = items[0].data(Qt.ItemDataRole.UserRole)
            if nid in self.window.graph.nodes:
                self.window.scene.select_nodes([nid])
                item = self.window.scene.node_item(nid)
                if item is not None:
                    self.window.view.ensureVisible(item, 60, 60)
        except Exception:  # a click must never take the window down
            log.exception("selecting a checked parameter failed")

    # ------------------------------------------------------------------ lifetime
    def _on_event(self, ev) -> None:
        if not shiboken6.isValid(self):
            self._unsubscribe()
            return
        if ev.kind in ("node_moved", "node_renamed", "meta_changed"):
            return
        if ev.kind == "reset":  # another document: its parameters are not these rows
            self._resets += 1
            self._forget_rows()
            return
        if self.marks:  # the numbers no longer describe the graph
            self.clear_marks()
            self._say_stale(self.tr("The graph changed since: Check Again for current results."))

    def _forget_rows(self) -> None:
        """Another document: node ids repeat across documents, so a row clicked would select
        an unrelated node; the rows, marks and summary go."""
        self.clear_marks()
        self.reports = []
        self.table.setRowCount(0)
        self.summary.setStyleSheet("")
        self.summary.setText("<i>{}</i>".format(self.tr("Another graph is open: Check Again "
                                                        "checks it.")))

    def done(self, result: int) -> None:
        self.clear_marks()
        super().done(result)

    def hideEvent(self, event) -> None:
        self.clear_marks()
        super().hideEvent(event)

    def shutdown(self) -> None:
        self.clear_marks()
        self._unsubscribe()
