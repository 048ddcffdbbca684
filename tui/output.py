"""Writing a file whole or not at all (the export, the fetched filings, the dataset, `facts -o`), and the
output file of a command checked before any parsing."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from parser.names import shown_name


class OutputError(Exception):
    """The output cannot be written: one line naming it and why."""


def check_output(output: str, paths: list[str]) -> Path:
    """The file `-o` names, checked before parsing starts: its folder exists and is writable, it is not
    a folder, and it lies outside every filings folder being read. Returns the path to write."""
    from .data.export import refusal

    shown = shown_name(output)
    real = Path(os.path.realpath(output))
    reason = refusal(real, paths)
    if reason:
        raise OutputError(f"{shown}: {reason}")
    parent = real.parent
    if _is_special(real):
        if not os.access(real, os.W_OK):
            raise OutputError(f"{shown}: cannot write (permission denied)")
    elif not os.access(parent, os.W_OK | os.X_OK) or (real.exists() and not os.access(real, os.W_OK)):
        raise OutputError(f"{shown}: cannot write (permission denied)")
    return real


def _is_special(path: Path) -> bool:
    """True for an existing path that is not a regular file (a device, a FIFO, /dev/stdout)."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


@contextmanager
def written(target: Path, shown: str, binary: bool = False):
    """A file to write `target` through: a temporary file beside it, renamed over it only once the
    writing ended well, so a failed or interrupted write never leaves a partial file behind. A device
    or FIFO is written directly. Write errors become one-line OutputErrors."""
    mode = "wb" if binary else "w"
    options: dict[str, Any] = {} if binary else {"encoding": "utf-8", "newline": ""}
    if _is_special(target):
        try:
            with open(target, mode, **options) as out:
                yield out
        except OSError as error:
            raise OutputError(f"{shown}: cannot write ({error_reason(error)})") from None
        return
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as error:
        raise OutputError(f"{shown}: cannot write ({error_reason(error)})") from None
    try:
        with os.fdopen(handle, mode, **options) as out:
            yield out
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except OSError as error:
        _remove(temporary)
        raise OutputError(f"{shown}: cannot write ({error_reason(error)})") from None
    except BaseException:
        _remove(temporary)
        raise


def _mode_for(target: Path) -> int:
    """The file's own mode when it exists, else what a new file gets under the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def error_reason(error: OSError) -> str:
    """Why a read or write failed, in a few words ("No space left on device")."""
    return error.strerror or errno.errorcode.get(error.errno or 0, type(error).__name__)
