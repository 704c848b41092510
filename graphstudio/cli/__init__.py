"""The ``graphstudio`` command line (:mod:`.dispatch`); shared conventions in :mod:`.common`."""

from graphstudio.cli.dispatch import build_parser, main

__all__ = ["build_parser", "main"]
