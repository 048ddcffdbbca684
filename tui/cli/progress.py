"""The commands' progress bars (index, facts, check, dataset, fetch) and the index summary line; the bars
are drawn on standard error, and only when it is a terminal."""

from __future__ import annotations

import sys
import time

from ..data.chart import progress_bar

WIDTH = 30


class ProgressBar:
    """A one-line bar redrawn in place on a terminal (silent when standard error is not one)."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self.started = time.perf_counter()
        self.drawn = False
        self.label = "files"

    def __call__(self, done: int, total: int, _records=None) -> None:
        if not self.live or not total:
            return
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        self.stream.write(f"\rparsing {progress_bar(done, total, WIDTH)} {done}/{total} {self.label}  "
                          f"{done / elapsed:,.1f} {self.label}/s ")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """End the bar's line."""
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()


class FetchProgress(ProgressBar):
    """The fetch command's bar: files, bytes, rate and time left."""

    def __call__(self, done: int, total: int, fetched_bytes: int = 0) -> None:
        if not self.live or not total:
            return
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        left = (total - done) * elapsed / done if done else 0.0
        self.stream.write(f"\rfetching {progress_bar(done, total, WIDTH)} {done}/{total} files  {fetched_bytes / 1e6:,.1f} MB  "
                          f"{fetched_bytes / 1e6 / elapsed:,.2f} MB/s  ETA {left:,.0f} s ")
        self.stream.flush()
        self.drawn = True


def summary_line(report, total: int, unreadable: int | None = None) -> str:
    """'N files: P parsed, C from cache, R removed, U unreadable (S s, X files/s, Y MB/s)': the
    unreadable count covers files whose failure was kept in the cache, not only those parsed now."""
    rate = ""
    if report.parsed and report.seconds > 0:
        rate = f", {report.parsed / report.seconds:,.1f} files/s, {report.bytes_parsed / report.seconds / 1e6:,.2f} MB/s"
    return (f"{total} files: {report.parsed} parsed, {report.cached} from cache, {report.removed} removed, "
            f"{len(report.failed) if unreadable is None else unreadable} unreadable ({report.seconds:.2f} s{rate})")
