"""Find the arithmetic a table holds (subtotals, differences, column sums) and record what foots.

Rows: a subtotal (or a "Total" row closing a group) is tried as the sum of its group; any other
row as the sum of the rows just above it (groups already summed count as their subtotal), or as
the first of them less the rest. Columns: each column is tried as the sum of a run of other
columns with the same unit (Before + Exceptional = After; 3 + 3 = 6 months). A relation is kept
when it holds wherever it says something; where it then fails, the check records the difference.
Printed numbers are never altered.
"""

from __future__ import annotations

import re
from typing import cast

from .model import AMOUNT, COUNT, NIL, SUBTOTAL, Check, Column, Row

_SUMMABLE = (AMOUNT, COUNT, NIL)
_MAX_TERMS = 12
_MAX_TOTAL_TERMS = 120
_MAX_COLUMN_TERMS = 6
_MAX_COLUMNS_CHECKED = 40
_TOTAL = re.compile(r"^\s*(?:grand\s+|aggregate\s+)?total\b", re.I)


class _Numbers:
    """A row's summable values and the rounding slack of each, by column (None where absent)."""

    __slots__ = ("row", "values", "slack")

    def __init__(self, row: Row) -> None:
        self.row = row
        self.values: list[float | None] = []
        self.slack: list[float] = []
        for cell in row.cells:
            if cell is not None and cell.kind in _SUMMABLE and cell.value == cell.value:  # not NaN (too long)
                self.values.append(cell.value)
                decimals = len(cell.raw.rsplit(".", 1)[-1].rstrip(")%*")) if "." in cell.raw else 0
                self.slack.append(0.5 * 10.0**-decimals)
            else:
                self.values.append(None)
                self.slack.append(0.0)


def find_checks(rows: tuple[Row, ...], columns: tuple[Column, ...]) -> tuple[Check, ...]:
    """Every row and column relation found in a table, footing or not."""
    numbers = [_Numbers(row) for row in rows]
    numbers = [n for n in numbers if any(v is not None for v in n.values)]
    return tuple(_row_checks(numbers, len(columns))) + tuple(_column_checks(numbers, columns))


def _row_checks(numbers: list[_Numbers], width: int) -> list[Check]:
    checks: list[Check] = []
    sequence: list[_Numbers] = []
    for target in numbers:
        found = _group_window(target, sequence, width) or _match_window(target, sequence, width)
        if found is None:
            sequence.append(target)
            continue
        window, signs = found
        checks.extend(_record_rows(target, window, signs, width))
        del sequence[len(sequence) - len(window) :]
        sequence.append(target)
    return checks


def _evaluate(target: _Numbers, window: list[_Numbers], signs: list[int], width: int) -> list[tuple[float, float, float, bool] | None]:
    """Per column: (printed, computed, slack, nontrivial), or None where a term is missing."""
    results: list[tuple[float, float, float, bool] | None] = []
    for column in range(width):
        printed = target.values[column]
        if printed is None:
            results.append(None)
            continue
        computed = 0.0
        slack = target.slack[column]
        nonzero = 0
        for term, sign in zip(window, signs):
            value = term.values[column]
            if value is None:
                break
            computed += sign * value
            slack += term.slack[column]
            nonzero += value != 0
        else:
            results.append((printed, computed, slack + 1e-9, printed != 0 and nonzero >= 2))
            continue
        results.append(None)
    return results


def _holds(results: list[tuple[float, float, float, bool] | None]) -> tuple[int, int]:
    matched = mismatched = 0
    for result in results:
        if result is None:
            continue
        printed, computed, slack, nontrivial = result
        if abs(printed - computed) > slack:
            mismatched += 1
        elif nontrivial:
            matched += 1
    return matched, mismatched


def _group_window(target: _Numbers, sequence: list[_Numbers], width: int) -> tuple[list[_Numbers], list[int]] | None:
    """A subtotal, or a "Total" row closing a group, sums the rows of its group."""
    row = target.row
    if not row.group or not (row.kind == SUBTOTAL or _TOTAL.match(row.label)):
        return None
    window: list[_Numbers] = []
    for term in reversed(sequence):
        if term.row.group[: len(row.group)] != row.group:
            break
        window.insert(0, term)
    if not 2 <= len(window) <= _MAX_TERMS:
        return None
    signs = [1] * len(window)
    matched, _ = _holds(_evaluate(target, window, signs, width))
    return (window, signs) if matched else None


def _match_window(target: _Numbers, sequence: list[_Numbers], width: int) -> tuple[list[_Numbers], list[int]] | None:
    """The shortest run of rows just above the target that sums to it (or, up to three rows,
    whose first less the rest does). Sums grow one row at a time, so each length costs one pass."""
    sums = [0.0] * width
    slack = list(target.slack)
    nonzero = [0] * width
    present = [value is not None for value in target.values]
    longest = _MAX_TOTAL_TERMS if _totals(target) else _MAX_TERMS
    for length in range(1, min(longest, len(sequence)) + 1):
        term = sequence[-length]
        for column in range(width):
            if not present[column]:
                continue
            value = term.values[column]
            if value is None:
                present[column] = False
                continue
            sums[column] += value
            slack[column] += term.slack[column]
            nonzero[column] += value != 0
        if length < 2:
            continue
        first = term.values
        if _accept(target, sums, slack, nonzero, present, None, width):
            return sequence[-length:], [1] * length
        if length <= 3 and _accept(target, sums, slack, nonzero, present, first, width):
            return sequence[-length:], [1] + [-1] * (length - 1)
    return None


def _totals(target: _Numbers) -> bool:
    """A row that prints a total: labelled "Total ...", or numbers with no label under a rule."""
    return target.row.kind == SUBTOTAL or bool(_TOTAL.match(target.row.label))


def _accept(target: _Numbers, sums: list[float], slack: list[float], nonzero: list[int], present: list[bool],
            first: list[float | None] | None, width: int) -> bool:
    """Does the window hold wherever it says something? `first` set: first term less the rest."""
    matched = mismatched = 0
    for column in range(width):
        if not present[column]:
            continue
        printed = target.values[column]
        computed = sums[column] if first is None else 2 * cast(float, first[column]) - sums[column]
        if abs(cast(float, printed) - computed) > slack[column] + 1e-9:
            mismatched += 1
        elif printed != 0 and nonzero[column] >= 2:
            matched += 1
    if not matched:
        return False
    if mismatched == 0 or (matched >= 2 and matched >= 0.6 * (matched + mismatched)):
        return True
    # A total that foots in one column and not in the next is a failing check, not no check.
    return _totals(target) and first is None and mismatched <= matched


def _record_rows(target: _Numbers, window: list[_Numbers], signs: list[int], width: int) -> list[Check]:
    names = [term.row.display_label or f"row {term.row.index}" for term in window]
    operators = [" + " if sign > 0 else " - " for sign in signs[1:]]
    description = f"{target.row.display_label or 'Subtotal'} = {names[0]}" + "".join(
        op + name for op, name in zip(operators, names[1:])
    )
    checks = []
    for column, result in enumerate(_evaluate(target, window, signs, width)):
        if result is None:
            continue
        printed, computed, slack, _ = result
        difference = round(printed - computed, 6)
        checks.append(
            Check(
                kind="rows",
                target=(target.row.index, column),
                terms=tuple((term.row.index, column, sign) for term, sign in zip(window, signs)),
                printed=printed,
                computed=round(computed, 6),
                difference=difference,
                ok=abs(difference) <= slack,
                description=description,
            )
        )
    return checks


def _column_checks(numbers: list[_Numbers], columns: tuple[Column, ...]) -> list[Check]:
    checks: list[Check] = []
    width = len(columns)
    if width > _MAX_COLUMNS_CHECKED:
        return checks
    units = [(column.currency, column.scale) for column in columns]
    for target in range(width):
        for first in range(width):
            for last in range(first + 1, min(width, first + _MAX_COLUMN_TERMS)):
                if first <= target <= last:
                    continue
                window = range(first, last + 1)
                if any(units[k] != units[target] for k in window):
                    continue
                checks.extend(_column_relation(numbers, target, window, columns))
    return checks


def _column_name(column: Column) -> str:
    """A column named by what tells it apart: its qualifier, else its period and unit."""
    if column.qualifier:
        return f"column {column.index} ({column.qualifier})"
    if column.period is not None:
        return f"column {column.index} ({column.period.describe()} {column.unit_text})".replace(" )", ")")
    return f"column {column.index}"


def _column_relation(numbers: list[_Numbers], target: int, window: range, columns: tuple[Column, ...]) -> list[Check]:
    results: list[tuple[_Numbers, float, float, float, bool]] = []
    failures = 0
    meaningful = 0
    for entry in numbers:
        printed = entry.values[target]
        if printed is None:
            continue
        values = [entry.values[k] for k in window]
        if None in values:
            continue
        computed = sum(cast("list[float]", values))
        slack = entry.slack[target] + sum(entry.slack[k] for k in window) + 1e-9
        holds = abs(printed - computed) <= slack
        failures += not holds
        if failures > 2 and failures > 0.2 * max(len(numbers), 1):
            return []
        meaningful += holds and printed != 0 and sum(1 for v in values if v) >= 2
        results.append((entry, printed, computed, slack, holds))
    if len(results) < 3 or meaningful < 2 or failures > 0.2 * len(results):
        return []
    description = f"{_column_name(columns[target])} = " + " + ".join(_column_name(columns[k]) for k in window)
    return [
        Check(
            kind="columns",
            target=(entry.row.index, target),
            terms=tuple((entry.row.index, k, 1) for k in window),
            printed=printed,
            computed=round(computed, 6),
            difference=round(printed - computed, 6),
            ok=holds,
            description=description,
        )
        for entry, printed, computed, slack, holds in results
    ]
