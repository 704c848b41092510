"""What every ``graphstudio`` command shares: the program name, usage errors, the argument parser
that raises them, one-line failures, loading a graph file, checking an output path, and the one
place that turns exceptions into exit codes.

Exit codes: 0 fine; 1 the graph has problems (a node cannot be computed, no backward, a failed
gradient check); 2 usage errors and unreadable or invalid files, with one line on stderr and never
a traceback.
"""

from __future__ import annotations

import argparse
import errno
import os
import sys
import warnings
from collections.abc import Callable

from graphstudio.graph.limits import brief

__all__ = ["PROG", "CommandParser", "UsageError", "check_output", "exit_now", "fail",
           "load_graph_file", "run_guarded", "short_array"]

PROG = "graphstudio"


class UsageError(Exception):
    """Bad command line: reported as one line, exit code 2."""


class CommandParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors are :class:`UsageError` (one line, exit 2), not exits."""

    def error(self, message):
        raise UsageError(message)


def fail(message: str, code: int = 2) -> int:
    """Print ``graphstudio: message`` on one line of stderr and return ``code`` (what the
    message quotes is shortened: see ``limits.brief``)."""
    print(f"{PROG}: {brief(str(message).replace(chr(10), ' '), 500)}", file=sys.stderr)
    return code


def load_graph_file(path: str):
    """The graph in ``path`` (GraphFileError, a ValueError, when it cannot be read)."""
    from graphstudio.files.gsgraph import load_graph

    return load_graph(path)


def check_output(path) -> None:
    """Refuse an output path that cannot be written before doing the work (OSError naming it):
    a missing or read-only folder, or a target (a symlink's, followed) that is a folder, pipe,
    device or socket."""
    from graphstudio.files.atomic_write import output_target

    if path is None:
        return
    target, _mode = output_target(path)
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise OSError(errno.ENOENT, "cannot write: no such folder", path)
    if not os.access(folder, os.W_OK):  # say so now, not after minutes of training
        read_only = os.statvfs(folder).f_flag & os.ST_RDONLY
        code = errno.EROFS if read_only else errno.EACCES
        raise OSError(code, f"cannot write: {os.strerror(code)}", path)


#: numpy's floating-point warnings ("overflow encountered in ..."): PyTorch computes with inf
#: and nan silently, and so does GraphStudio; the results say what happened
FLOAT_WARNINGS = r"(overflow|invalid value|divide by zero|underflow) encountered"


def run_guarded(command: Callable[[], int]) -> int:
    """Run ``command`` and turn what it raises into one line and an exit code. numpy's
    floating-point warnings never reach the terminal."""
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", FLOAT_WARNINGS, RuntimeWarning)
            return command()
    except UsageError as ex:
        return fail(f"error: {ex}")
    except ValueError as ex:  # GraphFileError, RenderError and other bad input
        return fail(str(ex))
    except BrokenPipeError:  # e.g. `graphstudio run FILE | head`: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as ex:
        return fail(f"{ex.filename or ''}{': ' if ex.filename else ''}{ex.strerror or ex}")
    except KeyboardInterrupt:
        return fail("interrupted", 130)


def exit_now(code: int) -> None:
    """End the process at once with exit status ``code`` once stdout and stderr are flushed,
    without taking its objects apart one by one (after a big import, a million of them: a
    tenth of a second or more). Only for a command run as the whole process, its files
    already written and closed. When flushing fails it returns, and the usual way out
    reports what went wrong."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


def short_array(a) -> str:
    """A tensor's values on one line, four decimals, long ones elided (``--steps`` output)."""
    import numpy as np

    if a is None:
        return "None"
    return np.array2string(np.asarray(a), precision=4, threshold=12, edgeitems=2,
                           max_line_width=10**6, separator=", ").replace("\n", "")
