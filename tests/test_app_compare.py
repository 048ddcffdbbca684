"""Compare two periods of the profit and loss account; open a line item's series."""

from __future__ import annotations

from pathlib import Path

from tests_support import ready
from tui.app import build_app
from tui.screens.compare import CompareScreen
from tui.screens.series import SeriesScreen

FILINGS = Path(__file__).resolve().parents[1] / "filings"
FILING_001 = str(FILINGS / "001_e47b350a37731711.txt")


def row_text(grid, key: str) -> list[str]:
    return [cell.plain for cell in grid.get_row(key)]


async def open_pl(app, pilot):
    await ready(app, pilot)
    app.screen.show_table(FILING_001, 1)
    await pilot.pause()


async def test_compare_three_months_2004_with_2003():
    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_pl(app, pilot)
        await pilot.press("c")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        grid = screen.grid
        turnover = next(k for k, line in enumerate(screen.comparison.lines) if line.label == "Turnover")
        assert row_text(grid, str(turnover)) == ["Turnover", "301,233", "292,967", "+8,266", "+2.8%"]
        header = [column.label.plain for column in grid.ordered_columns]
        assert "3M to 2004-06-30" in header[1] and "GBP'000" in header[1]
        assert "3M to 2003-06-30" in header[2] and "After" in header[2]
        await pilot.press("u")
        assert row_text(grid, str(turnover))[1:] == ["301.2", "293.0", "+8.3", "+2.8%"]
        assert "GBP m" in grid.ordered_columns[1].label.plain
        await pilot.press("u", "o")
        moves = screen.comparison.largest_moves()
        assert screen.grid.get_row_at(0)[0].plain.strip() == screen.comparison.lines[moves[0]].label
        await pilot.press("g", "right_square_bracket")
        assert screen.line_index == moves[0]
        await pilot.press("right_square_bracket")
        assert screen.line_index == moves[1]
        await pilot.press("left_square_bracket")
        assert screen.line_index == moves[0]


async def test_period_picker_and_back():
    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_pl(app, pilot)
        await pilot.press("c", "p")
        await pilot.pause()
        picker = app.screen
        assert type(picker).__name__ == "PeriodPicker" and len(picker.pairs) == 3
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        compare = app.screen
        assert compare.comparison.prior.qualifier == "Exceptional Items"
        await pilot.press("escape")
        assert not isinstance(app.screen, CompareScreen)


async def test_turnover_series_from_its_row():
    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_pl(app, pilot)
        table = app.screen.content.table
        app.screen.content.statement.grid.highlight_row(table.find_row("Turnover").index)
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SeriesScreen)
        rows = [[cell.plain for cell in screen.query_one("#series-table").get_row_at(k)[:3]]
                for k in range(len(screen.series.points))]
        assert ["3M to 2004-06-30", "301,233", ""] in rows
        assert ["3M to 2004-03-31", "301,110", "Δ"] in rows
        assert ["6M to 2004-06-30", "602,343", ""] in rows
        chart = screen.chart_text()
        assert "trend" in chart and "3M to 2003-03-31 Δ" in chart
        await pilot.press("escape")
        assert not isinstance(app.screen, SeriesScreen)
