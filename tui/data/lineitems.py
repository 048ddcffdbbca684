"""The line items search finds: one per row that prints a value, with its values' readings (period,
unit, doubt), its tier (statement, other table, EX-27 schedule) and the two keys it is found by."""

from __future__ import annotations

from dataclasses import dataclass

from parser.doubts import failed_targets, is_doubted

from .statements import NAMED, main_statement
from .text import normalise_label
from .units import cell_unit

STATEMENT_TIER, OTHER_TIER, SCHEDULE_TIER = 0, 1, 2


@dataclass(frozen=True)
class Item:
    """One searchable line item: where it stands and what it prints."""

    filing_path: str
    filing_date: str
    table_index: int
    table_title: str
    row_index: int
    label: str
    group: str
    values: tuple[str, ...]
    readings: tuple[Reading, ...] = ()  # one per value: its period, unit and doubt
    # 0: the filing's income statement, balance sheet or cash-flow statement (`statements.main_statement`);
    # 1: any other table; 2: an EX-27 financial data schedule. Among equal matches in a filing the
    # statements' rows come first, and a schedule's tags rank after every statement row (`postings`).
    tier: int = 1


@dataclass(frozen=True)
class Reading:
    """How one value of a hit was read: '12M to 1997-06-30', 'USD m', and whether it is doubted."""

    period: str
    unit: str
    doubted: bool = False


@dataclass(frozen=True)
class Hit:
    """A ranked match; `via` names the synonym that matched, None for a direct match."""

    item: Item
    score: float
    via: str | None = None


def items_of(filing) -> list[Item]:
    """The searchable rows of a filing: every row that prints a value, each value with its reading (a
    row's nil cells only when it has nothing else)."""
    date = filing.date.isoformat() if filing.date else ""
    found = []
    mains = {main_statement(filing, kind) for kind in NAMED}
    for table in filing.tables:
        failed = failed_targets(table)
        tier = (SCHEDULE_TIER if str(table.kind) == "schedule"
                else STATEMENT_TIER if table.index in mains else OTHER_TIER)
        for row in table.value_rows:
            cells = [cell for cell in row.cells if cell is not None]
            cells = [cell for cell in cells if cell.kind != "nil"] or cells  # a dash says nothing in a hit
            readings = tuple(Reading(cell.period.describe() if cell.period else "", cell_unit(cell),
                                     is_doubted(row, cell, failed)) for cell in cells)
            found.append(Item(filing.path, date, table.index, table.title, row.index, row.display_label,
                              row.group_text, tuple(cell.raw for cell in cells), readings, tier))
    return found


def search_keys(item: Item) -> tuple[str, str]:
    """The two keys an item is found by: its normalised label, and its group and label together."""
    return normalise_label(item.label), normalise_label(f"{item.group} {item.label}")
