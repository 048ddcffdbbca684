"""The cache file on disk before it is opened: recognise our own cache, refuse anything else, move ours aside.

Only a file that is recognisably a colt-tui cache (its `meta` table, or our id in the SQLite header), or a
file at our own default path, is ever renamed; a folder, a device, a FIFO, a text file or someone else's
database named as the cache is refused and left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from dataclasses import dataclass
from pathlib import Path

APP_ID = "colt-tui-index"
MEMORY = ":memory:"  # as a cache path: keep the index in memory, write no file
SCHEMA_VERSION = "4"
APPLICATION_ID = 0x436F4C54  # "CoLT" in the header's application_id field: readable even when pages are damaged
SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION_ID_OFFSET = 68

# SQLite primary result codes (the low byte of `sqlite_errorcode`).
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_UNWRITABLE_CODES = {3, 8, 10, 13, 14}  # PERM, READONLY, IOERR, FULL, CANTOPEN
_UNWRITABLE_WORDS = ("full", "readonly", "read-only", "disk i/o", "unable to open", "permission")


class CacheLocationError(Exception):
    """The cache path cannot be used: it lies inside a filings folder, or it names something not ours."""


class CacheRefused(CacheLocationError):
    """The cache path names something that is not a colt-tui cache (a folder, a device, another program's
    file); it is left untouched."""


class CacheLocked(CacheLocationError):
    """Another process kept the cache locked for longer than colt-tui waits."""


@dataclass(frozen=True)
class Found:
    """What a cache path holds: 'new' (nothing yet), 'ours' (a current cache) or 'stale' (ours, to rebuild)."""

    state: str
    reason: str = ""


def default_cache_path() -> Path:
    """The cache file in the user's cache directory (COLT_TUI_CACHE_DIR overrides the folder)."""
    folder = os.environ.get("COLT_TUI_CACHE_DIR")
    if not folder:
        from platformdirs import user_cache_dir

        folder = user_cache_dir("colt-tui")
    return Path(folder) / "index.sqlite3"


def failure(error: Exception) -> str:
    """What an SQLite error means for the cache: 'busy' (locked), 'unwritable' (read-only, full) or 'corrupt'."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        primary = code & 0xFF
        if primary in _BUSY_CODES:
            return "busy"
        return "unwritable" if primary in _UNWRITABLE_CODES else "corrupt"
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return "busy"
    return "unwritable" if any(word in text for word in _UNWRITABLE_WORDS) else "corrupt"


def inspect(path: Path, default: bool, timeout: float) -> Found:
    """Tell what `path` holds without changing it; raise CacheRefused for anything that is not ours.

    `default` is True for our own default cache path, where any regular file may be moved aside.
    SQLite errors other than corruption (locked, read-only, I/O) propagate: they say nothing of the contents.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return Found("new")
    except OSError as error:
        raise CacheRefused(f"{path}: cannot be used as the cache ({error.strerror or error})") from None
    if not stat.S_ISREG(info.st_mode):
        link = f" (a link to {os.path.realpath(path)})" if os.path.islink(path) else ""
        raise CacheRefused(f"{path}: is {_kind(info.st_mode)}{link}, not a cache file; give a file path for the cache")
    if info.st_size == 0:
        return Found("new")
    try:
        with open(path, "rb") as file:
            header = file.read(100)
    except OSError as error:
        raise CacheRefused(f"{path}: cannot be read ({error.strerror or error})") from None
    if not header.startswith(SQLITE_HEADER):
        return _not_ours(path, default, "is not an SQLite database")
    marked = int.from_bytes(header[APPLICATION_ID_OFFSET:APPLICATION_ID_OFFSET + 4], "big") == APPLICATION_ID
    try:
        meta = _read_meta(path, timeout)
    except sqlite3.DatabaseError as error:
        if failure(error) != "corrupt":
            raise  # locked, or unreadable for reasons outside the file (permissions, I/O): not its contents
        if marked or default:
            return Found("stale", str(error))
        return _not_ours(path, default, f"is an SQLite database that cannot be read ({error})")
    if meta is None:
        return Found("new")
    if meta.get("app") == APP_ID or marked:
        if meta.get("schema") == SCHEMA_VERSION:
            return Found("ours")
        return Found("stale", f"schema {meta.get('schema')}, this version uses {SCHEMA_VERSION}")
    return _not_ours(path, default, "is an SQLite database of another program")


def _read_meta(path: Path, timeout: float) -> dict[str, str] | None:
    """The `meta` rows of a database, {} when it has tables but no usable meta, None when it has no tables."""
    db = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
    try:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return None
        if "meta" not in tables:
            return {}
        try:
            return {str(key): str(value) for key, value in db.execute("SELECT key, value FROM meta")}
        except sqlite3.OperationalError as error:
            if failure(error) != "corrupt":
                raise
            return {}  # a 'meta' table of another shape ('no such column'): not ours
    finally:
        db.close()


def _not_ours(path: Path, default: bool, what: str) -> Found:
    """A file that is not our cache: moved aside only at our own default path, refused anywhere else."""
    if default:
        return Found("stale", what.removeprefix("is "))
    raise CacheRefused(f"{path}: {what}; not a colt-tui cache, so it is left untouched")


def _kind(mode: int) -> str:
    """A file type in words."""
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def move_aside(path: Path) -> Path:
    """Rename our cache file and its WAL files to `<name>.bad-<time>-<pid>`; never delete them."""
    aside = path.with_name(f"{path.name}.bad-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}")
    for suffix in ("-wal", "-shm"):  # first: a WAL left beside a new cache file would be replayed into it
        side = Path(str(path) + suffix)
        if side.exists():
            side.replace(Path(str(aside) + suffix))
    if path.exists():
        path.replace(aside)
    return aside
