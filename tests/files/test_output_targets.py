"""Where a write goes: a symlink is written through, a folder, pipe, device or socket is refused
at once and left as it was, a failed or short write leaves the old file whole."""

import errno
import os
import socket
import stat
from types import SimpleNamespace

import pytest

from graphstudio.files import atomic_write
from graphstudio.files.atomic_write import (
    NotRegularFileError,
    TempOutput,
    output_target,
    write_bytes_atomic,
    write_text_atomic,
)

fifo_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".~"))


@fifo_only
def test_a_fifo_is_refused_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "out.py"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFileError, match=r"a named pipe \(FIFO\), not a regular file"):
        write_text_atomic(fifo, "x = 1\n")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and not leftovers(tmp_path)


def test_a_folder_and_a_socket_are_refused(tmp_path):
    folder = tmp_path / "out.png"
    folder.mkdir()
    with pytest.raises(NotRegularFileError, match="a folder, not a regular file"):
        write_bytes_atomic(folder, b"png")
    sock_path = tmp_path / "s.gsgraph"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        with pytest.raises(NotRegularFileError, match="a socket, not a regular file") as info:
            write_text_atomic(sock_path, "{}")
        assert info.value.filename == str(sock_path)
        assert stat.S_ISSOCK(os.lstat(sock_path).st_mode)
    assert folder.is_dir() and not leftovers(tmp_path)


@pytest.mark.parametrize("kind, words", [(stat.S_IFCHR, "a character device"),
                                         (stat.S_IFBLK, "a block device")])
def test_a_device_is_refused_before_anything_is_written(tmp_path, monkeypatch, kind, words):
    # never write to a real device in a test (as root it would be replaced): fake its stat
    fake = tmp_path / "zero"
    real_stat = os.stat
    monkeypatch.setattr(atomic_write.os, "stat", lambda p, *a, **k: SimpleNamespace(
        st_mode=kind | 0o666) if os.fspath(p) == str(fake) else real_stat(p, *a, **k))
    with pytest.raises(NotRegularFileError, match=f"{words}, not a regular file"):
        write_text_atomic(fake, "text")
    monkeypatch.undo()
    assert not fake.exists() and not leftovers(tmp_path)


def test_a_symlink_is_written_through_to_its_target(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "script.py"
    target.write_text("old\n")
    os.chmod(target, 0o640)
    link = tmp_path / "link.py"
    link.symlink_to(target)
    chain = tmp_path / "chain.py"
    chain.symlink_to(link)
    write_text_atomic(chain, "new\n")
    assert chain.is_symlink() and link.is_symlink() and target.read_text() == "new\n"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert output_target(chain) == (str(target), 0o640)


def test_a_symlink_to_a_fifo_is_refused(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "out.gsgraph"
    link.symlink_to(fifo)
    with pytest.raises(NotRegularFileError, match="named pipe") as info:
        write_text_atomic(link, "{}")
    assert info.value.filename == str(link) and link.is_symlink()


def test_a_failed_write_keeps_the_old_file_and_names_the_given_path(tmp_path, monkeypatch):
    out = tmp_path / "picture.png"
    out.write_bytes(b"the old picture")

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_write.os, "fsync", full_disk)
    with pytest.raises(OSError) as info:
        write_bytes_atomic(out, b"a new picture")
    assert info.value.filename == str(out)
    assert "No space left on device" in str(info.value)
    assert out.read_bytes() == b"the old picture" and not leftovers(tmp_path)


def test_a_writer_that_leaves_an_empty_file_replaces_nothing(tmp_path):
    out = tmp_path / "h.pdf"
    out.write_bytes(b"%PDF-1.4 the old handout")
    temp = TempOutput(out)
    with pytest.raises(OSError, match="came out empty") as info:
        temp.commit()
    assert info.value.filename == str(out)
    assert out.read_bytes() == b"%PDF-1.4 the old handout" and not leftovers(tmp_path)


def test_a_temp_file_that_cannot_be_made_is_reported_by_the_given_path(tmp_path):
    missing = tmp_path / "no such folder" / "x.pdf"
    with pytest.raises(OSError) as info:
        TempOutput(missing)
    assert info.value.filename == str(missing) and ".tmp" not in str(info.value)
