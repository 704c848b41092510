"""Output paths of every writing command: a pipe, socket or folder given to ``-o`` is refused at
once (one line, exit 2) and left as it was; a symlink is written through; a full disk leaves an
existing file whole and says so in one line naming the person's path."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import uuid

import pytest

from graphstudio.paths import examples_dir
from tests.support.cli_calls import call, one_line

TUTORIAL = examples_dir() / "tutorial_single_layer.gsgraph"
WRITERS = [("export", "out.py"), ("render", "out.png"), ("render", "out.svg"),
           ("handout", "out.pdf"), ("animate", "out.gif"), ("train", "out.gsgraph")]


def args_for(command, out):
    extra = ["--steps", "2"] if command == "train" else []
    return [command, TUTORIAL, "-o", out, *extra]


@pytest.mark.parametrize("command, name", WRITERS)
def test_a_fifo_output_is_refused_at_once_and_stays_a_fifo(tmp_path, capsys, command, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)
    code, out, err = call(capsys, *args_for(command, fifo))
    assert code == 2 and out == ""
    assert f"{fifo}: a named pipe (FIFO), not a regular file" in one_line(err)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_a_socket_and_a_folder_output_are_refused(tmp_path, capsys):
    folder = tmp_path / "pictures.png"
    folder.mkdir()
    code, _out, err = call(capsys, "render", TUTORIAL, "-o", folder)
    assert code == 2 and "a folder, not a regular file" in one_line(err)
    sock_path = tmp_path / "s.py"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        code, _out, err = call(capsys, "export", TUTORIAL, "-o", sock_path)
        assert code == 2 and "a socket, not a regular file" in one_line(err)
        assert stat.S_ISSOCK(os.lstat(sock_path).st_mode)


def test_a_symlinked_output_writes_its_target_and_the_link_stays(tmp_path, capsys):
    target = tmp_path / "kept" / "script.py"
    target.parent.mkdir()
    target.write_text("old\n")
    link = tmp_path / "nul.py"
    link.symlink_to(target)
    code, _out, err = call(capsys, "export", TUTORIAL, "-o", link)
    assert code == 0, err
    assert link.is_symlink() and "import torch" in target.read_text()
    assert sorted(p.name for p in target.parent.iterdir()) == ["script.py"]


@pytest.fixture
def full_disk(tmp_path):
    """A 256 KB tmpfs, nearly full (needs root and mount; skipped otherwise)."""
    where = tmp_path / f"small{uuid.uuid4().hex[:6]}"
    where.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs",
                                            str(where)], capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=True)


@pytest.mark.parametrize("command, name, old", [
    ("handout", "h.pdf", b"%PDF-1.4 a handout made earlier\n%%EOF\n"),
    ("render", "r.png", b"\x89PNG\r\n\x1a\n a picture made earlier"),
    ("animate", "a.gif", b"GIF89a an animation made earlier")])
def test_a_full_disk_keeps_the_old_file(full_disk, capsys, command, name, old):
    out = full_disk / name
    out.write_bytes(old)
    (full_disk / "filler").write_bytes(os.urandom(200_000))
    code, stdout, err = call(capsys, command, TUTORIAL, "-o", out)
    assert code == 2 and "wrote" not in stdout
    line = one_line(err)
    assert line.startswith(f"{out}: cannot write") and ".tmp" not in line
    assert out.read_bytes() == old
    assert sorted(p.name for p in full_disk.iterdir()) == sorted(["filler", name])


@pytest.fixture
def read_only_folder(full_disk):
    """The small tmpfs, remounted read-only."""
    if subprocess.run(["mount", "-o", "remount,ro", str(full_disk)],
                      capture_output=True).returncode:
        pytest.skip("cannot remount read-only here")
    return full_disk


@pytest.mark.parametrize("command, name", WRITERS)
def test_a_read_only_folder_is_named_by_the_given_path(read_only_folder, capsys, command,
                                                       name):
    out = read_only_folder / name
    code, stdout, err = call(capsys, *args_for(command, out))
    assert code == 2 and stdout == ""  # refused before the work (train: before training)
    assert one_line(err) == f"{out}: cannot write: Read-only file system"
