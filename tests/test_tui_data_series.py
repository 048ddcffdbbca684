"""Series: one value per period across filings, derived quarters marked (headless)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parser import load_paths
from tui.data.chart import bar, bars, sparkline
from tui.data.series import build_series, shift_months

FILINGS = Path(__file__).resolve().parents[1] / "filings"


@pytest.fixture(scope="module")
def filings():
    return load_paths([FILINGS])


def _filing_001(filings):
    return next(f for f in filings if f.name.startswith("001"))


def test_turnover_series_has_reported_and_derived_quarters(filings):
    table = _filing_001(filings).tables[1]
    series = build_series(filings, table, table.find_row("Turnover"))
    assert series.unit == "GBP'000"
    points = {(p.end, p.months): p for p in series.points}
    assert points[(date(2004, 6, 30), 3)].value == 301233
    assert points[(date(2003, 6, 30), 3)].value == 292967
    assert points[(date(2004, 6, 30), 6)].value == 602343
    q1 = points[(date(2004, 3, 31), 3)]
    assert q1.derived and q1.value == 602343 - 301233 and q1.text == "301,110"
    assert not points[(date(2004, 6, 30), 3)].derived
    assert len(points) == len(series.points)


def test_one_value_per_period_prefers_the_source_table(filings):
    table = _filing_001(filings).tables[0]
    series = build_series(filings, table, table.find_row("Turnover"))
    assert series.unit == "GBP m"
    point = next(p for p in series.points if p.end == date(2004, 6, 30) and p.months == 3)
    assert point.value == pytest.approx(301.2) and "table 0" in point.source


def test_balance_sheet_series_has_no_derived_points(filings):
    table = _filing_001(filings).tables[5]
    series = build_series(filings, table, table.find_row("Total assets"))
    assert [(p.period, p.text) for p in series.points] == [
        ("at 2003-12-31", "2,423,038"), ("at 2004-06-30", "2,284,872")]


def test_chart_points_prefer_quarters(filings):
    table = _filing_001(filings).tables[1]
    series = build_series(filings, table, table.find_row("Turnover"))
    assert [p.months for p in series.chart_points()] == [3, 3, 3, 3]
    assert [p.end for p in series.chart_points()] == sorted(p.end for p in series.chart_points())


def test_shift_months_keeps_month_ends():
    assert shift_months(date(2004, 6, 30), -3) == date(2004, 3, 31)
    assert shift_months(date(2004, 6, 30), -6) == date(2003, 12, 31)
    assert shift_months(date(2004, 3, 31), -3) == date(2003, 12, 31)
    assert shift_months(date(2004, 2, 29), 12) == date(2005, 2, 28)
    assert shift_months(date(1997, 12, 26), -3) == date(1997, 9, 26)


def test_text_charts():
    assert sparkline([1, 2, 3]) == "▁▅█"
    assert sparkline([5, 5]) == "▅▅"
    assert bar(10, 10, 4) == "████"
    assert bar(-5, 10, 4) == "▒▒"
    lines = bars(["a", "bb"], [1.0, 2.0], ["1", "2"], width=4)
    assert lines == ["a   1  ██", "bb  2  ████"]


def test_the_progress_bar_fills_in_whole_cells():
    from tui.data.chart import progress_bar

    assert progress_bar(0, 3, 6) == "▕░░░░░░▏"
    assert progress_bar(1, 3, 6) == "▕██░░░░▏"
    assert progress_bar(3, 3, 6) == "▕██████▏"
    assert progress_bar(0, 0, 4) == "▕░░░░▏"  # nothing to do yet: an empty bar, no division by zero
