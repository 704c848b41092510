"""The window's writers and the file lock: a pipe chosen as an output is refused with a dialog
and stays a pipe; a file opened through a symlink and directly is one file to the lock."""

from __future__ import annotations

import os
import shutil
import stat

import pytest
from PySide6.QtWidgets import QMessageBox

from graphstudio.paths import examples_dir
from graphstudio.ui.tools.export_actions import export_pytorch_script

Button = QMessageBox.StandardButton
TUTORIAL = examples_dir() / "tutorial_single_layer.gsgraph"
fifo_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


def test_a_symlink_and_its_target_share_one_lock(make_window, dialogs, tmp_path):
    real = tmp_path / "real" / "t.gsgraph"
    real.parent.mkdir()
    shutil.copy(TUTORIAL, real)
    link = tmp_path / "link.gsgraph"
    link.symlink_to(real)
    a, b = make_window(), make_window()
    assert a.files.open_file(link)
    dialogs.answer(Button.Cancel)
    assert not b.files.open_file(real)
    assert dialogs.seen[-1][0] == "File already open"
    assert "already open in another GraphStudio window" in dialogs.seen[-1][1]
    assert not any(p.name.endswith(".lock") for p in tmp_path.iterdir())  # beside the real file


@fifo_only
def test_save_as_onto_a_fifo_is_refused_with_a_dialog(window, dialogs, tmp_path):
    assert window.files.open_file(TUTORIAL)
    fifo = tmp_path / "pipe.gsgraph"
    os.mkfifo(fifo)
    dialogs.save_paths.append(str(fifo))
    dialogs.answer(Button.Ok)
    assert not window.files.save_as()
    title, text, _ = dialogs.seen[-1]
    assert title == "Cannot save graph" and "pipe.gsgraph could not be written" in text
    assert "named pipe (FIFO), not a regular file" in text
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@fifo_only
@pytest.mark.parametrize("name", ["pipe.png", "pipe.svg"])
def test_export_image_onto_a_fifo_is_refused_with_a_dialog(window, dialogs, tmp_path, name):
    assert window.files.open_file(TUTORIAL)
    fifo = tmp_path / name
    os.mkfifo(fifo)
    dialogs.save_paths.append(str(fifo))
    dialogs.answer(Button.Ok)
    assert not window.files.export_image()
    title, text, _ = dialogs.seen[-1]
    assert title == "Cannot export image" and f"{name} could not be written" in text
    assert text.endswith("\n\na named pipe (FIFO), not a regular file")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@fifo_only
def test_export_script_onto_a_fifo_is_refused_with_a_dialog(window, dialogs, tmp_path):
    assert window.files.open_file(TUTORIAL)
    fifo = tmp_path / "pipe.py"
    os.mkfifo(fifo)
    dialogs.answer(Button.Ok)
    assert export_pytorch_script(window, str(fifo)) is None
    title, text, _ = dialogs.seen[-1]
    assert title == "Cannot export" and "named pipe (FIFO), not a regular file" in text
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@fifo_only
@pytest.mark.parametrize("kind", ["handout", "animation"])
def test_a_handout_or_animation_onto_a_fifo_is_refused_with_a_dialog(window, dialogs, tmp_path,
                                                                    kind):
    assert window.files.open_file(TUTORIAL)
    fifo = tmp_path / ("pipe.pdf" if kind == "handout" else "pipe.gif")
    os.mkfifo(fifo)
    dialogs.answer(Button.Ok)
    share = window.files.share
    started = (share.export_handout if kind == "handout" else share.export_animation)(str(fifo))
    assert not started and not share.running
    title, text, _ = dialogs.seen[-1]
    assert title == "Cannot export"
    assert text == f"{fifo} could not be written.\n\na named pipe (FIFO), not a regular file"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and sorted(os.listdir(tmp_path)) == [fifo.name]


@fifo_only
def test_the_reason_is_said_in_chinese(window, dialogs, tmp_path, qapp):
    from graphstudio.ui.language import apply_language

    assert window.files.open_file(TUTORIAL)
    fifo = tmp_path / "pipe.py"
    os.mkfifo(fifo)
    apply_language(qapp, "zh_CN")
    dialogs.answer(Button.Ok)
    assert export_pytorch_script(window, str(fifo)) is None
    text = dialogs.seen[-1][1]
    assert "命名管道" in text and "not a regular file" not in text
    pdf = tmp_path / "pipe.pdf"  # the share exports' own words are translated too
    os.mkfifo(pdf)
    dialogs.answer(Button.Ok)
    assert not window.files.share.export_handout(str(pdf))
    assert dialogs.seen[-1][:2] == ("无法导出",
                                    f"无法写入 {pdf}。\n\n是命名管道（FIFO），不是普通文件")
