"""A bad cache after opening never gives a traceback: corruption inside the file is moved aside and rebuilt,
a lock is waited on for a bounded time after saying so, a read-only file or a full disk moves the index to
memory; each in one line, and the results stay those of a fresh parse."""

from __future__ import annotations

import os
import sqlite3
import time
import types
from pathlib import Path

import pandas as pd
import pytest

from parser import facts_frame, load_paths
from tui.cli import main
from tui.index import connection, open_index
from tui.index.store import Store

ROOT = Path(__file__).resolve().parents[1]
FILINGS = ROOT / "filings"
GARBAGE = bytes(range(0xC0, 0x100)) * 64  # 0xC0 is no page type: a page of it is malformed


@pytest.fixture()
def cache(folder, tmp_path):
    """A real cache of the three sample filings, checkpointed into its main file."""
    path = tmp_path / "cache" / "index.sqlite3"
    open_index(folder, path).close()
    return path


@pytest.fixture()
def short_waits(monkeypatch):
    monkeypatch.setattr(connection, "QUIET_WAIT_SECONDS", 0.05)
    monkeypatch.setattr(connection, "LOCK_WAIT_SECONDS", 0.3)


def fresh_facts(folder: Path):
    return facts_frame([f for f in load_paths([folder]) if not f.error])


def corrupt_table(path: Path, table: str) -> bytes:
    """Overwrite the root page of one table with garbage (the header and the other tables stay readable);
    the file's new bytes."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    db.close()
    with open(path, "r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(GARBAGE[:page_size])
    return path.read_bytes()


def test_cli_index_moves_aside_and_rebuilds_a_cache_corrupt_inside(folder, cache, capsys):
    damaged = corrupt_table(cache, "files")
    assert main(["index", str(folder), "--cache", str(cache)]) == 0
    out, err = capsys.readouterr()
    assert "3 files: 3 parsed, 0 from cache" in out and f"cache: {cache}" in out
    assert err.count("\n") == 1 and "malformed" in err and "moved aside to index.sqlite3.bad-" in err
    (aside,) = [p for p in cache.parent.iterdir() if ".bad-" in p.name]
    assert aside.read_bytes() == damaged
    assert main(["index", str(folder), "--cache", str(cache)]) == 0
    assert "3 files: 0 parsed, 3 from cache" in capsys.readouterr().out


@pytest.mark.parametrize("table", ["meta", "sqlite_master"])
def test_our_cache_unreadable_at_open_is_recognised_by_its_header_and_rebuilt(table, folder, cache, capsys):
    if table == "sqlite_master":  # page 1 after its 100-byte header
        with open(cache, "r+b") as file:
            file.seek(100)
            file.write(GARBAGE[:3996])
    else:
        corrupt_table(cache, table)
    assert main(["index", str(folder), "--cache", str(cache)]) == 0
    out, err = capsys.readouterr()
    assert "3 files: 3 parsed" in out and err.count("\n") == 1 and "moved aside" in err


def test_cli_facts_from_a_cache_corrupt_inside_equal_a_fresh_run(folder, cache, capsys):
    corrupt_table(cache, "blobs")
    assert main(["facts", str(folder), "--cache", str(cache)]) == 0
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and "moved aside" in err and "Traceback" not in err
    assert main(["facts", str(folder), "--cache", ":memory:"]) == 0
    assert out == capsys.readouterr().out


def test_api_rebuilds_a_cache_found_corrupt_in_use(folder, cache):
    corrupt_table(cache, "blobs")
    notes = []
    index = open_index(folder, cache, refresh=False, notify=notes.append)
    assert index.pending == [] and index.note == ""  # the damage is not seen until a blob is read
    pd.testing.assert_frame_equal(index.facts(), fresh_facts(folder))
    assert len(notes) == 1 and "moved aside" in notes[0] and index.store.moved_aside.exists()
    assert index.search_index().search("ebitda")[0].item.label == "EBITDA (1)"
    assert index.filing(index.ordered_paths[1]).tables
    index.close()
    assert open_index(folder, cache, refresh=False).pending == []  # the lost rows were written again


def test_a_stored_blob_that_does_not_decode_counts_as_corruption(folder, cache):
    db = sqlite3.connect(cache)
    db.execute("UPDATE blobs SET facts = ?", (b"not zlib at all",))
    db.commit()
    db.close()
    notes = []
    index = open_index(folder, cache, refresh=False, notify=notes.append)
    pd.testing.assert_frame_equal(index.facts(), fresh_facts(folder))
    assert len(notes) == 1 and "does not decode" in notes[0] and "moved aside" in notes[0]


@pytest.mark.parametrize(("call", "empty"), [
    (lambda s: s.summaries(), {}), (lambda s: s.blob("x", "filing"), None), (lambda s: s.blobs(["x"], "facts"), {}),
    (lambda s: s.key_texts(), [""]), (lambda s: s.put([]), None), (lambda s: s.delete(["x"]), None)])
@pytest.mark.parametrize(("error", "outcome"), [
    (sqlite3.DatabaseError("database disk image is malformed"), "moved aside"),
    (sqlite3.OperationalError("database or disk is full"), "keeping the index in memory")])
def test_every_store_method_survives_a_bad_cache(call, empty, error, outcome, tmp_path):
    notes = []
    kept = Store(tmp_path / "c.sqlite3", notify=notes.append)
    kept.quiet = False
    kept.db = _Failing(kept.db, error)
    assert call(kept) == empty
    assert len(notes) == 1 and outcome in notes[0] and kept.generation == 1


class _Failing:
    """A connection whose every statement fails with one error."""

    def __init__(self, db, error):
        self.db, self.error = db, error

    def execute(self, *args):
        raise self.error

    executemany = execute

    def close(self):
        self.db.close()


def test_cli_waits_on_a_locked_cache_then_says_so_in_one_line(folder, cache, short_waits, capsys):
    holder = sqlite3.connect(cache, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    started = time.monotonic()
    try:
        assert main(["index", str(folder), "--cache", str(cache)]) == 2
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert time.monotonic() - started < 10
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and "is locked by another process; waiting up to 0.3 s" in err[0]
    assert err[1].startswith(f"colt-tui: cache {cache}: locked by another process for 0.3 s")
    assert main(["index", str(folder), "--cache", str(cache)]) == 0


def test_a_lock_taken_while_indexing_moves_the_index_to_memory(folder, cache, short_waits):
    changed = folder / "002_3c3cc2a74b250ec0.txt"
    os.utime(changed, ns=(changed.stat().st_atime_ns, changed.stat().st_mtime_ns + 10**9))
    notes = []
    index = open_index(folder, cache, refresh=False, notify=notes.append)
    holder = sqlite3.connect(cache, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        report = index.refresh()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert len(notes) == 2 and "waiting up to 0.3 s" in notes[0]
    assert notes[1] == f"cache {cache} is locked by another process (waited 0.3 s); keeping the index in memory"
    assert index.cache_path is None and (report.parsed, report.cached) == (3, 0)
    pd.testing.assert_frame_equal(index.facts(), fresh_facts(folder))


def test_a_read_only_cache_is_said_in_one_line_and_the_index_kept_in_memory(folder, cache, monkeypatch):
    """Simulated (the tests may run as root, who writes through any mode): the file reports itself unwritable."""
    before = cache.read_bytes()
    monkeypatch.setattr(connection.os, "access", lambda path, mode: False)
    index = open_index(folder, cache)
    assert index.note == f"cache {cache} is read-only; keeping the index in memory"
    assert index.cache_path is None and len(index.summaries) == 3 and cache.read_bytes() == before


def test_a_cache_that_refuses_writes_in_use_moves_the_index_to_memory(folder, cache, monkeypatch):
    """A connection opened read-only (mode=ro), as SQLite opens a file it may not write."""
    real_connect = sqlite3.connect

    def read_only(target, *args, **kwargs):
        if target == str(cache):
            return real_connect(f"file:{target}?mode=ro", *args, uri=True, **kwargs)
        return real_connect(target, *args, **kwargs)

    shim = types.SimpleNamespace(**{name: getattr(sqlite3, name) for name in dir(sqlite3) if not name.startswith("_")})
    shim.connect = read_only
    monkeypatch.setattr(connection, "sqlite3", shim)
    (folder / "004_new.txt").write_bytes((FILINGS / "001_e47b350a37731711.txt").read_bytes())
    notes = []
    index = open_index(folder, cache, refresh=False, notify=notes.append)
    assert index.pending == [str(folder / "004_new.txt")]
    index.refresh()
    assert notes == [f"cache {cache} unusable (attempt to write a readonly database); keeping the index in memory"]
    assert index.cache_path is None and len(index.summaries) == 4
    pd.testing.assert_frame_equal(index.facts(), fresh_facts(folder))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through a 0444 file: the simulated tests above cover it")
def test_a_cache_file_made_read_only_by_its_mode(folder, cache):
    cache.chmod(0o444)
    index = open_index(folder, cache)
    assert "keeping the index in memory" in index.note and len(index.summaries) == 3


def test_a_full_disk_in_use_moves_the_index_to_memory(folder, cache):
    (folder / "004_new.txt").write_bytes((FILINGS / "001_e47b350a37731711.txt").read_bytes())
    notes = []
    index = open_index(folder, cache, refresh=False, notify=notes.append)
    pages = index.store.db.execute("PRAGMA page_count").fetchone()[0]
    index.store.db.execute(f"PRAGMA max_page_count={pages}")  # a real SQLITE_FULL on the next page
    index.refresh()
    assert notes == [f"cache {cache} unusable (database or disk is full); keeping the index in memory"]
    assert index.cache_path is None and len(index.summaries) == 4
    pd.testing.assert_frame_equal(index.facts(), fresh_facts(folder))


def test_cli_index_on_a_full_disk_says_one_line_and_finishes_in_memory(folder, tmp_path, monkeypatch, capsys):
    calls = []

    def full(db, texts):
        calls.append(texts)
        if len(calls) == 1:  # the file's disk is full; memory is not
            raise sqlite3.OperationalError("database or disk is full")
        return real_key_ids(db, texts)

    real_key_ids = Store._key_ids

    monkeypatch.setattr(Store, "_key_ids", staticmethod(full))
    cache = tmp_path / "new.sqlite3"
    assert main(["index", str(folder), "--cache", str(cache)]) == 0
    out, err = capsys.readouterr()
    assert "3 files: 3 parsed" in out and "cache: memory" in out
    assert err == f"colt-tui: cache {cache} unusable (database or disk is full); keeping the index in memory\n"
