"""One statement, one table: join the pieces a filing prints a statement in.

- A statement continued on the next page (the liabilities after the assets, "(Continued)",
  the next page of a 13F information table) prints the same columns under the same or no
  title: its rows are appended to the piece before.
- A statement too wide for the page (the equity statement's last columns, a 13F table's voting
  columns) is printed as a second table with the same rows: its columns are appended.
- A table that only continues the figures of the statement just before it under other columns
  (GE's and GECS's columns beside the consolidated ones) keeps its own columns but takes the
  statement's title and kind when it has none of its own.
"""

from __future__ import annotations

import dataclasses
import re
from difflib import SequenceMatcher

from .cells import continued
from .checks import find_checks
from .clues import FilingDates
from .model import Column, Row, Table, TableKind

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (PEP 781)
if TYPE_CHECKING:
    from collections.abc import Sequence

_STATEMENTS = (TableKind.INCOME, TableKind.BALANCE, TableKind.CASH_FLOW, TableKind.EQUITY, TableKind.HOLDINGS)
_CONTINUED = re.compile(r"\(?\b(?:continued|concluded|cont'd)\b\)?", re.I)
NEAR = 60


def merge_continued(tables: list[Table], dates: FilingDates | None = None, raw: list[str] | None = None) -> list[Table]:
    """The tables with continued pieces joined, re-indexed in file order. Without "(continued)"
    or the same title, a piece continues the one before only across a page break."""
    dates = dates or FilingDates()
    breaks = _page_breaks(raw or []) if len(tables) > 1 else []
    result: list[Table] = []
    for table in tables:
        previous = result[-1] if result else None
        if previous is not None and _side_by_side(previous, table):
            result[-1] = _join_columns(previous, table)
            if len(result) >= 2 and _continues(result[-2], result[-1], breaks):
                result[-2:] = [_join_rows(result[-2], result[-1], dates)]
        elif previous is not None and _continues(previous, table, breaks):
            result[-1] = _join_rows(previous, table, dates)
        else:
            if previous is not None and _supplements(previous, table):
                table = dataclasses.replace(table, title=previous.title, kind=previous.kind)
            result.append(table)
    return [dataclasses.replace(table, index=index) for index, table in enumerate(result)]


def _near(first: Table, second: Table, gap: int = NEAR) -> bool:
    return 0 < second.first_line - first.last_line <= gap


def _base(title: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", _CONTINUED.sub(" ", title).lower()).split())


def _own_title(first: Table, second: Table) -> bool:
    """True when the second piece names a statement of its own, other than the first's."""
    return bool(second.title) and _base(second.title) != _base(first.title) and not _CONTINUED.search(second.title) \
        and second.kind in _STATEMENTS and second.kind != first.kind


_PAGE = re.compile(r"^\s*<PAGE>|^\s*-?\s*\d{1,3}\s*-?\s*$|^\s*(?:page\s+)?F-\d+\s*$|^\s*page\s+\d+|\f", re.I)


def _page_breaks(raw: list[str]) -> list[int]:
    """1-based numbers of the lines that break pages: <PAGE>, a page number alone, a form feed."""
    return [number for number, line in enumerate(raw, 1) if line and _breaks_page(line)]


def _breaks_page(line: str) -> bool:
    """`_PAGE.match(line)`, asked cheaply: a line that starts with a form feed matches; else every
    alternative starts with spaces and then no space, so the pattern is tried on the line without its
    leading spaces (its `\\s*-?\\s*` tried a long indent quadratically, 80 us a line), and only when
    what comes first there could start a match ("<", "-", a digit, "p" or "f")."""
    if line[0] == "\f":
        return True
    stripped = line.lstrip()
    first = stripped[:1]
    return (first in _PAGE_STARTS or first.isdigit()) and bool(_PAGE.match(stripped))


_PAGE_STARTS = frozenset("<-pPfF")


def _continues(first: Table, second: Table, breaks: list[int] | None = None) -> bool:
    if first.kind not in _STATEMENTS or not _near(first, second) or len(first.columns) != len(second.columns):
        return False
    marked = _CONTINUED.search(second.title) or (second.title and _base(second.title) == _base(first.title))
    if not marked and first.kind != TableKind.HOLDINGS and breaks is not None and \
            not any(first.last_line < number < second.first_line for number in breaks):
        return False
    if second.kind not in (first.kind, TableKind.OTHER, TableKind.KPI) or _own_title(first, second):
        return False
    if second.title and _base(second.title) != _base(first.title) and not _CONTINUED.search(second.title) \
            and first.kind != TableKind.HOLDINGS:
        return False
    return all(_same_column(a, b) for a, b in zip(first.columns, second.columns))


def _same_column(a: Column, b: Column) -> bool:
    if b.period is None and not b.label:
        return True
    if a.period != b.period:
        return False
    return (a.currency, a.scale) == (b.currency, b.scale) or b.currency is None


def _labels(table: Table) -> list[str]:
    return [" ".join(row.label.lower().split()) for row in table.value_rows]


def _side_by_side(first: Table, second: Table) -> bool:
    if not _near(first, second, 30) or first.kind not in _STATEMENTS or _own_title(first, second):
        return False
    if [c.label for c in first.columns] == [c.label for c in second.columns]:
        return False
    if second.title and _base(second.title) == _base(first.title) and not _CONTINUED.search(second.title):
        return False  # the same statement for other periods, printed again under its title
    left, right = _labels(first), _labels(second)
    if len(left) < 3 or len(right) < 3:
        return False
    return SequenceMatcher(None, left, right, autojunk=False).ratio() >= 0.8


def _join_columns(first: Table, second: Table) -> Table:
    """The second table's columns appended to the first's, row matched to row by label."""
    width = len(first.columns)
    columns = first.columns + tuple(dataclasses.replace(c, index=width + c.index) for c in second.columns)
    left_rows, right_rows = first.value_rows, second.value_rows
    matcher = SequenceMatcher(None, _labels(first), _labels(second), autojunk=False)
    partner = {}
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            partner[left_rows[block.a + offset].index] = right_rows[block.b + offset]
    empty = (None,) * len(second.columns)
    rows = []
    for row in first.rows:
        other = partner.get(row.index)
        extra = tuple(dataclasses.replace(c, column=width + c.column) if c else None for c in other.cells) if other else empty
        rows.append(dataclasses.replace(row, cells=row.cells + extra))
    return _rebuilt(first, second, columns, rows)


def _join_rows(first: Table, second: Table, dates: FilingDates) -> Table:
    """The second piece's rows under the first's columns; its cells without a period of their
    own (no header on the continued page) read under the first piece's columns."""
    rows = list(first.rows)
    for row in second.rows:
        cells = tuple(
            continued(cell, first.columns[cell.column], row.label, row.group, dates) if cell else None
            for cell in row.cells
        )
        rows.append(dataclasses.replace(row, cells=cells))
    return _rebuilt(first, second, first.columns, rows)


def _rebuilt(first: Table, second: Table, columns: tuple[Column, ...], rows: Sequence[Row]) -> Table:
    rows = tuple(dataclasses.replace(row, index=index) for index, row in enumerate(rows))
    return dataclasses.replace(
        first, columns=columns, rows=rows, last_line=max(first.last_line, second.last_line),
        checks=find_checks(rows, columns), notes=first.notes + second.notes,
    )


def _supplements(first: Table, second: Table) -> bool:
    """A table right after a statement, with its line items but other columns and no title of
    its own (supplemental columns printed on the facing page)."""
    if first.kind not in _STATEMENTS[:4] or not _near(first, second) or _own_title(first, second):
        return False
    if second.title and (second.kind in _STATEMENTS[:4] and second.kind != first.kind):
        return False
    left, right = _labels(first), _labels(second)
    return len(left) >= 5 and SequenceMatcher(None, left, right, autojunk=False).ratio() >= 0.6 and \
        not re.search(r"statement|balance\s+sheet|cash\s+flow", second.title, re.I)
