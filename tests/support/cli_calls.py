"""Running a ``graphstudio`` command in-process for the CLI tests (this module holds no tests)."""

from __future__ import annotations

from graphstudio import cli


def call(capsys, *argv):
    """``(exit code, stdout, stderr)`` of ``graphstudio *argv``."""
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    """The message of a one-line failure (without ``graphstudio: ``); fails on anything else."""
    assert err.startswith("graphstudio: ") and err.count("\n") == 1 and "Traceback" not in err
    return err.removeprefix("graphstudio: ").rstrip("\n")
