"""The version every cache row is stored under: the parser's version and a digest of the tui code that
builds what the cache stores (summaries, search keys, line items, facts frames and CSV lines)."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

TUI = Path(__file__).resolve().parents[1]

# The tui modules whose code runs while a Record is built (tests/test_cache_version.py checks the list).
STORED_BY = (
    "index/record.py",  # summary row, item rows, search keys, pickled filing and facts
    "index/build.py",  # the records of skipped and failed files
    "index/facts.py",  # the cached CSV lines
    "data/lineitems.py",  # line items, their readings, tiers and search keys
    "data/text.py",  # label normalisation inside the keys; `printable`, applied to the cached CSV lines
    "data/units.py",  # the unit of each value a line item shows
    "data/statements.py",  # which tables are the main statements: the search tier of their rows
    "index/pathkey.py",  # how a path is stored as the rows' key
)


@lru_cache(maxsize=1)
def cache_version() -> str:
    """'<parser version>/tui-<digest>': a change to the parser or to any module in STORED_BY changes it."""
    from parser import PARSER_VERSION

    digest = hashlib.sha1()
    for name in STORED_BY:
        digest.update(name.encode() + b"\0" + (TUI / name).read_bytes())
    return f"{PARSER_VERSION}/tui-{digest.hexdigest()[:12]}"
