"""`fetch`: read the quarterly indexes a date range needs, select the filings, and download each
complete submission into DEST as CIK_ACCESSION.txt, whole or not at all; a re-run fetches only what
is missing. Closed quarters' indexes are cached in the user cache folder and never fetched twice."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from ..data.paths import inside
from ..data.text import safe_name
from ..output import written
from .client import Blocked, Client, Failed, check_user_agent
from .edgar_index import IndexEntry, index_path, parse_master, quarter_closed, quarters, select
from .limiter import TokenBucket, process_bucket

DEFAULT_BASE_URL = "https://www.sec.gov"
ProgressCallback = Callable[[int, int, int], None]  # (files done, files to fetch, bytes fetched)


class FetchRefused(Exception):
    """The run cannot start (no User-Agent, a DEST that may not be written); the message says why."""


@dataclass
class FetchReport:
    """What a run did: the filings selected, fetched (and their bytes), already there, failed (with
    reasons), and the block that stopped it, if any."""

    selected: list[IndexEntry] = field(default_factory=list)
    fetched: list[str] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    bytes: int = 0
    blocked: str | None = None
    requests: int = 0

    def summary(self) -> str:
        """'fetched 3 (1.2 MB), already there 2, failed 1' and each failure's reason."""
        text = (f"fetched {len(self.fetched)} ({self.bytes / 1e6:.1f} MB), already there {len(self.present)}, "
                f"failed {len(self.failed)}")
        lines = [text] + [f"  {name}: {reason}" for name, reason in self.failed]
        if self.blocked:
            lines.append(f"stopped: {self.blocked}")
        return "\n".join(lines)


def fetch(dest, ciks=(), forms=(), start: date | None = None, end: date | None = None, user_agent: str | None = None,
          company: str = "", base_url: str = DEFAULT_BASE_URL, cache_dir=None, dry_run: bool = False,
          progress: ProgressCallback | None = None, limiter: TokenBucket | None = None,
          sleep: Callable[[float], None] = time.sleep, backoff: float = 1.0, today: date | None = None) -> FetchReport:
    """Fetch the filings matching the criteria into `dest`; returns the report. Raises FetchRefused before
    any request when it cannot start; a block ends the run early with `report.blocked` set."""
    reason = check_user_agent(user_agent)
    if reason or user_agent is None:
        raise FetchRefused(reason or "no User-Agent")
    today = today or date.today()
    start, end = start or date(1993, 1, 1), end or today
    if start > end:
        raise FetchRefused(f"--from {start} is after --to {end}")
    dest = Path(dest).expanduser().resolve()
    cache = Path(cache_dir).expanduser().resolve() if cache_dir else default_cache_dir()
    _check_dest(dest, cache)
    client = Client(base_url, user_agent, limiter or process_bucket(), backoff=backoff, sleep=sleep)
    report = FetchReport()
    try:
        entries = []
        for year, quarter in quarters(start, end):
            entries += parse_master(_index_text(client, cache, base_url, year, quarter, today))
        report.selected = select(entries, ciks, company, forms, start, end)
        if dry_run:
            return report
        dest.mkdir(parents=True, exist_ok=True)
        todo: list[IndexEntry] = []
        present: list[IndexEntry] = []
        for entry in report.selected:
            (present if (dest / entry.saved_name).is_file() else todo).append(entry)
        report.present = [entry.saved_name for entry in present]

        for done, entry in enumerate(todo, start=1):
            try:
                report.bytes += _download(client, entry, dest)
                report.fetched.append(entry.saved_name)
            except Failed as error:
                report.failed.append((entry.saved_name, str(error)))
            if progress:
                progress(done, len(todo), report.bytes)
    except Blocked as error:
        report.blocked = str(error)
    except Failed as error:
        report.blocked = f"an index could not be read: {error}"
    finally:
        report.requests = client.requests
    return report


def default_cache_dir() -> Path:
    """Where closed quarters' indexes are kept: the user cache folder (e.g. ~/.cache/colt-tui/edgar-index)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("colt-tui", appauthor=False)) / "edgar-index"


def _check_dest(dest: Path, cache: Path) -> None:
    """DEST may not be a file, nor inside the package or the index cache."""
    package = Path(__file__).resolve().parents[2]
    for forbidden, what in ((package / "tui", "the colt-tui package"), (package / "parser", "the colt-tui package"),
                            (cache, "the index cache")):
        if inside(dest, forbidden):
            raise FetchRefused(f"{safe_name(str(dest))}: refusing to write inside {what}")
    if dest.exists() and not dest.is_dir():
        raise FetchRefused(f"{safe_name(str(dest))}: is a file, not a folder")


def _index_text(client: Client, cache: Path, base_url: str, year: int, quarter: int, today: date) -> str:
    """A quarter's master.idx as text: from the cache for a closed quarter fetched before, else fetched
    (and kept when the quarter is closed). Decoded as Latin-1, as EDGAR writes them."""
    host = "".join(ch if ch.isalnum() or ch in "-." else "_" for ch in base_url.split("//", 1)[-1])
    cached = cache / host / str(year) / f"QTR{quarter}" / "master.idx"
    closed = quarter_closed(year, quarter, today)
    if closed and cached.is_file():
        return cached.read_bytes().decode("latin-1")
    data = client.get(index_path(year, quarter))
    if closed:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with written(cached, cached.name, binary=True) as out:
            out.write(data)
    return data.decode("latin-1")


def _download(client: Client, entry: IndexEntry, dest: Path) -> int:
    """Stream a submission to a temporary file beside its final name; renamed only when complete."""
    with written(dest / entry.saved_name, entry.saved_name, binary=True) as out:
        sink = _FileSink(out)
        client.get(entry.filename, sink)
    return sink.size


class _FileSink:
    """A download's temporary file, emptied before each attempt."""

    def __init__(self, out) -> None:
        self.out, self.size = out, 0

    def reset(self) -> None:
        self.out.seek(0)
        self.out.truncate()
        self.size = 0

    def write(self, chunk: bytes) -> None:
        self.out.write(chunk)
        self.size += len(chunk)
