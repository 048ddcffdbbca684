"""The on-disk cache: one SQLite file (WAL, busy timeout, one transaction per batch) holding parsed filings."""

from __future__ import annotations

import functools
import os
import sqlite3
import threading
import time
from pathlib import Path

from .pathkey import from_key, to_key

APP_ID = "colt-tui-index"
SCHEMA_VERSION = "2"
BUSY_TIMEOUT_MS = 60_000
SUMMARY_COLUMNS = ("path", "size", "mtime_ns", "parser_version", "name", "form", "company", "date", "title",
                   "error", "warnings", "n_tables", "n_facts", "n_items")
BLOB_COLUMNS = ("filing", "facts", "facts_csv", "items", "postings")

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, folder TEXT NOT NULL, size INTEGER, mtime_ns INTEGER, parser_version INTEGER,
    name TEXT, form TEXT, company TEXT, date TEXT, title TEXT, error TEXT, warnings TEXT,
    n_tables INTEGER, n_facts INTEGER, n_items INTEGER);
CREATE INDEX IF NOT EXISTS files_folder ON files(folder);
CREATE TABLE IF NOT EXISTS blobs (path TEXT PRIMARY KEY, {", ".join(f"{c} BLOB" for c in BLOB_COLUMNS)});
CREATE TABLE IF NOT EXISTS keys (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
"""


def _locked(method):
    """Run a Store method under the store's lock: the app reads from the UI thread while a worker writes."""

    @functools.wraps(method)
    def run(self, *args, **kwargs):
        with self.lock:
            return method(self, *args, **kwargs)

    return run


class CacheError(Exception):
    """The cache file is not a colt-tui index (corrupt, foreign or from another schema)."""


def default_cache_path() -> Path:
    """The cache file in the user's cache directory (COLT_TUI_CACHE_DIR overrides the folder)."""
    folder = os.environ.get("COLT_TUI_CACHE_DIR")
    if not folder:
        from platformdirs import user_cache_dir

        folder = user_cache_dir("colt-tui")
    return Path(folder) / "index.sqlite3"


class Store:
    """A connection to the cache file; every write runs in one IMMEDIATE transaction."""

    def __init__(self, path: str | os.PathLike | None) -> None:
        self.path = None if path is None else Path(path)
        self.moved_aside: Path | None = None
        self.note = ""
        self.lock = threading.RLock()
        self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        """Open (or create) the cache; a corrupt or foreign file is renamed aside and rebuilt."""
        if self.path is None:
            return self._connect(":memory:")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                return self._connect(str(self.path))
            except (sqlite3.DatabaseError, CacheError) as error:
                self._move_aside(error)
                return self._connect(str(self.path))
        except (OSError, sqlite3.Error, CacheError) as error:
            self.note = f"cache {self.path} unusable ({_reason(error)}); keeping the index in memory"
            self.path = None
            return self._connect(":memory:")

    def _connect(self, target: str) -> sqlite3.Connection:
        db = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
        try:
            db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            if target != ":memory:":
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
            self._check_or_create(db)
        except (sqlite3.DatabaseError, CacheError):
            db.close()
            raise
        return db

    def _check_or_create(self, db: sqlite3.Connection) -> None:
        """Refuse a file that is not ours; create the schema in an empty one."""
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "meta" not in tables:
            raise CacheError("not a colt-tui index")
        if "meta" in tables:
            meta = dict(db.execute("SELECT key, value FROM meta"))
            if meta.get("app") == APP_ID and meta.get("schema") == SCHEMA_VERSION:
                return
            if meta:
                raise CacheError(f"foreign or old index ({meta.get('app')}, schema {meta.get('schema')})")
        with self.transaction(db):
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('app', ?), ('schema', ?)", (APP_ID, SCHEMA_VERSION))

    def _move_aside(self, error: Exception) -> None:
        """Rename a bad cache file (and its WAL files) so a fresh one can be built; never delete it."""
        aside = self.path.with_name(f"{self.path.name}.bad-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}")
        for suffix in ("-wal", "-shm"):
            side = Path(str(self.path) + suffix)
            if side.exists():
                side.replace(Path(str(aside) + suffix))
        if self.path.exists():
            self.path.replace(aside)
        self.moved_aside = aside
        self.note = f"cache {self.path} was unreadable ({_reason(error)}); moved aside to {aside.name} and rebuilt"

    @staticmethod
    def transaction(db: sqlite3.Connection):
        """A context manager running its body in BEGIN IMMEDIATE ... COMMIT (rolled back on error)."""
        return _Transaction(db)

    @_locked
    def summaries(self) -> dict[str, tuple]:
        """Every cached file's summary row, keyed by path."""
        query = f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM files"
        rows = ((from_key(row[0]),) + row[1:] for row in self.db.execute(query))
        return {row[0]: row for row in rows}

    @_locked
    def folder_paths(self, folder: str) -> list[str]:
        """The cached paths directly inside a folder."""
        return [from_key(row[0]) for row in self.db.execute("SELECT path FROM files WHERE folder = ?", (to_key(folder),))]

    @_locked
    def blob(self, path: str, column: str) -> bytes | None:
        """One stored blob of a file (filing, facts, items or postings), or None."""
        if column not in BLOB_COLUMNS:
            raise ValueError(column)
        row = self.db.execute(f"SELECT {column} FROM blobs WHERE path = ?", (to_key(path),)).fetchone()
        return row[0] if row else None

    @_locked
    def blobs(self, paths: list[str], column: str) -> dict[str, bytes]:
        """One blob column for many files, keyed by path."""
        if column not in BLOB_COLUMNS:
            raise ValueError(column)
        found: dict[str, bytes] = {}
        for start in range(0, len(paths), 500):
            chunk = [to_key(path) for path in paths[start:start + 500]]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT path, {column} FROM blobs WHERE path IN ({marks})", chunk)
            found.update((from_key(key), blob) for key, blob in rows)
        return found

    @_locked
    def key_texts(self) -> list[str]:
        """Every search key's text, indexed by its id ('' for unused ids)."""
        texts = [""] * ((self.db.execute("SELECT MAX(id) FROM keys").fetchone()[0] or 0) + 1)
        for key_id, text in self.db.execute("SELECT id, text FROM keys"):
            texts[key_id] = text
        return texts

    @_locked
    def put(self, records: list) -> None:
        """Store parsed files (summary, blobs, search keys) in one transaction."""
        with self.transaction(self.db) as db:
            for record in records:
                ids = self._key_ids(db, record.keys)
                path, folder, *summary = record.summary_row()
                db.execute(f"INSERT OR REPLACE INTO files VALUES ({','.join('?' * 15)})",
                           (to_key(path), to_key(folder), *summary))
                db.execute("INSERT OR REPLACE INTO blobs VALUES (?,?,?,?,?,?)", (to_key(path), *record.blob_row(ids)[1:]))

    @staticmethod
    def _key_ids(db: sqlite3.Connection, texts: list[str]) -> list[int]:
        """The ids of search-key texts, inserting the new ones."""
        db.executemany("INSERT OR IGNORE INTO keys(text) VALUES (?)", ((text,) for text in texts))
        lookup = db.execute
        return [lookup("SELECT id FROM keys WHERE text = ?", (text,)).fetchone()[0] for text in texts]

    @_locked
    def delete(self, paths: list[str]) -> None:
        """Drop files from the cache."""
        with self.transaction(self.db) as db:
            db.executemany("DELETE FROM files WHERE path = ?", ((to_key(p),) for p in paths))
            db.executemany("DELETE FROM blobs WHERE path = ?", ((to_key(p),) for p in paths))

    def close(self) -> None:
        """Close the connection."""
        self.db.close()


class _Transaction:
    """BEGIN IMMEDIATE on enter; COMMIT, or ROLLBACK on an exception, on exit."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind, value, traceback) -> None:
        self.db.execute("ROLLBACK" if kind else "COMMIT")


def _reason(error: Exception) -> str:
    """An exception as a short phrase."""
    return str(error) or type(error).__name__
