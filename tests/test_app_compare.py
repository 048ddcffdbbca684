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


async def test_one_number_from_the_cell_through_series_chart_copy_and_export(tmp_path):
    """Turnover, three months to 30 June 2004, printed 301,233 (GBP'000) in the results release: the
    same number on the series screen, in its chart, in the copied TSV and in the exported CSV."""
    import csv
    import io

    from textual.widgets import Input

    from tests_support import exported

    app = build_app([str(FILINGS)], str(tmp_path / "cache.sqlite3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_pl(app, pilot)
        table = app.screen.content.table
        row = table.find_row("Turnover")
        column = next(c for c in table.columns if c.period and c.period.describe() == "3M to 2004-06-30")
        assert row.cells[column.index].value == 301233
        grid = app.screen.content.statement.grid
        grid.highlight_row(row.index)
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        point_index = next(k for k, p in enumerate(screen.series.points) if p.period == "3M to 2004-06-30")
        point = screen.series.points[point_index]
        assert point.value == 301233 and point.text == "301,233" and screen.series.unit == "GBP'000"
        shown = [cell.plain for cell in screen.query_one("#series-table").get_row_at(point_index)]
        assert shown[1] == "301,233"
        assert any("3M to 2004-06-30" in line and "301,233" in line for line in screen.chart_text().splitlines())
        screen.query_one("#series-table").move_cursor(row=point_index)
        await pilot.press("y")
        copied = list(csv.DictReader(io.StringIO(app.last_copied), delimiter="\t"))
        assert copied[0]["value"] == "301233" and copied[0]["unit"] == "GBP'000"
        await pilot.press("e")
        await pilot.pause()
        target = tmp_path / "turnover.csv"
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await exported(app, pilot)
    with open(target, newline="", encoding="utf-8") as handle:
        lines = [line for line in csv.DictReader(handle) if line["period_end"] == "2004-06-30" and line["months"] == "3"]
    assert lines[0]["value"] == "301233" and lines[0]["unit"] == "GBP'000"
