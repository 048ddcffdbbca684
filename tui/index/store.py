"""The on-disk cache: one SQLite file (WAL, one transaction per batch) holding parsed filings.

Every read and write survives a bad cache without a traceback: a cache found corrupt is moved aside and
rebuilt, a locked one is waited on for a bounded time, a read-only one or a full disk moves the index to
memory. Each such change is said in one line (`note`, and `notify` once the store is open), and bumps
`generation`, so the index knows the rows it wrote before are gone.
"""

from __future__ import annotations

import functools
import os
import pickle
import sqlite3
import sys
import threading
import zlib
from pathlib import Path

from . import cachefile
from .cachefile import APP_ID, APPLICATION_ID, SCHEMA_VERSION, CacheLocked

QUIET_WAIT_SECONDS = 0.5  # a lock held this briefly (another colt-tui writing a batch) is waited on silently
LOCK_WAIT_SECONDS = 5.0  # then, after saying so, this long before giving up
SUMMARY_COLUMNS = ("path", "size", "mtime_ns", "version", "name", "form", "company", "date", "title",
                   "error", "warnings", "n_tables", "n_facts", "n_items")
BLOB_COLUMNS = ("filing", "facts", "facts_csv", "items", "postings")

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, folder TEXT NOT NULL, size INTEGER, mtime_ns INTEGER, version TEXT,
    name TEXT, form TEXT, company TEXT, date TEXT, title TEXT, error TEXT, warnings TEXT,
    n_tables INTEGER, n_facts INTEGER, n_items INTEGER);
CREATE INDEX IF NOT EXISTS files_folder ON files(folder);
CREATE TABLE IF NOT EXISTS blobs (path TEXT PRIMARY KEY, {", ".join(f"{c} BLOB" for c in BLOB_COLUMNS)});
CREATE TABLE IF NOT EXISTS keys (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
"""
_DECODE_ERRORS = (zlib.error, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError,
                  IndexError, ImportError)


def _guarded(method):
    """Run a Store method under the store's lock, surviving a bad cache: on an SQLite error the cache is
    rebuilt or moved to memory (see `_recover`) and the method runs again there."""

    @functools.wraps(method)
    def run(self, *args, **kwargs):
        with self.lock:
            for _attempt in range(3):
                try:
                    return self._patiently(lambda: method(self, *args, **kwargs))
                except (sqlite3.DatabaseError, CacheLocked) as error:
                    self._recover(error)
            return method(self, *args, **kwargs)  # a fresh in-memory database by now

    return run


def default_cache_path() -> Path:
    """The cache file in the user's cache directory (COLT_TUI_CACHE_DIR overrides the folder)."""
    folder = os.environ.get("COLT_TUI_CACHE_DIR")
    if not folder:
        from platformdirs import user_cache_dir

        folder = user_cache_dir("colt-tui")
    return Path(folder) / "index.sqlite3"


def print_note(text: str) -> None:
    """Say a cache event on standard error, in one line with control characters shown, not obeyed."""
    from ..commands import safe

    print(f"colt-tui: {safe(text)}", file=sys.stderr, flush=True)


class Store:
    """A connection to the cache file; every write runs in one IMMEDIATE transaction."""

    def __init__(self, path: str | os.PathLike | None, notify=None) -> None:
        self.path = None if path is None else Path(path)
        self.is_default = path is not None and os.path.realpath(path) == os.path.realpath(default_cache_path())
        self.notify = notify or print_note
        self.moved_aside: Path | None = None
        self.note = ""
        self.generation = 0  # bumped whenever the rows written so far are lost (rebuilt, or moved to memory)
        self._read_generation = 0  # the generation the last blobs were read in
        self.lock = threading.RLock()
        self._wait = QUIET_WAIT_SECONDS
        self.quiet = True  # notes are only recorded until the owner has shown `note` and clears this
        self.db = self._open()

    # -- opening ------------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        """Open the cache; raises CacheRefused for a path that is not ours, CacheLocked after waiting."""
        if self.path is None:
            return self._connect(":memory:")
        try:
            found = self._patiently(lambda: cachefile.inspect(self.path, self.is_default, self._wait))
        except sqlite3.DatabaseError as error:  # unreadable here (permissions, I/O), not recognisably corrupt
            return self._to_memory(_reason(error))
        self.path = Path(os.path.realpath(self.path))  # through a link: the file it names is the cache
        if found.state == "ours" and not os.access(self.path, os.W_OK):
            return self._to_memory("is read-only")
        if found.state == "stale" and not self._set_aside(found.reason):
            return self._connect(":memory:")
        for _attempt in range(2):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                return self._patiently(lambda: self._connect(str(self.path)))
            except sqlite3.DatabaseError as error:
                if cachefile.failure(error) != "corrupt" or found.state != "ours" or self.moved_aside:
                    return self._to_memory(_reason(error))
                if not self._set_aside(_reason(error)):
                    return self._connect(":memory:")
            except OSError as error:
                return self._to_memory(error.strerror or _reason(error))
        return self._to_memory("could not be rebuilt")

    def _connect(self, target: str) -> sqlite3.Connection:
        """Connect, switch a file to WAL, and create the schema if it is missing (the write lock is taken
        here, so a cache locked by another process is found at once)."""
        db = sqlite3.connect(target, timeout=self._wait, isolation_level=None, check_same_thread=False)
        try:
            if target != ":memory:":
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
            self._create(db)
        except (sqlite3.DatabaseError, CacheLocked):
            db.close()
            raise
        return db

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

    # -- waiting, rebuilding, falling back to memory ------------------------------------------------

    def _patiently(self, action):
        """Run `action`; if the cache is locked, say so and wait up to LOCK_WAIT_SECONDS, then raise CacheLocked."""
        try:
            return action()
        except sqlite3.OperationalError as error:
            if cachefile.failure(error) != "busy":
                raise
        self.notify(f"cache {self.path} is locked by another process; waiting up to {LOCK_WAIT_SECONDS:g} s")
        self._set_timeout(LOCK_WAIT_SECONDS)
        try:
            return action()
        except sqlite3.OperationalError as error:
            if cachefile.failure(error) != "busy":
                raise
            raise CacheLocked(f"cache {self.path}: locked by another process for {LOCK_WAIT_SECONDS:g} s; "
                              "try again once it is done, or give another cache file") from None
        finally:
            self._set_timeout(QUIET_WAIT_SECONDS)

    def _set_timeout(self, seconds: float) -> None:
        """How long SQLite waits on a lock before failing with 'database is locked' (this and new connections)."""
        self._wait = seconds
        try:
            self.db.execute(f"PRAGMA busy_timeout={int(seconds * 1000)}")
        except (AttributeError, sqlite3.Error):
            pass  # not connected yet, or the connection just failed: the next one takes `_wait`

    def _recover(self, error: Exception, corrupt: bool | None = None) -> None:
        """After an error in use: a corrupt cache is moved aside and rebuilt, anything else goes to memory."""
        self.generation += 1
        if isinstance(error, CacheLocked):
            reason, corrupt = f"is locked by another process (waited {LOCK_WAIT_SECONDS:g} s)", False
        else:
            reason = _reason(error)
            corrupt = cachefile.failure(error) == "corrupt" if corrupt is None else corrupt
        try:
            self.db.close()
        except sqlite3.Error:
            pass
        if self.path is None or not corrupt:
            self.db = self._to_memory(reason)
            return
        if not self._set_aside(reason):
            self.db = self._connect(":memory:")
            return
        try:
            self.db = self._connect(str(self.path))
        except (sqlite3.DatabaseError, CacheLocked, OSError) as again:
            self.db = self._to_memory(_reason(again))

    def _set_aside(self, reason: str) -> bool:
        """Move our bad cache file aside (never delete it); False (and the index in memory) if it cannot be."""
        try:
            self.moved_aside = cachefile.move_aside(self.path)
        except OSError as error:
            self._say(f"cache {self.path} is unusable ({reason}) and could not be moved aside "
                      f"({error.strerror or error}); keeping the index in memory")
            self.path = None
            return False
        self._say(f"cache {self.path} was unusable ({reason}); moved aside to {self.moved_aside.name} and rebuilt")
        return True

    def _to_memory(self, reason: str) -> sqlite3.Connection:
        """Keep the index in memory from now on, saying why the cache file could not be used."""
        where = self.path or "in memory"
        self._say(f"cache {where} {reason if reason.startswith('is ') else f'unusable ({reason})'}; "
                  "keeping the index in memory")
        self.path = None
        return self._connect(":memory:")

    def _say(self, text: str) -> None:
        """Record a one-line note; once the store is in use (not `quiet`), also say it at once."""
        self.note = text
        if not self.quiet:
            self.notify(text)

    @staticmethod
    def transaction(db: sqlite3.Connection):
        """A context manager running its body in BEGIN IMMEDIATE ... COMMIT (rolled back on error)."""
        return _Transaction(db)

    # -- reading and writing ------------------------------------------------------------------------

    @_guarded
    def summaries(self) -> dict[str, tuple]:
        """Every cached file's summary row, keyed by path."""
        query = f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM files"
        return {row[0]: row for row in self.db.execute(query)}

    @_guarded
    def blob(self, path: str, column: str) -> bytes | None:
        """One stored blob of a file (filing, facts, items or postings), or None."""
        if column not in BLOB_COLUMNS:
            raise ValueError(column)
        row = self.db.execute(f"SELECT {column} FROM blobs WHERE path = ?", (path,)).fetchone()
        self._read_generation = self.generation
        return row[0] if row else None

    @_guarded
    def blobs(self, paths: list[str], column: str) -> dict[str, bytes]:
        """One blob column for many files, keyed by path."""
        if column not in BLOB_COLUMNS:
            raise ValueError(column)
        found: dict[str, bytes] = {}
        for start in range(0, len(paths), 500):
            chunk = paths[start:start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self.db.execute(f"SELECT path, {column} FROM blobs WHERE path IN ({marks})", chunk))
        self._read_generation = self.generation
        return found

    @_guarded
    def key_texts(self) -> list[str]:
        """Every search key's text, indexed by its id ('' for unused ids)."""
        texts = [""] * ((self.db.execute("SELECT MAX(id) FROM keys").fetchone()[0] or 0) + 1)
        for key_id, text in self.db.execute("SELECT id, text FROM keys"):
            texts[key_id] = text
        return texts

    @_guarded
    def put(self, records: list) -> None:
        """Store parsed files (summary, blobs, search keys) in one transaction."""
        with self.transaction(self.db) as db:
            for record in records:
                ids = self._key_ids(db, record.keys)
                db.execute(f"INSERT OR REPLACE INTO files VALUES ({','.join('?' * 15)})", record.summary_row())
                db.execute("INSERT OR REPLACE INTO blobs VALUES (?,?,?,?,?,?)", record.blob_row(ids))

    @staticmethod
    def _key_ids(db: sqlite3.Connection, texts: list[str]) -> list[int]:
        """The ids of search-key texts, inserting the new ones."""
        db.executemany("INSERT OR IGNORE INTO keys(text) VALUES (?)", ((text,) for text in texts))
        lookup = db.execute
        return [lookup("SELECT id FROM keys WHERE text = ?", (text,)).fetchone()[0] for text in texts]

    @_guarded
    def delete(self, paths: list[str]) -> None:
        """Drop files from the cache."""
        with self.transaction(self.db) as db:
            db.executemany("DELETE FROM files WHERE path = ?", ((p,) for p in paths))
            db.executemany("DELETE FROM blobs WHERE path = ?", ((p,) for p in paths))

    def unpickled(self, blob: bytes | None):
        """A pickled blob decoded; None (and the cache rebuilt) when it does not decode."""
        return self._decoded(blob, lambda data: pickle.loads(zlib.decompress(data)))

    def text(self, blob: bytes | None) -> str | None:
        """A compressed text blob decoded; None (and the cache rebuilt) when it does not decode."""
        return self._decoded(blob, lambda data: zlib.decompress(data).decode("utf-8"))

    def _decoded(self, blob: bytes | None, decode):
        if blob is None:
            return None
        try:
            return decode(blob)
        except _DECODE_ERRORS as error:
            with self.lock:
                if self._read_generation == self.generation:  # else it was read from a cache since set aside
                    self._recover(ValueError(f"a stored blob does not decode: {_reason(error)}"), corrupt=True)
            return None

    def close(self) -> None:
        """Close the connection."""
        try:
            self.db.close()
        except sqlite3.Error:
            pass


class _Transaction:
    """BEGIN IMMEDIATE on enter; COMMIT, or ROLLBACK on an exception, on exit."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.db.execute("COMMIT")
        elif self.db.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the error that brought us here is the one to report


def _reason(error: Exception) -> str:
    """An exception as a short phrase."""
    return str(error) or type(error).__name__
