"""Entry point for ``graphstudio`` and ``python -m graphstudio``."""

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the command line ``argv``. Without ``argv`` (the ``graphstudio`` script, ``python -m
    graphstudio``) this is the whole process: a command may then end it as soon as its output
    is flushed (see :func:`graphstudio.cli.common.exit_now`)."""
    from graphstudio.cli.dispatch import main as cli_main

    if argv is None:
        return cli_main(sys.argv[1:], whole_process=True)
    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
