"""The ``graphstudio`` command line: the window, or one of the commands.

    graphstudio [FILE ...]        open the window (on FILE)
    graphstudio COMMAND ...       run, check, render (:mod:`.run_commands`);
                                  train, gradcheck, export, import (:mod:`.tool_commands`);
                                  lesson check (:mod:`.lesson_commands`);
                                  animate, handout (:mod:`.share_commands`)
"""

from __future__ import annotations

import argparse
import sys

from graphstudio.cli.common import PROG, CommandParser, UsageError, run_guarded
from graphstudio.cli.install_commands import COMMANDS as INSTALL_COMMANDS
from graphstudio.cli.install_commands import add_options, run_options
from graphstudio.cli.lesson_commands import COMMANDS as LESSON_COMMANDS
from graphstudio.cli.run_commands import COMMANDS as RUN_COMMANDS
from graphstudio.cli.share_commands import COMMANDS as SHARE_COMMANDS
from graphstudio.cli.tool_commands import COMMANDS as TOOL_COMMANDS

__all__ = ["COMMANDS", "build_parser", "main", "open_window", "run_command"]

#: Every command: name -> (add_<name>(subparsers), cmd_<name>(args) -> int).
COMMANDS = {**RUN_COMMANDS, **TOOL_COMMANDS, **INSTALL_COMMANDS, **LESSON_COMMANDS,
            **SHARE_COMMANDS}


def open_window(paths: list[str]) -> int:
    from graphstudio.ui.app import run_app

    return run_app(paths)


def build_parser(commands: dict | None = None) -> argparse.ArgumentParser:
    """The parser of ``commands`` (default: every command)."""
    from graphstudio import __version__

    parser = CommandParser(prog=PROG, description="Build computational graphs and watch "
                                                  "PyTorch-style autograd run step by step. "
                                                  "Without a command, opens the window (on FILE "
                                                  "if given).")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    add_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CommandParser)
    for add, _ in (COMMANDS if commands is None else commands).values():
        add(sub)
    return parser


def run_command(argv: list[str], commands: dict | None = None,
                whole_process: bool = False) -> int:
    """Run the command ``argv`` names (one of ``commands``, default all), never the window.
    ``whole_process``: nothing runs after the command but the process's exit (the command
    finds it as ``args.whole_process``)."""
    commands = COMMANDS if commands is None else commands

    def command() -> int:
        args = build_parser(commands).parse_args(argv)
        args.whole_process = whole_process
        code = run_options(args)
        if code is not None:
            return code
        if args.command is None:
            raise UsageError(f"give one of: {', '.join(commands)}; see --help")
        return commands[args.command][1](args)

    return run_guarded(command)


def main(argv: list[str] | None = None, whole_process: bool = False) -> int:
    """``graphstudio [FILE ...]`` opens the window; ``graphstudio COMMAND ...`` runs a command
    (``whole_process``: see :func:`run_command`)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        return run_guarded(lambda: open_window(argv))
    return run_command(argv, whole_process=whole_process)
