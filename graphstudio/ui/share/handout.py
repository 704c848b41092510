"""``graphstudio handout``: a run as a PDF, a title page and then one page per step.

The title page has the graph's title, what the run does, a picture of the whole graph and the
graph's notes. Each step's page has the same picture and caption as the step's animation
frame (drawn as vectors: it prints sharp), then what the step did (the Steps dock's detail
text) and the values of the node it ran, as PyTorch prints them. Qt's own PDF writer
(``QPdfWriter``) makes the file, A4 landscape (the pictures are wide), one unit a pixel at
96 dpi so the card text is laid out exactly as on screen (11 px = 8.25 pt on paper).
"""

from __future__ import annotations

import errno
import os

import numpy as np
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from graphstudio.ui.share.export_job import ExportJob, ShareOptions

__all__ = ["HandoutJob", "PAGE_DPI", "node_values"]

PAGE_DPI = 96
PAGE_W, PAGE_H, MARGIN = 1123, 794, 40  # A4 landscape at 96 dpi
PICTURE_H = 540  # the frame on a page (canvas and caption strip)
GUTTER = 24  # between the "what it did" and "values" columns
#: a value printed on a page is cut after this many lines
VALUE_LINES = 14


def node_values(timeline, k: int, graph) -> list[str]:
    """Lines of PyTorch's printout of what step ``k``'s node shows: its value, and once the
    backward pass shows gradients its ``.grad`` and the gradient passing through it."""
    from graphstudio.engine.printing import format_tensor
    from graphstudio.ui.run.display import node_display

    if k < 0 or k >= len(timeline):
        return []
    nid = timeline.steps[k].node_id
    node = graph.nodes.get(nid) if nid else None
    state = node_display(timeline, k, nid, graph=graph) if node is not None else None
    if state is None or state.value is None:
        return []
    lines = _printed(f"{node.name} = ", format_tensor(state.value, state.grad_fn,
                                                      bool(state.requires_grad) and
                                                      not state.grad_fn))
    if state.show_grad:
        grad = "None" if state.grad is None else format_tensor(state.grad)
        lines += _printed(f"{node.name}.grad = ", grad)
    shown = state.grad is not None and np.array_equal(state.grad, state.out_grad)
    if state.out_grad is not None and not shown:  # the card shows it only when it differs
        label = state.out_label or f"\u2202L/\u2202{node.name}"
        lines += _printed(f"{label} = ", format_tensor(state.out_grad))
    return lines


def _printed(prefix: str, text: str) -> list[str]:
    lines = (prefix + text.replace("\n", "\n" + " " * len(prefix))).split("\n")
    if len(lines) > VALUE_LINES:
        lines = lines[:VALUE_LINES - 1] + [" " * len(prefix) + "…"]
    return lines


def _ends_like_a_pdf(path: str) -> bool:
    """Whether the file at ``path`` ends with a PDF's end-of-file marker (a finished PDF)."""
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - 64))
            return b"%%EOF" in f.read()
    except OSError:
        return False


class HandoutJob(ExportJob):
    """Writes the handout of ``timeline`` (a run of ``graph``, laid out here: pass a copy of
    a document's graph) to ``out`` (.pdf); see :class:`ExportJob`."""

    def __init__(self, graph, timeline, out, options: ShareOptions | None = None,
                 source_name: str = ""):
        from graphstudio.ui.share.frames import RunFrames
        from graphstudio.ui.theme import get_theme

        self.graph, self.timeline, self.source_name = graph, timeline, source_name
        options = options or ShareOptions()
        self.painter = None
        self.frames = None
        super().__init__(out, len(timeline) + 1)
        try:
            self.frames = RunFrames(graph, timeline, (PAGE_W - 2 * MARGIN, PICTURE_H),
                                    get_theme(options.theme))
            self.writer = QPdfWriter(self.temp_path)
            self.writer.setResolution(PAGE_DPI)
            self.writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                                  QPageLayout.Orientation.Landscape,
                                                  QMarginsF(0, 0, 0, 0)))
            self.writer.setTitle(self.frames.title or self.out.stem)
            self.writer.setCreator("GraphStudio")
            self.painter = QPainter()
            if not self.painter.begin(self.writer):
                raise OSError(f"could not write {self.out}")
        except BaseException:
            self.cancel()
            raise
        self.text_font = QFont()
        self.text_font.setPixelSize(13)
        self.mono = QFont()
        self.mono.setFamilies(["DejaVu Sans Mono", "Menlo", "Consolas", "monospace"])
        self.mono.setPixelSize(12)

    # ------------------------------------------------------------------ pages
    def _make(self, index: int) -> None:
        p = self.painter
        if index:
            self.writer.newPage()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if index == 0:
            self._title_page()
        else:
            self._step_page(index - 1)
        self._footer(index)

    def _title_page(self) -> None:
        p, f = self.painter, self.frames
        width = PAGE_W - 2 * MARGIN
        title = QFont()
        title.setPixelSize(26)
        title.setBold(True)
        p.setFont(title)
        p.setPen(QPen(Qt.GlobalColor.black))
        y = MARGIN
        p.drawText(QRectF(MARGIN, y, width, 40), Qt.AlignmentFlag.AlignLeft,
                   f.title or self.source_name or self.out.stem)
        y += 44
        y = self._paragraph(MARGIN, y, width, self._summary(), 13)
        f.show(-1)
        source = self.frames.overview
        scale = min(width / source.width(), 460 / source.height(), 1.0)
        target = QRectF(MARGIN, y + 8, source.width() * scale, source.height() * scale)
        p.fillRect(target, f.theme.canvas_bg)
        f.scene.render(p, target, source, Qt.AspectRatioMode.KeepAspectRatio)
        y = target.bottom() + 20
        notes = str(self.graph.meta.get("notes") or "").strip()
        if notes:
            y = self._heading(MARGIN, y, width, QCoreApplication.translate("Handout", "Notes"))
            self._paragraph(MARGIN, y, width, notes, 13, plain=True)

    def _summary(self) -> str:
        tl, g = self.timeline, self.graph
        fc, n = tl.forward_count, len(tl)
        text = QCoreApplication.translate(
            "Handout", "{nodes} nodes. The run has {n} steps: {f} forward, {b} backward").format(
            nodes=len(g), n=n, f=fc, b=n - fc)
        root = g.nodes.get(tl.loss_id) if tl.loss_id else None
        if tl.has_backward and root is not None:
            text += QCoreApplication.translate("Handout", " (from {loss})").format(
                loss=root.name)
        text += "."
        if self.source_name:
            text += " " + QCoreApplication.translate("Handout", "File: {name}.").format(
                name=self.source_name)
        return text

    def _step_page(self, k: int) -> None:
        from graphstudio.ui.run.steps_dock import describe_step

        p, f = self.painter, self.frames
        f.show(k)
        cw, ch = f.canvas_size
        p.save()
        p.translate(MARGIN, MARGIN)
        p.setClipRect(QRectF(0, 0, cw, PICTURE_H))
        f.paint_canvas(p, QRectF(0, 0, cw, ch), k)
        f.caption.paint(p, ch, f.captions[k], f.title)
        p.restore()
        p.setPen(QPen(f.theme.node_border))
        p.drawRect(QRectF(MARGIN, MARGIN, cw, PICTURE_H))
        top = MARGIN + PICTURE_H + 16
        column = (PAGE_W - 2 * MARGIN - GUTTER) / 2
        y = self._heading(MARGIN, top, column,
                          QCoreApplication.translate("Handout", "What this step did"))
        self._paragraph(MARGIN, y, column, describe_step(self.timeline, k, self.graph), 13)
        lines = node_values(self.timeline, k, self.graph)
        if lines:
            x = MARGIN + column + GUTTER
            y = self._heading(x, top, column, QCoreApplication.translate("Handout", "Values"))
            p.setFont(self.mono)
            p.setPen(QPen(Qt.GlobalColor.black))
            fm = QFontMetricsF(self.mono)
            for line in lines:
                if y + fm.lineSpacing() > PAGE_H - MARGIN - 20:
                    break
                p.drawText(QRectF(x, y, column, fm.lineSpacing()),
                           Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                           fm.elidedText(line, Qt.TextElideMode.ElideRight, column))
                y += fm.lineSpacing()

    # ------------------------------------------------------------------ text
    def _heading(self, x: float, y: float, width: float, text: str) -> float:
        font = QFont()
        font.setPixelSize(15)
        font.setBold(True)
        self.painter.setFont(font)
        self.painter.setPen(QPen(Qt.GlobalColor.black))
        h = QFontMetricsF(font).lineSpacing()
        self.painter.drawText(QRectF(x, y, width, h), Qt.AlignmentFlag.AlignLeft, text)
        return y + h + 4

    def _paragraph(self, x: float, y: float, width: float, text: str, px: int,
                   plain: bool = False) -> float:
        """Draw (rich or plain) ``text`` wrapped to ``width`` at (x, y); the y below it."""
        doc = QTextDocument()
        font = QFont()
        font.setPixelSize(px)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        if plain:
            doc.setPlainText(text)
        else:
            doc.setHtml(text)
        doc.setTextWidth(width)
        room = PAGE_H - MARGIN - 24 - y
        self.painter.save()
        self.painter.translate(x, y)
        doc.drawContents(self.painter, QRectF(0, 0, width, room))
        self.painter.restore()
        return y + min(doc.size().height(), room)

    def _footer(self, index: int) -> None:
        font = QFont()
        font.setPixelSize(11)
        p = self.painter
        p.setFont(font)
        p.setPen(QPen(Qt.GlobalColor.darkGray))
        rect = QRectF(MARGIN, PAGE_H - MARGIN, PAGE_W - 2 * MARGIN, 16)
        p.drawText(rect, Qt.AlignmentFlag.AlignLeft, self.frames.title or self.out.stem)
        p.drawText(rect, Qt.AlignmentFlag.AlignRight,
                   QCoreApplication.translate("Handout", "page {i} of {n}").format(
                       i=index + 1, n=self.total))

    # ------------------------------------------------------------------ end
    def _close(self, complete: bool) -> None:
        ended = True
        if self.painter is not None and self.painter.isActive():
            ended = self.painter.end()
        if complete and not (ended and _ends_like_a_pdf(self.temp_path)):
            # QPdfWriter says nothing when the disk fills up: the file is cut short
            raise OSError(errno.EIO, "cannot write: the PDF could not be finished "
                          "(is the disk full?)", str(self.out))

    def _release(self) -> None:
        if self.frames is not None:
            self.frames.close()
            self.frames = None
        self.painter = None
        self.writer = None
