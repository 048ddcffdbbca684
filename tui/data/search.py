"""Fuzzy search over every line item of every loaded filing, widened by a small synonym table."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import normalise_label

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
)
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


@dataclass(frozen=True)
class Hit:
    """A ranked match; `via` names the synonym that matched, None for a direct match."""

    item: Item
    score: float
    via: str | None = None


def items_of(filing) -> list[Item]:
    """The searchable rows of a filing: every row that prints a value."""
    date = filing.date.isoformat() if filing.date else ""
    found = []
    for table in filing.tables:
        for row in table.value_rows:
            values = tuple(cell.raw for cell in row.cells if cell is not None)
            found.append(
                Item(filing.path, date, table.index, table.title, row.index, row.display_label, row.group_text, values)
            )
    return found


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
    """Line items of the loaded filings, searched with rapidfuzz on each keystroke."""

    def __init__(self) -> None:
        self._state: tuple[list[Item], list[str], list[str]] = ([], [], [])

    def __len__(self) -> int:
        return len(self._state[0])

    def add(self, filing) -> None:
        """Index a parsed filing's line items, replacing any earlier copy; safe from a worker thread."""
        if filing.error:
            return
        items, labels, grouped = self._state
        keep = [k for k, item in enumerate(items) if item.filing_path != filing.path]
        new = items_of(filing)
        self._state = (
            [items[k] for k in keep] + new,
            [labels[k] for k in keep] + [normalise_label(item.label) for item in new],
            [grouped[k] for k in keep] + [normalise_label(f"{item.group} {item.label}") for item in new],
        )

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """The best hits for a query, best first; newer filings first among equals."""
        from rapidfuzz import fuzz, process

        items, labels, grouped = self._state
        best: dict[int, Hit] = {}
        for text, via in expand_query(query):
            weight = 1.0 if via is None else SYNONYM_PENALTY
            cutoff = CUTOFF if via is None else SYNONYM_CUTOFF
            for choices, factor in ((labels, 1.0), (grouped, GROUP_PENALTY)):
                for _, score, index in process.extract(
                    text, choices, scorer=fuzz.WRatio, limit=None, score_cutoff=cutoff
                ):
                    score *= weight * factor
                    if index not in best or score > best[index].score:
                        best[index] = Hit(items[index], score, via)
        ranked = sorted(best.values(), key=_rank)
        return [hit for hit in ranked if hit.score >= CUTOFF][:limit]


def _rank(hit: Hit) -> tuple:
    """Best score first, then newest filing, then order in the filing."""
    item = hit.item
    newest = -int(item.filing_date.replace("-", "") or 0)
    return (-round(hit.score, 1), newest, item.filing_path, item.table_index, item.row_index)
