"""Read a ``.gslesson`` file (see ``docs/LESSONS.md``) into a :class:`~.format.Lesson`.

Defensive like the graph reader: anything wrong raises one :class:`~.format.LessonError` that
names the file and the line, never another exception. Lines::

    gslesson 1                  the format and its version (first line that is not a comment)
    # a comment                 (only in the first column)
    key: value                  a field; ``key.zh_CN:`` is the same field in another language
        more text               indented lines continue the value (blank lines between them
                                make paragraphs)
    step: some_id               starts a step; fields after it belong to it

Missing translations are not errors: :func:`translation_gaps` lists them (``lesson check``
reports them), and the learner sees the default text instead.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from graphstudio.files.regular_file import open_regular
from graphstudio.lessons.conditions import parse_condition
from graphstudio.lessons.format import (
    DEFAULT_HINT_SECONDS,
    FORMAT_NAME,
    FORMAT_VERSION,
    LESSON_EXTENSION,
    Lesson,
    LessonError,
    Step,
)

__all__ = ["HIGHLIGHT_KINDS", "MAX_BYTES", "parse_lesson", "read_lesson", "translation_gaps"]

MAX_BYTES = 1_000_000
HIGHLIGHT_KINDS = ("node", "port", "action", "dock")
_KEY = re.compile(r"^([a-z_]+)(?:\.([A-Za-z_]+))?\s*:(.*)$")
_LANG = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")
_ID = re.compile(r"^[A-Za-z0-9_\-]+$")
_HEADER = {"title": True, "summary": True, "graph": False, "hint_after": False}
_STEP = {"title": True, "text": True, "hint": True, "open": False, "highlight": False,
         "wait": False, "check": False}
_REPEATABLE = {"wait", "check", "highlight"}


@dataclass
class _Field:
    key: str
    lang: str
    value: str
    line: int


@dataclass
class _Block:
    line: int
    id: str = ""
    fields: list[_Field] = field(default_factory=list)


def read_lesson(path: str | os.PathLike) -> Lesson:
    """The lesson in ``path``; LessonError (a ValueError) when it cannot be used."""
    path = os.fspath(path)
    name = os.path.basename(path)
    try:
        # a pipe, device, socket or folder is refused at once, saying what it is
        with open_regular(path) as f:
            size = os.fstat(f.fileno()).st_size
            if size > MAX_BYTES:
                raise LessonError(f"too large for a lesson ({size:,} bytes; at most "
                                  f"{MAX_BYTES:,})", source=name)
            data = f.read(MAX_BYTES + 1)
    except OSError as ex:
        raise LessonError(f"cannot read: {ex.strerror or ex}", source=name) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as ex:
        line = data[:ex.start].count(b"\n") + 1
        raise LessonError("not UTF-8 text (save the file as UTF-8)", line, name) from None
    stem = os.path.splitext(name)[0] if name.endswith(LESSON_EXTENSION) else name
    return parse_lesson(text, lesson_id=stem, source=name, path=os.path.abspath(path))


def parse_lesson(text: str, lesson_id: str = "lesson", source: str = "",
                 path: str = "") -> Lesson:
    """Parse lesson ``text``; LessonError naming ``source`` and the line when it is wrong."""
    try:
        header, steps = _blocks(text.splitlines())
        return _lesson(header, steps, lesson_id, path)
    except LessonError as ex:
        raise LessonError(ex.detail, ex.line, source) from None


def _blocks(lines: list[str]) -> tuple[_Block, list[_Block]]:
    header, steps = _Block(1), []
    current, last, seen_version, pending_blank = header, None, False, 0
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip()
        if line.startswith("#"):
            continue
        if not line:
            pending_blank += last is not None
            continue
        if line[0] in " \t":
            if last is None:
                raise LessonError("an indented line that continues no field", n)
            sep = "\n\n" if pending_blank and last.value else ("\n" if last.value else "")
            last.value += sep + line.strip()
            pending_blank = 0
            continue
        pending_blank = 0
        if not seen_version:
            _version(line, n)
            seen_version = True
            continue
        m = _KEY.match(line)
        if m is None:
            raise LessonError(f"expected 'key: value', got {line[:40]!r}", n)
        key, lang, value = m.group(1), m.group(2) or "en", m.group(3).strip()
        if lang != "en" and not _LANG.match(lang):
            raise LessonError(f"{lang!r} is not a language name (write e.g. text.zh_CN:)", n)
        if key == "step":
            if not _ID.match(value):
                raise LessonError("a step needs an id of letters, digits, _ or - "
                                  "(step: backward)", n)
            current, last = _Block(n, value), None
            steps.append(current)
            continue
        allowed = _HEADER if current is header else _STEP
        if key not in allowed:
            where = "before the first step" if current is header else "in a step"
            raise LessonError(f"unknown field {key!r} {where}; one of: {', '.join(allowed)}", n)
        if lang != "en" and not allowed[key]:
            raise LessonError(f"{key!r} is the same in every language (no .{lang})", n)
        for f in current.fields:
            if f.key == key and f.lang == lang and key not in _REPEATABLE:
                raise LessonError(f"{key}{'.' + lang if lang != 'en' else ''} given twice "
                                  f"(first on line {f.line})", n)
        last = _Field(key, lang, value, n)
        current.fields.append(last)
    if not seen_version:
        raise LessonError(f"an empty lesson: the first line must be '{FORMAT_NAME} "
                          f"{FORMAT_VERSION}'", 1)
    return header, steps


def _version(line: str, n: int) -> None:
    words = line.split()
    if len(words) != 2 or words[0] != FORMAT_NAME or not words[1].isdigit():
        raise LessonError(f"not a lesson file: the first line must be '{FORMAT_NAME} "
                          f"{FORMAT_VERSION}'", n)
    if int(words[1]) > FORMAT_VERSION:
        raise LessonError(f"written for a newer GraphStudio (lesson format {words[1]}; this "
                          f"one reads up to {FORMAT_VERSION})", n)
    if int(words[1]) < 1:
        raise LessonError(f"unknown lesson format version {words[1]}", n)


def _texts(block: _Block, key: str) -> dict[str, str]:
    return {f.lang: f.value for f in block.fields if f.key == key}


def _one(block: _Block, key: str) -> _Field | None:
    return next((f for f in block.fields if f.key == key), None)


def _lesson(header: _Block, blocks: list[_Block], lesson_id: str, path: str) -> Lesson:
    title = _texts(header, "title")
    if "en" not in title or not title["en"]:
        raise LessonError("the lesson has no 'title:' before its first step", header.line)
    if not blocks:
        raise LessonError("the lesson has no steps (add 'step: an_id' and its text)",
                          header.line)
    hint_seconds = float(DEFAULT_HINT_SECONDS)
    hint = _one(header, "hint_after")
    if hint is not None:
        try:
            hint_seconds = float(hint.value)
        except ValueError:
            hint_seconds = -1.0
        if not 0 < hint_seconds <= 3600:
            raise LessonError("hint_after takes seconds between 1 and 3600", hint.line)
    graph = _one(header, "graph")
    ids: dict[str, int] = {}
    steps = []
    for block in blocks:
        if block.id in ids:
            raise LessonError(f"step {block.id!r} is already used on line {ids[block.id]}",
                              block.line)
        ids[block.id] = block.line
        steps.append(_step(block))
    return Lesson(lesson_id, title, tuple(steps), _texts(header, "summary"),
                  graph.value if graph is not None and graph.value else None,
                  hint_seconds, path, FORMAT_VERSION)


def _step(block: _Block) -> Step:
    text = _texts(block, "text")
    if not text.get("en"):
        raise LessonError(f"step {block.id!r} has no 'text:'", block.line)
    highlight, waits, checks = [], [], []
    for f in block.fields:
        if f.key == "highlight":
            highlight += [_highlight(part.strip(), f.line) for part in f.value.split(",")
                          if part.strip()]
        elif f.key in ("wait", "check"):
            try:
                cond = parse_condition(f.key, f.value, f.line)
            except ValueError as ex:
                raise LessonError(str(ex), f.line) from None
            (waits if f.key == "wait" else checks).append(cond)
    opened = _one(block, "open")
    title = _texts(block, "title") or {"en": block.id.replace("_", " ")}
    return Step(block.id, block.line, title, text, _texts(block, "hint"),
                opened.value if opened is not None and opened.value else None,
                tuple(highlight), tuple(waits), tuple(checks))


def _highlight(spec: str, line: int) -> str:
    words = spec.split()
    if len(words) != 2 or words[0] not in HIGHLIGHT_KINDS:
        raise LessonError(f"highlight {spec!r}: write one of node NAME, port NAME.PORT, "
                          "action KEY, dock KEY (comma-separated)", line)
    if words[0] == "port" and "." not in words[1]:
        raise LessonError(f"highlight {spec!r}: a port is NAME.PORT (e.g. port z.input)", line)
    return f"{words[0]} {words[1]}"


def translation_gaps(lesson: Lesson) -> list[str]:
    """Texts missing in one of the lesson's languages ("step 'x' (line 12): no text.zh_CN")."""
    gaps = []
    for lang in lesson.languages[1:]:
        if lang not in lesson.title:
            gaps.append(f"the lesson has no title.{lang}")
        if lesson.summary and lang not in lesson.summary:
            gaps.append(f"the lesson has no summary.{lang}")
        for s in lesson.steps:
            for key, texts in (("title", s.title), ("text", s.text), ("hint", s.hint)):
                if texts and lang not in texts:
                    gaps.append(f"step {s.id!r} (line {s.line}): no {key}.{lang}")
    return gaps
