"""List the files the given paths name, with the size and modification time the cache is keyed by."""

from __future__ import annotations

import os
from dataclasses import dataclass

from parser.load import FILING_SUFFIXES


@dataclass(frozen=True)
class FileStat:
    """A file to index: absolute path, size and mtime in ns (-1 when it cannot be stat'ed)."""

    path: str
    size: int
    mtime_ns: int


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
    """The filings directly inside a folder, sorted by name; hidden files and sub-folders skipped."""
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in sorted(entries, key=lambda e: e.name):
        if entry.name.startswith(".") or os.path.splitext(entry.name)[1].lower() not in FILING_SUFFIXES:
            continue
        try:
            if entry.is_dir():
                continue
            stat = entry.stat()
            found.append(FileStat(entry.path, stat.st_size, stat.st_mtime_ns))
        except OSError:
            found.append(FileStat(entry.path, -1, -1))
    return found


def _stat(path: str) -> FileStat:
    try:
        stat = os.stat(path)
        return FileStat(path, stat.st_size, stat.st_mtime_ns)
    except OSError:
        return FileStat(path, -1, -1)


def inside(path: str, folder: str) -> bool:
    """True when `path` is `folder` or lies under it (both made absolute, symlinks resolved)."""
    path, folder = os.path.realpath(path), os.path.realpath(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)
