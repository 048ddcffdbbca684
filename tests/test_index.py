"""The folder index: cache hits, invalidation, removal, corrupt caches, concurrent builders, read-only folders."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from parser import facts_frame, load_paths
from tui.index import MEMORY, CacheLocationError, open_index

ROOT = Path(__file__).resolve().parents[1]
FILINGS = ROOT / "filings"


@pytest.fixture()
def cache(tmp_path):
    return tmp_path / "cache" / "index.sqlite3"


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_second_open_parses_nothing(folder, cache):
    first = open_index(folder, cache)
    assert first.refresh().parsed == 0
    second = open_index(folder, cache, refresh=False)
    assert second.pending == [] and len(second.summaries) == 3
    report = second.refresh()
    assert (report.parsed, report.cached, report.removed) == (0, 3, 0)
    summary = second.summaries[str(folder / "001_e47b350a37731711.txt")]
    assert summary.date.isoformat() == "2004-07-21" and summary.n_tables == 19 and summary.form == "6-K"


def test_changed_file_is_parsed_again(folder, cache):
    open_index(folder, cache)
    changed = folder / "002_3c3cc2a74b250ec0.txt"
    changed.write_bytes(changed.read_bytes().replace(b"TRADING UPDATE", b"TRADING UPDATES"))
    index = open_index(folder, cache, refresh=False)
    assert index.pending == [str(changed)]
    assert index.refresh().parsed == 1
    assert index.summaries[str(changed)].title.startswith("TRADING UPDATES")
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
    assert open_index(folder, cache, refresh=False).pending == [str(changed)]


def test_removed_and_new_files(folder, cache):
    open_index(folder, cache)
    (folder / "000_18845e77b5f2995d.txt").unlink()
    shutil.copy(FILINGS / "002_3c3cc2a74b250ec0.txt", folder / "003_copy.txt")
    index = open_index(folder, cache, refresh=False)
    report = index.refresh()
    assert (report.parsed, report.cached, report.removed) == (1, 2, 1)
    rows = sqlite3.connect(cache).execute("SELECT name FROM files ORDER BY name").fetchall()
    assert [row[0] for row in rows] == ["001_e47b350a37731711.txt", "002_3c3cc2a74b250ec0.txt", "003_copy.txt"]


def test_garbage_cache_is_refused_and_left_untouched(folder, cache):
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"this is not a database\x00" * 100)
    with pytest.raises(CacheLocationError, match="not an SQLite database"):
        open_index(folder, cache)
    assert cache.read_bytes() == b"this is not a database\x00" * 100
    assert sorted(p.name for p in cache.parent.iterdir()) == ["index.sqlite3"]


def test_garbage_at_the_default_cache_path_is_moved_aside_and_rebuilt(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("COLT_TUI_CACHE_DIR", str(tmp_path / "default"))
    cache = tmp_path / "default" / "index.sqlite3"
    cache.parent.mkdir()
    cache.write_bytes(b"this is not a database\x00" * 100)
    index = open_index(folder)
    assert "moved aside" in index.note
    assert index.store.moved_aside.exists() and index.store.moved_aside.read_bytes().startswith(b"this is not")
    assert len(index.summaries) == 3
    assert open_index(folder, refresh=False).pending == []


def test_foreign_database_is_refused(folder, cache):
    cache.parent.mkdir(parents=True)
    db = sqlite3.connect(cache)
    db.execute("CREATE TABLE files (x)")
    db.commit()
    db.close()
    before = cache.read_bytes()
    with pytest.raises(CacheLocationError, match="another program"):
        open_index(folder, cache)
    assert cache.read_bytes() == before


def test_facts_and_filings_from_the_cache_equal_a_fresh_parse(folder, cache):
    open_index(folder, cache)
    index = open_index(folder, cache)
    fresh = [f for f in load_paths([folder]) if not f.error]
    pd.testing.assert_frame_equal(index.facts(), facts_frame(fresh))
    path = str(folder / "001_e47b350a37731711.txt")
    assert index.filing(path) == next(f for f in fresh if f.path == path)


def test_search_from_the_cache(folder, cache):
    index = open_index(folder, cache).search_index()
    hits = index.search("ebitda")
    assert [hit.item.label for hit in hits[:2]] == ["EBITDA (1)", "EBITDA"]
    assert hits[0].item.values == ("37.9", "38.3", "71.9", "84.7")


def test_cache_inside_the_filings_folder_is_refused(folder):
    before = hashes(folder)
    with pytest.raises(CacheLocationError):
        open_index(folder, folder / "index.sqlite3")
    with pytest.raises(CacheLocationError):
        open_index(folder / "001_e47b350a37731711.txt", folder / "sub" / "x.sqlite3")
    assert hashes(folder) == before


def test_read_only_folder_is_left_untouched(folder, cache):
    before = hashes(folder)
    for path in folder.iterdir():
        path.chmod(0o444)
    folder.chmod(0o555)
    try:
        index = open_index(folder, cache)
        index.facts()
        index.search_index().search("turnover")
        index.filing(index.ordered_paths[0])
        assert sorted(p.name for p in folder.iterdir()) == sorted(before)
    finally:
        folder.chmod(0o755)
    assert hashes(folder) == before


def test_memory_index_writes_nothing(folder, tmp_path):
    index = open_index(folder, MEMORY)
    assert index.cache_path is None and len(index.summaries) == 3


BUILD = """
import sys
from tui.index import open_index
index = open_index(sys.argv[1], sys.argv[2], refresh=False)
print(index.refresh(workers=2).parsed)
"""


def test_two_processes_index_the_same_folder_at_once(tmp_path, cache):
    folder = tmp_path / "many"
    folder.mkdir()
    for k in range(24):
        source = sorted(FILINGS.iterdir())[k % 3]
        (folder / f"{k:03d}_{source.name}").write_bytes(source.read_bytes())
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([os.environ.get("PYTHONPATH", ""), str(ROOT)]).strip(os.pathsep))
    command = [sys.executable, "-c", BUILD, str(folder), str(cache)]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    db = sqlite3.connect(cache)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT COUNT(*) FROM files").fetchone()[0] == 24
    assert db.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 24
    assert db.execute("SELECT COUNT(*) FROM keys").fetchone()[0] == db.execute(
        "SELECT COUNT(DISTINCT text) FROM keys").fetchone()[0]
    index = open_index(folder, cache, refresh=False)
    assert index.pending == []
    assert len(index.facts()) == 8 * 923
    search = index.search_index()
    assert len(search.search("total assets", limit=100)) >= 8


def test_cached_csv_equals_the_frame_written_whole(folder, cache):
    import io

    from tests_support_markup import MARKUP
    from tui.data.text import printable as safe
    from tui.index.facts import safe_frame

    (folder / "markup.txt").write_text(MARKUP, encoding="utf-8")
    open_index(folder, cache)
    index = open_index(folder, cache)
    out = io.StringIO()
    index.write_facts_csv(out)
    fresh = [f for f in load_paths([folder]) if not f.error]
    expected = safe_frame(facts_frame(fresh), safe).to_csv(index=False)
    assert out.getvalue() == expected and "\\x1b[31mcosts" in expected
