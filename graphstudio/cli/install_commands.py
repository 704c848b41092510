"""What an installed GraphStudio brings with it, on the command line.

    graphstudio examples                   each shipped example's name and path, one per line
    graphstudio --install-desktop-entry    add GraphStudio to this user's desktop launcher
    graphstudio --uninstall-desktop-entry  take it out again

:data:`COMMANDS` has the ``examples`` subcommand in the shape ``cli.dispatch.COMMANDS`` uses;
:func:`add_options` and :func:`run_options` declare and carry out the desktop-entry options of
the main parser. Exit codes as in :mod:`graphstudio.cli.common`.
"""

from __future__ import annotations

import sys

from graphstudio.cli.common import PROG, UsageError

__all__ = ["COMMANDS", "add_options", "cmd_examples", "run_options"]


def add_examples(sub):
    sub.add_parser("examples", help="list the shipped example graphs and where they are",
                   description="Print each shipped example's name and path, one per line.")


def cmd_examples(args) -> int:
    from graphstudio.paths import examples, examples_dir

    found = examples()
    if not found:
        print(f"{PROG}: no examples found in {examples_dir()}", file=sys.stderr)
        return 1
    width = max(len(p.stem) for p in found)
    for path in found:
        print(f"{path.stem:<{width}}  {path}")
    return 0


COMMANDS = {"examples": (add_examples, cmd_examples)}


def add_options(parser) -> None:
    """``--install-desktop-entry`` and ``--uninstall-desktop-entry`` on the main parser."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--install-desktop-entry", dest="desktop_entry", action="store_const",
                       const="install", help="add GraphStudio and its icon to this user's "
                                             "desktop launcher (Linux)")
    group.add_argument("--uninstall-desktop-entry", dest="desktop_entry", action="store_const",
                       const="uninstall", help="remove what --install-desktop-entry added")


def run_options(args) -> int | None:
    """Carry out a desktop-entry option (its exit code), or None when none was given."""
    action = getattr(args, "desktop_entry", None)
    if action is None:
        return None
    if args.command is not None:
        raise UsageError(f"--{action}-desktop-entry takes no command")
    from graphstudio.cli import desktop_entry

    if action == "uninstall":
        removed = desktop_entry.uninstall()
        for path in removed:
            print(f"removed {path}")
        if not removed:
            print(f"no desktop entry to remove in {desktop_entry.data_home()}")
        return 0
    command = desktop_entry.find_command()
    if command is None:
        raise UsageError(f"cannot find the installed '{PROG}' command; install GraphStudio "
                         "with pip first")
    desktop, icon = desktop_entry.install(command)
    print(f"installed {desktop} (runs {command})")
    print(f"installed {icon}")
    return 0
