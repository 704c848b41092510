"""The open document: which file it is, whether it has unsaved changes, and crash recovery.

One :class:`~graphstudio.graph.model.Graph` and one ``QUndoStack`` live as long as the window.
:class:`Document` swaps their contents (New, Open, Revert, restore) with ``graph.replace_with`` and
clears the stack; "modified" is simply "the undo stack is not at its clean index". Nothing here
shows a dialog: errors propagate (``GraphFileError``, ``OSError``) for the window to report, and a
failed open leaves the document exactly as it was.

:class:`Autosaver` writes unsaved work to ``<data dir>/recovery.gsgraph`` (plus a JSON sidecar with
the original path) every 30 s and shortly after each batch of edits settles (from an immutable
copy kept current edit by edit, :class:`~graphstudio.graph.frozen_copy.FrozenCopy`; a big
document on a background thread), and deletes it when
the document is clean again or the app exits normally. A ``QLockFile`` marks the slot as owned by a
running process, so :func:`find_recovery` can tell a crashed session's leftovers from a second
window that is still running.
"""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from graphstudio.graph.frozen_copy import FrozenCopy, GraphSnapshot
from graphstudio.graph.model import Graph
from graphstudio.ui.file_guard import FileGuard, file_stamp

EXTENSION = ".gsgraph"
RECOVERY_STEM = "recovery"


def examples_dir() -> Path:
    from graphstudio.paths import examples_dir as _examples_dir

    return Path(_examples_dir())


def is_example(path: str | os.PathLike) -> bool:
    """True for the shipped examples: they open as untitled copies; Save never overwrites them."""
    try:
        return Path(path).resolve().parent == examples_dir().resolve()
    except OSError:
        return False


class Document(QObject):
    """The current file, its dirty state, and open/save/new/revert/restore."""

    #: the document's file changed (new path, or "" for an untitled document)
    pathChanged = Signal(str)
    #: unsaved changes appeared (True) or were saved/discarded (False)
    modifiedChanged = Signal(bool)
    #: the graph was replaced wholesale (new, open, revert, restore)
    reloaded = Signal()
    saved = Signal(str)

    def __init__(self, graph: Graph | None = None, undo_stack: QUndoStack | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.graph = graph if graph is not None else Graph()
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.path: str | None = None
        #: for untitled copies of an example: the example's file name, shown in the title
        self.template_name: str | None = None
        #: opened while another window has the file open: Save goes to Save As
        self.read_only = False
        #: the file's lock, watch and stamp (another writer is noticed)
        self.guard = FileGuard(self)
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    def _clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean)

    # ------------------------------------------------------------------ state
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        if self.path:
            return os.path.basename(self.path)
        if self.template_name:
            return self.template_name
        return self.tr("Untitled")

    def _set_path(self, path: str | None, template_name: str | None = None,
                  stamp=None, read_only: bool = False, content: bytes | None = None) -> None:
        self.path = os.path.abspath(path) if path else None
        self.template_name = template_name
        self.read_only = read_only and self.path is not None
        self.guard.watch(self.path, stamp, content)
        self.pathChanged.emit(self.path or "")

    def _replace(self, graph: Graph) -> None:
        self.graph.replace_with(graph)
        self.undo_stack.clear()  # also makes the stack clean (emitting cleanChanged if it was not)
        self.reloaded.emit()

    # ------------------------------------------------------------------ file operations
    def new(self) -> None:
        self._set_path(None)
        self._replace(Graph())

    def open(self, path: str | os.PathLike, read_only: bool = False) -> None:
        """Load ``path``; raises GraphFileError/OSError and then changes nothing. ``read_only``:
        another window has it open (see ``guard.acquire``)."""
        from graphstudio.files.gsgraph import load_graph_and_bytes

        path = os.path.abspath(os.fspath(path))
        stamp = file_stamp(path)  # before reading: a change made meanwhile is noticed later
        graph, content = load_graph_and_bytes(path)
        if is_example(path):
            self._set_path(None, template_name=Path(path).name)
        else:
            self._set_path(path, stamp=stamp, read_only=read_only, content=content)
        self._replace(graph)

    def save(self, path: str | os.PathLike | None = None) -> str:
        """Save atomically to ``path`` (default: the current file); returns the path written."""
        from graphstudio.files.gsgraph import save_graph

        target = os.fspath(path) if path is not None else self.path
        if not target:
            raise ValueError(self.tr("the document has no file yet: choose where to save it"))
        content = save_graph(self.graph, target)
        if self.path is None or os.path.abspath(target) != self.path:
            self._set_path(target, stamp=file_stamp(target), content=content)
        else:
            self.guard.watch(self.path, file_stamp(target), content)
        self.undo_stack.setClean()
        self.saved.emit(self.path)
        return self.path

    def revert(self) -> None:
        if not self.path:
            raise ValueError(self.tr("the document has never been saved, so there is nothing "
                                     "to revert to"))
        self.open(self.path)

    def restore(self, graph: Graph, original_path: str | None) -> None:
        """Adopt a recovered graph: it belongs to ``original_path`` but is unsaved."""
        keep = original_path if original_path and not is_example(original_path) else None
        self._set_path(keep, template_name=None if keep else _template(original_path),
                       stamp=file_stamp(keep) if keep else None)
        self._replace(graph)
        self.undo_stack.resetClean()


def _template(path: str | None) -> str | None:
    return Path(path).name if path else None


# ---------------------------------------------------------------------------- crash recovery
@dataclass(frozen=True)
class RecoveryInfo:
    """A recovery file left behind by a session that did not exit normally."""

    graph_path: Path
    sidecar_path: Path
    original_path: str | None
    saved_at: float

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved_at))
        name = (os.path.basename(self.original_path) if self.original_path
                else QCoreApplication.translate("RecoveryInfo", "an untitled graph"))
        return QCoreApplication.translate(
            "RecoveryInfo", "unsaved changes to {0} (autosaved {1})").format(name, when)

    def load(self) -> Graph:
        from graphstudio.files.gsgraph import load_graph

        return load_graph(self.graph_path)

    def discard(self) -> None:
        for p in (self.graph_path, self.sidecar_path):
            try:
                p.unlink()
            except FileNotFoundError:
                pass


def _lock_for(graph_path: Path) -> QLockFile:
    lock = QLockFile(str(graph_path.with_suffix(".lock")))
    lock.setStaleLockTime(0)  # never time out: only a dead owner makes a lock stale
    return lock


def find_recovery(directory: str | os.PathLike) -> RecoveryInfo | None:
    """The newest recovery file whose owner is no longer running (None when there is none)."""
    found = []
    for sidecar in Path(directory).glob(f"{RECOVERY_STEM}*.json"):
        graph_path = sidecar.with_suffix(EXTENSION)
        if not graph_path.exists():
            continue
        lock = _lock_for(graph_path)
        if not lock.tryLock(0):
            continue  # another GraphStudio window is alive and owns it
        lock.unlock()
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        if not isinstance(meta, dict):
            meta = {}
        original = meta.get("original_path")
        saved_at = meta.get("saved_at")
        if not isinstance(saved_at, int | float):
            saved_at = graph_path.stat().st_mtime
        found.append(RecoveryInfo(graph_path, sidecar,
                                  original if isinstance(original, str) else None,
                                  float(saved_at)))
    return max(found, key=lambda r: r.saved_at) if found else None


#: documents holding more tensor values than this are autosaved on a background thread
BACKGROUND_ELEMENTS = 200_000
#: a document with more nodes than this is written in the background too (seconds of JSON)
BACKGROUND_NODES = 2_000


def _elements(graph: Graph | GraphSnapshot) -> int:
    return sum(n.tensor.values.size for n in graph
               if n.tensor is not None and n.tensor.values is not None)


class Autosaver(QObject):
    """Keeps a recovery copy of unsaved work; removes it when there is nothing to recover."""

    #: a recovery file was written (its path)
    autosaved = Signal(str)
    #: writing the recovery file failed (the reason)
    failed = Signal(str)
    #: a write finished on the background thread: revision, path, error ("" if none)
    _written = Signal(int, str, str)

    def __init__(self, document: Document, directory: str | os.PathLike,
                 interval_ms: int = 30_000, settle_ms: int = 1_500,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.directory = Path(directory)
        self.graph_path: Path | None = None
        self._lock: QLockFile | None = None
        self._saved_revision: int | None = None
        self._worker: threading.Thread | None = None
        #: the folder that could not be created (no retries until ``directory`` changes)
        self._unusable_dir: Path | None = None
        #: discard() came while a background write was under way: delete when it finishes
        self._discard_pending = False
        self._written.connect(self._finish)
        self._periodic = QTimer(self)
        self._periodic.setInterval(interval_ms)
        self._periodic.timeout.connect(self.save_now)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self.save_now)
        self._unsubscribe = document.graph.subscribe(lambda _event: self._settle.start())
        #: the document as an immutable copy kept current edit by edit: taking it is cheap,
        #: and the writer thread reads it while the person goes on editing
        self._frozen = FrozenCopy(document.graph)
        document.modifiedChanged.connect(self._on_modified)
        self._periodic.start()

    def _claim_slot(self) -> Path | None:
        if self.graph_path is not None:
            return self.graph_path
        self.directory.mkdir(parents=True, exist_ok=True)  # OSError: save_now reports it
        for i in range(1, 64):
            stem = RECOVERY_STEM if i == 1 else f"{RECOVERY_STEM}-{i}"
            path = self.directory / f"{stem}{EXTENSION}"
            lock = _lock_for(path)
            if lock.tryLock(0):
                self._lock, self.graph_path = lock, path
                return path
        return None

    @property
    def sidecar_path(self) -> Path | None:
        return self.graph_path.with_suffix(".json") if self.graph_path else None

    def _on_modified(self, modified: bool) -> None:
        if not modified:
            self.discard()

    def save_now(self) -> bool:
        """Write the recovery copy if there are unsaved changes not yet written; True if written
        (or, for a document with more than BACKGROUND_ELEMENTS tensor values or BACKGROUND_NODES
        nodes, if a background write started: formatting a million numbers froze the window for seconds)."""
        self._settle.stop()
        doc = self.document
        if not doc.is_modified():
            self.discard()
            return False
        if self._saved_revision == doc.graph.revision and self.graph_path is not None:
            return False
        if self._worker is not None and self._worker.is_alive():
            self._settle.start()  # again once the write under way is done
            return False
        if self._unusable_dir is not None and self._unusable_dir == Path(self.directory):
            return False  # reported once; retried when the folder changes
        try:
            path = self._claim_slot()
        except OSError as exc:  # the data folder cannot be created (a file there, no rights)
            self._unusable_dir = Path(self.directory)
            self.failed.emit(self.tr("could not write the recovery file: {0}").format(exc))
            return False
        if path is None:
            self.failed.emit(self.tr("could not write the recovery file: no free recovery slot"))
            return False
        snapshot, revision = self._frozen.take(), doc.graph.revision
        sidecar = {"original_path": doc.path or (
            str(examples_dir() / doc.template_name) if doc.template_name else None),
            "saved_at": time.time(), "pid": os.getpid()}
        if len(snapshot) <= BACKGROUND_NODES and _elements(snapshot) <= BACKGROUND_ELEMENTS:
            self._finish(revision, str(path), self._write(snapshot, path, sidecar))
            return self._saved_revision == revision
        self._worker = threading.Thread(
            target=lambda: self._written.emit(revision, str(path),
                                              self._write(snapshot, path, sidecar)),
            name="graphstudio-autosave", daemon=True)
        self._worker.start()
        return True

    @staticmethod
    def _write(graph: GraphSnapshot, path: Path, sidecar: dict) -> str:
        """Write the copy and its sidecar; the error text ("" when written). Any thread."""
        from graphstudio.files.gsgraph import save_graph, write_text_atomic

        try:
            save_graph(graph, path)
            write_text_atomic(path.with_suffix(".json"), json.dumps(sidecar, indent=1))
        except Exception as exc:  # autosave must never disturb the person working
            return str(exc) or type(exc).__name__
        return ""

    def _finish(self, revision: int, path: str, error: str) -> None:
        if self._discard_pending:  # the document became clean while this was being written
            self._discard_pending = False
            self._remove_files()
            return
        if error:
            self.failed.emit(self.tr("could not write the recovery file: {0}").format(error))
            return
        if self.graph_path is None or str(self.graph_path) != path:
            return  # discarded meanwhile
        self._saved_revision = revision
        self.autosaved.emit(path)

    def wait(self) -> None:
        """Let a background write finish (before the files are removed or the slot freed)."""
        if self._worker is not None:
            self._worker.join()
            self._worker = None
            QCoreApplication.sendPostedEvents(self)  # deliver its result now

    def discard(self) -> None:
        """Delete this session's recovery copy (the document is clean or was given up).

        Never waits: with a background write under way (seconds for a big document) the files
        are deleted when it finishes (see ``_finish``); only :meth:`shutdown` joins the writer.
        """
        self._saved_revision = None
        if self._worker is not None and self._worker.is_alive():
            self._discard_pending = True
            return
        self._remove_files()

    def _remove_files(self) -> None:
        if self.graph_path is None:
            return
        for p in (self.graph_path, self.sidecar_path):
            try:
                p.unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:
                self.failed.emit(self.tr("could not remove {0}: {1}").format(p, exc))

    def shutdown(self) -> None:
        """Normal exit: stop the timers, remove the recovery copy and release the slot."""
        self._periodic.stop()
        self._settle.stop()
        self._unsubscribe()
        self._frozen.close()
        self.wait()  # the only place that joins the writer (its files must go before the slot)
        self.discard()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        self.graph_path = None
