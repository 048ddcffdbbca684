"""Two periods of equal length side by side: change, % change, largest moves, common scale."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from parser.doubts import cell_doubts, failed_targets
from parser.model import Column, Table

from .numbers import decimals_of, grouped, percent


def qualifier_rank(qualifier: str) -> int:
    """0 for a total (no qualifier, 'After ...', 'Total'), 1 for 'Before ...', 2 for a part."""
    text = qualifier.casefold()
    if not text or "after" in text or "total" in text:
        return 0
    return 1 if "before" in text else 2


def year_before(day: date) -> date:
    """The same day one year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def column_text(column) -> str:
    """A column described by period, unit and qualifier."""
    period = column.period.describe() if column.period else column.label_text
    return " ".join(part for part in (period, column.unit_text, column.qualifier) if part)


def pairs(table) -> list[tuple[int, int]]:
    """Every (current, prior) pair of columns with equal length and currency, best first."""
    columns = [column for column in table.columns if column.period is not None]
    currencies = [column.currency for column in columns]
    found = []
    for current in columns:
        for prior in columns:
            if (prior.period.months == current.period.months and prior.currency == current.currency
                    and prior.period.end < current.period.end):
                found.append((current, prior))

    def rank(pair):
        current, prior = pair
        return (
            -current.period.end.toordinal(),
            prior.period.end != year_before(current.period.end),
            current.period.months,
            -currencies.count(current.currency),
            qualifier_rank(current.qualifier),
            0 if prior.qualifier == current.qualifier else 1 + qualifier_rank(prior.qualifier),
            -prior.period.end.toordinal(),
            current.index,
            prior.index,
        )

    return [(current.index, prior.index) for current, prior in sorted(found, key=rank)]


def default_pair(table) -> tuple[int, int] | None:
    """The latest period against the same period a year earlier (or the nearest earlier one)."""
    found = pairs(table)
    return found[0] if found else None


@dataclass(frozen=True)
class Line:
    """One row of a comparison: the two cells (each marked when in doubt), the change and the % change.
    `row_index` is the row in the current table (None for a line only the prior table has), `prior_row`
    the row in the prior table."""

    row_index: int | None
    label: str
    depth: int
    kind: str
    current: object
    prior: object
    change: float | None
    change_percent: float | None
    cell_kind: str
    decimals: int
    group: str = ""
    prior_row: int | None = None
    current_doubt: bool = False
    prior_doubt: bool = False
    source_line: int = 0


@dataclass(frozen=True)
class Comparison:
    """Two columns compared line by line: of one table, or of the same statement in two filings
    (`prior_table`, with `current_from` and `prior_from` naming the filings)."""

    table: Table
    current: Column
    prior: Column
    lines: tuple[Line, ...]
    prior_table: Table | None = None

    current_from: str = ""
    prior_from: str = ""

    @property
    def across_filings(self) -> bool:
        """True when the prior column is another filing's."""
        return self.prior_table is not None and self.prior_table is not self.table

    @property
    def title(self) -> str:
        """'<current> vs <prior>', each with its filing when they come from two."""
        current, prior = column_text(self.current), column_text(self.prior)
        if self.current_from:
            current += f" ({self.current_from})"
        if self.prior_from:
            prior += f" ({self.prior_from})"
        return f"{current}  vs  {prior}"

    @property
    def doubted(self) -> int:
        """How many lines hold a value in doubt."""
        return sum(line.current_doubt or line.prior_doubt for line in self.lines)

    def largest_moves(self) -> list[int]:
        """Indices of lines with a change, largest absolute amount change first."""
        moved = [k for k, line in enumerate(self.lines) if line.change]
        return sorted(moved, key=lambda k: (self.lines[k].cell_kind != "amount", -abs(self.lines[k].change or 0), k))

    def order(self, by_change: bool) -> list[int]:
        """Line indices as printed, or by absolute change with unchanged lines last."""
        if not by_change:
            return list(range(len(self.lines)))
        moves = self.largest_moves()
        return moves + [k for k in range(len(self.lines)) if k not in set(moves)]


def compare(table, current_index: int, prior_index: int) -> Comparison:
    """Compare two columns of a table row by row."""
    current, prior = table.columns[current_index], table.columns[prior_index]
    failed = failed_targets(table)
    lines = [line_of(table, row, row, current, prior, failed, failed) for row in table.rows]
    return Comparison(table, current, prior, tuple(lines))


def line_of(table, row, prior_row, current, prior, failed, prior_failed, prior_table=None) -> Line:
    """One comparison line: `row`'s cell in the current column against `prior_row`'s in the prior column
    (either row may be None), the prior value moved to the current column's scale."""
    prior_table = prior_table or table
    now = row.cell(current.index) if row is not None else None
    then = prior_row.cell(prior.index) if prior_row is not None else None
    change = pct = None
    either = now or then
    kind = str(either.kind) if either else ""

    decimals = max(decimals_of(c.raw) for c in (now, then) if c) if (now or then) else 0
    if now is not None and then is not None:
        prior_value = then.value * prior.scale / current.scale if kind == "amount" else then.value
        change = now.value - prior_value
        if kind != "percent" and prior_value:
            pct = change / abs(prior_value) * 100
    shown = row if row is not None else prior_row
    return Line(
        row.index if row is not None else None, shown.display_label, len(shown.group), str(shown.kind), now, then,
        change, pct, kind, decimals, shown.group_text, prior_row.index if prior_row is not None else None,
        bool(now and cell_doubts(table, row, now, failed)),
        bool(then and cell_doubts(prior_table, prior_row, then, prior_failed)), shown.line,
    )


def scaled(value: float, kind: str, from_scale: int, to_scale: int, decimals: int) -> tuple[float, int]:
    """A value and its decimals moved from one scale to another (amounts only)."""
    if kind != "amount" or from_scale == to_scale:
        return value, decimals
    if to_scale > from_scale:
        return value * from_scale / to_scale, 1
    return value * from_scale / to_scale, max(0, decimals - len(str(from_scale // to_scale)) + 1)


def common_scale(scale: int) -> int:
    """The alternative scale offered by the unit toggle: millions, or thousands for millions."""
    return 1000 if scale == 1_000_000 else 1_000_000


def figure(value: float, decimals: int) -> str:
    """A number in the filings' notation: grouped, negatives in parentheses."""
    text = grouped(abs(value), decimals)
    return f"({text})" if value < 0 else text


def change_text(line: Line, scale_from: int, scale_to: int) -> tuple[str, str]:
    """The change and % change of a line as shown: '+8,266', '+2.8%'; points for percentages."""
    if line.change is None:
        return "", ""
    value, decimals = scaled(line.change, line.cell_kind, scale_from, scale_to, line.decimals)
    if line.cell_kind == "percent":
        return grouped(value, max(decimals, 1), sign=True) + " pt", ""
    return grouped(value, decimals, sign=True), percent(line.change_percent)
