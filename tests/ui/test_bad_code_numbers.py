"""File > New From Code with integers PyTorch cannot hold: the line and the shortened number,
never a raw OverflowError."""

from __future__ import annotations

import pytest

HUGE = "9" * 4000


@pytest.mark.parametrize("code, line", [
    (f"x = torch.ones({HUGE})", 2),
    (f"x = torch.ones(3, requires_grad=True)\ny = x * {HUGE}", 3),
    (f"x = torch.tensor([1.0, -{HUGE}])", 2)])
def test_a_huge_integer_names_its_line_shortened(tools_window, code, line):
    tw = tools_window()
    dlg = tw.tools.new_from_code()
    dlg.editor.setPlainText("import torch\n" + code)
    assert dlg.validate() is False
    assert dlg.error_line() == line
    assert dlg.status.text() == (f"✗ Line {line}: a 4,000-digit number is too large: PyTorch "
                                 "integers have 64 bits (from -2**63 to 2**63 - 1)")
    assert "Overflow" not in dlg.status.text() and not dlg.ok_button.isEnabled()
    dlg.reject()
