"""The text of `colt-tui check`: every relation found in every table, and each cell that does not foot."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from parser import Filing


def report_lines(filing: Filing, verbose: bool, safe: Callable[[str], str]) -> Iterator[str]:
    """A summary line, then per table each relation (one line, however many columns it covers)
    with the cells that do not foot under it; with `verbose`, every cell."""
    total = sum(len(t.checks) for t in filing.tables)
    failed = sum(len(t.failed_checks) for t in filing.tables)
    yield (f"{safe(filing.name)}: {len(filing.tables)} tables, {total} checks, "
           f"{total - failed} foot, {failed} do not")
    for table in filing.tables:
        if not table.checks:
            continue
        relations: dict[tuple[str, str], list] = {}
        for check in table.checks:
            relations.setdefault((check.kind, check.description), []).append(check)
        bad = len(table.failed_checks)
        verdict = "all foot" if not bad else f"{bad} do not foot"
        yield f"  table {table.index} ({safe(table.title)}): {len(table.checks)} checks, {verdict}"
        for (kind, description), checks in relations.items():
            failing = [c for c in checks if not c.ok]
            status = "FAIL" if failing else "ok  "
            yield f"    {status} {safe(description)}  [{len(checks)} {'column' if kind == 'rows' else 'row'}s]"
            for check in checks if verbose else failing:
                row = table.rows[check.target[0]]
                column = table.columns[check.target[1]]
                mark = "ok  " if check.ok else "FAIL"
                yield (f"      {mark} line {row.line}, column {column.index} [{safe(column.label_text)}]: "
                       f"printed {check.printed:,.10g}, computed {check.computed:,.10g}, "
                       f"difference {check.difference:+,.10g}")
