"""Build-time layout only (the rest is in pyproject.toml): the repository's ``assets/`` folder
(examples, icons and whatever later goes there) ships inside the package as
``graphstudio/assets``, where :mod:`graphstudio.paths` finds it in an installed wheel."""

from pathlib import Path

from setuptools import find_namespace_packages, setup

ASSETS = Path(__file__).resolve().parent / "assets"
# every folder under assets/ is a data-only package, so that setuptools copies its files
ASSET_PACKAGES = ["graphstudio.assets", *(
    ".".join(("graphstudio.assets", *d.relative_to(ASSETS).parts))
    for d in sorted(ASSETS.rglob("*")) if d.is_dir())]

setup(
    packages=[*find_namespace_packages(include=["graphstudio", "graphstudio.*"]), *ASSET_PACKAGES],
    package_dir={"graphstudio.assets": "assets"},
    package_data={name: ["*"] for name in ASSET_PACKAGES},
)
