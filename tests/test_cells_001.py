"""Every cell of tests/fixtures/cells_001.tsv (read off filing 001 by hand) as the parser sees it."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from parser import load_filing

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "cells_001.tsv"


def _expected_cells():
    with FIXTURE.open(newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


EXPECTED = _expected_cells()


@pytest.fixture(scope="module")
def filing():
    return load_filing(ROOT / "filings" / "001_e47b350a37731711.txt")


def _find(table, expected):
    """The cell on the expected line with the expected raw text (and period/currency if several)."""
    line = int(expected["line"])
    found = []
    for row in table.rows:
        for cell in row.cells:
            if cell is not None and cell.line == line and cell.raw == expected["raw"]:
                found.append((row, cell, table.columns[cell.column]))
    if len(found) > 1:
        found = [f for f in found if _period_text(f[2]) == (expected["period_end"], expected["months"])
                 and (f[1].currency or "") == expected["currency"]]
    return found


def _period_text(column):
    if column.period is None:
        return ("", "")
    return (column.period.end.isoformat(), str(column.period.months))


def test_fixture_is_large_and_covers_every_table():
    assert len(EXPECTED) >= 150
    assert {int(e["table"]) for e in EXPECTED} == set(range(19))


def test_filing_has_nineteen_tables(filing):
    assert len(filing.tables) == 19


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda e: f"t{e['table']}-L{e['line']}-{e['raw']}")
def test_cell(filing, expected):
    table = filing.tables[int(expected["table"])]
    found = _find(table, expected)
    assert found, f"no cell {expected['raw']!r} on line {expected['line']}"
    row, cell, column = found[0]
    assert row.label == expected["line_item"]
    assert row.group_text == expected["group"]
    assert _period_text(column) == (expected["period_end"], expected["months"])
    assert (cell.currency or "") == expected["currency"]
    assert cell.scale == int(expected["scale"])
    assert cell.value == pytest.approx(float(expected["value"]))
    assert cell.kind == expected["kind"]


def test_periods_are_dates(filing):
    column = filing.tables[5].columns[0]
    assert column.period.end == date(2003, 12, 31) and column.period.months == 0
