"""Offscreen pictures of a graph: File > Export Image and ``graphstudio render FILE -o out.png``.

Both paths draw the very :class:`GraphScene` a person sees in the window (same items, same theme),
so a rendered file is a faithful picture of the canvas. PNG goes through an antialiased
``QImage``; SVG through ``QSvgGenerator`` (QtSvg ships with PySide6-Essentials).

A PNG has at most MAX_PNG_SIDE pixels a side and MAX_PNG_PIXELS in all (encoding a PNG costs
about 70 ms per million pixels). When that makes the picture's scale fall below the zoom at
which cards are blocks (``BLOCK_ZOOM``), a big document's cards not built yet are not built:
the scene's sketch draws them, as the window does zoomed that far out; otherwise every card is
built first, so the picture shows every card as it is. Building them is reported to an optional
``progress(done, total)`` callback that can cancel; an SVG (every card as vectors, text and all)
of more than MAX_SVG_CARDS nodes is refused with a message that says what to do instead.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem

from graphstudio.files.atomic_write import write_bytes_atomic
from graphstudio.ui.canvas.card_blocks import BLOCK_ZOOM

FORMATS = (".png", ".svg")
MARGIN = 32.0
PNG_SCALE = 2.0
MAX_PNG_SIDE = 12_000
MAX_PNG_PIXELS = 20_000_000
AFTER_CHOICES = ("forward", "backward")
# an SVG of more cards would take minutes and hundreds of megabytes (about 20 KB a card)
MAX_SVG_CARDS = 5_000
PROGRESS_EVERY = 25  # cards built between two progress reports


class RenderError(ValueError):
    """The picture cannot be made (unsupported format, bad option); the message says why."""


def ensure_app():
    """The running QApplication, or a new offscreen one (for the shell; no display needed)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["graphstudio-render"])
    return app


def scene_rect(scene, margin: float = MARGIN) -> QRectF:
    """The area worth drawing: every item plus a margin (a small blank page when empty)."""
    rect = scene.itemsBoundingRect()
    if rect.isEmpty():
        rect = QRectF(0, 0, 320, 200)
    return rect.adjusted(-margin, -margin, margin, margin)


def _background(scene) -> QColor:
    theme = getattr(scene, "theme", None)
    colour = getattr(theme, "canvas_bg", None)
    return QColor(colour) if colour is not None else QColor("white")


def _prepare(scene) -> None:
    # paint without selection outlines or hover effects, like a clean figure
    scene.clearSelection()
    for view in scene.views():
        view.viewport().update()


def cards_to_build(scene, suffix: str, margin: float = MARGIN, scale: float = PNG_SCALE) -> int:
    """How many cards a picture of ``scene`` in format ``suffix`` needs built first (0 when
    it is drawn at a scale that shows blocks, or every card is built)."""
    if suffix == ".svg" or png_scale(scene_rect(scene, margin), scale) >= BLOCK_ZOOM:
        return len(scene.waiting_cards())
    return 0


def render_scene(scene, out: str | os.PathLike, margin: float = MARGIN,
                 scale: float = PNG_SCALE, progress=None) -> Path | None:
    """Write ``scene`` to ``out`` (``.png`` or ``.svg``); returns the path written, or None
    when ``progress(done, total)`` returned False while cards were built (cancelled)."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise RenderError(f"cannot write {out.name!r}: choose a .png or .svg file name")
    nodes = len(scene.graph.nodes)
    if suffix == ".svg" and nodes > MAX_SVG_CARDS:
        raise RenderError(QCoreApplication.translate(
            "Render", "an SVG of {0:,} cards would take minutes to draw and hundreds of "
            "megabytes (at most {1:,}): export a PNG, which shows a document this big whole, "
            "as blocks").format(nodes, MAX_SVG_CARDS))
    if cards_to_build(scene, suffix, margin, scale) and not _build_cards(scene, progress):
        return None
    nodes_chosen = scene.selected_node_ids()
    selected = [item for item in scene.selectedItems() if item.parentItem() is None]
    _prepare(scene)
    source = scene_rect(scene, margin)
    # cached items would be pasted as bitmaps: blurry at 2x and raster inside an SVG
    cached = [(item, item.cacheMode()) for item in scene.items()
              if item.cacheMode() != QGraphicsItem.CacheMode.NoCache]
    for item, _mode in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        if suffix == ".png":
            _write_png(scene, source, out, scale)
        else:
            _write_svg(scene, source, out)
    finally:
        for item, mode in cached:
            item.setCacheMode(mode)
        scene.select_nodes(nodes_chosen)  # sketched ones too, building no card
        for item in selected:
            item.setSelected(True)
    return out


def _build_cards(scene, progress) -> bool:
    """Build every card a big document has not built yet (the picture shows them all),
    telling ``progress(done, total)`` along the way; False if it cancelled."""
    waiting = scene.waiting_cards()
    for done, nid in enumerate(waiting):
        if progress is not None and done % PROGRESS_EVERY == 0 \
                and not progress(done, len(waiting)):
            return False
        scene.node_item(nid)
    scene.node_items()  # nothing left to build: the sketch goes
    if progress is not None:
        progress(len(waiting), len(waiting))
    return True


def png_scale(source: QRectF, scale: float = PNG_SCALE) -> float:
    """The scale a PNG of scene area ``source`` is drawn at: ``scale``, or less to keep within
    MAX_PNG_SIDE and MAX_PNG_PIXELS."""
    w, h = max(source.width(), 1.0), max(source.height(), 1.0)
    return min(scale, MAX_PNG_SIDE / max(w, h), (MAX_PNG_PIXELS / (w * h)) ** 0.5)


def _write_png(scene, source: QRectF, out: Path, scale: float) -> None:
    scale = png_scale(source, scale)
    size = QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(_background(scene))
    painter = QPainter(image)
    _hints(painter)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), source,
                 Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError(errno.EIO, "cannot write: the PNG could not be encoded", str(out))
    buffer.close()
    write_bytes_atomic(out, data.data())


def _write_svg(scene, source: QRectF, out: Path) -> None:
    from PySide6.QtSvg import QSvgGenerator

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buffer)
    gen.setSize(QSize(round(source.width()), round(source.height())))
    gen.setViewBox(QRectF(0, 0, source.width(), source.height()))
    # fonts are sized in points: at QSvgGenerator's default 72 dpi every label came out 3/4 the
    # size the cards were laid out for (and the shared text layouts were then reused that way)
    gen.setResolution(_screen_dpi())
    gen.setTitle("GraphStudio graph")
    gen.setDescription("Rendered by GraphStudio")
    painter = QPainter()
    if not painter.begin(gen):
        raise OSError(errno.EIO, "cannot write: the SVG could not be started", str(out))
    _hints(painter)
    target = QRectF(0, 0, source.width(), source.height())
    painter.fillRect(target, _background(scene))
    scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    if not painter.end():
        raise OSError(errno.EIO, "cannot write: the SVG could not be finished", str(out))
    buffer.close()
    write_bytes_atomic(out, data.data())


def _screen_dpi() -> int:
    """The logical DPI card text was measured with (the primary screen's; 96 without one)."""
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    return round(screen.logicalDotsPerInchY()) if screen is not None else 96


def _hints(painter: QPainter) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)


def apply_run(scene, graph, after: str):
    """Run ``graph`` (forward, or forward and backward) and show the final state on ``scene``.

    The cards and wires show exactly what the window's Run ▸ Run to End shows (the same
    display function, :func:`graphstudio.ui.run.display.apply_display`), without the glow of
    the last step: values, ``requires_grad`` / ``grad_fn``, and after backward every ``.grad``
    (``None`` spelled out), the gradient each wire carried, and the greyed no-gradient path.
    Returns the Timeline.
    """
    from graphstudio.run.runner import Runner, RunOptions
    from graphstudio.ui.run.display import apply_display

    options = RunOptions.from_graph(graph, forward_only=(after == "forward"))
    timeline = Runner(graph).run(options)
    if timeline.error:
        raise RenderError(f"--after {after}: the run failed: {timeline.error}")
    if after == "backward" and not timeline.has_backward:
        reason = timeline.backward_unavailable_reason or "the graph has no backward pass"
        raise RenderError(f"--after backward: {reason}")
    last = len(timeline) - 1 if after == "backward" else timeline.forward_count - 1
    apply_display(scene, timeline, last, graph, highlight=False)
    spread_if_overlapping(scene, graph)
    return timeline


def spread_if_overlapping(scene, graph) -> bool:
    """Cards grow when they show values; if any now overlap, lay the graph out again with
    their real sizes (only this offscreen copy moves, never the file). True if it did."""
    from graphstudio.graph.auto_layout import layered_layout
    from graphstudio.ui.canvas.node_item import NodeItem

    items = scene.node_items()
    overlapping = any(
        other is not item and isinstance(other, NodeItem)
        for item in items for other in scene.items(item.sceneBoundingRect()))
    if not overlapping:
        return False
    for nid, pos in layered_layout(graph, sizes=scene.node_sizes()).items():
        graph.move_node(nid, pos)
    return True


def render_file(path: str | os.PathLike, out: str | os.PathLike, after: str | None = None,
                theme: str = "light") -> Path:
    """Load the graph file ``path`` and write its picture to ``out`` (PNG or SVG).

    ``after`` ("forward" or "backward") shows the values/gradients of a full run, once the
    runner and the canvas's run-state display exist. Raises GraphFileError for a bad file,
    RenderError for a bad option and OSError when the image cannot be written.
    """
    if after is not None and after not in AFTER_CHOICES:
        raise RenderError(f"after must be one of {', '.join(AFTER_CHOICES)}, not {after!r}")
    if Path(out).suffix.lower() not in FORMATS:
        raise RenderError(f"cannot write {Path(out).name!r}: choose a .png or .svg file name")
    ensure_app()
    from PySide6.QtGui import QUndoStack

    from graphstudio.files.gsgraph import load_graph
    from graphstudio.ui.canvas.scene import GraphScene
    from graphstudio.ui.theme import get_theme

    graph = load_graph(path)
    stack = QUndoStack()
    scene = GraphScene(graph, stack, get_theme(theme))
    if after is not None:
        apply_run(scene, graph, after)
    try:
        return render_scene(scene, out)
    finally:
        scene.clear()
        del scene, stack
