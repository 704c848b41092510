"""Noticing other writers of the open file: a lock that tells a second window the file is
already open, a watch on the file, and the file's stamp (modification time, size, inode) as it
was when opened or last saved.

:class:`FileGuard` belongs to a :class:`~graphstudio.ui.document.Document`. Saving compares the
stamp on disk with the remembered one before writing (:meth:`FileGuard.disk_state`); as a
rewrite can keep the size and modification time, an unchanged stamp is checked by content too,
against a hash of the bytes the window last read or wrote (hashed from the bytes in hand at open
and save; the file is read again only for this check). The ``QFileSystemWatcher`` reports a
change while the window is open (``changedOnDisk``), once per new state. A deleted or replaced
file drops out of the watcher: while it is missing its folder is watched instead, and the file
is watched again as soon as it reappears. The lock is a ``QLockFile`` next to the document
(``.name.gsgraph.lock``); a folder where it cannot be made (read-only media) just goes unlocked.
:func:`describe_differences` says, for the Compare button, how the file on disk differs from the
window's graph.
"""

from __future__ import annotations

import hashlib
import os

from PySide6.QtCore import (
    QCoreApplication,
    QFileSystemWatcher,
    QLockFile,
    QObject,
    QTimer,
    Signal,
)

from graphstudio.files.regular_file import NotRegularFileError, open_regular
from graphstudio.graph.model import Graph, Node, same_value

translate = QCoreApplication.translate  # lupdate reads translate("Context", "literal")

__all__ = ["CHANGED", "MISSING", "SAME", "FileGuard", "content_digest", "describe_differences",
           "error_reason", "file_stamp"]

#: the stamp of a file: (modification time in ns, size, inode); None when it does not exist
Stamp = tuple[int, int, int] | None
#: what the file on disk is, against what the window opened or last saved (FileGuard.state)
SAME, CHANGED, MISSING = "same", "changed", "missing"


def file_stamp(path: str) -> Stamp:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino


def content_digest(data: bytes) -> bytes:
    """A hash of a file's bytes (BLAKE2b, 128 bits: fast, and no accidental match)."""
    return hashlib.blake2b(data, digest_size=16).digest()


def file_digest(path: str) -> bytes | None:
    """:func:`content_digest` of the file at ``path`` read now; None when it cannot be read."""
    try:
        with open_regular(path) as f:
            return hashlib.file_digest(f, lambda: hashlib.blake2b(digest_size=16)).digest()
    except OSError:
        return None


def lock_path(path: str) -> str:
    """The lock file of ``path``, beside the real file (a symlink and its target share one)."""
    folder, name = os.path.split(os.path.realpath(path))
    return os.path.join(folder, f".{name}.lock")


class FileGuard(QObject):
    """Lock, watch and stamp of the document's file (see the module docstring)."""

    #: the file changed on disk, went away or came back since it was opened or saved here:
    #: its path (:attr:`FileGuard.state` says which)
    changedOnDisk = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.path: str | None = None
        self.stamp: Stamp = None
        #: the hash of the bytes last read or written here (None: not known)
        self.digest: bytes | None = None
        #: what the file on disk was when last looked at: SAME, CHANGED or MISSING
        self.state = SAME
        self._locks: dict[str, QLockFile] = {}
        self._reported: tuple[str, Stamp] = (SAME, None)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(lambda _p: self._settle.start())
        self._watcher.directoryChanged.connect(lambda _p: self._settle.start())
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
    def watch(self, path: str | None, stamp: Stamp, content: bytes | None = None) -> None:
        """Follow ``path`` (None: no file) as it was at ``stamp`` holding ``content`` (the bytes
        just read or written; None: not known); other locks are released."""
        self._settle.stop()
        self.path, self.stamp, self.state = path, stamp, SAME
        self.digest = content_digest(content) if content is not None else None
        self._reported = (SAME, stamp)
        key = os.path.realpath(path) if path is not None else None
        for other in [p for p in self._locks if p != key]:
            self._locks.pop(other).unlock()
        self._follow()

    def watching(self) -> bool:
        """Whether the watcher follows the file itself (not just its folder)."""
        return self.path is not None and self.path in self._watcher.files()

    def _follow(self) -> None:
        """Watch the file when it exists, else its folder (to see it come back)."""
        wanted = []
        if self.path is not None:
            folder = os.path.dirname(self.path)
            if os.path.exists(self.path):
                wanted = [self.path]
            elif os.path.isdir(folder):  # a folder gone too: the check before saving remains
                wanted = [folder]
        stale = [p for p in self._watcher.files() + self._watcher.directories()
                 if p not in wanted]
        if stale:
            self._watcher.removePaths(stale)
        for p in wanted:
            if p not in self._watcher.files() + self._watcher.directories():
                self._watcher.addPath(p)

    def disk_state(self) -> str:
        """SAME, CHANGED or MISSING: the file now against what this window opened or last saved.
        With the same stamp the content is compared too, when its hash is known (a rewrite
        can keep the size and set the old modification time back)."""
        if self.path is None:
            return SAME
        now = file_stamp(self.path)
        if now is None:
            self.state = MISSING
        elif now != self.stamp:
            self.state = CHANGED
        else:
            same = self.digest is None or file_digest(self.path) == self.digest
            self.state = SAME if same else CHANGED
        return self.state

    def changed_on_disk(self) -> bool:
        """Whether the file is no longer what this window opened or last saved."""
        return self.disk_state() != SAME

    def check_now(self) -> None:
        """Look at the file now and report a state not reported yet; watch the file again when
        it is back (an atomic replace or a deletion ends the watch on the old file)."""
        if self.path is None:
            return
        self._follow()
        seen = (self.disk_state(), file_stamp(self.path))
        news = seen != self._reported and SAME not in (seen[0], self._reported[0]) \
            or seen[0] != self._reported[0]
        self._reported = seen
        if news:
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
