"""Noticing other writers of the open file: a lock that tells a second window the file is
already open, a watch on the file, and the file's stamp (modification time, size, inode) as it
was when opened or last saved.

:class:`FileGuard` belongs to a :class:`~graphstudio.ui.document.Document`. Saving compares the
stamp on disk with the remembered one before writing (:meth:`FileGuard.changed_on_disk`); the
``QFileSystemWatcher`` reports a change while the window is open (``changedOnDisk``), once per
new stamp. The lock is a ``QLockFile`` next to the document (``.name.gsgraph.lock``); a folder
where it cannot be made (read-only media) just goes unlocked. :func:`describe_differences` says,
for the Compare button, how the file on disk differs from the window's graph.
"""

from __future__ import annotations

import os

from PySide6.QtCore import (
    QCoreApplication,
    QFileSystemWatcher,
    QLockFile,
    QObject,
    QTimer,
    Signal,
)

from graphstudio.files.regular_file import NotRegularFileError
from graphstudio.graph.model import Graph, Node, same_value

translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")

__all__ = ["FileGuard", "describe_differences", "error_reason", "file_stamp"]

#: the stamp of a file: (modification time in ns, size, inode); None when it does not exist
Stamp = tuple[int, int, int] | None


def file_stamp(path: str) -> Stamp:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino


def lock_path(path: str) -> str:
    """The lock file of ``path``, beside the real file (a symlink and its target share one)."""
    folder, name = os.path.split(os.path.realpath(path))
    return os.path.join(folder, f".{name}.lock")


class FileGuard(QObject):
    """Lock, watch and stamp of the document's file (see the module docstring)."""

    #: the file changed on disk (or went away) since it was opened or saved here: its path
    changedOnDisk = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.path: str | None = None
        self.stamp: Stamp = None
        self._locks: dict[str, QLockFile] = {}
        self._reported: Stamp = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(lambda _p: self._settle.start())
        self._settle = QTimer(self)  # an atomic save is several events: look once they settle
        self._settle.setSingleShot(True)
        self._settle.setInterval(150)
        self._settle.timeout.connect(self.check_now)

    # ------------------------------------------------------------------ lock
    def acquire(self, path: str) -> bool:
        """Lock ``path`` for this window; False when another GraphStudio window holds it. A
        folder where no lock can be made counts as unlocked (True). Locks are keyed on the real
        path: opening a file through a symlink and directly are noticed as the same file."""
        key = os.path.realpath(path)
        if key in self._locks:
            return True
        lock = QLockFile(lock_path(path))
        lock.setStaleLockTime(0)  # only a dead owner makes a lock stale
        if lock.tryLock(0):
            self._locks[key] = lock
            return True
        return lock.error() != QLockFile.LockError.LockFailedError

    def holds(self, path: str) -> bool:
        return os.path.realpath(path) in self._locks

    def drop(self, path: str) -> None:
        """Give up the lock on ``path`` (unless it is the watched file)."""
        key = os.path.realpath(path)
        watched = self.path is not None and key == os.path.realpath(self.path)
        lock = self._locks.pop(key, None) if not watched else None
        if lock is not None:
            lock.unlock()

    # ------------------------------------------------------------------ watch and stamp
    def watch(self, path: str | None, stamp: Stamp) -> None:
        """Follow ``path`` (None: no file) as it was at ``stamp``; other locks are released."""
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self.path, self.stamp, self._reported = path, stamp, None
        key = os.path.realpath(path) if path is not None else None
        for other in [p for p in self._locks if p != key]:
            self._locks.pop(other).unlock()
        if path is not None and os.path.exists(path):
            self._watcher.addPath(path)

    def changed_on_disk(self) -> bool:
        """Whether the file is no longer what this window opened or last saved."""
        return self.path is not None and file_stamp(self.path) != self.stamp

    def check_now(self) -> None:
        """Look at the file now; report a change not reported yet (watching it again: an
        atomic replace ends the watch on the old file)."""
        if self.path is None:
            return
        if os.path.exists(self.path) and self.path not in self._watcher.files():
            self._watcher.addPath(self.path)
        now = file_stamp(self.path)
        if now != self.stamp and now != self._reported:
            self._reported = now
            self.changedOnDisk.emit(self.path)

    def release(self) -> None:
        """Stop watching and unlock everything (the window closes)."""
        self.watch(None, None)
        for lock in self._locks.values():
            lock.unlock()
        self._locks.clear()


def _same_node(a: Node, b: Node) -> bool:
    return (a.type, a.name) == (b.type, b.name) and a.tensor == b.tensor and \
        a.attrs.keys() == b.attrs.keys() and all(same_value(v, b.attrs[k])
                                                  for k, v in a.attrs.items())


def describe_differences(mine: Graph, theirs: Graph) -> list[str]:
    """Lines saying how ``theirs`` (the file on disk) differs from ``mine`` (this window)."""
    def names(graph, ids):
        shown = sorted(graph.nodes[i].name for i in ids)
        if len(shown) <= 8:
            return ", ".join(shown)
        more = translate("FileGuard", " and {n} more").format(n=len(shown) - 8)
        return ", ".join(shown[:8]) + more

    here, there = set(mine.nodes), set(theirs.nodes)
    both = here & there
    lines = []
    if here - there:
        lines.append(translate("FileGuard", "Only in this window: {names}").format(
            names=names(mine, here - there)))
    if there - here:
        lines.append(translate("FileGuard", "Only in the file on disk: {names}").format(
            names=names(theirs, there - here)))
    changed = [i for i in both if not _same_node(mine.nodes[i], theirs.nodes[i])]
    if changed:
        lines.append(translate("FileGuard", "Changed: {names}").format(names=names(mine, changed)))
    wires = set(mine.edges) ^ set(theirs.edges)
    if wires:
        lines.append(translate("FileGuard", "Wires that differ: {n}").format(n=len(wires)))
    if not (same_value(mine.meta, theirs.meta) and mine.run.keys() == theirs.run.keys()
            and all(same_value(v, theirs.run[k]) for k, v in mine.run.items())):
        lines.append(translate("FileGuard", "The title, notes or run settings differ"))
    moved = sum(mine.nodes[i].pos != theirs.nodes[i].pos for i in both)
    if moved:
        lines.append(translate("FileGuard", "Nodes placed differently: {n}").format(n=moved))
    return lines


def error_reason(ex: Exception) -> str:
    """Why ``ex`` happened, for a dialog: a path that is not a regular file says what it is in
    the interface's language, another OSError its reason without errno or path."""
    if isinstance(ex, NotRegularFileError):
        #: why a file cannot be read or written: the path names something else
        kinds = {
            "a folder": translate("FileErrors", "a folder, not a regular file"),
            "a named pipe (FIFO)": translate("FileErrors",
                                             "a named pipe (FIFO), not a regular file"),
            "a character device": translate("FileErrors",
                                            "a character device, not a regular file"),
            "a block device": translate("FileErrors", "a block device, not a regular file"),
            "a socket": translate("FileErrors", "a socket, not a regular file")}
        return kinds.get(ex.kind, translate("FileErrors", "not a regular file"))
    if isinstance(ex, OSError):
        return ex.strerror or str(ex)
    return str(ex)
