"""`colt-tui check PATH... [-v] [--summary]`: every relation found in every table, and each cell that does
not foot; or, with --summary, the corpus quality report (tui/cli/quality.py)."""

from __future__ import annotations

from collections.abc import Iterator

from parser import Filing

from ..data.text import printable
from .errors import EXIT_NOT_FOOTING, EXIT_OK, EXIT_SOME_UNREADABLE
from .loading import load_filings, load_index


def run_check(args) -> int:
    """Print the checks; exit 1 when some cells do not foot, else 3 when some files are unreadable."""
    if args.summary:
        return _summary(args)
    filings, bad = load_filings(args.paths, args.cache)
    any_failed = False
    for filing in filings:
        if filing.error:
            continue
        any_failed |= any(not check.ok for table in filing.tables for check in table.checks)
        for line in report_lines(filing, args.verbose):
            print(line)
    if any_failed:
        return EXIT_NOT_FOOTING
    return EXIT_SOME_UNREADABLE if bad else EXIT_OK


def _summary(args) -> int:
    """`check --summary`: the corpus quality report, one line per filing and the total."""
    from .quality import quality_table, render

    index, bad = load_index(args.paths, args.cache)
    names = [index.summaries[path].name for path in index.ordered_paths if not index.summaries[path].error]
    frame = index.facts()
    index.close()
    columns = ["filing", "table", "period_end", "kind", "currency", "check", "doubt"]
    records = frame[columns].fillna("").astype({"table": int}).to_dict("records") if len(frame) else []
    for line in render(quality_table(records, names)):
        print(printable(line))
    return EXIT_SOME_UNREADABLE if bad else EXIT_OK


def report_lines(filing: Filing, verbose: bool) -> Iterator[str]:
    """A summary line, then per table each relation (one line, however many columns it covers)
    with the cells that do not foot under it; with `verbose`, every cell."""
    total = sum(len(t.checks) for t in filing.tables)
    failed = sum(len(t.failed_checks) for t in filing.tables)
    yield (f"{printable(filing.name)}: {len(filing.tables)} tables, {total} checks, "
           f"{total - failed} foot, {failed} do not")
    for table in filing.tables:
        if not table.checks:
            continue
        relations: dict[tuple[str, str], list] = {}
        for check in table.checks:
            relations.setdefault((check.kind, check.description), []).append(check)
        bad = len(table.failed_checks)
        verdict = "all foot" if not bad else f"{bad} do not foot"
        yield f"  table {table.index} ({printable(table.title)}): {len(table.checks)} checks, {verdict}"
        for (kind, description), checks in relations.items():
            failing = [c for c in checks if not c.ok]
            status = "FAIL" if failing else "ok  "
            yield f"    {status} {printable(description)}  [{len(checks)} {'column' if kind == 'rows' else 'row'}s]"
            for check in checks if verbose else failing:
                row = table.rows[check.target[0]]
                column = table.columns[check.target[1]]
                mark = "ok  " if check.ok else "FAIL"
                yield (f"      {mark} line {row.line}, column {column.index} [{printable(column.label_text)}]: "
                       f"printed {check.printed:,.10g}, computed {check.computed:,.10g}, "
                       f"difference {check.difference:+,.10g}")
