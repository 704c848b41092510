"""Numbers out of range on the command line and in imported code: one line naming the line or
option, the number shortened (``a 4,000-digit number``), exit 2, never a traceback."""

from __future__ import annotations

import pytest

from graphstudio.paths import examples_dir
from tests.support.cli_calls import call, one_line

HUGE = "9" * 4000
MLP = examples_dir() / "mlp_classifier.gsgraph"
TUTORIAL = examples_dir() / "tutorial_single_layer.gsgraph"


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


@pytest.mark.parametrize("option, value, message", [
    ("--steps", HUGE, "steps must be a whole number from 0 to 10,000,000, not a 4,000-digit "
                      "number"),
    ("--steps", "10000001", "steps must be a whole number from 0 to 10,000,000, not 10000001"),
    ("--momentum", HUGE, "momentum must be a finite number >= 0, not inf"),
    ("--weight-decay", "nan", "weight decay must be a finite number >= 0, not nan"),
    ("--seed", HUGE, "the seed must be in 0 .. 2**63-1, not a 4,000-digit number"),
    ("--seed", "-1", "the seed must be in 0 .. 2**63-1, not -1")])
@pytest.mark.parametrize("example", [MLP, TUTORIAL])  # the same answer whatever the graph
def test_train_options_out_of_range_are_refused(tmp_path, capsys, example, option, value,
                                                message):
    out = tmp_path / "t.gsgraph"
    status, stdout, err = call(capsys, "train", example, option, value, "--quiet", "-o", out)
    assert status == 2 and stdout == "" and one_line(err) == message and not out.exists()


def test_train_seed_near_the_top_leaves_room_for_every_parameter(capsys):
    status, _out, err = call(capsys, "train", MLP, "--seed", 2**63 - 1, "--quiet")
    assert status == 2
    assert one_line(err) == ("the seed must be in 0 .. 2**63-1: 2 Parameters are drawn with "
                             "seeds from 9223372036854775807, so start at most "
                             "9,223,372,036,854,775,806")
    assert call(capsys, "train", MLP, "--seed", 2**63 - 2, "--quiet", "--steps", 1)[0] == 0


@pytest.mark.parametrize("keep_going", [False, True])
def test_a_diverged_training_says_so_and_does_not_save_nan(tmp_path, capsys, keep_going):
    out = tmp_path / "tr.gsgraph"
    out.write_text("an older file\n")
    extra = ["--keep-going", "--steps", "4"] if keep_going else []
    status, stdout, err = call(capsys, "train", "--lr", "1e308", "--quiet", "-o", out, MLP,
                               *extra)
    assert status == 1 and "wrote" not in stdout
    stopped = "" if keep_going else "; stopped there"
    assert err.splitlines() == [
        f"graphstudio: training diverged: the loss became nan at step 2{stopped} "
        "(adam, lr 1e+308)",
        f"graphstudio: {out} was not written: the trained W1, b1, W2, b2 hold inf or nan, "
        "which a file cannot keep"]
    assert out.read_text() == "an older file\n"


def test_export_refuses_a_negative_max_literal(tmp_path, capsys):
    out = tmp_path / "x.py"
    status, stdout, err = call(capsys, "export", "--max-literal", "-5", "-o", out, TUTORIAL)
    assert status == 2 and not out.exists()
    assert one_line(err) == "the most elements written out must be a whole number >= 0, not -5"


@pytest.mark.parametrize("option, value, message", [
    ("--step-ms", HUGE, "step time a 4,000-digit number ms: choose from 20 to 60,000 ms"),
    ("--step-ms", "5", "step time 5 ms: choose from 20 to 60,000 ms")])
def test_animate_options_out_of_range(tmp_path, capsys, option, value, message):
    out = tmp_path / "a.gif"
    status, _stdout, err = call(capsys, "animate", TUTORIAL, "-o", out, option, value)
    assert status == 2 and one_line(err) == message and not out.exists()
