"""Numbers out of range on the command line and in imported code: one line naming the line or
option, the number shortened (``a 4,000-digit number``), exit 2, never a traceback."""

from __future__ import annotations

import pytest

from graphstudio import cli
from graphstudio.paths import examples_dir

HUGE = "9" * 4000
MLP = examples_dir() / "mlp_classifier.gsgraph"
TUTORIAL = examples_dir() / "tutorial_single_layer.gsgraph"


def call(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    assert err.startswith("graphstudio: ") and err.count("\n") == 1 and "Traceback" not in err
    return err.removeprefix("graphstudio: ").rstrip("\n")


@pytest.mark.parametrize("code, line", [
    (f"x = torch.ones({HUGE})", 2),
    (f"x = torch.ones(3, requires_grad=True)\ny = x * {HUGE}", 3),
    (f"x = torch.ones(3, requires_grad=True)\ny = x * -{HUGE}", 3),
    ("x = torch.ones(3, requires_grad=True)\ny = x * 9223372036854775808", 3)])
def test_import_of_a_huge_integer_names_the_line(tmp_path, capsys, code, line):
    src = tmp_path / "big.py"
    src.write_text("import torch\n" + code + "\n")
    out = tmp_path / "out.gsgraph"
    status, stdout, err = call(capsys, "import", src, "-o", out)
    message = one_line(err)
    assert status == 2 and stdout == "" and not out.exists()
    number = "9223372036854775808" if "922" in code else "a 4,000-digit number"
    assert message == (f"{src}: line {line}: {number} is too large: PyTorch integers have 64 "
                       "bits (from -2**63 to 2**63 - 1)")


def test_import_keeps_the_largest_64_bit_integer(tmp_path, capsys):
    src = tmp_path / "ok.py"
    src.write_text("import torch\nx = torch.ones(3, requires_grad=True)\n"
                   "y = (x * 9223372036854775807).sum()\n")
    status, _out, err = call(capsys, "import", src, "-o", tmp_path / "ok.gsgraph")
    assert status == 0, err
