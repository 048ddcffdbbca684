"""The same statement of one company in two filings, aligned by line item, with change and % change
(real filings: Microsoft's 1995, 1997 and 2000 10-Ks, Aeroflex's 1995 10-K); values in doubt marked."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from tests_support import extra_folder, load_once, ready
from tui.data.compare import change_text, compare
from tui.data.crosscompare import compare_filings, counterparts, newer_first
from tui.data.export import comparison_grid
from tui.data.statements import main_statement

EXTRA = Path(__file__).resolve().parent / "fixtures" / "extra"
MS95, MS97, MS00, AEROFLEX = ("10_microsoft-10k-1995.txt", "11_microsoft-10k-1997.txt", "12_microsoft-10k-2000.txt",
                              "06_aeroflex-10k-1995.txt")


@pytest.fixture(scope="module")
def filings():
    return {name: load_once(EXTRA / name) for name in (MS95, MS97, MS00, AEROFLEX)}


def statement(filing, kind):
    return filing.tables[main_statement(filing, kind)]


def by_label(comparison):
    return {line.label: line for line in comparison.lines}


def test_the_counterparts_are_the_same_companys_statements_newest_first(filings):
    ms00 = filings[MS00]
    found = counterparts(list(filings.values()), ms00, statement(ms00, "income"))
    assert [c.filing.name for c in found] == [MS97, MS95]  # never Aeroflex's
    assert all(str(c.table.kind) == "income" for c in found)


def test_two_annual_income_statements_give_the_right_changes(filings):
    """2000 10-K line 6737 ff. (fiscal 2000) against the 1997 10-K line 2796 ff. (fiscal 1997)."""
    ms00, ms97 = filings[MS00], filings[MS97]
    comparison = compare_filings(ms00, statement(ms00, "income"), ms97, statement(ms97, "income"))
    assert comparison.current.period.end == date(2000, 6, 30) and comparison.prior.period.end == date(1997, 6, 30)
    assert comparison.across_filings and "10-K 2000" in comparison.title and "10-K 1997" in comparison.title
    lines = by_label(comparison)
    revenue = lines["Revenue"]
    assert (revenue.current.value, revenue.prior.value, revenue.change) == (22956, 11358, 11598)
    assert change_text(revenue, 1_000_000, 1_000_000) == ("+11,598", "+102.1%")
    research = lines["Research and development"]  # grouped under "Operating expenses:" in both
    assert (research.current.value, research.prior.value, research.change) == (3775, 1925, 1850)
    net = lines["Net income"]
    assert (net.current.value, net.prior.value, net.change) == (9421, 3454, 5967)
    # Printed in the 1997 statement only: kept, after the 2000 statement's lines, with no change.
    dividends = lines["Preferred stock dividends"]
    assert dividends.current is None and dividends.prior.value == 15 and dividends.change is None
    assert comparison.lines.index(dividends) > comparison.lines.index(net)


def test_the_older_filing_picked_first_still_compares_newer_against_older(filings):
    ms00, ms97 = filings[MS00], filings[MS97]
    table = statement(ms97, "balance")
    other = next(c for c in counterparts(list(filings.values()), ms97, table) if c.filing is ms00)
    (current_filing, current), (prior_filing, prior) = newer_first(ms97, table, other)
    assert (current_filing, prior_filing) == (ms00, ms97)
    comparison = compare_filings(current_filing, current, prior_filing, prior)
    assets = by_label(comparison)["Total assets"]  # $52,150 (2000 10-K line 6848), $14,387 (1997, line 2900)
    assert (assets.current.value, assets.prior.value, assets.change) == (52150, 14387, 37763)
    exported = {row["line_item"]: row for row in csv.DictReader(io.StringIO(comparison_grid(comparison).to_csv()))}
    assert exported["Total assets"]["change"] == "37763" and exported["Total assets"]["doubt"] == ""


def test_a_value_in_doubt_is_marked_in_the_comparison_and_its_export():
    """1997's total current assets does not foot (5,500 printed, 5,400 summed); 1998's does."""
    from parser import parse_text
    from test_arithmetic_doubts import BALANCE

    table = parse_text(BALANCE, "bs.txt").tables[0]
    by_year = {column.period.end.year: column.index for column in table.columns}
    comparison = compare(table, by_year[1998], by_year[1997])
    line = by_label(comparison)["Total current assets"]
    assert (line.current_doubt, line.prior_doubt) == (False, True) and comparison.doubted >= 1
    exported = {row["line_item"]: row for row in csv.DictReader(io.StringIO(comparison_grid(comparison).to_csv()))}
    assert exported["Total current assets"]["doubt"] == "prior"


async def test_shift_c_compares_the_statement_with_the_companys_other_filing(tmp_path):
    from tui.app import build_app
    from tui.screens.compare import CompareScreen
    from tui.screens.periods import Picker

    folder = extra_folder(tmp_path, MS97, MS00, AEROFLEX)
    app = build_app([str(folder)], str(tmp_path / "cache.sqlite3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        screen.filing_list.highlighted = [p.endswith(MS00) for p in screen.filing_list.paths].index(True)
        await pilot.pause()
        screen.filing_list.focus()
        await pilot.press("1", "C")  # one other Microsoft filing: no question asked
        await pilot.pause()
        compare_screen = app.screen
        assert isinstance(compare_screen, CompareScreen) and not isinstance(compare_screen, Picker)
        grid = compare_screen.grid
        shown = {str(grid.get_row_at(k)[0]).strip(): [str(cell) for cell in grid.get_row_at(k)[1:]]
                 for k in range(grid.row_count)}
        assert shown["Revenue"] == ["$22,956", "$11,358", "+11,598", "+102.1%"]
        assert shown["Net income"][2:] == ["+5,967", "+172.8%"]
        assert "MICROSOFT" in str(compare_screen.query_one("#compare-title").render()).upper()
        await pilot.press("escape")
        assert not isinstance(app.screen, CompareScreen)


async def test_several_other_filings_are_offered_newest_first(tmp_path):
    from tui.app import build_app
    from tui.screens.compare import CompareScreen
    from tui.screens.periods import Picker

    folder = extra_folder(tmp_path, MS95, MS97, MS00, AEROFLEX)
    app = build_app([str(folder)], str(tmp_path / "cache.sqlite3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        screen.filing_list.highlighted = [p.endswith(MS00) for p in screen.filing_list.paths].index(True)
        await pilot.pause()
        screen.filing_list.focus()
        await pilot.press("2", "C")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, Picker)
        assert [value.filing.name for _, value in picker.options] == [MS97, MS95]
        await pilot.press("down", "enter")  # the 1995 10-K
        await pilot.pause()
        compare_screen = app.screen
        assert isinstance(compare_screen, CompareScreen)
        assert compare_screen.comparison.prior.period.end == date(1995, 6, 30)
        assets = by_label(compare_screen.comparison)["Total assets"]  # $7,210 in the 1995 balance sheet
        assert (assets.current.value, assets.prior.value) == (52150, 7210)
