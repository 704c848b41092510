"""Writing a file atomically: a temp file in the same folder, flushed, fsynced, then
``os.replace``d over the target (DESIGN.md §2). Used by the graph files, the exporters, the
window's autosave (on its own thread: nothing here touches process-wide state such as the umask),
and, through :class:`TempOutput`, by every binary writer (pictures, handouts, animations).

A symlink is written through: the file replaced is its final target (the temp file goes next
to it) and the link stays. A target that exists and is not a regular file (a folder, a named
pipe, a device, a socket) is refused at once with :class:`NotRegularFileError`: replacing
``/dev/null`` or a pipe by a text file is never what a person meant. A written file that comes
out empty, or a writer that reports failure, leaves the target as it was; every error names the
path the person gave, never the temp file.
"""

from __future__ import annotations

import errno
import os
import secrets

from graphstudio.files.regular_file import NotRegularFileError, check_regular_mode

__all__ = ["NotRegularFileError", "TempOutput", "output_target", "write_bytes_atomic",
           "write_text_atomic"]

_TEMP_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
               | getattr(os, "O_CLOEXEC", 0))


def _named(ex: OSError, path: str) -> OSError:
    """``ex`` as an OSError that names ``path`` (the person's path, not a temp file)."""
    if isinstance(ex, NotRegularFileError) or ex.filename == path:
        return ex
    return OSError(ex.errno, f"cannot write: {ex.strerror or ex}", path)


def output_target(path) -> tuple[str, int | None]:
    """(the file a write to ``path`` replaces, its permission bits or None when it does not
    exist yet). Follows symlinks to their final target; NotRegularFileError when that exists
    and is not a regular file; other OSErrors name ``path``."""
    path = os.fspath(path)
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return target, None
    except OSError as ex:
        raise _named(ex, path) from None
    check_regular_mode(st.st_mode, path)
    return target, st.st_mode & 0o777


class TempOutput:
    """A new, empty temp file beside ``path``'s target for a writer to fill by name
    (:attr:`temp`); :meth:`commit` moves it over the target, :meth:`discard` deletes it."""

    def __init__(self, path):
        self.path = os.fspath(path)
        self.target, self._mode = output_target(self.path)
        folder = os.path.dirname(self.target)
        try:
            # an existing file's temp stays private until it gets that file's mode in commit
            fd, self.temp = _create_temp(folder, os.path.basename(self.target),
                                         0o666 if self._mode is None else 0o600)
        except OSError as ex:
            raise _named(ex, self.path) from None
        self.fd = fd

    def open(self, mode: str = "wb", **kwargs):
        """The temp file as a Python file object (its descriptor; once)."""
        fd, self.fd = self.fd, None
        return os.fdopen(fd, mode, **kwargs)

    def commit(self, allow_empty: bool = False) -> None:
        """Flush the temp file to disk and replace the target with it; an empty temp file (a
        writer that failed quietly) is refused unless ``allow_empty``. On failure the target
        is untouched and the temp file gone; the OSError names the person's path."""
        try:
            self._close_fd()
            fd = os.open(self.temp, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
            try:
                os.fsync(fd)
                size = os.fstat(fd).st_size
            finally:
                os.close(fd)
            if not size and not allow_empty:
                raise OSError(errno.EIO, "cannot write: the file came out empty", self.path)
            if self._mode is not None:
                os.chmod(self.temp, self._mode)
            os.replace(self.temp, self.target)
        except BaseException as ex:
            self.discard()
            if isinstance(ex, OSError):
                raise _named(ex, self.path) from None
            raise

    def discard(self) -> None:
        """Delete the temp file (the target is left as it was)."""
        self._close_fd()
        try:
            os.unlink(self.temp)
        except OSError:
            pass

    def _close_fd(self) -> None:
        if self.fd is not None:
            fd, self.fd = self.fd, None
            os.close(fd)


def write_bytes_atomic(path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temp file beside its target, as
    :func:`write_text_atomic` does (an encoded picture, say)."""
    out = TempOutput(path)
    try:
        with out.open("wb") as f:
            f.write(data)
    except BaseException as ex:
        out.discard()
        if isinstance(ex, OSError):
            raise _named(ex, out.path) from None
        raise
    out.commit(allow_empty=not data)


def write_text_atomic(path, text: str) -> None:
    """Write UTF-8 text to a temp file beside ``path``'s target, flush + fsync, then replace.

    An existing file keeps its permissions; a new one gets ``0o666`` less the umask, applied by
    the kernel when the temp file is created (as ``open()`` would; the umask is never changed to
    be read, so concurrent writers are safe). On any failure the original file is untouched,
    the temp file removed, and the OSError names ``path`` (not the temp file).
    """
    write_bytes_atomic(path, text.encode("utf-8"))


def _create_temp(folder: str, base: str, mode: int) -> tuple[int, str]:
    """Create and open a new file ``.~<base><random>.tmp`` in ``folder`` (O_EXCL: never an
    existing file or a symlink); the kernel applies the umask to ``mode``."""
    for _ in range(100):
        tmp = os.path.join(folder, f".~{base}{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, _TEMP_FLAGS, mode), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", folder)
