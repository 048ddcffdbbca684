"""A folder index: summaries of every filing from the cache, full filings and facts loaded on demand."""

from __future__ import annotations

import os
import time
from collections import OrderedDict
from pathlib import Path

from .build import Plan, ProgressCallback, Report, parse_all, plan
from .record import Summary, expand
from .scan import Listing, inside, list_paths
from .store import Store, default_cache_path

MEMORY = ":memory:"
FILING_CACHE_SIZE = 32


class CacheLocationError(Exception):
    """The cache path given lies inside a filings folder, where nothing may be written."""


class FolderIndex:
    """The filings that paths name, as the cache knows them; `refresh` parses what changed."""

    def __init__(self, paths: list[str], cache: str | os.PathLike | None = None) -> None:
        opened = time.perf_counter()
        self.paths = [str(path) for path in paths]
        self.listing: Listing = list_paths(self.paths)
        target = None if cache == MEMORY else Path(cache) if cache else default_cache_path()
        if target is not None:
            self._refuse_inside(target)
        self.store = Store(target)
        from parser import PARSER_VERSION

        rows = self.store.summaries()
        self.plan: Plan = plan(self.listing, rows, PARSER_VERSION)
        self.summaries: dict[str, Summary] = {path: Summary.from_row(rows[path]) for path in self.plan.cached}
        self._filings: OrderedDict[str, object] = OrderedDict()
        self.open_seconds = time.perf_counter() - opened

    def _refuse_inside(self, target: Path) -> None:
        """Never put the cache inside a folder of filings being read."""
        for folder in self.listing.folders:
            if inside(str(target), folder):
                raise CacheLocationError(f"{target}: refusing to put the cache inside the filings folder {folder}")
        for stat in self.listing.files:
            if inside(str(target), os.path.dirname(stat.path)):
                raise CacheLocationError(f"{target}: refusing to put the cache beside the filings it indexes")

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

        parse_all(to_parse, write, progress, workers, stop)
        parsed = [stat for stat in to_parse if stat.path in self.summaries]
        report.parsed = len(parsed)
        report.bytes_parsed = sum(max(stat.size, 0) for stat in parsed)
        left = [stat for stat in to_parse if stat.path not in self.summaries]
        self.plan = Plan([p for p in self.ordered_paths if p in self.summaries], left, [])
        report.seconds = time.perf_counter() - started + self.open_seconds
        self.open_seconds = 0.0
        return report

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
        blob = self.store.blob(path, "filing")
        if blob is None:
            from parser import load_filing

            filing = load_filing(path)
        else:
            filing = expand(blob)
        self._filings[path] = filing
        while len(self._filings) > FILING_CACHE_SIZE:
            self._filings.popitem(last=False)
        return filing

    def facts(self):
        """The facts DataFrame of every readable filing, as `parser.facts_frame` returns it."""
        from .facts import facts_from_store

        return facts_from_store(self.store, [p for p in self.ordered_paths if p in self.summaries])

    def write_facts_csv(self, out) -> None:
        """Write the facts of every readable filing as CSV, exactly as `facts().to_csv(index=False)` would."""
        from .facts import write_csv

        write_csv(self.store, [p for p in self.ordered_paths if p in self.summaries], out)

    def search_index(self):
        """A search index over every filing's line items, built from the cached postings."""
        from .vocabulary import load_search_index

        return load_search_index(self.store, [self.summaries[p] for p in self.ordered_paths if p in self.summaries])

    def close(self) -> None:
        """Close the cache."""
        self.store.close()


def open_index(paths, cache: str | os.PathLike | None = None, refresh: bool = True,
               progress: ProgressCallback | None = None, workers: int | None = None) -> FolderIndex:
    """Open the index of files and folders, bringing the cache up to date unless `refresh` is False."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    index = FolderIndex(list(paths), cache)
    if refresh:
        index.refresh(progress, workers)
    return index
