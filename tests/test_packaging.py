"""A real install carries what the app reads at run time: every file under ``assets/`` lands in
the built package as ``graphstudio/assets/...``, and the built package finds its examples, icons
and desktop entry there, from any directory, without the checkout. (``.ci/run`` also builds the
wheel and sdist, installs the wheel into a fresh venv and runs it.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import graphstudio
from graphstudio.paths import assets_dir, example_path, examples, examples_dir

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """``setup.py build_py`` into a temporary folder: the files a wheel gets."""
    pytest.importorskip("setuptools")
    out = tmp_path_factory.mktemp("build")
    lib, egg = out / "lib", out / "egg"
    egg.mkdir()
    proc = subprocess.run([sys.executable, "setup.py", "-q", "egg_info", "--egg-base", str(egg),
                           "build_py", "--build-lib", str(lib)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return lib


def test_every_asset_file_is_built_into_the_package(built):
    sources = sorted(p for p in (ROOT / "assets").rglob("*") if p.is_file())
    assert len(sources) > 40 and ROOT / "assets/desktop/graphstudio.desktop" in sources
    for src in sources:
        copy = built / "graphstudio" / "assets" / src.relative_to(ROOT / "assets")
        assert copy.is_file(), f"{src.relative_to(ROOT)} is not in the built package"
        assert copy.read_bytes() == src.read_bytes()
    assert (built / "graphstudio" / "paths.py").is_file()


def test_the_built_package_finds_its_data_without_the_checkout(built, tmp_path):
    script = """if True:
        import json, graphstudio
        from graphstudio import cli
        from graphstudio.cli.desktop_entry import desktop_file_text
        from graphstudio.paths import assets_dir, example_path
        from graphstudio.ui.app import create_application
        from graphstudio.ui.icons import app_icon, icon_dir
        app = create_application()
        print(json.dumps({"package": graphstudio.__file__, "assets": str(assets_dir()),
                          "tutorial": str(example_path("tutorial_single_layer")),
                          "icons": str(icon_dir()), "app_icon": not app_icon().isNull(),
                          "desktop": "Icon=graphstudio" in desktop_file_text("/bin/gs")}))
        cli.main(["examples"])
    """
    env = {**os.environ, "PYTHONPATH": str(built), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    first, *listed = proc.stdout.splitlines()
    seen = json.loads(first)
    packaged = built / "graphstudio" / "assets"
    assert Path(seen["package"]).parent == built / "graphstudio"
    assert Path(seen["assets"]) == packaged
    assert Path(seen["tutorial"]) == packaged / "examples" / "tutorial_single_layer.gsgraph"
    assert Path(seen["icons"]) == packaged / "icons"
    assert seen["app_icon"] and seen["desktop"]
    assert len(listed) == len(examples()) and all(str(packaged) in line for line in listed)


def test_a_checkout_reads_its_own_assets_folder():
    assert not (Path(graphstudio.__file__).parent / "assets").exists()
    assert assets_dir() == ROOT / "assets"
    assert examples_dir() == ROOT / "assets" / "examples"
    assert examples() == sorted((ROOT / "assets" / "examples").glob("*.gsgraph"))
    assert example_path("tutorial_single_layer") in examples()
    with pytest.raises(FileNotFoundError):
        example_path("no_such_example")


def test_the_version_is_the_packages():
    from importlib.metadata import PackageNotFoundError, version

    try:
        installed = version("graphstudio")
    except PackageNotFoundError:
        pytest.skip("graphstudio is not installed (run from the checkout alone)")
    assert installed == graphstudio.__version__
