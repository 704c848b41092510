"""``graphstudio examples``, ``--version`` and the per-user desktop entry."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import graphstudio
from graphstudio import cli
from graphstudio.cli import desktop_entry
from graphstudio.paths import assets_dir, examples


def call(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return dict(parser["Desktop Entry"])


def test_examples_prints_each_name_and_path(capsys):
    code, out, err = call(capsys, "examples")
    assert code == 0 and not err
    rows = [line.split(maxsplit=1) for line in out.splitlines()]
    assert [(name, Path(path)) for name, path in rows] == [(p.stem, p) for p in examples()]
    assert "tutorial_single_layer" in dict(rows)
    assert all(Path(path).is_file() for _, path in rows)


def test_examples_says_when_there_are_none(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr("graphstudio.paths.assets_dir", lambda: tmp_path)
    code, out, err = call(capsys, "examples")
    assert code == 1 and not out
    assert err == f"graphstudio: no examples found in {tmp_path / 'examples'}\n"


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"graphstudio {graphstudio.__version__}\n"


@pytest.fixture
def xdg(monkeypatch, tmp_path) -> Path:
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def test_install_desktop_entry(capsys, xdg):
    code, out, err = call(capsys, "--install-desktop-entry")
    assert code == 0, err
    desktop = xdg / "applications" / "graphstudio.desktop"
    icon = xdg / "icons" / "hicolor" / "scalable" / "apps" / "graphstudio.svg"
    command = desktop_entry.find_command()
    assert out == f"installed {desktop} (runs {command})\ninstalled {icon}\n"
    entry = read_entry(desktop)
    assert entry["Type"] == "Application" and entry["Name"] == "GraphStudio"
    assert entry["Icon"] == "graphstudio" and entry["Terminal"] == "false"
    program = Path(entry["TryExec"])
    assert program.name == "graphstudio" and program.is_absolute()
    assert program.is_file() and os.access(program, os.X_OK)
    if " " not in str(program):
        assert entry["Exec"] == f"{program} %f"
    assert icon.read_bytes() == (assets_dir() / "icons" / "graphstudio.svg").read_bytes()
    # again: the same files, rewritten
    assert call(capsys, "--install-desktop-entry")[0] == 0
    assert sorted(p.name for p in xdg.rglob("*") if p.is_file()) == ["graphstudio.desktop",
                                                                     "graphstudio.svg"]
    code, out, err = call(capsys, "--uninstall-desktop-entry")
    assert code == 0 and out == f"removed {desktop}\nremoved {icon}\n"
    assert not desktop.exists() and not icon.exists()
    code, out, err = call(capsys, "--uninstall-desktop-entry")
    assert code == 0 and out == f"no desktop entry to remove in {xdg}\n"


def test_the_data_home_defaults_to_local_share(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    for value in (None, "", "relative/dir"):  # the spec ignores a relative XDG_DATA_HOME
        if value is None:
            monkeypatch.delenv("XDG_DATA_HOME", raising=False)
        else:
            monkeypatch.setenv("XDG_DATA_HOME", value)
        assert desktop_entry.data_home() == tmp_path / ".local" / "share"
        assert desktop_entry.entry_paths()[0] == (tmp_path / ".local" / "share" / "applications"
                                                  / "graphstudio.desktop")


def test_the_command_is_the_running_script(monkeypatch, tmp_path):
    script = tmp_path / "bin" / "graphstudio"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setattr(sys, "argv", [str(script), "--install-desktop-entry"])
    assert desktop_entry.find_command() == script
    script.chmod(0o644)  # not executable: not the installed command
    assert desktop_entry.find_command() != script


def test_no_command_found_is_a_one_line_error(capsys, monkeypatch, xdg):
    monkeypatch.setattr(desktop_entry, "find_command", lambda: None)
    code, out, err = call(capsys, "--install-desktop-entry")
    assert code == 2 and not out and err.count("\n") == 1
    assert "cannot find the installed 'graphstudio' command" in err
    assert not xdg.exists()


def test_the_option_takes_no_command(capsys, xdg):
    code, out, err = call(capsys, "--install-desktop-entry", "examples")
    assert code == 2 and err == "graphstudio: error: --install-desktop-entry takes no command\n"
    code, out, err = call(capsys, "--install-desktop-entry", "--uninstall-desktop-entry")
    assert code == 2 and "not allowed with argument" in err
    assert not xdg.exists()


@pytest.mark.parametrize("path, written", [
    ("/usr/bin/graphstudio", "/usr/bin/graphstudio"),
    ("/home/a b/.venv/bin/graphstudio", '"/home/a b/.venv/bin/graphstudio"'),
    ("/opt/100%/graphstudio", "/opt/100%%/graphstudio"),
    ('/x/$y "z"/graphstudio', r'"/x/\\$y \\"z\\"/graphstudio"'),
    ("/x/back\\slash/graphstudio", r'"/x/back\\\\slash/graphstudio"'),
])
def test_exec_quotes_as_the_desktop_entry_spec_says(path, written):
    assert desktop_entry.exec_argument(path) == written
    assert f"\nExec={written} %f\n" in desktop_entry.desktop_file_text(path)


def test_a_path_with_a_line_break_is_refused():
    with pytest.raises(ValueError, match="line break"):
        desktop_entry.exec_argument("/tmp/a\nb/graphstudio")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate (Debian's desktop-file-utils) not installed")
def test_the_written_entry_validates(tmp_path):
    desktop, _ = desktop_entry.install("/home/a b/bin/graphstudio", home=tmp_path)
    proc = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr
