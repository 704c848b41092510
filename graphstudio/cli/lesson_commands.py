"""``graphstudio lesson check FILE``: validate a lesson file without opening the window.

Reads it (one error naming the line when it cannot be used), then opens the graphs its steps
use and checks every node name it mentions, and lists texts missing in one of its languages.
Exit code 0: fine; 1: the lesson reads but has problems; 2: unreadable or invalid.
"""

from __future__ import annotations

from graphstudio.cli.common import UsageError

__all__ = ["COMMANDS", "cmd_lesson"]


def add_lesson(sub):
    p = sub.add_parser("lesson", help="work with lesson files (.gslesson)",
                       description="lesson check FILE: validate a lesson (format, the graphs it "
                                   "opens, the node names it uses, its translations). Exit code "
                                   "0: fine; 1: problems listed; 2: unreadable or invalid.")
    p.add_argument("action", choices=["check"], help="check: validate FILE")
    p.add_argument("file", help="a .gslesson file")


def cmd_lesson(args) -> int:
    from graphstudio.lessons.catalog import lint
    from graphstudio.lessons.parser import read_lesson, translation_gaps

    if args.action != "check":
        raise UsageError(f"unknown lesson action {args.action!r}")
    lesson = read_lesson(args.file)  # LessonError is a ValueError: one line, exit 2
    problems = lint(lesson) + translation_gaps(lesson)
    for problem in problems:
        print(f"{args.file}: {problem}")
    n = len(lesson.steps)
    print(f"{args.file}: lesson {lesson.id!r}, {n} step{'s' * (n != 1)}, languages "
          f"{', '.join(lesson.languages)}: "
          + ("ok" if not problems else f"{len(problems)} problem{'s' * (len(problems) != 1)}"))
    return 1 if problems else 0


COMMANDS = {"lesson": (add_lesson, cmd_lesson)}
