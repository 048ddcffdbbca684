"""Fuzzy search over every line item of every loaded filing, widened by a small synonym table.

Line items are indexed by key: the normalised label, and the normalised group and label together.
Each keystroke scores only the keys the vocabulary's word index lets through (see `vocab`), with
rapidfuzz's WRatio, then ranks the cells those keys point to; the hits are materialised lazily.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parser.doubts import cell_doubts, failed_targets

from .statements import NAMED, main_statement
from .text import normalise_label
from .units import cell_unit

SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("turnover", "revenue", "revenues", "net sales", "sales"),
    ("profit", "income", "earnings"),
    ("loss", "deficit"),
    ("cost of sales", "cost of goods sold", "cost of revenue"),
    ("debtors", "receivables"),
    ("creditors", "payables"),
    ("stocks", "inventories"),
    ("shareholders funds", "shareholders equity", "stockholders equity"),
    ("amortisation", "amortization"),
    ("tangible fixed assets", "property plant and equipment"),
    ("interest payable", "interest expense"),
    ("interest receivable", "interest income"),
    ("called up share capital", "common stock"),
    ("earnings per share", "eps", "net income per share", "income per share", "earnings per common share",
     "net earnings per share", "loss per share"),
    ("operating profit", "operating income", "operating loss", "income from operations", "loss from operations"),
    ("net income", "net earnings", "net loss", "net profit", "profit for the period", "loss for the period",
     "profit for the year", "loss for the year"),
    ("cash", "cash and cash equivalents", "cash and equivalents", "cash at bank and in hand"),
    ("research and development", "r&d"),
    ("selling general and administrative", "sg&a"),
    ("capital expenditures", "capex", "purchases of property plant and equipment", "additions to property and equipment"),
)
STATEMENT_TIER, OTHER_TIER, SCHEDULE_TIER = 0, 1, 2
SYNONYM_PENALTY = 0.95
GROUP_PENALTY = 0.9
CUTOFF = 72.0
SYNONYM_CUTOFF = 88.0  # a synonym must match closely: it widens recall, not noise


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
                                     bool(cell_doubts(table, row, cell, failed))) for cell in cells)
            found.append(Item(filing.path, date, table.index, table.title, row.index, row.display_label,
                              row.group_text, tuple(cell.raw for cell in cells), readings, tier))
    return found


def search_keys(item: Item) -> tuple[str, str]:
    """The two keys an item is found by: its normalised label, and its group and label together."""
    return normalise_label(item.label), normalise_label(f"{item.group} {item.label}")


def expand_query(query: str) -> list[tuple[str, str | None]]:
    """The normalised query and its synonym variants, each with the term it substituted."""
    base = normalise_label(query)
    variants: list[tuple[str, str | None]] = [(base, None)] if base else []
    for group in SYNONYMS:
        for term in group:
            pattern = re.compile(rf"\b{re.escape(term)}\b")
            if not pattern.search(base):
                continue
            for other in group:
                if other != term:
                    variants.append((pattern.sub(other, base), other))
    seen: set[str] = set()
    return [(text, via) for text, via in variants if not (text in seen or seen.add(text))]


class SearchIndex:
    """Line items of the loaded filings; `add` filings one by one, or build from cached arrays."""

    def __init__(self) -> None:
        self._filings: dict[str, list[Item]] = {}
        self._postings = None

    @classmethod
    def from_postings(cls, postings) -> SearchIndex:
        """An index over prepared postings (see `postings.Postings`), e.g. from the folder cache."""
        index = cls()
        index._postings = postings
        return index

    def __len__(self) -> int:
        return len(self.postings)

    def add(self, filing) -> None:
        """Index a parsed filing's line items, replacing any earlier copy."""
        if filing.error:
            return
        self._filings[filing.path] = items_of(filing)
        self._postings = None

    @property
    def postings(self):
        """The prepared postings, rebuilt after filings were added."""
        postings = self._postings
        if postings is None:
            from .postings import Postings

            postings = self._postings = Postings.from_items(self._filings)
        return postings

    def results(self, query: str, prefilter: bool = True):
        """Every hit for a query, best first (newest filings first among equals), as a lazy sequence."""
        from .ranking import rank

        return rank(self.postings, expand_query(query), prefilter)

    def search(self, query: str, limit: int = 50, prefilter: bool = True) -> list[Hit]:
        """The best `limit` hits for a query."""
        return list(self.results(query, prefilter)[:limit])
