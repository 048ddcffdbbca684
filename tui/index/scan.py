"""List the files the given paths name, with the size and modification time the cache is keyed by."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from parser.files import FILING_SUFFIXES, filing_suffix, skip_reason, unlisted_reason


@dataclass(frozen=True)
class FileStat:
    """A file to index: absolute path, size and mtime in ns (-1 when it cannot be stat'ed), and why a
    folder entry is not read as a filing (a sub-folder, another file type, a broken link), if it is not."""

    path: str
    size: int
    mtime_ns: int
    skip: str | None = None


@dataclass(frozen=True)
class Listing:
    """The files found, in the order given (each folder sorted), and the folders that were listed."""

    files: tuple[FileStat, ...]
    folders: tuple[str, ...]


def list_paths(paths: list[str]) -> Listing:
    """Files and folders as the parser's `iter_filing_paths` sees them, each stat'ed once."""
    files: dict[str, FileStat] = {}
    folders: list[str] = []
    for given in paths:
        path = os.path.abspath(given)
        if os.path.isdir(path):
            folders.append(path)
            for stat in _folder(path):
                files.setdefault(stat.path, stat)
        else:
            files.setdefault(path, _stat(path))
    return Listing(tuple(files.values()), tuple(folders))


def _folder(folder: str) -> list[FileStat]:
    """Every entry of a folder as the parser lists it (sorted, hidden ones skipped), with its skip reason.

    Regular files with a filing suffix take the fast path (one cached stat from scandir); anything
    else (FIFOs, devices and sockets among them) is judged by the parser's own `skip_reason`, so both
    list a folder the same way. A folder that cannot be listed is one entry saying why.
    """
    try:
        with os.scandir(folder) as listing:
            entries = sorted((e for e in listing if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError:
        return [FileStat(folder, -1, -1, unlisted_reason(folder))]
    found = []
    for entry in entries:
        try:
            plain = entry.is_file(follow_symlinks=False) and \
                filing_suffix(entry.name) in FILING_SUFFIXES
            if plain:
                stat = entry.stat(follow_symlinks=False)
                found.append(FileStat(entry.path, stat.st_size, stat.st_mtime_ns))
                continue
        except OSError:
            pass
        listed = _stat(entry.path)
        found.append(FileStat(entry.path, listed.size, listed.mtime_ns, skip_reason(Path(entry.path))))

    return found


def _stat(path: str) -> FileStat:
    try:
        stat = os.stat(path)
        return FileStat(path, stat.st_size, stat.st_mtime_ns)
    except OSError:
        return FileStat(path, -1, -1)
