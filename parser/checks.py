"""Find the arithmetic a table holds (subtotals, differences, column sums) and record what foots.

Rows: each row is tried as the sum of the rows just above it (groups already summed count as
their subtotal), or as the first of them less the rest. Columns: each column is tried as the sum
of a run of other columns with the same unit (Before + Exceptional = After; 3 + 3 = 6 months).
A relation is kept when it holds in most places; where it then fails, the check records the
difference. Printed numbers are never altered.
"""

from __future__ import annotations

import re

from .model import AMOUNT, COUNT, NIL, SUBTOTAL, Cell, Check, Column, Row

_TOTAL = re.compile(r"^\s*total\b", re.I)

_SUMMABLE = (AMOUNT, COUNT, NIL)
_MAX_TERMS = 12


def _number(cell: Cell | None) -> float | None:
    return cell.value if cell is not None and cell.kind in _SUMMABLE else None


def _unit(cells: list[Cell | None]) -> float:
    """The value of one unit in the last printed digit."""
    decimals = 0
    for cell in cells:
        if cell is not None and "." in cell.raw:
            decimals = max(decimals, len(cell.raw.split(".")[-1].rstrip(")%*")))
    return 10.0 ** -decimals


def _tolerance(cells: list[Cell | None]) -> float:
    return _unit(cells) * 0.5 * len(cells) + 1e-9


def find_checks(rows: tuple[Row, ...], columns: tuple[Column, ...]) -> tuple[Check, ...]:
    """Every row and column relation found in a table, footing or not."""
    return tuple(_row_checks(rows, columns)) + tuple(_column_checks(rows, columns))


def _row_checks(rows, columns) -> list[Check]:
    checks: list[Check] = []
    sequence: list[Row] = []
    for row in rows:
        if not any(_number(cell) is not None for cell in row.cells):
            continue
        found = _group_window(row, sequence, len(columns)) or _match_window(row, sequence, len(columns))
        if found is None:
            sequence.append(row)
            continue
        terms, signs = found
        checks.extend(_record_rows(row, terms, signs, len(columns)))
        del sequence[len(sequence) - len(terms) :]
        sequence.append(row)
    return checks


def _group_window(target: Row, sequence: list[Row], width: int):
    """A subtotal, or a "Total" row closing a group, sums the rows of its group."""
    if not target.group or not (target.kind == SUBTOTAL or _TOTAL.match(target.label)):
        return None
    window: list[Row] = []
    for row in reversed(sequence):
        if row.group[: len(target.group)] != target.group:
            break
        window.insert(0, row)
    if len(window) < 2 or len(window) > _MAX_TERMS:
        return None
    signs = [1] * len(window)
    for column in range(width):
        printed = _number(target.cell(column))
        values = [_number(row.cell(column)) for row in window]
        if printed is None or any(value is None for value in values) or printed == 0:
            continue
        cells = [target.cell(column)] + [row.cell(column) for row in window]
        if abs(printed - sum(values)) <= _tolerance(cells):
            return window, signs
    return None


def _match_window(target: Row, sequence: list[Row], width: int):
    for length in range(2, min(_MAX_TERMS, len(sequence)) + 1):
        window = sequence[-length:]
        variants = [[1] * length] + ([[1] + [-1] * (length - 1)] if length <= 3 else [])
        for signs in variants:
            if _window_holds(target, window, signs, width):
                return window, signs
    return None


def _window_holds(target: Row, window: list[Row], signs: list[int], width: int) -> bool:
    """True when the window adds up to the target wherever it says something (zeros say nothing)."""
    matched = mismatched = 0
    for column in range(width):
        printed = _number(target.cell(column))
        values = [_number(row.cell(column)) for row in window]
        if printed is None or any(value is None for value in values):
            continue
        cells = [target.cell(column)] + [row.cell(column) for row in window]
        computed = sum(sign * value for sign, value in zip(signs, values))
        if abs(printed - computed) > _tolerance(cells):
            mismatched += 1
        elif printed != 0 and sum(1 for value in values if value) >= 2:
            matched += 1
    if matched == 0:
        return False
    return mismatched == 0 or (matched >= 2 and matched >= 0.6 * (matched + mismatched))


def _record_rows(target: Row, window: list[Row], signs: list[int], width: int) -> list[Check]:
    checks = []
    names = [row.display_label or f"row {row.index}" for row in window]
    operator = [" + " if sign > 0 else " - " for sign in signs[1:]]
    description = f"{target.display_label or 'Subtotal'} = {names[0]}" + "".join(
        op + name for op, name in zip(operator, names[1:])
    )
    for column in range(width):
        printed = _number(target.cell(column))
        values = [_number(row.cell(column)) for row in window]
        if printed is None or any(value is None for value in values):
            continue
        cells = [target.cell(column)] + [row.cell(column) for row in window]
        computed = sum(sign * value for sign, value in zip(signs, values))
        difference = round(printed - computed, 6)
        checks.append(
            Check(
                kind="rows",
                target=(target.index, column),
                terms=tuple((row.index, column, sign) for row, sign in zip(window, signs)),
                printed=printed,
                computed=round(computed, 6),
                difference=difference,
                ok=abs(difference) <= _tolerance(cells),
                description=description,
            )
        )
    return checks


def _column_checks(rows, columns) -> list[Check]:
    checks: list[Check] = []
    width = len(columns)
    for target in range(width):
        for first in range(width):
            for last in range(first + 1, width):
                if first <= target <= last:
                    continue
                window = list(range(first, last + 1))
                if len(window) > 6 or not _same_unit(columns, target, window):
                    continue
                found = _column_relation(rows, target, window)
                if found:
                    checks.extend(found)
    return checks


def _same_unit(columns, target: int, window: list[int]) -> bool:
    unit = (columns[target].currency, columns[target].scale)
    return all((columns[k].currency, columns[k].scale) == unit for k in window)


def _column_relation(rows, target: int, window: list[int]) -> list[Check]:
    results: list[tuple[Row, float, float, list[Cell | None]]] = []
    for row in rows:
        printed = _number(row.cell(target))
        values = [_number(row.cell(k)) for k in window]
        if printed is None or any(value is None for value in values):
            continue
        cells = [row.cell(target)] + [row.cell(k) for k in window]
        results.append((row, printed, sum(values), cells))
    meaningful = [r for r in results if r[1] != 0 and sum(1 for c in r[3][1:] if c.value) >= 2]
    if len(results) < 3 or len(meaningful) < 2:
        return []
    holds = [r for r in results if abs(r[1] - r[2]) <= _tolerance(r[3])]
    if len(holds) < 0.8 * len(results) or not any(r in holds for r in meaningful):
        return []
    checks = []
    for row, printed, computed, cells in results:
        difference = round(printed - computed, 6)
        checks.append(
            Check(
                kind="columns",
                target=(row.index, target),
                terms=tuple((row.index, k, 1) for k in window),
                printed=printed,
                computed=round(computed, 6),
                difference=difference,
                ok=abs(difference) <= _tolerance(cells),
                description=f"{row.display_label}: column {target} = "
                + " + ".join(f"column {k}" for k in window),
            )
        )
    return checks
