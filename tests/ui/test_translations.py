"""The zh_CN translation: every string lupdate extracts from the sources is translated, no
translation drops or invents a placeholder, the committed .qm is the compiled .ts, and the
window loads it (View > Language, remembered)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from graphstudio.ui.language import (
    LANGUAGES,
    apply_language,
    example_texts,
    localized_meta,
    translations_dir,
)

ROOT = Path(__file__).resolve().parents[2]
TS = translations_dir() / "graphstudio_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+|%n|&[a-z]+;")


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    if found is None:
        import PySide6

        inner = Path(PySide6.__file__).parent / name
        found = str(inner) if inner.exists() else None
    if found is None:
        pytest.skip(f"pyside6-{name} is not installed")
    return found


def _messages(ts_path) -> list[ET.Element]:
    return [m for m in ET.parse(ts_path).iter("message")]


def _translation(msg) -> str:
    tr = msg.find("translation")
    forms = tr.findall("numerusform")
    return " ".join(f.text or "" for f in forms) if forms else (tr.text or "")


def test_every_extracted_string_is_translated(tmp_path):
    ts = tmp_path / "check.ts"
    shutil.copy(TS, ts)
    sources = sorted(str(p) for p in (ROOT / "graphstudio").rglob("*.py"))
    subprocess.run([_tool("lupdate"), *sources, "-ts", str(ts)], check=True,
                   capture_output=True, timeout=120)
    live = [m for m in _messages(ts) if m.find("translation").get("type") not in
            ("vanished", "obsolete")]
    assert len(live) >= 37
    missing = [m.find("source").text for m in live
               if m.find("translation").get("type") == "unfinished" or not _translation(m)]
    assert missing == [], f"untranslated in {TS.name}: {missing}"


def test_no_translation_drops_a_placeholder():
    checked = 0
    for msg in _messages(TS):
        source = msg.find("source").text
        want = sorted(PLACEHOLDER.findall(source))
        forms = msg.find("translation").findall("numerusform") or [msg.find("translation")]
        for form in forms:
            assert sorted(PLACEHOLDER.findall(form.text or "")) == want, source
            checked += 1
    assert checked >= 37


def test_the_committed_qm_is_the_compiled_ts(tmp_path):
    out = tmp_path / "fresh.qm"
    subprocess.run([_tool("lrelease"), str(TS), "-qm", str(out)], check=True,
                   capture_output=True, timeout=120)
    assert out.read_bytes() == TS.with_suffix(".qm").read_bytes()


def test_chinese_is_loaded_and_chosen_from_the_view_menu(qapp, make_window, settings):
    try:
        assert apply_language(qapp, "zh_CN") == "zh_CN"
        assert QCoreApplication.translate("LessonPanel", "Next") == "下一步"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own
        win = make_window()
        assert win.docks["lesson"].windowTitle() == "课程"
        assert win.actions["lessons"].text() == "课程(&L)"
        assert "两步" not in win.lessons_ui.panel.start_button.text()
        assert win.lessons_ui.panel.start_button.text() == "开始"
        win.actions["language_en"].trigger()
        qapp.processEvents()
        assert settings.language == "en" and win.actions["language_en"].isChecked()
        assert win.lessons_ui.panel.start_button.text() == "Start"  # retranslated live
        assert "Restart GraphStudio" in win.statusBar().currentMessage()
        win.actions["language_zh_CN"].trigger()
        qapp.processEvents()
        assert settings.language == "zh_CN" and win.lessons_ui.panel.start_button.text() == "开始"
        assert set(LANGUAGES) == {"en", "zh_CN"}
    finally:
        apply_language(qapp, "en")
    assert QCoreApplication.translate("LessonPanel", "Next") == "Next"


def test_example_titles_and_notes_are_translated_by_the_table():
    import json

    meta = {"title": "Fan-out: gradients add up", "notes": "not in the table"}
    assert localized_meta(meta, "title", "zh_CN") == "扇出：梯度相加"
    assert localized_meta(meta, "notes", "zh_CN") == "not in the table"  # falls back
    assert localized_meta(meta, "title", "en") == "Fan-out: gradients add up"
    table = example_texts("zh_CN")
    for path in (ROOT / "assets" / "examples").glob("*.gsgraph"):
        meta = json.loads(path.read_text(encoding="utf-8"))["meta"]
        for key in ("title", "notes"):
            assert meta[key] in table, f"{path.name}: {key} has no zh_CN entry"
            assert sorted(re.findall(r"[-\d.]+\d", meta[key])) == sorted(
                re.findall(r"[-\d.]+\d", table[meta[key]])), f"{path.name}: numbers differ"
