"""Placeholder until the browser lands: tells the user what to use meanwhile."""

from __future__ import annotations

import sys


def run_app(paths: list[str]) -> int:
    """Open the browser on the given paths."""
    print("colt-tui: the browser is not built yet; use 'colt-tui tables', 'outline', 'facts' or 'check'.", file=sys.stderr)
    return 2
