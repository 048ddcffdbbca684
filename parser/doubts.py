"""Why a number may not be what it seems: the doubts the facts table and the app show with it."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Cell, Check, Doubt, DoubtReason, Row, Table


def failing_checks(table: Table) -> dict[tuple[int, int], Check]:
    """The checks that do not foot, keyed by the (row, column) of the cell each checks: the one test of
    "this cell fails its check", for the doubts, the facts' `check` column and the browser's marks."""
    return {check.target: check for check in table.checks if not check.ok}


def failed_targets(table: Table) -> dict[tuple[int, int], float]:
    """(row, column) of every cell whose check does not foot, with the difference."""
    return {target: check.difference for target, check in failing_checks(table).items()}


def cell_doubts(table: Table, row: Row, cell: Cell, failed: dict[tuple[int, int], float] | None = None) -> list[Doubt]:
    """The reasons to doubt one cell, or [] when it was read with confidence."""
    failed = failed_targets(table) if failed is None else failed
    doubts: list[Doubt] = []
    key = (row.index, cell.column)
    if key in failed:
        doubts.append(Doubt(DoubtReason.CHECK_FAILS, f"difference {failed[key]:+,.10g}"))
    doubts.extend(cell.doubts)
    doubts.extend(row.doubts)
    return list(dict.fromkeys(doubts))


def is_doubted(row: Row, cell: Cell, failed: dict[tuple[int, int], float]) -> bool:
    """`bool(cell_doubts(table, row, cell, failed))` without building the list: most cells are read with
    confidence, and packing a filing asks this of every cell twice."""
    return bool(cell.doubts or row.doubts or (row.index, cell.column) in failed)


def doubt_text(doubts: Iterable[Doubt]) -> str:
    """The doubts as one line, '; '-separated, as the facts table prints them."""
    return "; ".join(str(doubt) for doubt in doubts)
