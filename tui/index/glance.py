"""A first look at the cache: the summaries of the files it holds up to date, read before anything else.

The browser draws its filing list from these in its first frame, before the folder index (its pool, its
search vocabulary) or the parser is imported. It only reads: the cache is opened read-only, nothing is
created, and any doubt about the file (missing, locked, damaged, not ours, inside a filings folder)
gives nothing, since the folder index opens the cache properly a moment later and says what is wrong.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..data.paths import inside
from .cachefile import APP_ID, MEMORY, SCHEMA_VERSION, default_cache_path
from .pathkey import from_key
from .scan import list_paths
from .summary import SUMMARY_COLUMNS, Summary, row_is_current
from .version import cache_version

BUSY_SECONDS = 0.05  # a cache another process is writing is not waited for: the folder index will wait


def glance(paths: list[str], cache: str | os.PathLike | None = None) -> list[Summary]:
    """The summaries the cache holds for the files `paths` name, for those unchanged since they were
    parsed by this version (the folder index's `summaries`); [] when the cache cannot be read as is."""
    if cache == MEMORY:
        return []
    target = Path(cache) if cache else default_cache_path()
    try:
        if not target.is_file():
            return []
        listing = list_paths([str(path) for path in paths])
        folders = set(listing.folders) | {os.path.dirname(stat.path) for stat in listing.files}
        if any(inside(str(target), folder) for folder in folders):
            return []  # the index refuses such a cache, and says so
        rows = _rows(target)
    except (OSError, sqlite3.Error, ValueError):
        return []
    version = cache_version()
    found = []
    for stat in listing.files:
        row = rows.get(stat.path)
        if row is not None and row_is_current(row, stat.size, stat.mtime_ns, version):
            try:
                found.append(Summary.from_row(row))
            except (TypeError, ValueError):  # a row this code did not write: the index will judge it
                return []
    return found


def _rows(target: Path) -> dict[str, tuple]:
    """Every `files` row of our cache at `target`, keyed by path, read through a read-only connection."""
    db = sqlite3.connect(f"{target.absolute().as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS)
    try:
        meta = dict(db.execute("SELECT key, value FROM meta"))
        if meta.get("app") != APP_ID or meta.get("schema") != SCHEMA_VERSION:
            return {}
        query = f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM files"
        return {from_key(row[0]): (from_key(row[0]),) + row[1:] for row in db.execute(query)}
    finally:
        db.close()
