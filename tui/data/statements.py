"""The open filing's main statements: which table is its income statement, balance sheet or cash-flow
statement (the one whose title names the statement, else the longest of its kind)."""

from __future__ import annotations

import re

NAMED = {
    "income": re.compile(r"income\s+statements?|statements?\s+of\s+(?:consolidated\s+)?(?:income|operations|earnings)"
                         r"|profit\s+and\s+loss|results\s+of\s+operations", re.I),
    "balance": re.compile(r"balance\s+sheets?|statements?\s+of\s+(?:consolidated\s+)?financial\s+(?:position|condition)",
                          re.I),
    "cash_flow": re.compile(r"cash\s*flows?|changes\s+in\s+financial\s+position", re.I),
}
NAMES = {"income": "income statement", "balance": "balance sheet", "cash_flow": "cash-flow statement"}


def main_statement(filing, kind: str) -> int | None:
    """The index of the filing's table that is its statement of this kind, or None when it has none."""
    tables = [table for table in filing.tables if str(table.kind) == kind]
    if not tables:
        return None
    named = NAMED[kind]
    best = max(tables, key=lambda table: (bool(named.search(table.title or "")), len(table.rows), -table.index))
    return best.index
