"""Where a command writes: standard output (closed, full or gone, said in one line) or the checked `-o` file."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

from ..output import OutputError, error_reason, written


@contextmanager
def destination(target: Path | None, given: str | None, binary: bool = False):
    """The checked output file (written whole or not at all), or standard output."""
    if target is None:
        yield sys.stdout.buffer if binary else sys.stdout
        return
    from parser.names import shown_name

    assert given is not None  # a target file always comes with the name it was given as
    with written(target, shown_name(given), binary) as out:

        yield out


def require_stdout() -> None:
    """Refuse to start a command whose output would be lost: standard output is closed."""
    if sys.stdout is None or _closed(sys.stdout):
        raise OutputError("standard output is closed; nothing would be written (redirect it, or give -o FILE)")


def _closed(stream) -> bool:
    """True when the stream's file descriptor is closed (a stream without one, as under a test's capture, is open)."""
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return bool(getattr(stream, "closed", False))
    try:
        os.fstat(descriptor)
    except OSError:
        return True
    return False


def flush_stdout() -> None:
    """Flush standard output, turning a write error (a full disk, a closed descriptor) into an OutputError."""
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(f"cannot write to standard output ({error_reason(error)})") from None


def silence_stdout() -> None:
    """Point standard output at /dev/null, so that Python's flush at exit cannot fail a second time."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
