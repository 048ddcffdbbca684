"""A connection to the cache file that survives a bad cache: a cache found corrupt is moved aside and
rebuilt, a locked one is waited on for a bounded time (after saying so), a read-only one or a full disk
moves the index to memory. Each change is said in one line (`note`; also `notify` once the owner has shown
the note) and bumps `generation`, so the owner knows the rows written before are gone.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import sys
import threading
from pathlib import Path

from . import cachefile
from .cachefile import CacheLocked, default_cache_path

QUIET_WAIT_SECONDS = 0.5  # a lock held this briefly (another colt-tui writing a batch) is waited on silently
LOCK_WAIT_SECONDS = 5.0  # then, after saying so, this long before giving up


def guarded(method):
    """Run a cache method under the connection's lock, surviving a bad cache: on an SQLite error the cache is
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


def print_note(text: str) -> None:
    """Say a cache event on standard error, in one line with control characters shown, not obeyed."""
    from ..data.text import printable as safe

    print(f"colt-tui: {safe(text)}", file=sys.stderr, flush=True)


class CacheConnection:
    """The cache's SQLite connection (`db`), reopened, rebuilt or moved to memory as the file requires;
    subclasses create their schema in `_create`."""

    def __init__(self, path: str | os.PathLike | None, notify=None) -> None:
        self.path = None if path is None else Path(path)
        self.is_default = path is not None and os.path.realpath(path) == os.path.realpath(default_cache_path())
        self.notify = notify or print_note
        self.moved_aside: Path | None = None
        self.note = ""
        self.generation = 0  # bumped whenever the rows written so far are lost (rebuilt, or moved to memory)
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
            db.execute(f"PRAGMA busy_timeout={int(QUIET_WAIT_SECONDS * 1000)}")  # opened after a wait, maybe
        except (sqlite3.DatabaseError, CacheLocked):
            db.close()
            raise
        return db

    def _create(self, db: sqlite3.Connection) -> None:
        """Create the schema in a new database (and check the write lock); the subclass's business."""
        raise NotImplementedError

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
        assert self.path is not None  # the callers keep an index without a file in memory, never here
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
        """Record a one-line note; once the cache is in use (not `quiet`), also say it at once."""
        self.note = text
        if not self.quiet:
            self.notify(text)

    @staticmethod
    def transaction(db: sqlite3.Connection):
        """A context manager running its body in BEGIN IMMEDIATE ... COMMIT (rolled back on error)."""
        return _Transaction(db)

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
