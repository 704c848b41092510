"""One tensor shown for reading: a table of numbers, a pyqtgraph heatmap on a symmetric
diverging scale, and a histogram when it is large.

:class:`ArrayPanel` is reused for a node's value and its gradient in the Values dock; both are
drawn against a ``vmax`` the caller chooses (one shared scale, so colours compare), shown by a
:class:`ColorBar`.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from graphstudio.ui.canvas.preview import format_number
from graphstudio.ui.number_format import format_elements, format_scalar
from graphstudio.ui.theme import as_2d, diverging_lut

__all__ = ["ArrayPanel", "ColorBar", "TABLE_MAX", "HIST_MIN"]

TABLE_MAX = 120     # at most this many elements (and 2-D, <= 12 columns) get a table
TABLE_COLS = 12
HIST_MIN = 40       # tensors with at least this many elements get a histogram


def _mono() -> QFont:
    f = QFont()
    f.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
    f.setPointSizeF(8.5)
    return f


def symmetric_vmax(*arrays) -> float:
    """The largest absolute finite value over ``arrays`` (1.0 when there is none)."""
    best = 0.0
    for a in arrays:
        if a is None:
            continue
        a = np.asarray(a, dtype=np.float64)
        finite = a[np.isfinite(a)]
        if finite.size:
            best = max(best, float(np.abs(finite).max()))
    return best if best > 0 else 1.0


class ColorBar(QWidget):
    """The diverging scale from -vmax (blue) through 0 (white) to +vmax (red), labelled."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.vmax = 1.0
        self.setFixedHeight(30)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        lut = diverging_lut(11)
        self._stops = [QColor(*map(int, rgb)) for rgb in lut]

    def set_vmax(self, vmax: float) -> None:
        self.vmax = vmax
        self.update()

    def paintEvent(self, _event):  # noqa: N802 (Qt's name)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(2, 2, self.width() - 4, 11)
        grad = QLinearGradient(r.topLeft(), r.topRight())
        for i, c in enumerate(self._stops):
            grad.setColorAt(i / (len(self._stops) - 1), c)
        p.setPen(QPen(self.palette().mid().color(), 1))
        p.setBrush(grad)
        p.drawRoundedRect(r, 3, 3)
        p.setPen(self.palette().text().color())
        f = self.font()
        f.setPointSizeF(7.5)
        p.setFont(f)
        y = QRectF(0, 14, self.width(), 14)
        v = format_number(self.vmax)
        p.drawText(y.adjusted(2, 0, 0, 0), Qt.AlignmentFlag.AlignLeft, f"−{v}")
        p.drawText(y, Qt.AlignmentFlag.AlignHCenter, "0")
        p.drawText(y.adjusted(0, 0, -2, 0), Qt.AlignmentFlag.AlignRight, f"+{v}")
        p.end()


class ArrayPanel(QWidget):
    """Title, then a number, a table + heatmap, or a heatmap + histogram, then statistics."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.scalar = QLabel()
        self.scalar.setFont(_mono())
        self.scalar.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFont(_mono())
        self.table.verticalHeader().setDefaultSectionSize(20)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(40)
        self.stats = QLabel()
        self.stats.setWordWrap(True)
        self.stats.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.stats.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heat = self.hist = self.image = self.heat_box = None  # made on first use
        self._background = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        for w in (self.title, self.scalar, self.table, self.stats):
            lay.addWidget(w)
        self._grid = np.zeros((1, 1))
        self._base_stats = ""
        self.show_none("", "")

    def _plots(self) -> None:
        """Create the pyqtgraph heatmap and histogram (the first time a tensor is shown)."""
        if self.heat is not None:
            return
        import pyqtgraph as pg

        self._pg = pg
        self.heat = pg.GraphicsLayoutWidget()
        self.heat.ci.layout.setContentsMargins(0, 0, 0, 0)
        self.heat_box = self.heat.addViewBox(lockAspect=False, invertY=True, enableMouse=False)
        self.heat_box.setMenuEnabled(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(diverging_lut(256))
        self.heat_box.addItem(self.image)
        self.hist = pg.PlotWidget()
        self.hist.setFixedHeight(96)
        self.hist.setMenuEnabled(False)
        self.hist.setMouseEnabled(False, False)
        self.hist.hideButtons()
        self.hist.getPlotItem().hideAxis("left")
        self._tick_font = QFont(self.font())  # kept: the axis paints with it later
        self._tick_font.setPointSizeF(7.0)
        self.hist.getPlotItem().getAxis("bottom").setStyle(tickFont=self._tick_font)
        lay = self.layout()
        lay.insertWidget(lay.indexOf(self.stats), self.heat)
        lay.insertWidget(lay.indexOf(self.stats), self.hist)
        self.heat.scene().sigMouseMoved.connect(self._hover)
        if self._background is not None:
            self.set_background(self._background)

    # ------------------------------------------------------------------ showing
    def set_background(self, colour: QColor) -> None:
        self._background = colour
        if self.heat is not None:
            self.heat.setBackground(colour)
            self.hist.setBackground(colour)

    def _hide(self, *widgets) -> None:
        for w in widgets:
            if w is not None:
                w.setVisible(False)

    def show_none(self, title: str, note: str) -> None:
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self.scalar.setText(note)
        self.scalar.setVisible(bool(note))
        self._hide(self.table, self.heat, self.hist, self.stats)

    def show_array(self, title: str, array, vmax: float, colour: QColor,
                   python_number: bool = False) -> None:
        """``python_number``: ``array`` holds a Python number, printed as Python does (3.0)."""
        a = np.asarray(array)
        self.title.setText(title)
        self.title.setVisible(True)
        numeric = a.dtype.kind in "fiub"
        if a.size == 1 or not numeric:
            text = format_scalar(a.reshape(-1)[0]) if numeric and a.size else str(a.tolist())
            if python_number and numeric and a.size == 1:
                text = repr(a.reshape(-1)[0].item())
            self.scalar.setText(f"<span style='color:{colour.name()}; font-size:13pt'>"
                                f"{text}</span>")
            self.scalar.setVisible(True)
            self._hide(self.table, self.heat, self.hist, self.stats)
            return
        self._plots()
        self.scalar.setVisible(False)
        grid = as_2d(a).astype(np.float64)
        small = a.size <= TABLE_MAX and grid.shape[1] <= TABLE_COLS and a.ndim <= 2
        self.table.setVisible(small)
        if small:
            self._fill_table(format_elements(as_2d(a)))
        self._show_heat(grid, vmax)
        self.hist.setVisible(a.size >= HIST_MIN)
        if a.size >= HIST_MIN:
            self._show_hist(grid, colour)
        finite = grid[np.isfinite(grid)]
        parts = [self.tr("{0} elements").format(f"{a.size:,}")]
        if finite.size:
            lo, hi = format_elements(np.array([finite.min(), finite.max()], dtype=a.dtype))
            parts.append(self.tr("min {0} · max {1} · mean {2}").format(
                lo, hi, format_scalar(finite.mean())))
        if finite.size < grid.size:
            parts.append(f"{grid.size - finite.size} NaN/Inf")
        self._base_stats = " · ".join(parts)
        self.stats.setText(self._base_stats)
        self.stats.setVisible(True)

    def _fill_table(self, texts: np.ndarray) -> None:
        """``texts``: each cell's text, in the format PyTorch picks for the whole tensor."""
        rows, cols = texts.shape
        t = self.table
        t.setRowCount(rows)
        t.setColumnCount(cols)
        t.setHorizontalHeaderLabels([str(i) for i in range(cols)])
        t.setVerticalHeaderLabels([str(i) for i in range(rows)])
        for r in range(rows):
            for c in range(cols):
                item = QTableWidgetItem(texts[r, c])
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                t.setItem(r, c, item)
        fm = QFontMetrics(t.font())  # (View > Text Size scales it): no number is ever cut
        widest = max((fm.horizontalAdvance(text) for text in texts.flat), default=0)
        t.horizontalHeader().setMinimumSectionSize(max(40, widest + 14))
        row_h = max(20, fm.height() + 6, t.verticalHeader().minimumSectionSize())
        t.verticalHeader().setDefaultSectionSize(row_h)
        header = t.horizontalHeader().sizeHint().height()
        wide = cols * max(40, widest + 14) > t.viewport().width()  # then scrolled sideways
        t.setFixedHeight(min(rows, 8) * row_h + header + 4
                         + (t.horizontalScrollBar().sizeHint().height() if wide else 0))

    def _show_heat(self, grid: np.ndarray, vmax: float) -> None:
        self._grid = grid
        finite = np.isfinite(grid)
        self.image.setImage(np.where(finite, grid, 0.0), levels=(-vmax, vmax), autoLevels=False)
        rows, cols = grid.shape
        width = max(self.width(), 240)
        height = 26 if rows == 1 else int(min(max(width * rows / max(cols, 1), 40), 220))
        self.heat.setFixedHeight(height)
        self.heat_box.setRange(xRange=(0, cols), yRange=(0, rows), padding=0)
        self.heat.setVisible(True)

    def _show_hist(self, grid: np.ndarray, colour: QColor) -> None:
        finite = grid[np.isfinite(grid)]
        plot = self.hist.getPlotItem()
        plot.clear()
        if not finite.size:
            return
        counts, edges = np.histogram(finite, bins=min(40, max(8, int(np.sqrt(finite.size)))))
        fill = QColor(colour)
        fill.setAlpha(150)
        curve = self._pg.PlotCurveItem(edges, counts, stepMode="center", fillLevel=0,
                                       brush=fill, pen=self._pg.mkPen(colour, width=1))
        plot.addItem(curve)
        plot.setXRange(edges[0], edges[-1], padding=0.02)
        plot.setYRange(0, counts.max() * 1.05 if counts.max() else 1, padding=0)

    def _hover(self, scene_pos) -> None:
        p = self.heat_box.mapSceneToView(scene_pos)
        r, c = int(np.floor(p.y())), int(np.floor(p.x()))
        if 0 <= r < self._grid.shape[0] and 0 <= c < self._grid.shape[1]:
            self.stats.setText(f"[{r}, {c}] = {self._grid[r, c]:.6g}  ·  {self._base_stats}")
