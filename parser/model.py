"""The typed, frozen results of parsing a filing.

Every item records the 1-based line(s) of the file it was read from, so that any number
shown to an analyst can be traced back to the text.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (PEP 781)
if TYPE_CHECKING:
    from collections.abc import Iterator

    import pandas as pd


class RowKind(StrEnum):
    """What a row of a table is."""

    ITEM = "item"
    HEADING = "heading"
    SUBTOTAL = "subtotal"


class CellKind(StrEnum):
    """What a printed number is: money, money per share, a count, a percentage, a ratio, a nil."""

    AMOUNT = "amount"
    PER_SHARE = "per_share"
    COUNT = "count"
    PERCENT = "percent"
    RATIO = "ratio"
    NIL = "nil"


class TableKind(StrEnum):
    """The statement a table is."""

    INCOME = "income"
    BALANCE = "balance"
    CASH_FLOW = "cash_flow"
    EQUITY = "equity"
    SEGMENT = "segment"
    HOLDINGS = "holdings"
    SCHEDULE = "schedule"
    KPI = "kpi"
    OTHER = "other"


class Source(StrEnum):
    """Where a period or unit was read, strongest evidence first (see `parser.evidence`)."""

    CELL = "printed with the number"
    ROW = "row label"
    COLUMN = "column header"
    SPANNING = "spanning header"
    CAPTION = "caption"
    HEADING = "section heading"
    FILING = "filing header or cover"
    STATEMENTS = "the filing's other statements"
    TABLE = "statement kind"
    ARITHMETIC = "arithmetic (net income / shares = per-share figure)"
    NONE = ""


class DoubtReason(StrEnum):
    """Why a number may not be what it seems."""

    CHECK_FAILS = "check does not foot"
    PERIOD_NOT_READ = "period not read"
    UNIT_NOT_READ = "unit not read"
    CURRENCY_NOT_READ = "currency not read"
    LABEL_AFTER = "label read from the lines after its numbers"
    LABEL_JOINED = "wrapped label joined across a capitalised line"
    VALUES_DROPPED = "more numbers on the line than the table has columns; some were left out"
    SAME_HEADING = "another column is headed alike"
    TOO_LONG = "too many digits to be a number"


SCALE_SUFFIX = {1: "", 1000: "'000", 1_000_000: " m", 1_000_000_000: " bn"}


def unit_text(currency: str | None, scale: int) -> str:
    """A currency and scale as every view writes them: 'GBP'000', 'USD m', 'USD', or '' for a unitless,
    unscaled column."""
    suffix = SCALE_SUFFIX.get(scale, f" x{scale}")
    return f"{currency}{suffix}" if currency else suffix.strip()

@dataclass(frozen=True, slots=True)
class Doubt:
    """One reason to doubt a number, with what was seen (e.g. which sources disagreed)."""

    reason: DoubtReason
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.reason} ({self.detail})" if self.detail else str(self.reason)


ITEM, HEADING, SUBTOTAL = RowKind.ITEM, RowKind.HEADING, RowKind.SUBTOTAL
AMOUNT, PER_SHARE, COUNT = CellKind.AMOUNT, CellKind.PER_SHARE, CellKind.COUNT
PERCENT, RATIO, NIL = CellKind.PERCENT, CellKind.RATIO, CellKind.NIL
TABLE_KINDS = tuple(TableKind)


@dataclass(frozen=True, slots=True)
class Period:
    """The time a column covers: `months` long, ending on `end`; 0 months is a point in time."""

    end: date
    months: int

    @property
    def is_instant(self) -> bool:
        """True for a balance-sheet style point in time."""
        return self.months == 0

    def describe(self) -> str:
        """Short human text, e.g. '3M to 2004-06-30' or 'at 2003-12-31'."""
        if self.months == 0:
            return f"at {self.end.isoformat()}"
        return f"{self.months}M to {self.end.isoformat()}"


@dataclass(frozen=True, slots=True)
class Column:
    """One value column of a table, with every header line above it, top to bottom."""

    index: int
    label: tuple[str, ...]
    start: int
    end: int
    period: Period | None = None
    currency: str | None = None
    scale: int = 1
    qualifier: str = ""
    period_source: Source = Source.NONE
    unit_source: Source = Source.NONE
    doubts: tuple[Doubt, ...] = ()

    @property
    def label_text(self) -> str:
        """The header lines joined by ' | ', as in the facts table."""
        return " | ".join(self.label)

    @property
    def unit_text(self) -> str:
        """'GBP'000', 'USD m', 'USD' or '' for a unitless column."""
        return unit_text(self.currency, self.scale)


@dataclass(frozen=True, slots=True)
class Cell:
    """One printed number: its raw text, value, kind and the line it stands on, and the period
    and unit it carries (its column's, unless its row says otherwise), with where each was read."""

    raw: str
    value: float
    kind: CellKind
    line: int
    column: int
    currency: str | None = None
    scale: int = 1
    start: int = 0
    end: int = 0
    period: Period | None = None
    period_source: Source = Source.NONE
    unit_source: Source = Source.NONE
    doubts: tuple[Doubt, ...] = ()


@dataclass(frozen=True, slots=True)
class Row:
    """A line item (or a group heading, or an unlabeled subtotal) and its cells by column."""

    index: int
    label: str
    group: tuple[str, ...]
    kind: RowKind
    cells: tuple[Cell | None, ...]
    line: int
    first_line: int
    last_line: int
    doubts: tuple[Doubt, ...] = ()

    @property
    def is_subtotal(self) -> bool:
        """True for a row of numbers printed without a label of its own."""
        return self.kind == SUBTOTAL

    @property
    def is_heading(self) -> bool:
        """True for a label-only line that opens a group."""
        return self.kind == HEADING

    @property
    def group_text(self) -> str:
        """The groups joined outermost first by ' > '."""
        return " > ".join(self.group)

    def cell(self, column: int) -> Cell | None:
        """The cell in column `column`, or None where the row prints nothing there."""
        return self.cells[column] if 0 <= column < len(self.cells) else None

    @property
    def display_label(self) -> str:
        """The label, or a description for an unlabeled subtotal."""
        if self.label:
            return self.label
        if self.kind == SUBTOTAL:
            return f"Subtotal ({self.group[-1]})" if self.group else "Subtotal"
        return ""


@dataclass(frozen=True, slots=True)
class Check:
    """An arithmetic relation found in a table: target = sum of signed terms.

    Each cell is given as (row index, column index). `difference` is printed minus
    computed; `ok` is True when it is zero or within rounding of the printed digits.
    """

    kind: str
    target: tuple[int, int]
    terms: tuple[tuple[int, int, int], ...]
    printed: float
    computed: float
    difference: float
    ok: bool
    description: str


@dataclass(frozen=True, slots=True)
class Table:
    """One statement table: title, kind, columns, rows and the checks found in it."""

    index: int
    title: str
    kind: TableKind
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    first_line: int
    last_line: int
    checks: tuple[Check, ...] = ()
    notes: tuple[str, ...] = ()
    tagged: bool = True

    @property
    def failed_checks(self) -> tuple[Check, ...]:
        """The checks that do not foot."""
        return tuple(check for check in self.checks if not check.ok)

    @property
    def value_rows(self) -> tuple[Row, ...]:
        """The rows that hold at least one number."""
        return tuple(row for row in self.rows if any(row.cells))

    def find_row(self, label: str, occurrence: int = 0) -> Row | None:
        """The row whose label equals `label` (case and spacing ignored), else None."""
        wanted = " ".join(label.split()).casefold()
        matches = [row for row in self.rows if " ".join(row.label.split()).casefold() == wanted]
        return matches[occurrence] if len(matches) > occurrence else None

    def to_frame(self) -> pd.DataFrame:
        """Rows x columns as a pandas DataFrame; columns a MultiIndex of period and unit."""
        from .frames import table_frame

        return table_frame(self)


@dataclass(frozen=True, slots=True)
class Section:
    """A heading of the outline, its line span and the sections under it."""

    title: str
    level: int
    kind: str
    first_line: int
    last_line: int
    children: tuple[Section, ...] = ()
    tables: tuple[int, ...] = ()

    def walk(self) -> Iterator[Section]:
        """Yield this section and every section under it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Document:
    """One <DOCUMENT> of a submission (or the whole file for a bare filing)."""

    type: str
    first_line: int
    last_line: int
    description: str = ""


@dataclass(frozen=True, slots=True)
class Filing:
    """A parsed filing: metadata, the outline, the tables and any warnings."""

    path: str
    name: str
    form: str = ""
    company: str = ""
    cik: str = ""
    report_month: str = ""
    date: date | None = None
    title: str = ""
    lines: tuple[str, ...] = ()
    period: datetime.date | None = None  # the period of report: SEC header, else the cover ("year ended June 30, 2000")
    documents: tuple[Document, ...] = ()
    sections: tuple[Section, ...] = ()
    tables: tuple[Table, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True unless the file could not be read as a filing at all."""
        return self.error is None

    def walk_sections(self) -> Iterator[Section]:
        """Every section of the outline, depth first."""
        for section in self.sections:
            yield from section.walk()
