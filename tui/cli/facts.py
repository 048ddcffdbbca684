"""`colt-tui facts PATH... [--format F] [-o FILE] [--cache FILE]`: one row per numeric cell."""

from __future__ import annotations

import sys

from ..data.formats import BINARY, MissingExtra, require
from ..data.text import printable
from ..output import check_output
from .errors import EXIT_OK, EXIT_SOME_UNREADABLE, CommandError
from .loading import load_index
from .output import destination


def run_facts(args) -> int:
    """Write the facts table in the format asked; the output is checked before any parsing."""
    try:
        require(args.format)  # before any parsing
    except MissingExtra as error:
        raise CommandError(str(error)) from None
    target = check_output(args.output, args.paths) if args.output else None
    if target is None and args.format in BINARY and sys.stdout.isatty():
        raise CommandError(f"{args.format} is binary: give -o FILE or redirect standard output")
    index, bad = load_index(args.paths, args.cache)
    code = EXIT_SOME_UNREADABLE if bad else EXIT_OK
    if args.format == "csv":
        with destination(target, args.output) as out:
            index.write_facts_csv(out)
        index.close()
        return code
    from ..index.facts import safe_frame

    frame = safe_frame(index.facts(), printable)
    index.close()
    _write_frame(frame, args.format, target, args.output)
    return code


def _write_frame(frame, fmt: str, target, given: str | None) -> None:
    """The facts frame as Parquet, TSV, an Excel workbook or JSON records."""
    if fmt == "parquet":
        with destination(target, given, binary=True) as out:
            frame.to_parquet(out, index=False)
        return
    if fmt in ("tsv", "xlsx"):
        from ..data.formats import XLSX_ROWS, grid_of_frame, write_grid

        if fmt == "xlsx" and len(frame) >= XLSX_ROWS:
            raise CommandError(f"{len(frame):,} facts do not fit one Excel sheet ({XLSX_ROWS - 1:,} rows): "
                               "use --format parquet or csv")
        with destination(target, given, binary=fmt == "xlsx") as out:
            write_grid(grid_of_frame(frame), out, fmt, "facts")
        return
    with destination(target, given) as out:
        out.write(frame.to_json(orient="records", indent=1))
