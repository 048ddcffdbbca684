"""The cache keeps a parsed filing without its text (the file holds it): a filing read back from the
cache has exactly the lines a fresh parse gives, and a file changed since it was parsed is parsed again
rather than shown with lines that no longer match its tables."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from parser import load_filing
from tui.index import open_index

ROOT = Path(__file__).resolve().parents[1]
NAMES = ["001_e47b350a37731711.txt", "000_18845e77b5f2995d.txt"]


def test_a_cached_filing_reads_its_lines_back_from_the_file(tmp_path):
    folder = tmp_path / "filings"
    folder.mkdir()
    for name in NAMES:
        shutil.copy(ROOT / "filings" / name, folder / name)
    cache = tmp_path / "index.sqlite3"
    open_index(folder, cache).close()
    index = open_index(folder, cache, refresh=False)
    for name in NAMES:
        path = str(folder / name)
        cached, fresh = index.filing(path), load_filing(path)
        assert cached.lines == fresh.lines and len(cached.lines) > 100
        assert cached.tables == fresh.tables
        assert index.store.unpickled(index.store.blob(path, "filing")).lines == ()  # the text is not stored
    index.close()


def test_a_file_changed_since_it_was_parsed_is_parsed_again(tmp_path):
    folder = tmp_path / "filings"
    folder.mkdir()
    target = folder / NAMES[0]
    shutil.copy(ROOT / "filings" / NAMES[0], target)
    cache = tmp_path / "index.sqlite3"
    open_index(folder, cache).close()
    index = open_index(folder, cache, refresh=False)
    text = target.read_text(encoding="latin-1")
    target.write_text("NEW FIRST LINE\n" + text, encoding="latin-1")  # every line moves down by one
    stat = target.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    filing = index.filing(str(target))
    assert filing.lines[0] == "NEW FIRST LINE" and filing.tables == load_filing(target).tables
    index.close()
