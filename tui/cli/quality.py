"""The corpus quality report of `colt-tui check --summary`: per filing, how many of its cells
carry a period and a unit, are covered by an arithmetic check, fail one, or are in doubt.

Computed from the facts table alone, so the same report can be made of any version's
`colt-tui facts` output (benchmarks/corpus_quality.py compares two).
"""

from __future__ import annotations

from dataclasses import dataclass

_UNITLESS = {"count", "percent", "ratio"}
_MONEY = {"amount", "per_share", "nil"}
HEADER = ("filing", "tables", "cells", "period", "unit", "checked", "failing", "doubt")


@dataclass
class Quality:
    """One filing's (or the total's) counts."""

    filing: str
    tables: int = 0
    cells: int = 0
    period: int = 0
    unit: int = 0
    checked: int = 0
    failing: int = 0
    doubt: int = 0

    def add(self, other: Quality) -> None:
        """Add another filing's counts to these."""
        for name in HEADER[1:]:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def cells_row(self) -> list[str]:
        """The row as printed: counts of tables and cells, shares of the cells in percent."""
        def share(part: int) -> str:
            return f"{100 * part / self.cells:.1f}%" if self.cells else "-"

        return [self.filing, str(self.tables), str(self.cells), share(self.period), share(self.unit),
                share(self.checked), share(self.failing), share(self.doubt)]


def quality_of(records) -> Quality:
    """The counts of one filing's fact records (dicts with the facts table's columns)."""
    quality = Quality("")
    tables = set()
    for record in records:
        quality.filing = record["filing"]
        tables.add(record["table"])
        quality.cells += 1
        quality.period += bool(record["period_end"])
        kind = record["kind"]
        quality.unit += kind in _UNITLESS or (kind in _MONEY and bool(record["currency"]))
        quality.checked += bool(record["check"])
        quality.failing += record["check"] == "fails"
        quality.doubt += bool(record["doubt"])
    quality.tables = len(tables)
    return quality


def quality_table(records, names: list[str]) -> list[list[str]]:
    """Rows for every filing named (in that order, those without facts too), then the total."""
    by_filing: dict[str, list] = {}
    for record in records:
        by_filing.setdefault(record["filing"], []).append(record)
    rows: list[list[str]] = []
    total = Quality("total")
    for name in names:
        quality = quality_of(by_filing.get(name, []))
        quality.filing = name
        total.add(quality)
        rows.append(quality.cells_row())
    rows.append(total.cells_row())
    return rows


def render(rows: list[list[str]]) -> list[str]:
    """The rows as aligned text lines under a header."""
    table = [list(HEADER), *rows]
    widths = [max(len(row[k]) for row in table) for k in range(len(HEADER))]
    return ["  ".join(cell.ljust(w) if k == 0 else cell.rjust(w) for k, (cell, w) in enumerate(zip(row, widths))).rstrip()
            for row in table]
