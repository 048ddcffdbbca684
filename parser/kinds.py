"""Name a table's kind from its title, and failing that from its line items."""

from __future__ import annotations

import re

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (PEP 781)
if TYPE_CHECKING:
    from collections.abc import Sequence

    from .model import Column, Row
    from .rows import RawRow

_BY_TITLE = [
    ("cash_flow", re.compile(r"cash\s*flows?|changes\s+in\s+cash|changes\s+in\s+financial\s+position|net\s+cash\s+(?:inflow|outflow|provided)|sources\s+and\s+(?:uses|applications)", re.I)),
    ("balance", re.compile(r"balance\s+sheets?|financial\s+(?:position|condition)|assets\s+and\s+liabilities", re.I)),
    ("kpi", re.compile(r"selected\s+(?:consolidated\s+)?financial|financial\s+highlights|summary\s+of\s+operations|"
                       r"(?:five|ten|\d+)[\s-]+year\s+(?:summary|review|data)|financial\s+overview|operating\s+(?:statistics|data)", re.I)),
    ("equity", re.compile(r"recogni[sz]ed\s+gains|changes\s+in\s+(?:equity|shareholders|stockholders|share\s*owners)|shareholders'?\s+funds|"
                          r"(?:stock|share)holders?'?s?\s+(?:equity|investment)|share\s*owners'?\s+equity|net\s+equity|retained\s+earnings", re.I)),
    ("segment", re.compile(r"segment|by\s+(?:region|geograph|business|division)|turnover\s+analysis|revenue\s+analysis", re.I)),
    ("income", re.compile(r"changes\s+in\s+net\s+assets|operations\s+and\s+changes|profit\s+and\s+loss|income\s+statement|statements?\s+of\s+(?:consolidated\s+)?(?:operations|income|earnings)|results\s+of\s+operations|key\s+financial|net\s+loss|net\s+income|loss\s+per\s+share|earnings\s+per\s+share|ebitda", re.I)),
]
_INCOME_ITEMS = re.compile(r"^(?:turnover|revenues?|net\s+sales|sales|total\s+revenues?)\b", re.I)


def table_kind(title: str, rows: Sequence[Row] | Sequence[RawRow], columns: Sequence[Column]) -> str:
    """One of income, balance, cash_flow, equity, segment, kpi, other."""
    for kind, pattern in _BY_TITLE:
        if pattern.search(title):
            return kind
    qualifiers = " ".join(column.qualifier for column in columns)
    if re.search(r"region|corporate|wholesale|segment", qualifiers, re.I):
        return "segment"
    if columns and all(column.currency is None for column in columns):
        return "kpi"
    labels = [row.label for row in rows]
    if any(_INCOME_ITEMS.match(label) for label in labels):
        return "income"
    if any(re.match(r"total\s+assets", label, re.I) for label in labels):
        return "balance"
    return "other"
