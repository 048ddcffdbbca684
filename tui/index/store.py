"""The on-disk cache: one SQLite file (WAL, one transaction per batch) holding parsed filings.

Every read and write survives a bad cache without a traceback (see `connection`): the methods run again
on a rebuilt or in-memory database, and a stored blob that does not decode counts as corruption.
"""

from __future__ import annotations

import pickle
import sqlite3
import zlib

from .cachefile import APP_ID, APPLICATION_ID, SCHEMA_VERSION, default_cache_path
from .connection import CacheConnection, guarded
from .pathkey import from_key, to_key
from .summary import SUMMARY_COLUMNS

__all__ = ["BLOB_COLUMNS", "SUMMARY_COLUMNS", "Store", "default_cache_path"]
BLOB_COLUMNS = ("filing", "facts", "facts_csv", "items", "postings")

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, folder TEXT NOT NULL, size INTEGER, mtime_ns INTEGER, version TEXT,
    name TEXT, form TEXT, company TEXT, date TEXT, title TEXT, error TEXT, warnings TEXT,
    n_tables INTEGER, n_facts INTEGER, n_items INTEGER, period TEXT);
CREATE INDEX IF NOT EXISTS files_folder ON files(folder);
CREATE TABLE IF NOT EXISTS blobs (path TEXT PRIMARY KEY, {", ".join(f"{c} BLOB" for c in BLOB_COLUMNS)});
CREATE TABLE IF NOT EXISTS keys (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
"""
_DECODE_ERRORS = (zlib.error, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError,
                  IndexError, ImportError)


class Store(CacheConnection):
    """The cache's tables: file summaries, blobs and search keys; every write runs in one IMMEDIATE transaction."""

    _read_generation = 0  # the generation the last blobs were read in

    def _create(self, db: sqlite3.Connection) -> None:
        """Create the schema and our marks in a database that has none (a new file); leave a current one be."""
        with self.transaction(db):
            if db.execute("SELECT 1 FROM sqlite_master WHERE name='meta'").fetchone():
                return
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('app', ?), ('schema', ?)", (APP_ID, SCHEMA_VERSION))
            db.execute(f"PRAGMA application_id={APPLICATION_ID}")
        if self.path is not None:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the header's mark reaches the main file now

    # -- reading and writing ------------------------------------------------------------------------

    @guarded
    def summaries(self) -> dict[str, tuple]:
        """Every cached file's summary row, keyed by path."""
        query = f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM files"
        rows = ((from_key(row[0]),) + row[1:] for row in self.db.execute(query))
        return {row[0]: row for row in rows}

    @guarded
    def blob(self, path: str, column: str) -> bytes | None:
        """One stored blob of a file (filing, facts, items or postings), or None."""
        if column not in BLOB_COLUMNS:
            raise ValueError(column)
        row = self.db.execute(f"SELECT {column} FROM blobs WHERE path = ?", (to_key(path),)).fetchone()
        self._read_generation = self.generation
        return row[0] if row else None

    @guarded
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
        self._read_generation = self.generation
        return found

    @guarded
    def key_texts(self) -> list[str]:
        """Every search key's text, indexed by its id ('' for unused ids)."""
        texts = [""] * ((self.db.execute("SELECT MAX(id) FROM keys").fetchone()[0] or 0) + 1)
        for key_id, text in self.db.execute("SELECT id, text FROM keys"):
            texts[key_id] = text
        return texts

    @guarded
    def put(self, records: list) -> None:
        """Store parsed files (summary, blobs, search keys) in one transaction."""
        with self.transaction(self.db) as db:
            for record in records:
                ids = self._key_ids(db, record.keys)
                path, folder, *summary = record.summary_row()
                db.execute(f"INSERT OR REPLACE INTO files VALUES ({','.join('?' * 16)})",
                           (to_key(path), to_key(folder), *summary))
                db.execute("INSERT OR REPLACE INTO blobs VALUES (?,?,?,?,?,?)", (to_key(path), *record.blob_row(ids)[1:]))

    @staticmethod
    def _key_ids(db: sqlite3.Connection, texts: list[str]) -> list[int]:
        """The ids of search-key texts, inserting the new ones."""
        db.executemany("INSERT OR IGNORE INTO keys(text) VALUES (?)", ((text,) for text in texts))
        lookup = db.execute
        return [lookup("SELECT id FROM keys WHERE text = ?", (text,)).fetchone()[0] for text in texts]

    @guarded
    def delete(self, paths: list[str]) -> None:
        """Drop files from the cache."""
        with self.transaction(self.db) as db:
            db.executemany("DELETE FROM files WHERE path = ?", ((to_key(p),) for p in paths))
            db.executemany("DELETE FROM blobs WHERE path = ?", ((to_key(p),) for p in paths))

    def unpickled(self, blob: bytes | None):
        """A pickled blob decoded; None (and the cache rebuilt) when it does not decode. Only a file
        recognised as our own cache is ever opened, so only our own pickles are loaded."""
        return self._decoded(blob, lambda data: pickle.loads(zlib.decompress(data)))

    def text(self, blob: bytes | None) -> str | None:
        """A compressed text blob decoded; None (and the cache rebuilt) when it does not decode."""
        return self._decoded(blob, lambda data: zlib.decompress(data).decode("utf-8"))

    def _decoded(self, blob: bytes | None, decode):
        """`decode(blob)`, or None for no blob, or for one that does not decode (corruption: set aside)."""
        if blob is None:
            return None
        try:
            return decode(blob)
        except _DECODE_ERRORS as error:
            with self.lock:
                if self._read_generation == self.generation:  # else it was read from a cache since set aside
                    self._recover(ValueError(f"a stored blob does not decode: {error}"), corrupt=True)
            return None
