"""The Training dock's pictures: the live loss curve (plus gradient norms) and the decision
boundary of a 2-D classifier, both pyqtgraph.

Classes and parameters are told apart with the Okabe-Ito palette (:data:`CATEGORICAL`), which
stays distinguishable for the common kinds of colour blindness. The loss is a forward value, so
its curve has the theme's value colour.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from graphstudio.ui.theme import Theme

__all__ = ["CATEGORICAL", "BoundaryView", "LossPlot", "boundary_rgb"]

#: Okabe & Ito's colour-blind-safe categorical colours (blue, orange, green, vermillion, ...)
CATEGORICAL = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
               "#000000")


START_HINT = QT_TRANSLATE_NOOP("BoundaryView", "Press Start to train: a classifier of 2-D "
                                               "points shows its decision boundary here")


def _rgb(hex_colour: str) -> np.ndarray:
    c = QColor(hex_colour)
    return np.array([c.red(), c.green(), c.blue()], dtype=float)


def _style_plot(plot, theme: Theme) -> None:
    plot.setBackground(theme.canvas_bg)
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setPen(theme.node_border)
        axis.setTextPen(theme.node_text_dim)


def _caption(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class LossPlot(QWidget):
    """The loss per step, with a log-scale toggle and, on request, each Parameter's gradient
    norm (``||p.grad||`` before the update) in a second plot sharing the step axis."""

    def __init__(self, theme: Theme, parent=None):
        super().__init__(parent)
        self.setMinimumSize(240, 150)  # beside the settings in an 800 px window
        import pyqtgraph as pg

        self._pg = pg
        self.theme = theme
        self.log_box = QCheckBox(self.tr("Log scale"))
        self.log_box.setObjectName("train_log_scale")
        self.log_box.setToolTip(self.tr("Show the loss (and gradient norms) on a logarithmic "
                                        "axis"))
        self.norms_box = QCheckBox(self.tr("Gradient norms"))
        self.norms_box.setObjectName("train_grad_norms")
        self.norms_box.setToolTip(self.tr("Also plot each trained parameter's gradient norm per "
                                          "step"))
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        self.title = _caption(self.tr("Loss"))
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.log_box)
        head.addWidget(self.norms_box)

        self.loss_plot = pg.PlotWidget()
        self.loss_plot.setObjectName("train_loss_plot")
        self.loss_plot.setMenuEnabled(False)
        self.loss_plot.showGrid(x=True, y=True, alpha=0.25)
        self.loss_plot.setLabel("bottom", "step")
        self.loss_curve = self.loss_plot.plot([], [])
        for p in (self.loss_curve,):
            p.setDownsampling(auto=True, method="peak")
            p.setClipToView(True)
        self.grad_plot = pg.PlotWidget()
        self.grad_plot.setObjectName("train_grad_plot")
        self.grad_plot.setMenuEnabled(False)
        self.grad_plot.showGrid(x=True, y=True, alpha=0.25)
        self.grad_plot.setLabel("bottom", "step")
        self.grad_plot.setXLink(self.loss_plot)
        self.legend = self.grad_plot.addLegend(offset=(-6, 2), labelTextSize="8pt",
                                               verSpacing=-6, horSpacing=10)
        self.grad_plot.setVisible(False)
        self.grad_curves: dict[str, object] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.loss_plot, 1)
        layout.addWidget(self.grad_plot, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.log_box.toggled.connect(self._set_log)
        self.norms_box.toggled.connect(self._show_norms)
        self._steps = np.zeros(0)
        self._losses = np.zeros(0)
        self._norms: dict[str, np.ndarray] = {}
        self.set_theme(theme)

    # ------------------------------------------------------------------ data
    def clear(self) -> None:
        self.set_data(np.zeros(0), np.zeros(0), {})

    def set_data(self, steps, losses, norms: dict[str, np.ndarray]) -> None:
        """Show ``losses`` (and ``norms``: {parameter name: values}) against ``steps``."""
        self._steps = np.asarray(steps, dtype=float)
        self._losses = np.asarray(losses, dtype=float)
        self._norms = {k: np.asarray(v, dtype=float) for k, v in norms.items()}
        self._draw()

    def _y(self, values: np.ndarray) -> np.ndarray:
        if not self.log_box.isChecked():
            return values
        return np.where(values > 0, values, np.nan)  # log10 of <= 0 is not a point

    def _draw(self) -> None:
        self.loss_curve.setData(self._steps, self._y(self._losses), connect="finite")
        for name in [n for n in self.grad_curves if n not in self._norms]:
            self.grad_plot.removeItem(self.grad_curves.pop(name))
        for i, (name, values) in enumerate(self._norms.items()):
            curve = self.grad_curves.get(name)
            if curve is None:
                pen = self._pg.mkPen(CATEGORICAL[i % len(CATEGORICAL)], width=1.6)
                curve = self.grad_plot.plot([], [], pen=pen, name=f"‖{name}.grad‖")
                curve.setDownsampling(auto=True, method="peak")
                curve.setClipToView(True)
                self.grad_curves[name] = curve
                self.legend.setColumnCount(len(self.grad_curves))  # one row along the top
            curve.setData(self._steps, self._y(values), connect="finite")

    def _show_norms(self, on: bool) -> None:
        self.grad_plot.setVisible(on)
        self.loss_plot.getAxis("bottom").showLabel(not on)  # one "step" under both is enough

    def _set_log(self, on: bool) -> None:
        self.loss_plot.setLogMode(y=on)
        self.grad_plot.setLogMode(y=on)
        self._draw()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        for plot in (self.loss_plot, self.grad_plot):
            _style_plot(plot, theme)
        self.loss_curve.setPen(self._pg.mkPen(theme.value, width=2))
        self.legend.setLabelTextColor(theme.node_text)


def boundary_rgb(probs: np.ndarray, background=(255, 255, 255)) -> np.ndarray:
    """(H, W, 3) uint8 picture of class probabilities (H, W, C): each class's colour mixed by
    its probability, faded towards ``background`` where the classifier is unsure."""
    h, w, c = probs.shape
    colours = np.stack([_rgb(CATEGORICAL[i % len(CATEGORICAL)]) for i in range(c)])
    p = np.nan_to_num(np.asarray(probs, dtype=float), nan=0.0)
    total = p.sum(axis=-1, keepdims=True)
    p = np.where(total > 0, p / np.where(total > 0, total, 1.0), 1.0 / c)
    mix = p @ colours
    sure = (p.max(axis=-1, keepdims=True) - 1.0 / c) / (1.0 - 1.0 / c) if c > 1 else 1.0
    alpha = 0.22 + 0.5 * np.clip(sure, 0.0, 1.0)
    rgb = np.asarray(background, dtype=float) * (1 - alpha) + mix * alpha
    return np.clip(np.rint(rgb), 0, 255).astype(np.uint8)


class BoundaryView(QWidget):
    """The classifier's most likely class over the plane (faded where unsure) with the data
    points on top, coloured by their label."""

    def __init__(self, theme: Theme, parent=None):
        super().__init__(parent)
        self.setMinimumSize(190, 150)
        import pyqtgraph as pg

        self._pg = pg
        self.theme = theme
        self.title = _caption(self.tr("Decision boundary"))
        self.note = QLabel()
        self.note.setObjectName("train_boundary_note")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.plot = pg.PlotWidget()
        self.plot.setObjectName("train_boundary_plot")
        self.plot.setMenuEnabled(False)
        self.plot.setAspectLocked(True)
        self.plot.hideButtons()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.scatter = pg.ScatterPlotItem(size=7, pxMode=True)
        self.plot.addItem(self.image)
        self.plot.addItem(self.scatter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.note)
        self.probs: np.ndarray | None = None
        self.set_theme(theme)
        self.show_start_hint()

    def show_start_hint(self) -> None:
        self.show_message(self.tr(START_HINT))

    def show_message(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def clear(self) -> None:
        self.image.clear()
        self.scatter.clear()
        self.probs = None

    def set_boundary(self, db) -> None:
        """Show a :class:`~graphstudio.run.training.DecisionBoundary`."""
        first = self.probs is None
        self.probs = db.probs
        bg = self.theme.canvas_bg
        self.image.setImage(boundary_rgb(db.probs, (bg.red(), bg.green(), bg.blue())),
                            autoLevels=False, levels=(0, 255))
        xs, ys = db.xs, db.ys
        dx = (xs[-1] - xs[0]) / max(len(xs) - 1, 1)
        dy = (ys[-1] - ys[0]) / max(len(ys) - 1, 1)
        self.image.setRect(QRectF(xs[0] - dx / 2, ys[0] - dy / 2, dx * len(xs), dy * len(ys)))
        if first:
            self._set_points(db.points, db.labels)
            self.plot.autoRange(padding=0.02)
        self.show_message("")

    def _set_points(self, points, labels) -> None:
        pg = self._pg
        pts = np.asarray(points, dtype=float)
        if labels is None:
            brushes = [pg.mkBrush(self.theme.node_text)] * len(pts)
        else:
            lab = np.asarray(labels, dtype=float)
            lab = lab.argmax(axis=-1) if lab.ndim == 2 else np.rint(lab).astype(int).reshape(-1)
            brushes = [pg.mkBrush(CATEGORICAL[k % len(CATEGORICAL)]) for k in lab[:len(pts)]]
        outline = pg.mkPen("#1b1f24" if not self.theme.dark else "#f0f0f0", width=0.8)
        self.scatter.setData(pts[:, 0], pts[:, 1], brush=brushes, pen=outline)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        _style_plot(self.plot, theme)
