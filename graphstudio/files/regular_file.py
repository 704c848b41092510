"""Opening a file for reading only when it is a regular file.

Opening a named pipe (FIFO) for reading waits for a writer, forever if none comes; a character
device such as ``/dev/zero`` never ends; a socket cannot be opened at all. Every reader of a
user-chosen path (the graph reader, ``graphstudio import``, File > New From Code) goes through
:func:`open_regular`, which refuses those at once with :class:`NotRegularFileError`.
"""

from __future__ import annotations

import errno
import os
import stat

__all__ = ["NotRegularFileError", "open_regular"]

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


class NotRegularFileError(OSError):
    """The path names a folder, pipe, device or socket; ``strerror`` says which."""


def _check(mode: int, path) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise NotRegularFileError(errno.EINVAL, f"{kind}, not a regular file", os.fspath(path))


def open_regular(path):
    """``path`` opened for binary reading; NotRegularFileError (an OSError) at once when it is
    not a regular file, other OSErrors as ``open`` raises them."""
    _check(os.stat(path).st_mode, path)  # a socket cannot even be opened: say what it is
    # non-blocking, so a regular file swapped for a FIFO in between cannot hang the open
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        _check(os.fstat(fd).st_mode, path)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
