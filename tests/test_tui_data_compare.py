"""Compare: default periods, change and % change, largest moves, scale toggle (headless)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parser import load_filing
from tui.data.compare import (
    change_text, common_scale, compare, default_pair, pairs, qualifier_rank, scaled, year_before,
)

FILING_001 = Path(__file__).resolve().parents[1] / "filings" / "001_e47b350a37731711.txt"


@pytest.fixture(scope="module")
def filing():
    return load_filing(FILING_001)


def test_default_pair_of_three_month_pl_is_local_2004_against_2003_after_exceptional(filing):
    table = filing.tables[1]
    current, prior = default_pair(table)
    assert table.columns[current].label_text == "Three months ended 30 June | 2004 | GBP'000"
    assert table.columns[prior].period.end == date(2003, 6, 30)
    assert table.columns[prior].qualifier == "After Exceptional Items"


def test_turnover_change_and_percent(filing):
    comparison = compare(filing.tables[1], *default_pair(filing.tables[1]))
    line = next(line for line in comparison.lines if line.label == "Turnover")
    assert (line.current.raw, line.prior.raw) == ("301,233", "292,967")
    assert line.change == 8266
    assert change_text(line, 1000, 1000) == ("+8,266", "+2.8%")
    assert change_text(line, 1000, 1_000_000) == ("+8.3", "+2.8%")


def test_six_month_table_and_key_data_defaults(filing):
    six = filing.tables[2]
    current, prior = default_pair(six)
    assert six.columns[current].period.months == 6 and six.columns[current].currency == "GBP"
    key = filing.tables[0]
    current, prior = default_pair(key)
    assert [key.columns[k].label_text for k in (current, prior)] == [
        "Three months | ended 30 June | 2004 | GBP m", "Three months | ended 30 June | 2003 | GBP m"]


def test_balance_sheet_falls_back_to_nearest_earlier_date(filing):
    table = filing.tables[5]
    current, prior = default_pair(table)
    assert table.columns[current].period.end == date(2004, 6, 30)
    assert table.columns[prior].period.end == date(2003, 12, 31)
    assert table.columns[current].currency == "GBP"


def test_pairs_never_mix_currency_or_length(filing):
    for table in filing.tables:
        for a, b in pairs(table):
            first, second = table.columns[a], table.columns[b]
            assert first.currency == second.currency
            assert first.period.months == second.period.months
            assert first.period.end > second.period.end


def test_segment_tables_with_one_period_offer_nothing(filing):
    assert default_pair(filing.tables[7]) is None


def test_largest_moves_and_sort(filing):
    comparison = compare(filing.tables[1], *default_pair(filing.tables[1]))
    moves = comparison.largest_moves()
    sizes = [abs(comparison.lines[k].change) for k in moves if comparison.lines[k].cell_kind == "amount"]
    assert sizes == sorted(sizes, reverse=True)
    assert comparison.lines[moves[0]].label == "Interconnect and network"
    assert comparison.order(True)[: len(moves)] == moves
    assert comparison.order(False) == list(range(len(comparison.lines)))


def test_helpers():
    assert qualifier_rank("") == qualifier_rank("After Exceptional Items") == 0
    assert qualifier_rank("Before Exceptional Items") == 1
    assert qualifier_rank("Exceptional Items") == 2
    assert year_before(date(2004, 2, 29)) == date(2003, 2, 28)
    assert common_scale(1000) == 1_000_000 and common_scale(1_000_000) == 1000
    assert scaled(301233, "amount", 1000, 1_000_000, 0) == (pytest.approx(301.233), 1)
    assert scaled(301.2, "amount", 1_000_000, 1000, 1) == (pytest.approx(301200), 0)
    assert scaled(33.3, "percent", 1, 1000, 1) == (33.3, 1)
