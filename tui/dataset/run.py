"""`colt-tui dataset SOURCE... --out DIR`: list the filings, leave out those `filings/` already holds
at the same (path, size, modification time, parser version), and parse the rest on a Dask cluster —
a `distributed.LocalCluster` by default, or the scheduler at an address — each task writing its own
Parquet files (see `tasks`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

DEFAULT_PARTITION = 50  # files per task


class MissingDask(Exception):
    """The dask extra is not installed; the message names it."""


@dataclass
class DatasetReport:
    """What a run did: files listed, parsed now (and how many failed), skipped as already there."""

    listed: int = 0
    parsed: int = 0
    skipped: int = 0
    failed: int = 0
    facts: int = 0
    dashboard: str = ""
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.listed} filings: {self.parsed} parsed ({self.failed} unreadable, {self.facts:,} facts), "
                f"{self.skipped} already in the dataset")


def require_dask() -> None:
    """Raise MissingDask unless dask.distributed and pyarrow are importable."""
    import importlib.util

    for module in ("dask", "distributed", "pyarrow"):
        if importlib.util.find_spec(module) is None:
            raise MissingDask(f"the dataset command needs {module}: pip install 'colt-tui[dask]'")


def build_dataset(sources: list[str], out, scheduler: str | None = None, workers: int | None = None,
                  partition_size: int = DEFAULT_PARTITION, progress: Callable[[int, int], None] | None = None,
                  client=None, announce: Callable[[str], None] | None = None) -> DatasetReport:
    """Parse what is new or changed under `sources` into the dataset at `out`; returns the report. With
    `client` (a distributed.Client), use that cluster; else start one (LocalCluster, or `scheduler`)."""
    require_dask()
    from parser import PARSER_VERSION

    from .read import present_keys
    from .sources import list_sources
    from .tasks import parse_partition

    out = Path(out).expanduser().resolve()
    files = list_sources(sources)  # before anything is written: a source that cannot be listed stops here
    out.mkdir(parents=True, exist_ok=True)
    report = DatasetReport(listed=len(files))
    done = present_keys(out)
    todo = [f for f in files if (f[0], f[1], f[2], PARSER_VERSION) not in done]
    report.skipped = len(files) - len(todo)
    if not todo:
        return report
    partitions = [todo[k:k + partition_size] for k in range(0, len(todo), max(1, partition_size))]
    own = client is None
    if own:
        client = _start_client(scheduler, workers)
    try:
        report.dashboard = getattr(client, "dashboard_link", "") or ""
        if announce and report.dashboard:
            announce(report.dashboard)
        from distributed import as_completed

        futures = client.map(parse_partition, partitions, out=str(out), version=PARSER_VERSION, pure=False)
        for finished, future in enumerate(as_completed(futures), start=1):
            counts = future.result()
            report.parsed += counts["files"]
            report.failed += counts["failed"]
            report.facts += counts["facts"]
            if progress:
                progress(finished, len(partitions))
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
    return report


def _start_client(scheduler: str | None, workers: int | None):
    """A client of the scheduler at `scheduler`, or of a new LocalCluster of worker processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    import os

    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                           dashboard_address=":0")
    return Client(cluster)
