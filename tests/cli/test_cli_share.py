"""``graphstudio animate`` and ``graphstudio handout``: the files they write, opened with Pillow
(frames, sizes, durations) and read as PDF (pages); bad input is one line and exit 2."""

from __future__ import annotations

import re

import pytest
from PIL import Image

from graphstudio import cli
from graphstudio.paths import examples_dir

TUTORIAL = examples_dir() / "tutorial_single_layer.gsgraph"
FAN_OUT = examples_dir() / "fan_out_accumulation.gsgraph"
TUTORIAL_STEPS = 13  # 7 forward, 6 backward (see `graphstudio run --steps`)


def call(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def frame_durations(path) -> list[int]:
    im = Image.open(path)
    out = []
    for k in range(im.n_frames):
        im.seek(k)
        im.load()
        out.append(round(im.info["duration"]))
    return out


@pytest.mark.parametrize("ext,fmt", [(".gif", "GIF"), (".png", "PNG"), (".webp", "WEBP")])
def test_animation_has_a_frame_per_step_at_its_size_and_pace(capsys, tmp_path, ext, fmt):
    out = tmp_path / f"run{ext}"
    code, printed, err = call(capsys, "animate", TUTORIAL, "-o", out, "--size", "640x360",
                              "--step-ms", "500")
    assert code == 0, err
    assert f"{TUTORIAL_STEPS + 1} frames" in printed
    im = Image.open(out)
    assert im.format == fmt and im.is_animated
    assert im.n_frames == TUTORIAL_STEPS + 1
    assert im.size == (640, 360)
    assert frame_durations(out) == [500] * TUTORIAL_STEPS + [1500]  # the result lingers
    im.seek(im.n_frames - 1)
    assert im.convert("RGB").size == (640, 360)
    assert not list(tmp_path.glob("*.part"))


def test_default_size_and_a_range_of_steps(capsys, tmp_path):
    out = tmp_path / "backward.gif"
    code, _, err = call(capsys, "animate", FAN_OUT, "-o", out, "--from", "7", "--to", "11")
    assert code == 0, err
    im = Image.open(out)
    assert im.size == (1280, 720) and im.n_frames == 5
    assert frame_durations(out) == [900] * 4 + [2700]


def test_frames_differ_step_to_step_and_every_frame_is_complete(capsys, tmp_path):
    out = tmp_path / "run.png"
    assert call(capsys, "animate", FAN_OUT, "-o", out, "--size", "640x360")[0] == 0
    im = Image.open(out)
    pictures = []
    for k in range(im.n_frames):
        im.seek(k)
        pictures.append(im.convert("RGB").tobytes())
    assert len(set(pictures)) == len(pictures)  # each step shows something new


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_handout_has_a_title_page_and_a_page_per_step(capsys, tmp_path):
    out = tmp_path / "handout.pdf"
    code, printed, err = call(capsys, "handout", TUTORIAL, "-o", out)
    assert code == 0, err
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    assert page_count(data) == TUTORIAL_STEPS + 1
    assert f"{TUTORIAL_STEPS + 1} pages" in printed


def test_chinese_captions(capsys, tmp_path):
    en, zh = tmp_path / "en.png", tmp_path / "zh.png"
    for out, lang in ((en, "en"), (zh, "zh_CN")):
        assert call(capsys, "animate", TUTORIAL, "-o", out, "--size", "640x360", "--to", "1",
                    "--lang", lang)[0] == 0
    a, b = Image.open(en), Image.open(zh)
    a.seek(1)
    b.seek(1)
    # same canvas, another caption
    top = (0, 0, 640, 200)
    assert a.convert("RGB").crop(top).tobytes() == b.convert("RGB").crop(top).tobytes()
    assert a.convert("RGB").tobytes() != b.convert("RGB").tobytes()


def broken_graph(tmp_path):
    from graphstudio.files.gsgraph import save_graph
    from graphstudio.graph.model import Graph
    from tests.support.graph_generator import add_shape_error

    g = Graph()
    add_shape_error(g)
    save_graph(g, tmp_path / "g.gsgraph")
    return tmp_path / "g.gsgraph"


@pytest.mark.parametrize("args,message", [
    (["-o", "{t}/x.bmp"], "choose a .gif, .png (animated PNG) or .webp file name"),
    (["-o", "{t}/x.gif", "--size", "10x10"], "size 10x10: choose from 320x240 up to 3840x2160"),
    (["-o", "{t}/x.gif", "--size", "99999x99999"], "size 99999x99999: choose from"),
    (["-o", "{t}/x.gif", "--size", "wide"], "write it as WIDTHxHEIGHT"),
    (["-o", "{t}/x.gif", "--from", "5", "--to", "3"], "--from 5 is after --to 3"),
    (["-o", "{t}/x.gif", "--to", "14"], "--to 14: the run has 13 steps"),
    (["-o", "{t}/x.gif", "--step-ms", "0"], "step time 0 ms"),
    (["-o", "{t}/x.gif", "--lang", "fr"], "--lang fr: choose one of en, zh_CN"),
    (["-o", "{t}/x.gif", "--loss", "nope"], "no node 'nope'"),
    (["-o", "{t}/no/such/x.gif"], "no such folder"),
])
def test_bad_animate_requests_are_one_line_exit_2(capsys, tmp_path, args, message):
    argv = [a.format(t=tmp_path) for a in args]
    code, _, err = call(capsys, "animate", TUTORIAL, *argv)
    assert code == 2
    assert err.count("\n") == 1 and message in err and "Traceback" not in err, err
    assert not [p for p in tmp_path.iterdir() if p.is_file()]


def test_a_graph_that_does_not_run_says_why_like_run(capsys, tmp_path):
    path = broken_graph(tmp_path)
    for command, out in (("animate", "x.gif"), ("handout", "x.pdf")):
        code, _, err = call(capsys, command, path, "-o", tmp_path / out)
        assert code == 2
        assert err.count("\n") == 1
        assert "the graph does not run: node 'matmul': matmul: (5,) @ (4, 3)" in err, err
        assert not (tmp_path / out).exists()


def test_bad_handout_requests(capsys, tmp_path):
    code, _, err = call(capsys, "handout", TUTORIAL, "-o", tmp_path / "x.docx")
    assert code == 2 and "choose a .pdf file name" in err
    code, _, err = call(capsys, "handout", TUTORIAL)
    assert code == 2 and "required: -o/--output" in err
