"""Why a number may not be what it seems: the doubts the facts table and the app show with it."""

from __future__ import annotations

import re

from .model import AMOUNT, COUNT, NIL, Cell, Row, Table
from .periods import NOT_A_PERIOD

_COUNTABLE = re.compile(
    r"shares|number|headcount|employees|customers|minutes|units|subscribers|lines|sites|buildings|"
    r"\(('?000|million|thousands?)\)",
    re.I,
)
_STATEMENTS = ("income", "balance", "cash_flow", "equity", "segment")


def failed_targets(table: Table) -> dict[tuple[int, int], float]:
    """(row, column) of every cell whose check does not foot, with the difference."""
    return {check.target: check.difference for check in table.checks if not check.ok}


def cell_doubts(table: Table, row: Row, cell: Cell, failed: dict | None = None) -> list[str]:
    """The reasons to doubt one cell, or [] when it was read with confidence."""
    failed = failed_targets(table) if failed is None else failed
    doubts: list[str] = []
    key = (row.index, cell.column)
    if key in failed:
        doubts.append(f"check does not foot (difference {failed[key]:+,.10g})")
    column = table.columns[cell.column]
    if column.period is None and cell.kind in (AMOUNT, COUNT, NIL) and not NOT_A_PERIOD.search(column.label_text):
        doubts.append("period not read")
    text = " ".join([row.label, *row.group])
    if cell.kind == COUNT and table.kind in _STATEMENTS and not _COUNTABLE.search(text):
        doubts.append("currency not read")
    doubts.extend(row.doubts)
    return doubts
