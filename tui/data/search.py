"""Fuzzy search over every line item of every loaded filing, widened by a small synonym table.

Line items are indexed by key: the normalised label, and the normalised group and label together.
Each keystroke scores only the keys the vocabulary's word index lets through (see `vocab`), with
rapidfuzz's WRatio, then ranks the cells those keys point to; the hits are materialised lazily.
"""

from __future__ import annotations

import re

from .lineitems import Hit, Item, Reading, items_of, search_keys
from .postings import Postings
from .ranking import rank
from .text import normalise_label

__all__ = ["Hit", "Item", "Reading", "SYNONYMS", "SearchIndex", "expand_query", "items_of", "search_keys"]

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
    first_via: dict[str, str | None] = {}
    for text, via in variants:
        first_via.setdefault(text, via)
    return list(first_via.items())



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
            postings = self._postings = Postings.from_items(self._filings)
        return postings

    def results(self, query: str, prefilter: bool = True):
        """Every hit for a query, best first (newest filings first among equals), as a lazy sequence."""
        return rank(self.postings, expand_query(query), prefilter)

    def search(self, query: str, limit: int = 50, prefilter: bool = True) -> list[Hit]:
        """The best `limit` hits for a query."""
        return list(self.results(query, prefilter)[:limit])
