"""Where lessons are: the shipped ones in ``assets/lessons/`` (a teacher adds one by dropping a
``.gslesson`` file there) and the graphs they open, plus :func:`lint` for ``lesson check``."""

from __future__ import annotations

import os
from pathlib import Path

from graphstudio.lessons.format import LESSON_EXTENSION, Lesson, LessonError
from graphstudio.lessons.parser import read_lesson

__all__ = ["graph_for_step", "graph_path", "lessons_dir", "lint", "shipped_lessons"]


def lessons_dir() -> Path:
    from graphstudio.paths import assets_dir

    return assets_dir() / "lessons"


def shipped_lessons() -> list[tuple[Path, Lesson | LessonError]]:
    """Every lesson file in :func:`lessons_dir`, by file name: the lesson, or why it is bad."""
    try:
        paths = sorted(lessons_dir().glob(f"*{LESSON_EXTENSION}"))
    except OSError:
        return []
    out = []
    for p in paths:
        try:
            out.append((p, read_lesson(p)))
        except LessonError as ex:
            out.append((p, ex))
    return out


def graph_path(lesson: Lesson, ref: str) -> Path:
    """The graph file a ``graph:``/``open:`` value names: a path ending in ``.gsgraph``
    (relative to the lesson's folder), else a shipped example's name."""
    if ref.endswith(".gsgraph"):
        base = Path(lesson.path).parent if lesson.path else Path.cwd()
        return (base / os.path.expanduser(ref)).resolve()
    from graphstudio.paths import examples_dir

    return examples_dir() / f"{ref}.gsgraph"


def lint(lesson: Lesson) -> list[str]:
    """Problems that need the graphs: a graph that cannot be read, or a node name a step uses
    that is not in the graph open at that step ("line 40: no node named 'ww' in ...")."""
    from graphstudio.files.gsgraph import GraphFileError, load_graph

    problems, graph, graph_name = [], None, None
    for i, step in enumerate(lesson.steps):
        ref = graph_for_step(lesson, i)
        if ref != graph_name:
            graph_name = ref
            try:
                graph = load_graph(graph_path(lesson, ref))
            except (GraphFileError, OSError) as ex:
                problems.append(f"line {step.line}: graph {ref!r}: {ex}")
                graph = None
        if graph is None:
            continue
        for line, name in _names_used(step):
            if graph.node_by_name(name) is None:
                problems.append(f"line {line}: no node named {name!r} in {graph_name}")
    return problems


def _names_used(step) -> list[tuple[int, str]]:
    names = []
    for spec in step.highlight:
        kind, what = spec.split(" ", 1)
        if kind in ("node", "port"):
            names.append((step.line, what.split(".")[0]))
    for cond in (*step.waits, *step.checks):
        if cond.kind in ("reach", "edit", "grad", "value", "grad_fn", "requires_grad",
                         "is_leaf", "attr"):
            names.append((cond.line, cond.args[0]))
        elif cond.kind in ("connect", "wire"):
            names += [(cond.line, cond.args[0]), (cond.line, cond.args[1])]
    return names


def graph_for_step(lesson: Lesson, index: int) -> str | None:
    """The graph reference in force at step ``index``: the nearest ``open:`` at or before it,
    else the lesson's ``graph:``."""
    for step in reversed(lesson.steps[:index + 1]):
        if step.open:
            return step.open
    return lesson.graph
