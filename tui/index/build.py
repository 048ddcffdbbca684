"""Bring the cache up to date: parse new and changed files on every core, drop removed ones."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Callable

from .record import Record, make_record
from .scan import FileStat, Listing
from .summary import row_is_current

INLINE_BELOW = 8  # fewer files than this, of fewer bytes than the next, are parsed in-process:
INLINE_BYTES = 1_000_000  # a pool costs more than it saves; bigger work goes to the pool, which can be stopped
CHUNK = 8  # files per task at most; fewer when there are few files, so that both cores get work
FLUSH_SECONDS = 0.5
FLUSH_RECORDS = 256


@dataclass
class Plan:
    """What a refresh must do: files whose cache row is current, files to parse, rows to drop."""

    cached: list[str]
    to_parse: list[FileStat]
    removed: list[str]


@dataclass
class Report:
    """What a refresh did."""

    parsed: int = 0
    cached: int = 0
    removed: int = 0
    failed: list[str] = field(default_factory=list)
    bytes_parsed: int = 0
    seconds: float = 0.0


def plan(listing: Listing, rows: dict[str, tuple], version: str) -> Plan:
    """Compare the files on disk with the cache rows (path, size, mtime, cache version)."""
    cached, to_parse = [], []
    for stat in listing.files:
        row = rows.get(stat.path)
        if row and row_is_current(row, stat.size, stat.mtime_ns, version):
            cached.append(stat.path)
        else:
            to_parse.append(stat)
    listed = {stat.path for stat in listing.files}
    folders = set(listing.folders)
    removed = [path for path in rows if path not in listed and os.path.dirname(path) in folders]
    return Plan(cached, to_parse, removed)


ProgressCallback = Callable[[int, int, list], None]


def parse_all(files: list[FileStat], write: Callable[[list[Record]], None], progress: ProgressCallback | None = None,
              workers: int | None = None, stop: Callable[[], bool] | None = None) -> None:
    """Parse files (in a process pool when there are enough), writing records in batches as they arrive."""
    batch: list[Record] = []
    done, last_flush = 0, time.monotonic()
    for records in _records(files, workers, stop or (lambda: False)):
        batch.extend(records)
        done += len(records)
        # A small folder flushes every filing at once: one big file must not hold back the others.
        small = len(files) <= FLUSH_RECORDS
        if small or len(batch) >= FLUSH_RECORDS or time.monotonic() - last_flush > FLUSH_SECONDS or done == len(files):
            write(batch)
            if progress:
                progress(done, len(files), batch)
            batch, last_flush = [], time.monotonic()
    if batch:
        write(batch)
        if progress:
            progress(done, len(files), batch)


def _records(files: list[FileStat], workers: int | None, stop: Callable[[], bool]):
    """Yield lists of records, from a process pool or in-process, until done or `stop()` says so."""
    inline = workers == 1  # asked for explicitly; a one-core machine still gets a pool, which can be stopped
    workers = workers or os.cpu_count() or 1
    skipped = [stat for stat in files if stat.skip]
    if skipped:
        yield [skipped_record(stat) for stat in skipped]
        files = [stat for stat in files if not stat.skip]
    small = len(files) < INLINE_BELOW and sum(max(stat.size, 0) for stat in files) < INLINE_BYTES
    if small or inline:
        for stat in files:
            if stop():
                return
            yield [safe_record(stat.path, stat.size, stat.mtime_ns)]
        return
    from concurrent.futures.process import BrokenProcessPool  # here: listing a cached folder needs no pool

    from .pool import finished as finished_futures
    from .pool import start_pool, stop_pool

    size = min(CHUNK, max(1, len(files) // (workers * 4)))
    chunks = [files[k:k + size] for k in range(0, len(files), size)]
    finished: set[int] = set()
    pool, futures = start_pool(workers, parse_chunk, [[(s.path, s.size, s.mtime_ns) for s in chunk] for chunk in chunks])
    abandoned = True  # until every chunk is in: an exception (Ctrl-C) or a stop ends the workers at once
    try:
        while futures:
            done = finished_futures(futures, stop)
            if not done:
                return
            for future in done:
                finished.add(futures.pop(future))  # drop the reference: a finished future holds its records
                yield future.result()
        abandoned = False
    except BrokenProcessPool:
        abandoned = False
        for k, chunk in enumerate(chunks):
            if k not in finished and not stop():
                yield [safe_record(s.path, s.size, s.mtime_ns) for s in chunk]
    finally:
        stop_pool(pool, abandoned)


def parse_chunk(chunk: list[tuple[str, int, int]]) -> list[Record]:
    """Worker entry: parse a few files."""
    return [safe_record(*item) for item in chunk]


def skipped_record(stat: FileStat) -> Record:
    """The record of a folder entry that is not a filing: its one-line reason as the error."""
    from parser import Filing
    from parser.names import shown_basename

    from .record import pack

    name = shown_basename(stat.path)
    return pack(Filing(stat.path, name, error=f"{name}: {stat.skip}"), stat.size, stat.mtime_ns)


def safe_record(path: str, size: int, mtime_ns: int) -> Record:
    """`make_record`, with a parser bug turned into the file's one-line error instead of a crash."""
    try:
        return make_record(path, size, mtime_ns)
    except Exception as error:  # noqa: BLE001 - a bug in one file must not stop the folder
        from parser import Filing
        from parser.names import shown_basename

        from .record import pack

        name = shown_basename(path)
        failed = Filing(path, name, error=f"{name}: parser failed ({type(error).__name__}: {error})".splitlines()[0])
        return pack(failed, size, mtime_ns)
