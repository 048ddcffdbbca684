"""Arithmetic as the judge where the print leaves a unit open.

Net income divided by the weighted average number of shares is earnings per share. When a
statement prints all three, the scale its share counts carry (as printed, thousands, millions)
is the one under which they agree: "(Dollars in thousands, except per share data)" over a
share count printed in full ("6,412,880") would otherwise read it as thousands. The scale is
changed only when exactly one candidate agrees in every column that can be checked, and the
cell says it was read by arithmetic.
"""

from __future__ import annotations

import dataclasses
import re
from typing import cast

from .model import Cell, CellKind, Row, Source, Table

_NET_INCOME = re.compile(r"^net\s+(?:income|earnings|loss|income\s+\(loss\)|\(loss\)\s+income)\b(?!.*\bper\b)", re.I)
_SHARES = re.compile(r"\bshares\b|\bstock\s+outstanding\b", re.I)
_SCALES = (1, 1000, 1_000_000)


def judge_share_scales(table: Table) -> Table:
    """The table with the scale of its share counts set by net income / shares = EPS."""
    income = next((row for row in table.rows if _NET_INCOME.match(row.label) and _money(row)), None)
    per_share = [row for row in table.rows if any(c and c.kind == CellKind.PER_SHARE for c in row.cells)]
    shares = [row for row in table.rows if _count(row) and (_SHARES.search(row.label) or _SHARES.search(row.group_text))]
    if income is None or not per_share or not shares:
        return table
    rows = list(table.rows)
    for row in shares:
        scale = _agreeing_scale(income, per_share, row)
        if scale is not None and any(c and c.kind == CellKind.COUNT and c.scale != scale for c in row.cells):
            cells = tuple(_rescaled(c, scale) for c in row.cells)
            rows[row.index] = dataclasses.replace(row, cells=cells)
    return dataclasses.replace(table, rows=tuple(rows))


def _money(row: Row) -> bool:
    return any(c and c.kind == CellKind.AMOUNT for c in row.cells)


def _count(row: Row) -> bool:
    return any(c and c.kind == CellKind.COUNT for c in row.cells)


def _agreeing_scale(income: Row, per_share: list[Row], shares: Row) -> int | None:
    """The one share scale under which income / shares matches a per-share figure in every
    column where the three are printed, or None."""
    agreeing = []
    for scale in _SCALES:
        checked = agree = 0
        for column, count in enumerate(shares.cells):
            earned = income.cells[column] if column < len(income.cells) else None
            if count is None or earned is None or count.kind != CellKind.COUNT or not count.value or not earned.value:
                continue
            implied = earned.value * earned.scale / (count.value * scale)
            figures = [cast(Cell, row.cells[column]).value for row in per_share
                       if column < len(row.cells) and row.cells[column] and cast(Cell, row.cells[column]).kind == CellKind.PER_SHARE]
            if not figures:
                continue
            checked += 1
            agree += any(abs(implied - figure) <= max(0.02, 0.05 * abs(figure)) for figure in figures)
        if checked and agree == checked:
            agreeing.append(scale)
    return agreeing[0] if len(agreeing) == 1 else None


def _rescaled(cell: Cell | None, scale: int) -> Cell | None:
    if cell is None or cell.kind != CellKind.COUNT:
        return cell
    return dataclasses.replace(cell, scale=scale, unit_source=Source.ARITHMETIC)
