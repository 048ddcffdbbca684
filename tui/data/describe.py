"""Words about a statement table: column headings, failing cells and a detail line per cell."""

from __future__ import annotations

import textwrap

from parser.doubts import cell_doubts, failed_targets, failing_checks
from parser.model import Doubt, DoubtReason

from .numbers import plain
from .text import safe_text
from .units import unit_text


def column_header(column, width: int = 14) -> list[str]:
    """Header lines for a column: period, unit, then the qualifier wrapped to the column."""
    if column.period is None:
        return [safe_text(part) for part in column.label[-3:]] or [f"column {column.index}"]
    lines = [column.period.describe()]
    if column.unit_text:
        lines.append(column.unit_text)
    if column.qualifier:
        lines += textwrap.wrap(safe_text(column.qualifier), max(width, len(lines[0])))
    return lines


def doubted_cells(table) -> dict[tuple[int, int], list[Doubt]]:
    """Every cell read with doubt, keyed by (row, column), with its reasons from the parser."""
    failed = failed_targets(table)
    found = {}
    for row in table.rows:
        for cell in row.cells:
            if cell is None:
                continue
            reasons = cell_doubts(table, row, cell, failed)
            if reasons:
                found[(row.index, cell.column)] = reasons
    return found


def marks_doubt(reasons) -> bool:
    """True when a cell has a doubt besides a failing check (which is marked on its own)."""
    return any(reason.reason != DoubtReason.CHECK_FAILS for reason in reasons or ())


def doubt_text(reasons: list[Doubt]) -> str:

    """'doubt: period not read; label guessed' (a failed check is described by check_text)."""
    rest = [safe_text(str(r)) for r in reasons if r.reason != DoubtReason.CHECK_FAILS]
    return f"doubt: {'; '.join(rest)}" if rest else ""


def check_text(check) -> str:
    """'does not foot: printed 10, computed 12, difference -2 (description)'."""
    return (f"does not foot: printed {plain(check.printed)}, computed {plain(check.computed)}, "
            f"difference {check.difference:+,.10g} ({safe_text(check.description)})")


def reading_text(cell) -> str:
    """How the cell was read: 'at 1993-12-31 from the row label, USD m from the caption'."""
    if cell.period is not None:
        period = f"{cell.period.describe()} from the {cell.period_source}" if cell.period_source else cell.period.describe()
    else:
        period = "no period"
    unit = unit_text(cell.currency, cell.scale) if cell.currency else f"{cell.kind} {unit_text(None, cell.scale)}".strip()
    if cell.unit_source:
        unit = f"{unit} {'as' if cell.unit_source == 'printed with the number' else 'from the'} {cell.unit_source}"
    return f"read as {period}, {unit}"


def cell_detail(table, row_index: int, column_index: int | None) -> str:
    """One line about the cell under the cursor: label, column, value, source line, check."""
    row = table.rows[row_index]
    label = safe_text(row.display_label)
    if row.group:
        label = f"{safe_text(row.group_text)} > {label}"
    if column_index is None:
        failing = [check for (r, _), check in failing_checks(table).items() if r == row_index]
        note = f" · {len(failing)} cell(s) do not foot" if failing else ""
        return f"{label} · line {row.line}{note}"
    column = table.columns[column_index]
    heading = " ".join(column_header(column, 80))
    cell = row.cell(column_index)
    if cell is None:
        return f"{label} · {heading} · (blank)"
    text = f"{label} · {heading} · {safe_text(cell.raw)} = {plain(cell.value)} ({cell.kind}) · line {cell.line}"
    check = failing_checks(table).get((row_index, column_index))
    if check:
        text = f"{text} · {check_text(check)}"
    doubt = doubt_text(cell_doubts(table, row, cell))
    if doubt:
        text = f"{text} · {doubt}"
    return f"{text} · {reading_text(cell)}"
