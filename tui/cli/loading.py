"""How the commands read filings: through the folder index (parsing what changed, with a progress bar on a
terminal), or one file directly; each unreadable file and each warning said on standard error in one line."""

from __future__ import annotations

import sys
from pathlib import Path

from parser import Filing, load_paths
from parser.names import shown_name

from ..data.text import printable
from .errors import CommandError


def open_index(paths: list[str], cache: str | None):
    """Open the folder index over the paths, parsing what changed; returns it and the refresh report."""
    from ..index import CacheLocationError, open_index as open_folder_index
    from .progress import ProgressBar

    for path in paths:
        if not Path(path).exists():
            raise CommandError(f"{shown_name(path)}: no such file or folder")
    try:
        index = open_folder_index(paths, cache, refresh=False)
    except CacheLocationError as error:
        raise CommandError(str(error)) from None
    if not index.ordered_paths:
        raise CommandError(f"no filings found in {shown_name(', '.join(paths))}")
    if index.note:
        print(f"colt-tui: {printable(index.note)}", file=sys.stderr)
    bar = ProgressBar()
    report = index.refresh(progress=bar)
    bar.close()
    return index, report


def load_index(paths: list[str], cache: str | None):
    """The index and the count of unreadable files, each reported on standard error in one line."""
    index, _report = open_index(paths, cache)
    bad = 0
    for path in index.ordered_paths:
        summary = index.summaries[path]
        if summary.error:
            bad += 1
            print(f"colt-tui: {printable(summary.error)}", file=sys.stderr)
        for warning in summary.warnings:
            print(f"colt-tui: warning: {printable(warning)}", file=sys.stderr)
    return index, bad


def load_filings(paths: list[str], cache: str | None = None) -> tuple[list[Filing], int]:
    """Load the filings (from the cache where it is current); report each unreadable one."""
    index, bad = load_index(paths, cache)
    filings = [index.filing(path) for path in index.ordered_paths]
    index.close()
    return filings, bad


def load_one(path: str) -> Filing:
    """One filing parsed from its file, for the commands that show a single filing."""
    if Path(path).is_dir():
        raise CommandError(f"{shown_name(path)}: is a folder; give one filing")
    if not Path(path).exists():
        raise CommandError(f"{shown_name(path)}: no such file or folder")
    filing = load_paths([path])[0]
    if filing.error:
        raise CommandError(printable(filing.error))
    for warning in filing.warnings:
        print(f"colt-tui: warning: {printable(warning)}", file=sys.stderr)
    return filing
