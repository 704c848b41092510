"""Edit the tensor an Input/Parameter/Constant node holds: shape, dtype, initializer and values.

Small tensors (at most 2-D, at most :data:`TABLE_LIMIT` elements) get a table editor; larger ones a
pyqtgraph heatmap on the theme's symmetric diverging scale. Every change is reported as a whole
new :class:`TensorSpec` through :attr:`TensorEditor.specEdited`; the inspector turns it into a
``SetTensorCommand`` so it can be undone. Editing one value of an initializer tensor (randn, ...)
turns it into explicit values. A refused edit is explained under its field
(:class:`~graphstudio.ui.editors.field_error.FieldError`) and the typed text stays there to correct.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from graphstudio.graph.literals import format_number
from graphstudio.graph.model import DTYPES, INITS, GraphError, TensorSpec
from graphstudio.ui.editors.field_error import FieldError
from graphstudio.ui.editors.tensor_text import (
    MAX_ELEMENTS,
    NOT_FINITE,
    array_stats,
    display_number,
    format_shape,
    parse_shape,
    parse_value,
    resized,
    too_many_elements,
)
from graphstudio.ui.theme import LIGHT, Theme, as_2d, diverging_lut

TABLE_LIMIT = 400
INIT_LABELS = {"values": QT_TRANSLATE_NOOP("TensorEditor", "explicit values"), "zeros": "zeros",
               "ones": "ones", "full": QT_TRANSLATE_NOOP("TensorEditor", "full (one value)"),
               "eye": QT_TRANSLATE_NOOP("TensorEditor", "eye (identity)"), "arange": "arange",
               "rand": QT_TRANSLATE_NOOP("TensorEditor", "rand (uniform 0..1)"),
               "randn": QT_TRANSLATE_NOOP("TensorEditor", "randn (normal)")}  # shown translated
FILL_LABELS = {"full": QT_TRANSLATE_NOOP("TensorEditor", "Value"),
               "arange": QT_TRANSLATE_NOOP("TensorEditor", "Start"),
               "rand": QT_TRANSLATE_NOOP("TensorEditor", "Scale"), "randn": "Scale"}


LABEL_WIDTH = 92


class AlignedForm(QFormLayout):
    """A form whose label column has the same width in every section, so fields line up."""

    def addRow(self, label, field=None):  # noqa: N802 (Qt's name)
        if isinstance(label, str) and field is not None:
            label = QLabel(label)
            label.setMinimumWidth(LABEL_WIDTH)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setBuddy(field)
        return super().addRow(label, field) if field is not None else super().addRow(label)


class TensorTableModel(QAbstractTableModel):
    """A 0-, 1- or 2-D array as rows and columns; ``on_edit(array)`` receives edited copies."""

    def __init__(self, on_edit, parent=None, on_problem=None):
        super().__init__(parent)
        self.on_edit = on_edit
        self.on_problem = on_problem
        self.array = np.zeros((0,))
        self.dtype = "float32"
        #: (row, column, text) of the last value refused, to put back in the cell's editor
        self.refused: tuple[int, int, str] | None = None

    def set_array(self, array: np.ndarray, dtype: str) -> None:
        old = self._grid().shape if self.array.size else None
        self.array, self.dtype = np.asarray(array), dtype
        if old == self._grid().shape:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))
        else:
            self.beginResetModel()
            self.endResetModel()

    def _grid(self) -> np.ndarray:
        a = self.array
        return a.reshape(1, 1) if a.ndim == 0 else (a.reshape(1, -1) if a.ndim == 1 else a)

    def rowCount(self, parent=None):
        if (parent is not None and parent.isValid()) or self.array.size == 0:
            return 0
        return self._grid().shape[0]

    def columnCount(self, parent=None):
        if (parent is not None and parent.isValid()) or self.array.size == 0:
            return 0
        return self._grid().shape[1]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        v = self._grid()[index.row(), index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_number(v, self.dtype)
        if role in (Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return format_number(v.item(), self.dtype)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index):
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical and self.array.ndim < 2:
            return "" if self.array.ndim == 0 else "[ ]"
        return str(section)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        try:
            parsed = parse_value(str(value), self.dtype)
        except (TypeError, ValueError) as exc:
            self.refused = (index.row(), index.column(), str(value))
            if self.on_problem is not None:
                self.on_problem(self.tr("value not changed: {0}").format(exc))
            return False
        self.refused = None
        grid = np.array(self._grid(), dtype=self.dtype, copy=True)
        grid[index.row(), index.column()] = parsed
        self.on_edit(grid.reshape(self.array.shape))
        return True


class TensorEditor(QWidget):
    """Shape, dtype, initializer (with seed / fill / step) and the values of one tensor."""

    #: a new spec the person asked for (push it as a SetTensorCommand)
    specEdited = Signal(object)
    #: why an edit was refused (for the status bar)
    problem = Signal(str)

    def __init__(self, theme: Theme = LIGHT, parent=None):
        super().__init__(parent)
        self.theme = theme
        self.spec: TensorSpec | None = None
        self._array: np.ndarray | None = None
        self._heatmap = None

        self.init_box = QComboBox()
        for init in INITS:
            self.init_box.addItem(self.tr(INIT_LABELS[init]), init)
        self.shape_edit = QLineEdit()
        self.shape_edit.setPlaceholderText(self.tr("scalar"))
        self.shape_edit.setToolTip(self.tr("Sizes separated by commas, e.g. 5, 3 (empty for a "
                                           "scalar)"))
        self.dtype_box = QComboBox()
        self.dtype_box.addItems(list(DTYPES))
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2**31 - 1)
        self.seed_spin.setToolTip(self.tr("Seed of the random generator: the same seed gives the "
                                          "same numbers on every machine"))
        self.fill_edit = QLineEdit()
        self.step_edit = QLineEdit()
        for edit in (self.fill_edit, self.step_edit):
            edit.setPlaceholderText(self.tr("default"))
        self.to_values = QPushButton(self.tr("Convert to explicit values"))
        self.to_values.setToolTip(self.tr("Replace the initializer by the numbers it makes, so "
                                          "they can be edited one by one"))

        self.form = AlignedForm()
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(10)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("Initializer"), self.init_box)
        self.form.addRow(self.tr("Shape"), self.shape_edit)
        self.form.addRow("dtype", self.dtype_box)
        self.form.addRow(self.tr("Seed"), self.seed_spin)
        self.form.addRow(self.tr("Value"), self.fill_edit)
        self.form.addRow(self.tr("Step"), self.step_edit)

        self._build_table()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self.form)
        layout.addWidget(self.to_values)
        layout.addWidget(self.table)
        self.values_layout = layout
        layout.addWidget(self.info)
        self.field_error = FieldError(theme, self)

        self.init_box.activated.connect(lambda _i: self._edit_init())
        self.dtype_box.activated.connect(lambda _i: self._edit_dtype())
        self.shape_edit.editingFinished.connect(self._edit_shape)
        self.seed_spin.editingFinished.connect(self._edit_params)
        self.fill_edit.editingFinished.connect(self._edit_params)
        self.step_edit.editingFinished.connect(self._edit_params)
        self.to_values.clicked.connect(self._convert)

    def _build_table(self) -> None:
        """The table of values (small tensors) and the line under it."""
        self.table_model = TensorTableModel(self._cells_edited, self, self._cell_refused)
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(52)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setMinimumHeight(60)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    # ------------------------------------------------------------------ showing
    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.field_error.set_theme(theme)
        if self._heatmap is not None:
            self._heatmap.set_theme(theme)

    def set_spec(self, spec: TensorSpec | None) -> None:
        """Show ``spec`` (called on selection and whenever the model changes)."""
        self.spec = spec
        self.field_error.clear_error()
        if spec is None:
            self.setEnabled(False)
            return
        self.setEnabled(True)
        init = spec.init
        self.init_box.setCurrentIndex(INITS.index(init))
        if not self.shape_edit.hasFocus():
            self.shape_edit.setText(format_shape(spec.shape))
        self.dtype_box.setCurrentText(spec.dtype)
        self.seed_spin.setValue(spec.seed or 0)
        self.fill_edit.setText("" if spec.fill is None else format_number(spec.fill, "float64"))
        self.step_edit.setText("" if spec.step is None else format_number(spec.step, "float64"))
        self._row_visible(self.seed_spin, init in ("rand", "randn"))
        self._row_visible(self.fill_edit, init in FILL_LABELS)
        self._row_visible(self.step_edit, init == "arange")
        if init in FILL_LABELS:
            self.form.labelForField(self.fill_edit).setText(self.tr(FILL_LABELS[init]))
            self.fill_edit.setPlaceholderText("1.0" if init in ("rand", "randn") else "0.0")
        self.to_values.setVisible(init != "values")
        self._show_values(spec)

    def _row_visible(self, field: QWidget, visible: bool) -> None:
        self.form.setRowVisible(field, visible)

    def _show_values(self, spec: TensorSpec) -> None:
        try:
            array = spec.to_numpy()
        except (GraphError, ValueError, MemoryError) as exc:
            self._array = None
            self._show_page(None)
            self.info.setText(self.tr("Cannot make this tensor: {0}").format(exc))
            return
        self._array = array
        if array.size == 0:
            self._show_page(None)
            self.info.setText(self.tr("Empty tensor (a size is 0)."))
            return
        small = array.ndim <= 2 and array.size <= TABLE_LIMIT
        if small:
            self.table_model.set_array(array, spec.dtype)
            rows, cols = self.table_model.rowCount(), self.table_model.columnCount()
            height = min(10, rows) * 22 + self.table.horizontalHeader().sizeHint().height() + 4
            if cols > 5:  # columns stop fitting the dock: room for the horizontal scroll bar
                height += self.table.horizontalScrollBar().sizeHint().height()
            self.table.setFixedHeight(height)
            self._show_page(self.table)
        else:
            heat = self._heatmap_page()
            heat.show_array(array)
            self._show_page(heat)
        self.info.setText(array_stats(array, spec.dtype, editable=small))

    def _show_page(self, page: QWidget | None) -> None:
        self.table.setVisible(page is self.table)
        if self._heatmap is not None:
            self._heatmap.setVisible(page is self._heatmap)

    def _heatmap_page(self):
        if self._heatmap is None:
            self._heatmap = Heatmap(self.theme)
            self.values_layout.insertWidget(self.values_layout.indexOf(self.info), self._heatmap)
        return self._heatmap

    # ------------------------------------------------------------------ edits
    def _refuse(self, field: QWidget, message: str) -> None:
        """Say why under ``field`` (and in the status bar); the field keeps what was typed."""
        self.field_error.show_at(field, message)
        self.problem.emit(message)

    def _cell_refused(self, message: str) -> None:
        self._refuse(self.table, message)
        QTimer.singleShot(0, self, self._reopen_refused_cell)

    def _reopen_refused_cell(self) -> None:
        """Open the refused cell's editor again with the text typed, to correct it (only while
        the table still has the focus: a click elsewhere is not taken back)."""
        refused = self.table_model.refused
        if refused is None or not self.table.hasFocus():
            return
        row, col, text = refused
        index = self.table_model.index(row, col)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        self.table.edit(index)
        editor = self.table.indexWidget(index)
        if isinstance(editor, QLineEdit):
            editor.setText(text)
            editor.selectAll()

    def _emit(self, **changes) -> None:
        spec = self.spec
        if spec is None:
            return
        fields = dict(init=spec.init, shape=spec.shape, dtype=spec.dtype, values=spec.values,
                      seed=spec.seed, fill=spec.fill, step=spec.step)
        fields.update(changes)
        if fields["init"] != "values":
            fields["values"] = None
        try:
            new = TensorSpec(**fields)
            numel = math.prod(new.shape)
            if numel > MAX_ELEMENTS and numel > math.prod(spec.shape):  # eye of a long vector
                raise GraphError(too_many_elements(numel))
        except (GraphError, ValueError, TypeError) as exc:
            self.set_spec(spec)  # a choice that cannot be: the boxes show the tensor again
            self._refuse(self.init_box, str(exc))
            return
        if new != spec:
            self.specEdited.emit(new)

    def _edit_init(self) -> None:
        init = self.init_box.currentData()
        spec = self.spec
        if spec is None or init == spec.init:
            return
        if init == "values":
            self._convert()
            return
        dtype = spec.dtype
        if init in ("rand", "randn") and dtype not in ("float32", "float64"):
            dtype = "float32"
        shape = spec.shape
        if init == "eye" and len(shape) != 2:
            shape = (shape[0], shape[0]) if len(shape) == 1 else (3, 3)
        seed = spec.seed if init in ("rand", "randn") else None
        self._emit(init=init, shape=shape, dtype=dtype, seed=seed if seed is not None else (
            0 if init in ("rand", "randn") else None), fill=None, step=None)

    def _edit_shape(self) -> None:
        if self.spec is None:
            return
        try:
            shape = parse_shape(self.shape_edit.text())
        except GraphError as exc:
            self._refuse(self.shape_edit, str(exc))
            return
        self.field_error.clear_error(self.shape_edit)
        if shape == self.spec.shape:
            return
        if self.spec.init == "values":
            self._emit(shape=shape, values=resized(self.spec.values, shape, self.spec.dtype))
        else:
            self._emit(shape=shape)

    def _edit_dtype(self) -> None:
        dtype = self.dtype_box.currentText()
        if self.spec is None or dtype == self.spec.dtype:
            return
        if self.spec.init == "values":
            self._emit(dtype=dtype, values=np.asarray(self.spec.values).astype(dtype))
        else:
            self._emit(dtype=dtype)

    def _edit_params(self) -> None:
        if self.spec is None or self.spec.init == "values":
            return
        values = {}
        for edit in (self.fill_edit, self.step_edit):
            text = edit.text().strip()
            try:
                values[edit] = float(text) if text else None
            except ValueError:
                self._refuse(edit, self.tr("{0!r} is not a number: write e.g. 0.5 or 1e-3")
                             .format(text))
                return
            if values[edit] is not None and not math.isfinite(values[edit]):
                self._refuse(edit, QCoreApplication.translate("TensorText", NOT_FINITE))
                return
        fill, step = values[self.fill_edit], values[self.step_edit]
        self.field_error.clear_error()
        seed = self.seed_spin.value() if self.spec.init in ("rand", "randn") else self.spec.seed
        self._emit(seed=seed, fill=fill, step=step)

    def _convert(self) -> None:
        if self.spec is None or self._array is None:
            return
        self._emit(init="values", values=self._array, seed=None, fill=None, step=None)

    def _cells_edited(self, array: np.ndarray) -> None:
        self._emit(init="values", values=array, seed=None, fill=None, step=None)


class Heatmap(QWidget):
    """A pyqtgraph ImageItem on the symmetric diverging scale, with the value under the mouse."""

    def __init__(self, theme: Theme, parent=None):
        super().__init__(parent)
        import pyqtgraph as pg

        self._pg = pg
        self.plot = pg.GraphicsLayoutWidget()
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.plot.ci.layout.setContentsMargins(0, 0, 0, 0)
        self.box = self.plot.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.box.setMenuEnabled(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(diverging_lut(256))
        self.box.addItem(self.image)
        self.readout = QLabel(" ")
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        layout.addWidget(self.readout)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._grid = np.zeros((1, 1))
        self.vmax = 1.0
        self.plot.scene().sigMouseMoved.connect(self._hover)
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        self.plot.setBackground(theme.canvas_bg)

    def show_array(self, array: np.ndarray) -> None:
        grid = as_2d(array).astype(np.float64)
        finite = np.isfinite(grid)
        vmax = float(np.abs(grid[finite]).max()) if finite.any() else 0.0
        self.vmax = vmax if vmax > 0 else 1.0
        self._grid = grid
        self.image.setImage(np.where(finite, grid, 0.0), levels=(-self.vmax, self.vmax),
                            autoLevels=False)
        # a height that suits a dock ~300 px wide; lockAspect letterboxes the rest
        aspect = grid.shape[0] / max(grid.shape[1], 1)
        self.plot.setFixedHeight(int(min(max(300 * aspect, 90), 300)))
        self.box.autoRange(padding=0)
        self.readout.setText(self.tr("scale ±{0} · hover for values").format(f"{self.vmax:.4g}"))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.box.autoRange(padding=0)

    def _hover(self, scene_pos) -> None:
        p = self.box.mapSceneToView(scene_pos)
        r, c = int(np.floor(p.y())), int(np.floor(p.x()))
        if 0 <= r < self._grid.shape[0] and 0 <= c < self._grid.shape[1]:
            self.readout.setText(self.tr("[{0}, {1}] = {2}   (scale ±{3})").format(
                r, c, f"{self._grid[r, c]:.6g}", f"{self.vmax:.4g}"))
