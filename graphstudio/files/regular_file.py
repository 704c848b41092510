"""Opening a file for reading only when it is a regular file.

Opening a named pipe (FIFO) for reading waits for a writer, forever if none comes; a character
device such as ``/dev/zero`` never ends; a socket cannot be opened at all. Every reader of a
user-chosen path (the graph reader, ``graphstudio import``, File > New From Code, the lesson
reader) goes through :func:`open_regular`, which refuses those at once with
:class:`NotRegularFileError`. Writers check their target with :func:`check_regular_mode`
(see :mod:`graphstudio.files.atomic_write`): replacing a device or a pipe by a file is as wrong.
"""

from __future__ import annotations

import errno
import os
import stat

__all__ = ["NotRegularFileError", "check_regular_mode", "open_regular"]

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


class NotRegularFileError(OSError):
    """The path names a folder, pipe, device or socket; ``strerror`` says which, ``kind`` is
    that phrase alone ("a socket"), for a window to say in its own language."""

    kind = "something else"


def check_regular_mode(mode: int, path) -> None:
    """NotRegularFileError naming ``path`` and saying what it is unless ``mode`` (an
    ``st_mode``) is a regular file's."""
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), NotRegularFileError.kind)
    error = NotRegularFileError(errno.EINVAL, f"{kind}, not a regular file", os.fspath(path))
    error.kind = kind
    raise error


def open_regular(path):
    """``path`` opened for binary reading; NotRegularFileError (an OSError) at once when it is
    not a regular file, other OSErrors as ``open`` raises them."""
    # a socket cannot even be opened: say what it is
    check_regular_mode(os.stat(path).st_mode, path)
    # non-blocking, so a regular file swapped for a FIFO in between cannot hang the open
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        check_regular_mode(os.fstat(fd).st_mode, path)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
