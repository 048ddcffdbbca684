"""`colt-tui index PATH... [--cache FILE]`: parse new and changed filings into the cache and say so."""

from __future__ import annotations

import sys

from ..data.text import printable, safe_name
from .errors import EXIT_OK, EXIT_SOME_UNREADABLE
from .loading import open_index
from .progress import summary_line


def run_index(args) -> int:
    """Refresh the cache; exit 3 when some files are unreadable (each named on standard error)."""
    index, report = open_index(args.paths, args.cache)
    unreadable = [index.summaries[path].error for path in index.ordered_paths if index.summaries[path].error]
    for error in unreadable:
        print(f"colt-tui: {printable(error)}", file=sys.stderr)
    print(summary_line(report, len(index.ordered_paths), len(unreadable)))
    where = safe_name(str(index.cache_path)) if index.cache_path else "memory"
    print(f"cache: {where}")
    index.close()
    return EXIT_SOME_UNREADABLE if unreadable else EXIT_OK
