"""`colt-tui outline FILE` and `colt-tui tables FILE [--show N]`: one filing's sections and tables."""

from __future__ import annotations

from parser import Table
from parser.names import shown_name

from ..data.text import printable
from .errors import EXIT_OK, CommandError
from .loading import load_one


def run_outline(args) -> int:
    """The section tree, one heading a line, indented by level, with its line span."""
    filing = load_one(args.path)
    for section in filing.walk_sections():
        indent = "  " * (section.level - 1)
        print(f"{indent}{printable(section.title)}  [{section.first_line}-{section.last_line}]")
    return EXIT_OK


def run_tables(args) -> int:
    """The tables, one a line (kind, size, checks, lines, title); or with --show, table N aligned."""
    filing = load_one(args.path)
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
        print(f"{table.index:>3}  {table.kind:<9} {size:>7}  {checks:>11}  {lines:<10} {printable(table.title)}")
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
    out = [printable(table.title), ""]
    for level in range(depth):
        parts = []
        for column, width in zip(table.columns, widths):
            label = list(column.label)
            label = [""] * (depth - len(label)) + label
            parts.append(printable(label[level])[:width].rjust(width))
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
        out.append(printable(label).ljust(label_width) + "  " + "  ".join(cells))
    return "\n".join(line.rstrip() for line in out)
