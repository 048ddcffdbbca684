"""How a command ends: its exit codes, and the one-line error that means it could not run (exit 2)."""

from __future__ import annotations

EXIT_OK = 0
EXIT_NOT_FOOTING = 1  # check: some cells do not foot
EXIT_USAGE = 2  # the command cannot run as asked; one line on standard error says why
EXIT_SOME_UNREADABLE = 3  # some files could not be read; the rest were
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command ended by Ctrl-C


class CommandError(Exception):
    """A usage problem reported as one line."""
