"""Writing a text file atomically: a temp file in the same folder, flushed, fsynced, then
``os.replace``d over the target (DESIGN.md §2). Used by the graph files, the exporters and the
window's autosave, which runs on its own thread: nothing here touches process-wide state such as
the umask."""

from __future__ import annotations

import errno
import os
import secrets

__all__ = ["write_text_atomic"]

_TEMP_FLAGS = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
               | getattr(os, "O_CLOEXEC", 0))


def write_text_atomic(path, text: str) -> None:
    """Write UTF-8 text to a temp file in the same folder, flush + fsync, then ``os.replace``.

    An existing file keeps its permissions; a new one gets ``0o666`` less the umask, applied by
    the kernel when the temp file is created (as ``open()`` would; the umask is never changed to
    be read, so concurrent writers are safe). On any failure the original file is untouched,
    the temp file removed, and the OSError names ``path`` (not the temp file).
    """
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        mode = os.stat(path).st_mode & 0o777
    except FileNotFoundError:
        mode = None
    except OSError as ex:
        raise OSError(ex.errno, f"cannot write: {ex.strerror}", path) from None
    try:
        # an existing file's temp stays private until it gets that file's mode below
        fd, tmp = _create_temp(folder, os.path.basename(path), 0o666 if mode is None else 0o600)
    except OSError as ex:
        raise OSError(ex.errno, f"cannot write: {ex.strerror}", path) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as ex:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(ex, OSError) and ex.filename != path:
            raise OSError(ex.errno, f"cannot write: {ex.strerror or ex}", path) from None
        raise


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
