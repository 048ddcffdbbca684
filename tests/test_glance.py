"""The first look at the cache (`tui.index.glance`): the browser's first frame lists the cached filings
from it. It must give exactly what the folder index will (or nothing), import nothing heavy, and never
write, create or move anything."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tui.index import MEMORY, open_index
from tui.index.glance import glance

ROOT = Path(__file__).resolve().parents[1]


def _cached(folder: Path, cache: Path) -> list:
    """Index the folder into `cache` and return the index's summaries, in its order."""
    index = open_index([str(folder)], cache)
    try:
        return [index.summaries[path] for path in index.ordered_paths]
    finally:
        index.close()


def _state(cache: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file beside the cache, with its size, mtime and bytes; SQLite's own -wal and -shm companions
    excepted (a reader of a WAL database maps them, and creates them empty when they are missing)."""
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns, p.read_bytes())
            for p in cache.parent.iterdir() if not p.name.endswith(("-shm", "-wal"))}


def test_a_cached_folder_glances_as_the_index_lists_it(folder, tmp_path):
    cache = tmp_path / "cache" / "index.sqlite3"
    summaries = _cached(folder, cache)
    assert [s.name for s in summaries] == ["000_18845e77b5f2995d.txt", "001_e47b350a37731711.txt",
                                           "002_3c3cc2a74b250ec0.txt"]
    assert glance([str(folder)], cache) == summaries
    first = glance([str(folder)], cache)[0]  # read off the filing's cover: a COLT 6-K dated 10 November 2004
    assert (first.form, first.company, first.date.isoformat()) == ("6-K", "COLT TELECOM GROUP plc", "2004-11-10")


def test_a_file_changed_since_it_was_parsed_is_left_to_the_index(folder, tmp_path):
    cache = tmp_path / "cache" / "index.sqlite3"
    _cached(folder, cache)
    changed = folder / "001_e47b350a37731711.txt"
    changed.write_bytes(changed.read_bytes() + b"\n")
    assert [s.name for s in glance([str(folder)], cache)] == ["000_18845e77b5f2995d.txt", "002_3c3cc2a74b250ec0.txt"]


def test_a_row_of_another_cache_version_is_not_shown(folder, tmp_path):
    cache = tmp_path / "cache" / "index.sqlite3"
    _cached(folder, cache)
    db = sqlite3.connect(cache)
    db.execute("UPDATE files SET version = 'an older parser' WHERE name LIKE '000_%'")
    db.commit()
    db.close()
    assert [s.name for s in glance([str(folder)], cache)] == ["001_e47b350a37731711.txt", "002_3c3cc2a74b250ec0.txt"]


def test_glancing_writes_nothing(folder, tmp_path):
    cache = tmp_path / "cache" / "index.sqlite3"
    _cached(folder, cache)
    before, filings = _state(cache), {p.name: p.read_bytes() for p in folder.iterdir()}
    assert len(glance([str(folder)], cache)) == 3
    assert _state(cache) == before
    assert all(p.stat().st_size == 0 for p in cache.parent.glob("*-wal"))  # a reader writes no log
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == filings


def test_no_cache_yet_gives_nothing_and_creates_nothing(folder, tmp_path):
    cache = tmp_path / "cache" / "index.sqlite3"
    assert glance([str(folder)], cache) == []
    assert not cache.parent.exists()
    assert glance([str(folder)], MEMORY) == []


def test_what_is_not_our_cache_gives_nothing_and_is_left_as_it_was(folder, tmp_path):
    text = tmp_path / "notes.sqlite3"
    text.write_text("my notes, not a database\n")
    other = tmp_path / "other.sqlite3"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO meta VALUES ('app', 'someone-else')")
    db.commit()
    db.close()
    for target in (text, other, tmp_path):  # a text file, another program's database, a folder
        before = sorted((p.name, p.stat().st_mtime_ns) for p in tmp_path.iterdir() if p.is_file())
        assert glance([str(folder)], target) == []
        assert sorted((p.name, p.stat().st_mtime_ns) for p in tmp_path.iterdir() if p.is_file()) == before


def test_a_cache_inside_the_filings_folder_is_not_read(folder, tmp_path):
    outside = tmp_path / "cache" / "index.sqlite3"
    _cached(folder, outside)
    inside = folder / "index.sqlite3"
    inside.write_bytes(outside.read_bytes())  # the index refuses a cache there; so does the glance
    assert glance([str(folder)], inside) == []


def test_glancing_imports_neither_the_parser_nor_the_index():
    code = ("import sys; from tui.index.glance import glance; glance(['filings']); "
            "print(sorted(m for m in sys.modules if m.startswith(('parser.', 'tui.', 'pandas', 'rapidfuzz', 'numpy'))))")
    env = dict(os.environ, COLT_TUI_CACHE_DIR=str(ROOT / "tests" / "no-such-cache-folder"))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env)
    assert result.stdout.strip() == str(["parser.files", "parser.names", "tui.data", "tui.data.paths", "tui.index",
                                         "tui.index.cachefile",
                                         "tui.index.glance", "tui.index.pathkey", "tui.index.scan",
                                         "tui.index.summary", "tui.index.version"])
