"""Read a filing's bytes from disk: regular files only (a symbolic link to one is fine), never past a limit.

A FIFO would block the reader forever and a device such as /dev/zero never ends, so both are
refused from `stat` before they are opened; the file is opened without blocking and checked
again on the open descriptor, in case it was swapped between the two.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .names import shown_name

FILING_SUFFIXES = {".txt", ".nc", ".sgml", ".text", ".htm", ".html", ""}
COMPRESSED = ".gz"  # a filing saved compressed, as EDGAR tools do: name.txt.gz
CHUNK = 1 << 20
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


class Unreadable(Exception):
    """A path that cannot be read as a file; `reason` is a short phrase ("a FIFO (named pipe), not a file")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def kind_reason(mode: int) -> str | None:
    """Why a file of this `st_mode` is not a file to read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    return "not a regular file"


def filing_suffix(name: str) -> str:
    """The suffix that says whether a file is a filing: '.txt' for both 'a.txt' and 'a.txt.gz'."""
    stem, suffix = os.path.splitext(name)
    if suffix.lower() == COMPRESSED:
        return os.path.splitext(stem)[1].lower() or COMPRESSED  # a bare 'a.gz' is no filing
    return suffix.lower()


def read_filing_bytes(path: str | os.PathLike[str], limit: int) -> bytes:
    """A filing's bytes, uncompressed when its name ends in .gz; never more than `limit` either way."""
    data = read_regular(path, limit)
    if not os.fspath(path).lower().endswith(COMPRESSED):
        return data
    return inflate(data, limit)


def inflate(data: bytes, limit: int) -> bytes:
    """The bytes of a .gz file's contents, never more than `limit`; raises `Unreadable` with the reason."""
    import zlib

    inflater = zlib.decompressobj(wbits=47)  # gzip or zlib header
    try:
        text = inflater.decompress(data, limit + 1)
    except zlib.error as error:
        raise Unreadable(f"not a readable .gz file ({error})") from None
    if len(text) > limit:
        raise Unreadable(f"too large uncompressed (more than the limit of {limit:,} bytes)")
    if not inflater.eof:
        raise Unreadable("a truncated .gz file (it ends before its data does)")
    return text


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; raises `Unreadable` with the reason otherwise."""
    try:
        before = os.stat(path)
    except OSError as error:
        raise Unreadable(_os_reason(path, error)) from None
    _refuse(before, limit)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise Unreadable(_os_reason(path, error)) from None
    try:
        _refuse(os.fstat(descriptor), limit)
        data = _read_at_most(descriptor, limit + 1)
    except OSError as error:
        raise Unreadable(_os_reason(path, error)) from None
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise Unreadable(f"too large (more than the limit of {limit:,} bytes)")
    return data


def _refuse(status: os.stat_result, limit: int) -> None:
    """Raise `Unreadable` for anything but a regular file within the limit."""
    reason = kind_reason(status.st_mode)
    if reason:
        raise Unreadable(reason)
    if status.st_size > limit:
        raise Unreadable(f"too large ({status.st_size:,} bytes; limit {limit:,})")


def _read_at_most(descriptor: int, count: int) -> bytes:
    """Read until end of file or `count` bytes, whichever comes first."""
    parts: list[bytes] = []
    left = count
    while left > 0:
        part = os.read(descriptor, min(CHUNK, left))
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def _os_reason(path: str | os.PathLike[str], error: OSError) -> str:
    """An OSError as "cannot read (Permission denied)", naming a broken link or a link loop as such."""
    reason = error.strerror or type(error).__name__
    if error.errno == errno.ENXIO:
        return "a socket, not a file"  # what opening a socket reports
    if os.path.islink(path):
        return "cannot read (symbolic link loop)" if error.errno == errno.ELOOP \
            else f"cannot read (broken symbolic link ({reason}))"
    return f"cannot read ({reason})"


def unlisted_reason(folder: str | os.PathLike[str]) -> str:
    """Why a folder's entries could not be listed ("cannot list folder (Permission denied)")."""
    try:
        with os.scandir(folder):
            return "is a folder, not a file"
    except OSError as error:
        return f"cannot list folder ({error.strerror or type(error).__name__})"


def skip_reason(path: Path) -> str | None:
    """Why an entry found inside a folder is not read as a filing, or None when it is one."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        if os.path.islink(path):
            return "symbolic link loop" if error.errno == errno.ELOOP else "broken symbolic link"
        return None  # reading it will say what is wrong
    if stat.S_ISDIR(mode):
        return "a folder: folders inside a folder are not searched; name it as a PATH to include it"
    reason = kind_reason(mode)
    if reason:
        return reason
    suffix = filing_suffix(path.name)
    if suffix not in FILING_SUFFIXES:
        return f"not a plain-text filing ({shown_name(suffix)} files are skipped)"
    return None
