"""`colt-tui dataset SOURCE... --out DIR [--scheduler ADDRESS] [--workers N] [--partition-size N]`."""

from __future__ import annotations

import sys

from ..data.text import safe_name
from .errors import CommandError


def run_dataset(args) -> int:
    """Build or update the dataset; exit 0, or 2 (via CommandError) when it cannot start."""
    from ..dataset.run import MissingDask, build_dataset, require_dask
    from ..dataset.sources import SourceError
    from .progress import ProgressBar

    try:
        require_dask()
    except MissingDask as error:
        raise CommandError(str(error)) from None
    if args.partition_size < 1:
        raise CommandError("--partition-size must be at least 1")
    bar = ProgressBar()
    bar.label = "partitions"
    try:
        report = build_dataset(args.sources, args.out, scheduler=args.scheduler, workers=args.workers,
                               partition_size=args.partition_size, progress=bar,
                               announce=lambda link: print(f"dashboard: {link}", file=sys.stderr))
    except OSError as error:
        raise CommandError(f"{safe_name(str(args.out))}: {error.strerror or error}") from None
    except SourceError as error:
        raise CommandError(safe_name(str(error))) from None
    finally:
        bar.close()
    print(report.summary())
    return 0
