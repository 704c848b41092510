"""Reading lesson files: the shipped ones are complete, bad ones get one error naming the line,
and ``graphstudio lesson check`` reports both (exit codes 0 / 1 / 2)."""

from __future__ import annotations

import contextlib
import io

import numpy as np
import pytest

from graphstudio import cli
from graphstudio.lessons.catalog import graph_for_step, lint, shipped_lessons
from graphstudio.lessons.conditions import Event
from graphstudio.lessons.format import LessonError, pick
from graphstudio.lessons.markup import to_html
from graphstudio.lessons.parser import parse_lesson, read_lesson, translation_gaps
from graphstudio.lessons.progress import LessonProgress

GOOD = """gslesson 1
# a comment
title: Two steps
title.zh_CN: 两步
graph: tutorial_single_layer

step: one
title: First
title.zh_CN: 第一步
text:
    Press `Forward`.

    Second paragraph.
text.zh_CN:
    按
    前向。
wait: forward
check: grad w ~ [0.1242, 0.2771, 0.1192]

step: two
title: Second
title.zh_CN: 第二步
text: Just read.
text.zh_CN: 读一读。
"""


def check_cli(path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["lesson", "check", str(path)])
    return code, out.getvalue(), err.getvalue()


def test_shipped_lessons_read_lint_and_are_fully_translated():
    found = shipped_lessons()
    assert [p.name for p, _ in found] == ["01_autograd_tutorial.gslesson",
                                          "02_gradient_accumulation.gslesson",
                                          "03_training_a_classifier.gslesson"]
    for path, lesson in found:
        assert not isinstance(lesson, Exception), lesson
        assert lesson.languages == ["en", "zh_CN"]
        assert translation_gaps(lesson) == [] and lint(lesson) == []
        assert check_cli(path)[0] == 0


def test_a_good_lesson_parses_with_paragraphs_and_languages():
    lesson = parse_lesson(GOOD, "two")
    one, two = lesson.steps
    assert one.text["en"] == "Press `Forward`.\n\nSecond paragraph."
    assert pick(one.text, "zh_CN") == "按\n前向。" and pick(two.text, "de") == "Just read."
    assert to_html(one.text["zh_CN"]) == "<p>按前向。</p>"  # no space between CJK lines
    assert [c.kind for c in one.waits] == ["forward"] and one.checks[0].line == 18
    assert graph_for_step(lesson, 1) == "tutorial_single_layer"
    assert translation_gaps(lesson) == []
    gaps = translation_gaps(parse_lesson(GOOD.replace("text.zh_CN: 读一读。\n", ""), "x"))
    assert gaps == ["step 'two' (line 20): no text.zh_CN"]


@pytest.mark.parametrize("change, line, words", [
    (lambda t: t.replace("gslesson 1", "gslesson 9"), 1, "newer GraphStudio"),
    (lambda t: t.replace("gslesson 1", "hello"), 1, "not a lesson file"),
    (lambda t: t.replace("wait: forward", "wait: forwrd"), 17, "unknown wait 'forwrd'"),
    (lambda t: t.replace("0.1192]", "0.1192"), 18, "not a JSON value"),
    (lambda t: t.replace("step: two", "step: one"), 20, "already used on line 7"),
    (lambda t: t.replace("title: Second", "title: Second\ntitle: Again"), 22, "given twice"),
    (lambda t: t.replace("# a comment", "    stray"), 2, "continues no field"),
    (lambda t: t.replace("text: Just read.", "txet: Just read."), 23, "unknown field 'txet'"),
    (lambda t: t.replace("title.zh_CN: 两步", "title.chinese!: x"), 4, "expected 'key: value'"),
    (lambda t: t + "check: option zero_grads true\n", 25, "unknown option"),
    (lambda t: t + "highlight: button forward\n", 25, "highlight 'button forward'"),
    (lambda t: t.split("step: one")[0], 1, "no steps"),
])
def test_bad_lessons_get_one_error_naming_the_line(change, line, words):
    with pytest.raises(LessonError) as info:
        parse_lesson(change(GOOD), "bad", source="bad.gslesson")
    assert info.value.line == line and words in str(info.value)
    assert str(info.value).startswith(f"bad.gslesson:{line}: ")


def test_unreadable_files_and_the_cli(tmp_path):
    good = tmp_path / "good.gslesson"
    good.write_text(GOOD, encoding="utf-8")
    code, out, _ = check_cli(good)
    assert code == 0 and "2 steps, languages en, zh_CN: ok" in out
    named = tmp_path / "names.gslesson"
    named.write_text(GOOD.replace("grad w ~", "grad ww ~"), encoding="utf-8")
    code, out, _ = check_cli(named)
    assert code == 1 and "line 18: no node named 'ww' in tutorial_single_layer" in out
    binary = tmp_path / "binary.gslesson"
    binary.write_bytes(b"gslesson 1\ntitle: x\n\xff\xfe\n")
    code, _, err = check_cli(binary)
    assert code == 2 and err.strip() == ("graphstudio: binary.gslesson:3: not UTF-8 text "
                                         "(save the file as UTF-8)")
    code, _, err = check_cli(tmp_path / "missing.gslesson")
    assert code == 2 and "missing.gslesson: cannot read" in err
    with pytest.raises(LessonError, match="too large"):
        big = tmp_path / "big.gslesson"
        big.write_bytes(b"#" * 1_000_001)
        read_lesson(big)


class _World:
    def __init__(self, graph):
        self.graph, self.timeline, self.k, self.valid, self.training_loss = \
            graph, None, -1, False, None


def test_progress_needs_the_wait_then_the_check_and_stays_complete():
    from graphstudio.files.gsgraph import load_graph
    from graphstudio.paths import example_path
    from graphstudio.run.runner import Runner

    graph = load_graph(example_path("tutorial_single_layer"))
    lesson = parse_lesson(GOOD, "two")
    progress = LessonProgress(lesson)
    world = _World(graph)
    assert not progress.status(world).complete
    assert not progress.notice(Event("backward"), graph)
    assert progress.notice(Event("forward"), graph)
    status = progress.status(world)
    assert status.waits[0][1] and not status.checks[0][1]  # nothing shown yet
    tl = Runner(graph).run()
    world.timeline, world.k, world.valid = tl, len(tl) - 1, True
    assert progress.status(world).complete and progress.passed == {0}
    world.valid = False  # later changes do not take Next away
    assert progress.status(world).complete
    progress.skip()
    assert progress.index == 1 and progress.status(world).complete and progress.finished
    grad_w = tl.node_state(graph.node_by_name("w").id, len(tl) - 1).grad
    assert np.allclose(grad_w[0], [0.1242, 0.2771, 0.1192], atol=5e-5)
