"""The subcommands: index, facts, outline, tables, check; only the cache (outside the filings) is written."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

from parser import Filing, Table, load_paths
from parser.names import shown_name

from .output import check_output, written
from .shown import safe

EXIT_OK, EXIT_NOT_FOOTING, EXIT_USAGE, EXIT_SOME_UNREADABLE = 0, 1, 2, 3


class CommandError(Exception):
    """A usage problem reported as one line."""


def run(args) -> int:
    """Dispatch a parsed command line."""
    handler = {"index": _index, "facts": _facts, "outline": _outline, "tables": _tables, "check": _check,
               "fetch": _fetch, "dataset": _dataset}[args.command]
    return handler(args)


def _dataset(args) -> int:
    from .dataset.command import CommandRefused, run_dataset

    try:
        return run_dataset(args)
    except CommandRefused as error:
        raise CommandError(str(error)) from None


def _fetch(args) -> int:
    from .fetch.command import CommandRefused, run_fetch

    try:
        return run_fetch(args)
    except CommandRefused as error:
        raise CommandError(str(error)) from None


def _open_index(paths: list[str], cache: str | None):
    """Open the folder index over the paths, parsing what changed with a progress bar on a terminal."""
    from .index import CacheLocationError, open_index
    from .progress import ProgressBar

    for path in paths:
        if not Path(path).exists():
            raise CommandError(f"{shown_name(path)}: no such file or folder")
    try:
        index = open_index(paths, cache, refresh=False)
    except CacheLocationError as error:
        raise CommandError(str(error)) from None
    if not index.ordered_paths:
        raise CommandError(f"no filings found in {shown_name(', '.join(paths))}")
    if index.note:
        print(f"colt-tui: {safe(index.note)}", file=sys.stderr)
    bar = ProgressBar()
    report = index.refresh(progress=bar)
    bar.close()
    return index, report


def _load_index(paths: list[str], cache: str | None):
    """The index and the count of unreadable files, each reported on standard error in one line."""
    index, _report = _open_index(paths, cache)
    bad = 0
    for path in index.ordered_paths:
        summary = index.summaries[path]
        if summary.error:
            bad += 1
            print(f"colt-tui: {safe(summary.error)}", file=sys.stderr)
        for warning in summary.warnings:
            print(f"colt-tui: warning: {safe(warning)}", file=sys.stderr)
    return index, bad


def _load(paths: list[str], cache: str | None = None) -> tuple[list[Filing], int]:
    """Load the filings (from the cache where it is current); report each unreadable one."""
    index, bad = _load_index(paths, cache)
    filings = [index.filing(path) for path in index.ordered_paths]
    index.close()
    return filings, bad


def _load_one(path: str) -> Filing:
    if Path(path).is_dir():
        raise CommandError(f"{shown_name(path)}: is a folder; give one filing")
    if not Path(path).exists():
        raise CommandError(f"{shown_name(path)}: no such file or folder")
    filing = load_paths([path])[0]
    if filing.error:
        raise CommandError(safe(filing.error))
    for warning in filing.warnings:
        print(f"colt-tui: warning: {safe(warning)}", file=sys.stderr)
    return filing


def _index(args) -> int:
    from .progress import summary_line

    index, report = _open_index(args.paths, args.cache)
    unreadable = [index.summaries[path].error for path in index.ordered_paths if index.summaries[path].error]
    for error in unreadable:
        print(f"colt-tui: {safe(error)}", file=sys.stderr)
    print(summary_line(report, len(index.ordered_paths), len(unreadable)))
    where = index.cache_path or "memory"
    print(f"cache: {where}")
    index.close()
    return EXIT_SOME_UNREADABLE if unreadable else EXIT_OK


def _facts(args) -> int:
    from .index.facts import safe_frame

    from .data.formats import BINARY, MissingExtra, require

    try:
        require(args.format)  # before any parsing
    except MissingExtra as error:
        raise CommandError(str(error)) from None
    target = check_output(args.output, args.paths) if args.output else None
    if target is None and args.format in BINARY and sys.stdout.isatty():
        raise CommandError(f"{args.format} is binary: give -o FILE or redirect standard output")
    index, bad = _load_index(args.paths, args.cache)
    code = EXIT_SOME_UNREADABLE if bad else EXIT_OK
    if args.format == "csv":
        with _destination(target, args.output) as out:
            index.write_facts_csv(out)
        index.close()
        return code
    frame = safe_frame(index.facts(), safe)
    index.close()
    if args.format == "parquet":
        with _destination(target, args.output, binary=True) as out:
            frame.to_parquet(out, index=False)
        return code
    if args.format in ("tsv", "xlsx"):
        from .data.formats import XLSX_ROWS, grid_of_frame, write_grid

        if args.format == "xlsx" and len(frame) >= XLSX_ROWS:
            raise CommandError(f"{len(frame):,} facts do not fit one Excel sheet ({XLSX_ROWS - 1:,} rows): "
                               "use --format parquet or csv")
        with _destination(target, args.output, binary=args.format == "xlsx") as out:
            write_grid(grid_of_frame(frame), out, args.format, "facts")
        return code
    with _destination(target, args.output) as out:
        out.write(frame.to_json(orient="records", indent=1))
    return code


@contextmanager
def _destination(target: Path | None, given: str | None, binary: bool = False):
    """The checked output file (written whole or not at all), or standard output."""
    if target is None:
        yield sys.stdout.buffer if binary else sys.stdout
        return
    with written(target, shown_name(given), binary) as out:
        yield out


def _outline(args) -> int:
    filing = _load_one(args.path)
    for section in filing.walk_sections():
        indent = "  " * (section.level - 1)
        print(f"{indent}{safe(section.title)}  [{section.first_line}-{section.last_line}]")
    return EXIT_OK


def _tables(args) -> int:
    filing = _load_one(args.path)
    if args.show is not None:
        if not 0 <= args.show < len(filing.tables):
            raise CommandError(f"{shown_name(args.path)}: no table {args.show} (it has {len(filing.tables)})")
        print(render_table(filing.tables[args.show]))
        return EXIT_OK
    print(f"{'#':>3}  {'kind':<9} {'size':>7}  {'checks':>11}  lines      title")
    for table in filing.tables:
        failed = len(table.failed_checks)
        passed = len(table.checks) - failed
        size = f"{len(table.value_rows)}x{len(table.columns)}"
        checks = f"{passed} ok" + (f" {failed} bad" if failed else "")
        lines = f"{table.first_line}-{table.last_line}"
        print(f"{table.index:>3}  {table.kind:<9} {size:>7}  {checks:>11}  {lines:<10} {safe(table.title)}")
    return EXIT_OK


def render_table(table: Table) -> str:
    """A table printed aligned: column labels stacked over right-aligned numbers."""
    label_width = max([len(row.display_label) + 2 * len(row.group) for row in table.rows] + [10])
    label_width = min(label_width, 60)
    widths = []
    for column in table.columns:
        cells = [row.cells[column.index] for row in table.rows if row.cells[column.index]]
        widest = max([len(part) for part in column.label] + [len(c.raw) for c in cells] + [13])
        widths.append(min(widest, 30))
    depth = max((len(column.label) for column in table.columns), default=0)
    out = [safe(table.title), ""]
    for level in range(depth):
        parts = []
        for column, width in zip(table.columns, widths):
            label = list(column.label)
            label = [""] * (depth - len(label)) + label
            parts.append(safe(label[level])[:width].rjust(width))
        out.append(" " * label_width + "  " + "  ".join(parts))
    units = [
        (f"{c.period.describe()}" if c.period else "").rjust(w)[:w] for c, w in zip(table.columns, widths)
    ]
    out.append(" " * label_width + "  " + "  ".join(units))
    for row in table.rows:
        label = ("  " * len(row.group) + row.display_label)[:label_width]
        cells = [
            (row.cells[k].raw if row.cells[k] else "").rjust(widths[k]) for k in range(len(table.columns))
        ]
        out.append(safe(label).ljust(label_width) + "  " + "  ".join(cells))
    return "\n".join(line.rstrip() for line in out)


def _check(args) -> int:
    from .check_report import report_lines

    if args.summary:
        return _quality(args)
    filings, bad = _load(args.paths, args.cache)
    any_failed = False
    for filing in filings:
        if filing.error:
            continue
        any_failed |= any(not check.ok for table in filing.tables for check in table.checks)
        for line in report_lines(filing, args.verbose, safe):
            print(line)
    if any_failed:
        return EXIT_NOT_FOOTING
    return EXIT_SOME_UNREADABLE if bad else EXIT_OK


def _quality(args) -> int:
    """`check --summary`: the corpus quality report, one line per filing and the total."""
    from .quality import quality_table, render

    index, bad = _load_index(args.paths, args.cache)
    names = [index.summaries[path].name for path in index.ordered_paths if not index.summaries[path].error]
    frame = index.facts()
    index.close()
    columns = ["filing", "table", "period_end", "kind", "currency", "check", "doubt"]
    records = frame[columns].fillna("").astype({"table": int}).to_dict("records") if len(frame) else []
    for line in render(quality_table(records, names)):
        print(safe(line))
    return EXIT_SOME_UNREADABLE if bad else EXIT_OK
