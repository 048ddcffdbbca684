"""`--cache` never destroys anything: only a file that is recognisably our cache (or sits at our own default
path) is ever moved aside; a folder, a device, a FIFO, a text file or another program's database is refused
in one line (exit 2) and left exactly as it was."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tui.cli import main
from tui.index import MEMORY, CacheRefused, open_index
from tui.index.cachefile import APP_ID

ROOT = Path(__file__).resolve().parents[1]
FILINGS = ROOT / "filings"


def _folder(path: Path) -> Path:
    path.mkdir()
    (path / "notes.md").write_text("a user's project file\n")
    return path


def _text_file(path: Path) -> Path:
    path.write_text("my notes, not a database\n" * 50)
    return path


def _foreign_database(path: Path) -> Path:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")  # even a table named like ours
    db.execute("INSERT INTO meta VALUES ('app', 'someone-else')")
    db.commit()
    db.close()
    return path


def _link_to_dev_null(path: Path) -> Path:
    path.symlink_to(os.devnull)
    return path


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


NOT_OURS = {
    "folder": (_folder, "is a folder"),
    "text file": (_text_file, "is not an SQLite database"),
    "foreign database": (_foreign_database, "is an SQLite database of another program"),
    "link to /dev/null": (_link_to_dev_null, "is a character device"),
    "fifo": (_fifo, "is a FIFO"),
}


def _snapshot(path: Path) -> tuple:
    """What must not change: the entry's inode and type, its bytes (for a regular file), its folder's names."""
    info = os.lstat(path)
    content = path.read_bytes() if path.is_file() and not path.is_symlink() else None
    return info.st_ino, info.st_mode, content, sorted(os.listdir(path.parent))


@pytest.mark.parametrize("kind", NOT_OURS)
def test_cli_refuses_what_is_not_our_cache_and_leaves_it_untouched(kind, folder, tmp_path, capsys):
    make, reason = NOT_OURS[kind]
    target = make(tmp_path / "given")
    before = _snapshot(target)
    assert main(["index", str(folder), "--cache", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"colt-tui: {target}: {reason}") and "Traceback" not in err
    assert _snapshot(target) == before
    assert not [name for name in os.listdir(tmp_path) if ".bad-" in name]


@pytest.mark.parametrize("kind", NOT_OURS)
def test_api_refuses_what_is_not_our_cache(kind, folder, tmp_path):
    make, reason = NOT_OURS[kind]
    target = make(tmp_path / "given")
    before = _snapshot(target)
    with pytest.raises(CacheRefused, match=reason):
        open_index(folder, target)
    assert _snapshot(target) == before


def test_an_empty_file_becomes_a_new_cache(folder, tmp_path):
    target = tmp_path / "empty.sqlite3"
    target.touch()
    index = open_index(folder, target)
    assert index.cache_path == target and len(index.summaries) == 3 and index.note == ""
    index.close()
    assert open_index(folder, target, refresh=False).pending == []


def test_a_link_to_our_cache_is_used_and_kept(folder, tmp_path):
    real = tmp_path / "real.sqlite3"
    open_index(folder, real).close()
    link = tmp_path / "link.sqlite3"
    link.symlink_to(real)
    index = open_index(folder, link, refresh=False)
    assert index.pending == [] and index.cache_path == real and link.is_symlink()


def test_our_cache_of_an_older_schema_is_moved_aside_and_rebuilt(folder, tmp_path):
    target = tmp_path / "old.sqlite3"
    db = sqlite3.connect(target)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("CREATE TABLE files (path TEXT PRIMARY KEY, parser_version INTEGER)")
    db.executemany("INSERT INTO meta VALUES (?, ?)", [("app", APP_ID), ("schema", "2")])
    db.commit()
    db.close()
    before = target.read_bytes()
    index = open_index(folder, target)
    assert "moved aside" in index.note and "schema 2" in index.note
    aside = index.store.moved_aside
    assert aside.read_bytes() == before and aside.name.startswith("old.sqlite3.bad-")
    assert len(index.summaries) == 3 and index.cache_path == target
    assert open_index(folder, target, refresh=False).pending == []


def test_a_folder_at_the_default_path_is_refused_too(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("COLT_TUI_CACHE_DIR", str(tmp_path / "default"))
    (tmp_path / "default").mkdir()
    target = _folder(tmp_path / "default" / "index.sqlite3")
    before = _snapshot(target)
    with pytest.raises(CacheRefused, match="is a folder"):
        open_index(folder)
    assert _snapshot(target) == before


def test_default_location_and_memory_keep_working(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("COLT_TUI_CACHE_DIR", str(tmp_path / "default"))
    index = open_index(folder)
    assert index.cache_path == tmp_path / "default" / "index.sqlite3" and len(index.summaries) == 3
    index.close()
    assert open_index(folder, refresh=False).pending == []
    memory = open_index(folder, MEMORY)
    assert memory.cache_path is None and len(memory.summaries) == 3 and memory.note == ""
