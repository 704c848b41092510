"""The Training dock's settings: loss node, optimizer and its hyper-parameters, steps, zero_grad,
pace. :meth:`TrainingForm.config` turns them into the engine's
:class:`~graphstudio.run.training.TrainConfig` (the same object ``graphstudio train`` builds
from its flags, so the same settings give the same numbers).
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QSpinBox,
    QWidget,
)

from graphstudio.graph.limits import MAX_TRAIN_STEPS
from graphstudio.graph.lookup import NodeLookupError, resolve_loss
from graphstudio.graph.node_table import NODE_TYPES
from graphstudio.run.training import DEFAULT_LR, TrainConfig

__all__ = ["PACES", "NumberBox", "TrainingForm", "scalar_nodes"]

#: (label, steps per second or None for as fast as possible); labels shown through self.tr
PACES = ((QT_TRANSLATE_NOOP("TrainingForm", "Full speed"), None),
         (QT_TRANSLATE_NOOP("TrainingForm", "100 steps/s"), 100.0),
         (QT_TRANSLATE_NOOP("TrainingForm", "20 steps/s"), 20.0),
         (QT_TRANSLATE_NOOP("TrainingForm", "5 steps/s"), 5.0))
_PARTIAL_NUMBER = re.compile(r"[-+]?\d*\.?\d*(e[-+]?\d*)?", re.IGNORECASE)


class NumberBox(QDoubleSpinBox):
    """A spin box for hyper-parameters: shows ``0.05`` / ``1e-05`` (not ``0.0500000000``) and
    accepts typed scientific notation."""

    def __init__(self, lo: float, hi: float, value: float, tip: str, name: str):
        super().__init__()
        self.setObjectName(name)
        self.setDecimals(10)
        self.setRange(lo, hi)
        self.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.setValue(value)
        self.setToolTip(tip)
        self.setKeyboardTracking(False)
        self.setAccelerated(True)

    def textFromValue(self, value: float) -> str:
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text.strip())
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        t = text.strip()
        try:
            v = float(t)
        except ValueError:
            ok = _PARTIAL_NUMBER.fullmatch(t) is not None
            return (QValidator.State.Intermediate if ok else QValidator.State.Invalid, text, pos)
        good = math.isfinite(v) and self.minimum() <= v <= self.maximum()
        return (QValidator.State.Acceptable if good else QValidator.State.Intermediate, text, pos)


def scalar_nodes(graph) -> list[tuple[str, str]]:
    """(node id, label) of the nodes that compute a scalar tensor (what can be trained)."""
    from graphstudio.graph.shape_cache import shapes_of

    shapes = shapes_of(graph).results()
    out = []
    for nid, node in graph.nodes.items():
        nt = NODE_TYPES.get(node.type)
        r = shapes.get(nid)
        if nt is None or nt.has_tensor or node.type == "constant" or r is None or r.error:
            continue
        if r.shape is not None and math.prod(r.shape) == 1 and r.dtype != "number":
            out.append((nid, f"{node.name}  ({nt.label})"))
    return out


class TrainingForm(QWidget):
    """The settings column of the Training dock."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.loss_box = QComboBox()
        self.loss_box.setObjectName("train_loss")
        self.loss_box.setToolTip(self.tr("The scalar node to minimise (loss.backward() each "
                                         "step)"))
        self.loss_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.loss_box.setMinimumContentsLength(16)
        self.optimizer_box = QComboBox()
        self.optimizer_box.setObjectName("train_optimizer")
        self.optimizer_box.addItem("Adam", "adam")
        self.optimizer_box.addItem(self.tr("SGD with momentum"), "sgd")
        self.optimizer_box.setToolTip("torch.optim.Adam or torch.optim.SGD")
        self.lr_box = NumberBox(1e-8, 100.0, DEFAULT_LR["adam"], self.tr("Learning rate (lr)"),
                                "train_lr")
        self.momentum_box = NumberBox(0.0, 0.9999, 0.9, self.tr("SGD momentum (0: plain SGD)"),
                                      "train_momentum")
        self.beta1_box = NumberBox(0.0, 0.99999, 0.9, self.tr("Adam beta1: decay of the mean of "
                                   "the gradients"), "train_beta1")
        self.beta2_box = NumberBox(0.0, 0.99999, 0.999, self.tr("Adam beta2: decay of the mean "
                                   "of the squared gradients"), "train_beta2")
        self.decay_box = NumberBox(0.0, 10.0, 0.0, self.tr("Weight decay (L2 penalty added to "
                                   "the gradient, as torch.optim does)"), "train_weight_decay")
        self.steps_box = QSpinBox()
        self.steps_box.setObjectName("train_steps")
        self.steps_box.setRange(1, MAX_TRAIN_STEPS)
        self.steps_box.setValue(200)
        self.steps_box.setGroupSeparatorShown(True)
        self.steps_box.setToolTip(self.tr("How many optimizer steps (forward, backward, step)"))
        self.steps_box.setKeyboardTracking(False)
        self.zero_grad_box = QCheckBox("zero_grad() before each step")
        self.zero_grad_box.setObjectName("train_zero_grad")
        self.zero_grad_box.setChecked(True)
        self.zero_grad_box.setToolTip(self.tr("Off: gradients pile up across steps, the classic "
                                              "forgotten optimizer.zero_grad()"))
        self.pace_box = QComboBox()
        self.pace_box.setObjectName("train_pace")
        for label, rate in PACES:
            self.pace_box.addItem(self.tr(label), rate)
        self.pace_box.setToolTip(self.tr("Slow training down to watch the parameters change on "
                                         "the canvas (the numbers are the same at any pace)"))
        self._lay_out()
        self._optimizer = "adam"
        self.optimizer_box.currentIndexChanged.connect(self._optimizer_changed)
        self._optimizer_changed()

    def _lay_out(self) -> None:
        betas = QWidget()
        row = QHBoxLayout(betas)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.beta1_box)
        row.addWidget(self.beta2_box)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Loss"), self.loss_box)
        form.addRow(self.tr("Optimizer"), self.optimizer_box)
        form.addRow(self.tr("Learning rate"), self.lr_box)
        form.addRow(self.tr("Momentum"), self.momentum_box)
        form.addRow("Betas", betas)  # PyTorch's argument name
        form.addRow(self.tr("Weight decay"), self.decay_box)
        form.addRow(self.tr("Steps"), self.steps_box)
        form.addRow("", self.zero_grad_box)
        form.addRow(self.tr("Pace"), self.pace_box)
        self.form = form
        self._betas_row = betas

    # ------------------------------------------------------------------ settings
    def _optimizer_changed(self, *_args) -> None:
        name = self.optimizer_box.currentData()
        if name != self._optimizer and math.isclose(self.lr_box.value(),
                                                    DEFAULT_LR[self._optimizer]):
            self.lr_box.setValue(DEFAULT_LR[name])  # the default follows unless it was edited
        self._optimizer = name
        self.form.setRowVisible(self.momentum_box, name == "sgd")
        self.form.setRowVisible(self._betas_row, name == "adam")

    def config(self) -> TrainConfig:
        """The settings as a TrainConfig (TrainingError when they make no sense)."""
        return TrainConfig(loss_node=self.loss_box.currentData(),
                           optimizer=self.optimizer_box.currentData(),
                           lr=self.lr_box.value(), momentum=self.momentum_box.value(),
                           betas=(self.beta1_box.value(), self.beta2_box.value()),
                           weight_decay=self.decay_box.value(), steps=self.steps_box.value(),
                           zero_grad=self.zero_grad_box.isChecked())

    def pace(self) -> float | None:
        """Steps per second, or None for as fast as possible."""
        return self.pace_box.currentData()

    def set_running(self, running: bool) -> None:
        """While training, only the pace can change."""
        for w in (self.loss_box, self.optimizer_box, self.lr_box, self.momentum_box,
                  self.beta1_box, self.beta2_box, self.decay_box, self.steps_box,
                  self.zero_grad_box):
            w.setEnabled(not running)

    def fill_losses(self, graph) -> None:
        """The loss choices for ``graph``: its own loss first, then every scalar node."""
        box = self.loss_box
        try:
            auto = resolve_loss(graph)
            first = self.tr("{0} (the graph's loss)").format(graph.nodes[auto].name)
        except (NodeLookupError, KeyError):
            first = self.tr("the graph's loss (none yet)")
        items = [(None, first)] + scalar_nodes(graph)
        if [(box.itemData(i), box.itemText(i)) for i in range(box.count())] == items:
            return
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        for nid, label in items:
            box.addItem(label, nid)
        i = box.findData(current) if current is not None else 0
        box.setCurrentIndex(max(i, 0))
        box.blockSignals(False)
