"""The Values dock's table never cuts a number: at any text size each column is at least as
wide as its widest number (scrolling sideways when the dock is narrower), rows as tall as the
text."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QFontMetrics

from graphstudio.ui.run.array_view import ArrayPanel
from graphstudio.ui.run.view_options import scale_widget_fonts


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_every_number_in_the_table_fits_its_column(qtbot, scale):
    panel = ArrayPanel()
    qtbot.addWidget(panel)
    panel.resize(300, 400)  # the Values dock at 1280x800
    panel.show()
    scale_widget_fonts(panel, scale)  # as View > Text Size does
    values = np.array([[0.4199, -0.2900, 0.1324, -0.1014], [12.5, -3.25, 0.0, 1.0]],
                      dtype=np.float32)
    panel.show_array("w", values, 12.5, QColor("red"))
    qtbot.wait(10)
    table = panel.table
    fm = QFontMetrics(table.font())
    for r in range(table.rowCount()):
        assert table.rowHeight(r) >= fm.height()
        for c in range(table.columnCount()):
            text = table.item(r, c).text()
            assert table.columnWidth(c) >= fm.horizontalAdvance(text) + 8, (scale, text)
    shown_rows = table.rowCount() * table.rowHeight(0)
    assert table.height() >= shown_rows + table.horizontalHeader().height()  # no row hidden


@pytest.mark.parametrize("text", ["One colour scale for value and gradient",
                                  "数值和梯度使用同一色标"])
def test_a_check_box_text_is_broken_into_lines_that_fit(qapp, text):
    from PySide6.QtGui import QFont

    from graphstudio.ui.run.inspector_run import wrapped

    font = QFont()
    font.setPointSizeF(17.0)
    fm = QFontMetrics(font)
    lines = wrapped(text, fm, 120).split("\n")
    assert len(lines) > 1 and all(fm.horizontalAdvance(line) <= 120 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost
    assert wrapped(text, fm, 10_000) == text  # room enough: one line, as written
