"""Where a path lies: the one test behind every "never write inside the filings folder" (the cache, an
export, `facts -o`, a fetch's DEST). Standard library only: the browser's start-up uses it."""

from __future__ import annotations

import os


def inside(path: str | os.PathLike, folder: str | os.PathLike) -> bool:
    """True when `path` is `folder` or lies under it (both made absolute, symlinks resolved)."""
    path, folder = os.path.realpath(path), os.path.realpath(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def filings_folder(root: str | os.PathLike) -> str:
    """The folder a given filings path stands for: itself when it is a folder, else the file's folder."""
    real = os.path.realpath(root)
    return real if os.path.isdir(real) else os.path.dirname(real)


def holding_root(path: str | os.PathLike, roots: list[str]) -> str | None:
    """The first of the given filings paths whose folder holds `path` (or is it), or None."""
    return next((root for root in roots if inside(path, filings_folder(root))), None)
