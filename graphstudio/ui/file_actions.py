"""The File menu and everything around files that talks to the person: dialogs and prompts.

New, Open, Open Example, Open Recent, Save, Save As, Revert, Export Image, Export Animation and
Export Handout (:mod:`graphstudio.ui.share.export_dialog`), Quit; the
unsaved-changes prompt (Save / Discard / Cancel); error dialogs that quote ``GraphFileError``'s
message; ``.gsgraph`` files dropped on the window; the start-up choice of what to open (crash
recovery first, then the file given, the last file, or the tutorial). The document state itself
is :class:`~graphstudio.ui.document.Document`.

Every dialog is a ``QMessageBox`` instance run with ``exec()`` (or a ``QFileDialog`` static
call), so tests can answer them by monkeypatching ``QMessageBox.exec`` / ``QFileDialog``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from graphstudio.files.gsgraph import GraphFileError
from graphstudio.ui.document import EXTENSION, examples_dir, find_recovery, is_example
from graphstudio.ui.file_guard import MISSING, SAME, describe_differences, error_reason
from graphstudio.ui.language import localized_meta
from graphstudio.ui.settings import APP_NAME
from graphstudio.ui.share.export_dialog import ShareExport

TUTORIAL_FILE = "tutorial_single_layer.gsgraph"
Button = QMessageBox.StandardButton


def example_files() -> list[tuple[str, Path]]:
    """(title, path) of every shipped example, ordered by title (tutorial first)."""
    try:
        paths = sorted(examples_dir().glob(f"*{EXTENSION}"))
    except OSError:
        return []
    out = []
    for p in paths:
        try:
            meta = json.loads(p.read_text(encoding="utf-8")).get("meta", {})
            title = localized_meta(meta, "title")
        except (OSError, ValueError, AttributeError):
            title = ""
        out.append((title or p.stem.replace("_", " ").capitalize(), p))
    out.sort(key=lambda tp: (tp[1].name != TUTORIAL_FILE, tp[0].lower()))
    return out


def dropped_graph_files(mime) -> list[str]:
    return [u.toLocalFile() for u in mime.urls()
            if u.isLocalFile() and u.toLocalFile().lower().endswith(EXTENSION)]


class FileActions(QObject):
    """File handling for one :class:`~graphstudio.ui.main_window.MainWindow`."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.settings = window.settings
        self.document.guard.changedOnDisk.connect(self._changed_on_disk)
        window.on_close(self.document.guard.release)

    # ------------------------------------------------------------------ menu
    def build_menu(self, menu: QMenu) -> None:
        w = self.window
        w.add_action("new", self.tr("&New"), self.new, "Ctrl+N", "new",
                     self.tr("Start an empty graph"), menu)
        w.add_action("open", self.tr("&Open…"), self.open_dialog, "Ctrl+O", "open",
                     self.tr("Open a graph file"), menu)
        self.examples_menu = menu.addMenu(self.tr("Open &Example"))
        self.examples_menu.aboutToShow.connect(self._fill_examples)
        self.recent_menu = menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.addSeparator()
        w.add_action("save", self.tr("&Save"), self.save, "Ctrl+S", "save",
                     self.tr("Save the graph"), menu)
        w.add_action("save_as", self.tr("Save &As…"), self.save_as, "Ctrl+Shift+S", "save_as",
                     self.tr("Save the graph under a new name"), menu)
        w.add_action("revert", self.tr("Re&vert"), self.revert, None, "revert",
                     self.tr("Go back to the last saved version"), menu)
        menu.addSeparator()
        w.add_action("export", self.tr("&Export Image…"), self.export_image, "Ctrl+E", "export",
                     self.tr("Save a picture of the canvas as PNG or SVG"), menu)
        self.share = ShareExport(w)
        self.share.add_actions(menu)
        menu.addSeparator()
        w.add_action("quit", self.tr("&Quit"), w.close, "Ctrl+Q", "quit", menu=menu)
        menu.aboutToShow.connect(self._update_enabled)
        self._fill_examples()
        self._fill_recent()

    def _update_enabled(self) -> None:
        self.window.actions["revert"].setEnabled(
            bool(self.document.path) and self.document.is_modified())

    def _fill_examples(self) -> None:
        self.examples_menu.clear()
        for title, path in example_files():
            act = self.examples_menu.addAction(title)
            act.setToolTip(path.name)
            act.setStatusTip(self.tr("Open the example {0}").format(path.name))
            act.triggered.connect(lambda _c=False, p=str(path): self.open_file(p))
        self.examples_menu.setEnabled(not self.examples_menu.isEmpty())

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for i, path in enumerate(recent, 1):
            label = f"&{i} {os.path.basename(path)}" if i < 10 else os.path.basename(path)
            act = self.recent_menu.addAction(label)
            act.setToolTip(path)
            act.setStatusTip(path)
            act.triggered.connect(lambda _c=False, p=path: self.open_file(p))
        if recent:
            self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(self.tr("&Clear Recent Files"), self.clear_recent)
        clear.setEnabled(bool(recent))

    def clear_recent(self) -> None:
        self.settings.clear_recent()
        self._fill_recent()

    def file_filter(self) -> str:
        return self.tr("GraphStudio graphs (*{0});;All files (*)").format(EXTENSION)

    # ------------------------------------------------------------------ dialogs
    def message(self, icon, title: str, text: str, informative: str = "",
                buttons=Button.Ok, default=Button.NoButton, labels=None) -> Button:
        """Ask with a QMessageBox; ``labels`` renames standard buttons ({button: text})."""
        box = QMessageBox(icon, title, text, buttons, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if informative:
            box.setInformativeText(informative)
        for button, label in (labels or {}).items():
            box.button(button).setText(label)
        if default != Button.NoButton:
            box.setDefaultButton(default)
        return Button(box.exec())

    def error(self, title: str, text: str, detail: str = "") -> None:
        self.message(QMessageBox.Icon.Critical, title, text + (f"\n\n{detail}" if detail else ""))

    def maybe_save(self) -> bool:
        """Ask to save unsaved changes; False means the person cancelled."""
        self.window.commit_pending_edits()
        if not self.document.is_modified():
            return True
        answer = self.message(
            QMessageBox.Icon.Warning, self.tr("Unsaved changes"),
            self.tr("Do you want to save the changes you made to {0}?").format(
                self.document.display_name()),
            self.tr("Your changes will be lost if you don't save them."),
            Button.Save | Button.Discard | Button.Cancel, Button.Save)
        if answer == Button.Save:
            return self.save()
        return answer == Button.Discard

    # ------------------------------------------------------------------ commands
    def new(self) -> bool:
        if not self.maybe_save():
            return False
        self.document.new()
        self.window.show_status(self.tr("New graph"))
        return True

    def open_dialog(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open Graph"),
                                              self.start_dir(), self.file_filter())
        return bool(path) and self.open_file(path)

    def open_file(self, path: str | os.PathLike, ask: bool = True) -> bool:
        """Open ``path`` (asking about unsaved changes first); False if it did not happen."""
        path = os.path.abspath(os.fspath(path))
        if ask and not self.maybe_save():
            return False
        read_only = self._open_elsewhere(path)
        if read_only is None:
            return False
        try:
            self.document.open(path, read_only=read_only)
        except (GraphFileError, OSError) as exc:
            self.document.guard.drop(path)
            if not os.path.exists(path):
                self.settings.remove_recent(path)
            detail = str(exc)
            if path.lower().endswith(".py") and os.path.isfile(path):
                detail += "\n\n" + self.tr("This is Python code, not a graph file: File > New "
                                           "From Code (Load File…) turns PyTorch code into a "
                                           "graph.")
            self.error(self.tr("Cannot open graph"),
                       self.tr("{0} could not be opened.").format(os.path.basename(path)),
                       detail)
            return False
        if not is_example(path):
            self.settings.add_recent(path)
            self.settings.last_dir = os.path.dirname(path)
        self.remember_last_file()
        self.window.show_status(self.tr("Opened {0}").format(os.path.basename(path)))
        return True

    def save(self) -> bool:
        if not self.document.path or self.document.read_only:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        name = self.document.display_name()
        suggested = name if name.endswith(EXTENSION) else f"{name}{EXTENSION}"
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save Graph As"),
                                              os.path.join(self.start_dir(), suggested),
                                              self.file_filter())
        if not path:
            return False
        if Path(path).suffix.lower() != EXTENSION:
            path += EXTENSION
        return self._save_to(path)

    def _save_to(self, path: str) -> bool:
        path = os.path.abspath(path)
        if not self._may_overwrite(path):
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # big tensors take seconds
        try:
            written = self.document.save(path)
        except OSError as exc:
            problem = self.tr("{0}. The previous file (if any) is unchanged.").format(
                error_reason(exc))
        except (GraphFileError, ValueError) as exc:
            problem = str(exc)
        else:
            problem = None
        finally:
            QApplication.restoreOverrideCursor()
        if problem is not None:
            self.error(self.tr("Cannot save graph"),
                       self.tr("{0} could not be written.").format(path), problem)
            return False
        self.settings.add_recent(written)
        self.settings.last_dir = os.path.dirname(written)
        self.remember_last_file()
        self.window.show_status(self.tr("Saved {0}").format(os.path.basename(written)))
        return True

    # ------------------------------------------------------------------ other writers
    def _open_elsewhere(self, path: str) -> bool | None:
        """Lock ``path`` for this window. When another window has it open: ask, and return
        True to open it read-only, False to open it anyway, None to give up."""
        guard = self.document.guard
        if is_example(path) or not os.path.isfile(path) or guard.acquire(path):
            return False
        answer = self.message(
            QMessageBox.Icon.Warning, self.tr("File already open"),
            self.tr("{name} is already open in another GraphStudio window.").format(
                name=os.path.basename(path)),
            self.tr("Open it read-only to look without changing it (Save asks for a new name), or "
                "open it anyway: saving over another window's changes then asks first."),
            Button.Open | Button.Ignore | Button.Cancel, Button.Open,
            {Button.Open: self.tr("Open Read-Only"), Button.Ignore: self.tr("Open Anyway")})
        return None if answer == Button.Cancel else answer == Button.Open

    def _may_overwrite(self, path: str) -> bool:
        """Before saving to ``path``: when it is this document's file and changed on disk
        since it was opened or saved, ask (Overwrite / Save As / Reload / Compare), when it was
        deleted or moved away, ask too (Save / Save As); when it is another file open in
        another window, ask too. False: do not write it."""
        doc = self.document
        name = os.path.basename(path)
        if path != doc.path:
            if not os.path.isfile(path) or doc.guard.acquire(path):
                return True
            answer = self.message(
                QMessageBox.Icon.Warning, self.tr("File open elsewhere"),
                self.tr("{name} is open in another GraphStudio window.").format(name=name),
                self.tr("Saving over it makes that window's copy out of date."),
                Button.Save | Button.Cancel, Button.Cancel, {Button.Save: self.tr("Overwrite")})
            return answer == Button.Save
        while (state := doc.guard.disk_state()) != SAME:
            if state == MISSING:
                return self._save_where_it_was(name)
            answer = self.message(
                QMessageBox.Icon.Warning, self.tr("File changed on disk"),
                self.tr("{name} was changed on disk since you opened or saved it (by another "
                    "window or program).").format(name=name),
                self.tr("Overwrite it with this window's graph, save this graph under a new name, "
                    "reload the file (losing this window's changes), or compare the two."),
                Button.Save | Button.SaveAll | Button.Reset | Button.Help | Button.Cancel,
                Button.Cancel, {Button.Save: self.tr("Overwrite"),
                                Button.SaveAll: self.tr("Save As…"),
                                Button.Reset: self.tr("Reload"), Button.Help: self.tr("Compare…")})
            if answer == Button.Save:
                return True
            if answer == Button.SaveAll:
                self.save_as()
                return False
            if answer == Button.Reset:
                self.open_file(path, ask=False)
                return False
            if answer != Button.Help:
                return False
            self.compare_with_disk()
        return True

    def _save_where_it_was(self, name: str) -> bool:
        """The document's file is gone from disk: ask to write it there again (True)."""
        answer = self.message(
            QMessageBox.Icon.Warning, self.tr("File deleted on disk"),
            self.tr("{name} was deleted or moved on disk since you opened or saved it.").format(
                name=name),
            self.tr("Save this window's graph there again, or save it under a new name."),
            Button.Save | Button.SaveAll | Button.Cancel, Button.Save,
            {Button.SaveAll: self.tr("Save As…")})
        if answer == Button.SaveAll:
            self.save_as()
        return answer == Button.Save

    def compare_with_disk(self) -> None:
        """Say how the file on disk differs from this window's graph."""
        from graphstudio.files.gsgraph import load_graph

        doc = self.document
        try:
            lines = describe_differences(doc.graph, load_graph(doc.path))
        except (GraphFileError, OSError) as exc:
            lines = [self.tr("The file on disk cannot be read: {error}").format(error=exc)]
        text = "\n".join(lines) or self.tr("The file on disk holds the same graph as this window.")
        self.message(QMessageBox.Icon.Information, self.tr("Compare with disk"),
                     self.tr("How {name} on disk differs from this window:").format(
                         name=os.path.basename(doc.path)), text)

    def _changed_on_disk(self, path: str) -> None:
        """The watcher saw the file change: offer to reload an unmodified document; a modified
        one is asked about when it is saved."""
        doc = self.document
        name = os.path.basename(path)
        if path != doc.path:
            return
        self.update_title()
        if doc.guard.state == MISSING:
            self.window.show_status(self.tr("{name} was deleted or moved on disk")
                                    .format(name=name))
            return
        if doc.guard.state == SAME:
            self.window.show_status(self.tr("{name} is back on disk").format(name=name))
            return
        if doc.is_modified():
            self.window.show_status(self.tr("{name} changed on disk: saving will ask what to do")
                                    .format(name=name))
            return
        answer = self.message(
            QMessageBox.Icon.Question, self.tr("File changed on disk"),
            self.tr("{name} was changed on disk by another window or program.").format(name=name),
            self.tr("Reload it? This window has no unsaved changes."),
            Button.Yes | Button.No, Button.Yes, {Button.Yes: self.tr("Reload"),
                                                 Button.No: self.tr("Keep This Version")})
        if answer == Button.Yes:
            self.open_file(path, ask=False)

    def revert(self) -> bool:
        doc = self.document
        if not doc.path:
            self.window.show_status(
                self.tr("The graph has never been saved: nothing to revert to"))
            return False
        if doc.is_modified():
            answer = self.message(
                QMessageBox.Icon.Warning, self.tr("Revert"),
                self.tr("Discard your changes and go back to the saved {0}?").format(
                    doc.display_name()),
                self.tr("This cannot be undone."), Button.Discard | Button.Cancel, Button.Cancel)
            if answer != Button.Discard:
                return False
        return self.open_file(doc.path, ask=False)

    def export_image(self) -> bool:
        from graphstudio.ui.render import RenderError, render_scene

        stem = Path(self.document.display_name()).stem
        filters = {self.tr("PNG image (*.png)"): ".png", self.tr("SVG drawing (*.svg)"): ".svg"}
        path, chosen = QFileDialog.getSaveFileName(
            self.window, self.tr("Export Image"), os.path.join(self.start_dir(), f"{stem}.png"),
            ";;".join(filters))
        if not path:
            return False
        if Path(path).suffix.lower() not in filters.values():
            path += filters.get(chosen, ".png")
        try:
            from graphstudio.files.atomic_write import output_target
            from graphstudio.ui.render import cards_to_build
            from graphstudio.ui.share.export_dialog import card_progress

            output_target(path)  # a pipe, device or folder: refused before drawing anything
            progress = card_progress(self.window, path, cards_to_build(
                self.window.scene, Path(path).suffix.lower()))
            if render_scene(self.window.scene, path, progress=progress) is None:
                self.window.show_status(self.tr("Export cancelled: {0} was not written")
                                        .format(os.path.basename(path)))
                return False
        except (OSError, RenderError) as exc:
            detail = error_reason(exc)
            self.error(self.tr("Cannot export image"),
                       self.tr("{0} could not be written.").format(path), detail)
            return False
        self.window.show_status(self.tr("Exported {0}").format(os.path.basename(path)))
        return True

    def start_dir(self) -> str:
        if self.document.path:
            return os.path.dirname(self.document.path)
        return self.settings.last_dir

    # ------------------------------------------------------------------ title, memory
    def update_title(self) -> None:
        doc, w = self.document, self.window
        name = doc.display_name()
        if doc.template_name and not doc.path:
            name += self.tr(" (example)")
        if doc.read_only:
            name += self.tr(" (read-only)")
        if doc.path and doc.guard.state == MISSING:
            name += self.tr(" (deleted on disk)")
        w.setWindowTitle(f"{name}[*] — {APP_NAME}")
        w.setWindowModified(doc.is_modified())
        w.setWindowFilePath(doc.path or "")

    def remember_last_file(self) -> None:
        doc = self.document
        if doc.path:
            self.settings.last_file = doc.path
        elif doc.template_name:
            self.settings.last_file = str(examples_dir() / doc.template_name)

    # ------------------------------------------------------------------ drops
    def handle_file_drop(self, event) -> bool:
        """Accept drags of ``.gsgraph`` files and open the dropped one; True if handled."""
        files = dropped_graph_files(event.mimeData())
        if not files:
            return False
        event.acceptProposedAction()
        if event.type() == event.Type.Drop:
            QTimer.singleShot(0, self.window, lambda: self.open_file(files[0]))
        return True

    # ------------------------------------------------------------------ start-up
    def start(self, paths=()) -> None:
        """What to show first: a crash's recovery, the file given, the last file or the tutorial."""
        info = find_recovery(self.window.data_dir)
        if info is not None and self.offer_recovery(info):
            pass
        elif paths:
            self.open_file(paths[0], ask=False)
            if len(paths) > 1:
                self.window.show_status(
                    self.tr("Opened {0}; GraphStudio shows one graph per window").format(
                        os.path.basename(paths[0])))
        else:
            last = self.settings.last_file
            if self.settings.has_run_before and last and os.path.exists(last):
                self.open_file(last, ask=False)
            else:
                tutorial = examples_dir() / TUTORIAL_FILE
                if tutorial.exists():
                    self.open_file(tutorial, ask=False)
        self.settings.mark_has_run()

    def offer_recovery(self, info) -> bool:
        """Ask whether to restore a crashed session's autosave; True if it was restored."""
        answer = self.message(
            QMessageBox.Icon.Question, self.tr("Recover unsaved work"),
            self.tr("GraphStudio did not shut down normally last time.\n\nRestore {0}?").format(
                info.describe()),
            self.tr("If you discard it, the autosaved copy is deleted."),
            Button.Yes | Button.Discard, Button.Yes)
        if answer != Button.Yes:
            info.discard()
            return False
        try:
            graph = info.load()
        except GraphFileError as exc:
            self.error(self.tr("Cannot recover"), self.tr("The autosaved copy could not be read."),
                       str(exc))
            info.discard()
            return False
        self.document.restore(graph, info.original_path)
        info.discard()
        self.window.autosaver.save_now()
        self.window.show_status(self.tr("Recovered unsaved work: save it to keep it"))
        return True
