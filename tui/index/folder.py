"""A folder index: summaries of every filing from the cache, full filings and facts loaded on demand."""

from __future__ import annotations

import os
import time
from collections import OrderedDict
from pathlib import Path

from ..data.paths import inside
from ..data.text import safe_name
from .build import Plan, ProgressCallback, Report, parse_all, plan
from .cachefile import MEMORY, CacheLocationError
from .record import Summary, item_rows
from .scan import Listing, list_paths
from .store import Store, default_cache_path
from .version import cache_version

FILING_CACHE_SIZE = 32
RECOVERIES = 3  # a cache lost this many times in one call is not tried again within it

__all__ = ["MEMORY", "CacheLocationError", "FolderIndex", "open_index"]


class FolderIndex:
    """The filings that paths name, as the cache knows them; `refresh` parses what changed.

    `notify(text)` hears, in one line, what happens to the cache after opening (a lock waited on, a
    cache rebuilt or moved to memory); by default it is printed on standard error.
    """

    def __init__(self, paths: list[str], cache: str | os.PathLike | None = None, notify=None) -> None:
        opened = time.perf_counter()
        self.paths = [str(path) for path in paths]
        self.listing: Listing = list_paths(self.paths)
        target = None if cache == MEMORY else Path(cache) if cache else default_cache_path()
        if target is not None:
            self._refuse_inside(target)
        self.store = Store(target, notify)
        rows = self.store.summaries()
        self.store.quiet = False  # `note` tells what happened while opening; later events are said as they come
        self._generation = self.store.generation
        self.plan: Plan = plan(self.listing, rows, cache_version())
        self.summaries: dict[str, Summary] = {path: Summary.from_row(rows[path]) for path in self.plan.cached}
        self._filings: OrderedDict[str, object] = OrderedDict()
        self._stats: dict | None = None  # listing stats by path, made on the first filing read back
        self._refreshing = False  # a refresh restores lost rows itself, once its parsing is done
        self.open_seconds = time.perf_counter() - opened

    def _refuse_inside(self, target: Path) -> None:
        """Never put the cache inside a folder of filings being read."""
        for folder in self.listing.folders:
            if inside(str(target), folder):
                raise CacheLocationError(f"{safe_name(str(target))}: refusing to put the cache inside the filings "
                                         f"folder {safe_name(folder)}")
        for stat in self.listing.files:
            if inside(str(target), os.path.dirname(stat.path)):
                raise CacheLocationError(f"{safe_name(str(target))}: refusing to put the cache beside the filings "
                                         "it indexes")

    @property
    def cache_path(self) -> Path | None:
        """The cache file, or None when the index lives in memory."""
        return self.store.path

    @property
    def note(self) -> str:
        """A one-line remark about the cache (moved aside, unusable), or ''."""
        return self.store.note

    @property
    def ordered_paths(self) -> list[str]:
        """Every listed file, in listing order."""
        return [stat.path for stat in self.listing.files]

    @property
    def pending(self) -> list[str]:
        """Files still to be parsed."""
        return [stat.path for stat in self.plan.to_parse if stat.path not in self.summaries]

    def refresh(self, progress: ProgressCallback | None = None, workers: int | None = None,
                stop=None) -> Report:
        """Drop removed files, parse new and changed ones (all cores), and store them."""
        started = time.perf_counter()
        report = Report(cached=len(self.plan.cached), removed=len(self.plan.removed))
        if self.plan.removed:
            self.store.delete(self.plan.removed)
        to_parse = [stat for stat in self.plan.to_parse if stat.path not in self.summaries]

        def write(records) -> None:
            self.store.put(records)
            for record in records:
                self.summaries[record.path] = record.summary
                self._filings.pop(record.path, None)
                if record.summary.error:
                    report.failed.append(record.summary.error)

        self._refreshing = True
        try:
            parse_all(to_parse, write, progress, workers, stop)
        finally:
            self._refreshing = False
        parsed = [stat for stat in to_parse if stat.path in self.summaries]
        report.parsed = len(parsed)
        report.bytes_parsed = sum(max(stat.size, 0) for stat in parsed)
        restored = self._restore_lost(workers, stop) - {stat.path for stat in parsed}
        report.parsed, report.cached = report.parsed + len(restored), report.cached - len(restored)
        left = [stat for stat in to_parse if stat.path not in self.summaries]
        self.plan = Plan([p for p in self.ordered_paths if p in self.summaries], left, [])
        report.seconds = time.perf_counter() - started + self.open_seconds
        self.open_seconds = 0.0
        return report

    def _restore_lost(self, workers: int | None = None, stop=None) -> set[str]:
        """Parse again the files whose cached rows were lost (the cache was rebuilt or moved to memory
        since they were written); the paths parsed again."""
        restored: set[str] = set()
        for _attempt in range(RECOVERIES):
            if self.store.generation == self._generation:
                break
            self._generation = self.store.generation
            stored = self.store.summaries()
            lost = [stat for stat in self.listing.files if stat.path in self.summaries and stat.path not in stored]
            parse_all(lost, self.store.put, None, workers, stop)
            restored.update(stat.path for stat in lost)
        return restored

    def _read(self, read):
        """Run a read of the cache; if the cache lost rows meanwhile, parse them again and read again
        (during a refresh, from a progress callback, the refresh does so when its parsing is done)."""
        for _attempt in range(RECOVERIES):
            result = read()
            if self.store.generation == self._generation or self._refreshing:
                return result
            self._restore_lost()
        return result

    @property
    def loaded_paths(self) -> set[str]:
        """The files whose full Filing is in memory now."""
        return set(self._filings)

    def filing(self, path: str):
        """The full parsed Filing of a file, unpickled from the cache on first use (a few ms)."""
        path = os.path.abspath(path)
        if path in self._filings:
            self._filings.move_to_end(path)
            return self._filings[path]
        filing = self.store.unpickled(self.store.blob(path, "filing"))
        if filing is not None and not filing.error and not filing.lines:
            filing = self._with_lines(path, filing)
        if filing is None:  # not cached, the cache lost it, or the file changed since: parse it now
            from parser import load_filing

            filing = load_filing(path)
        self._filings[path] = filing
        while len(self._filings) > FILING_CACHE_SIZE:
            self._filings.popitem(last=False)
        return filing

    def _with_lines(self, path: str, filing):
        """The cached filing with its lines read back from the file, or None when the file is no longer
        the one that was parsed (its size or modification time changed) or cannot be read."""
        import dataclasses

        from parser.load import filing_lines

        if self._stats is None:
            self._stats = {stat.path: stat for stat in self.listing.files}
        listed = self._stats.get(path)
        try:
            now = os.stat(path)
        except OSError:
            return None
        if listed is None or (now.st_size, now.st_mtime_ns) != (listed.size, listed.mtime_ns):
            return None
        lines = filing_lines(path)
        return dataclasses.replace(filing, lines=lines) if lines else None

    def facts(self):
        """The facts DataFrame of every readable filing, as `parser.facts_frame` returns it."""
        from .facts import facts_from_store

        return self._read(lambda: facts_from_store(self.store, [p for p in self.ordered_paths if p in self.summaries]))

    def write_facts_csv(self, out) -> None:
        """Write the facts of every readable filing as CSV, exactly as `facts().to_csv(index=False)` would."""
        from .facts import csv_lines, write_csv

        def read_chunk(chunk: list[str]) -> dict[str, str]:
            return self._read(lambda: csv_lines(self.store, chunk))

        write_csv([p for p in self.ordered_paths if p in self.summaries], out, read_chunk)

    def search_index(self):
        """A search index over every filing's line items, built from the cached postings."""
        from .vocabulary import load_search_index

        summaries = [self.summaries[p] for p in self.ordered_paths if p in self.summaries]
        return self._read(lambda: load_search_index(self.store, summaries, self._item_rows))

    def _item_rows(self, path: str) -> list[tuple]:
        """A filing's stored line items, parsed again if the cache no longer holds them."""
        rows = self.store.unpickled(self.store.blob(path, "items"))
        if rows is None:
            from ..data.lineitems import items_of

            filing = self.filing(path)
            rows = item_rows(items_of(filing)) if not filing.error else []
        return rows

    def close(self) -> None:
        """Close the cache."""
        self.store.close()


def open_index(paths, cache: str | os.PathLike | None = None, refresh: bool = True,
               progress: ProgressCallback | None = None, workers: int | None = None, notify=None) -> FolderIndex:
    """Open the index of files and folders, bringing the cache up to date unless `refresh` is False."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    index = FolderIndex(list(paths), cache, notify)
    if refresh:
        index.refresh(progress, workers)
    return index
