"""A lesson path that is not a regular file (a pipe, a socket, a folder, a device) is refused at
once saying what it is: ``lesson check`` in one line with exit 2, the window with a dialog."""

from __future__ import annotations

import os
import socket
import stat
from types import SimpleNamespace

import pytest

from graphstudio import cli
from graphstudio.lessons import parser
from graphstudio.lessons.format import LessonError
from graphstudio.lessons.parser import read_lesson

fifo_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


@fifo_only
def test_lesson_check_on_a_fifo_says_so_at_once(tmp_path, capsys):
    fifo = tmp_path / "f.gslesson"
    os.mkfifo(fifo)  # opened blocking, this would wait for a writer forever
    assert cli.main(["lesson", "check", str(fifo)]) == 2
    out, err = capsys.readouterr()
    assert err == "graphstudio: f.gslesson: cannot read: a named pipe (FIFO), not a regular file\n"


def test_a_socket_and_a_folder_say_what_they_are(tmp_path):
    folder = tmp_path / "d.gslesson"
    folder.mkdir()
    with pytest.raises(LessonError, match="cannot read: a folder, not a regular file"):
        read_lesson(folder)
    path = tmp_path / "s.gslesson"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(LessonError, match="cannot read: a socket, not a regular file"):
            read_lesson(path)


def test_a_device_says_it_is_a_device(tmp_path, monkeypatch):
    fake = tmp_path / "zero"
    fake.write_bytes(b"\0" * 10)
    real_stat = os.stat
    monkeypatch.setattr(parser.os, "stat", lambda p, *a, **k: SimpleNamespace(
        st_mode=stat.S_IFCHR | 0o666) if os.fspath(p) == str(fake) else real_stat(p, *a, **k))
    with pytest.raises(LessonError, match="zero: cannot read: a character device"):
        read_lesson(fake)


def test_a_too_large_lesson_gives_sizes_with_separators(tmp_path):
    big = tmp_path / "big.gslesson"
    big.write_bytes(b"#" * (parser.MAX_BYTES + 1))
    with pytest.raises(LessonError, match=rf"\({parser.MAX_BYTES + 1:,} bytes; at most "
                                          rf"{parser.MAX_BYTES:,}\)"):
        read_lesson(big)
