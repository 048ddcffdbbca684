"""The app marks cells read with doubt and names the doubts of the cell under the cursor."""

from __future__ import annotations

from pathlib import Path

from tests_support import ready, rendered
from tui.app import build_app
from tui.widgets.statement_table import DOUBT_MARK

REPO = Path(__file__).resolve().parents[1]
FILINGS = REPO / "filings"
SIZE = (120, 40)

NO_PERIOD_FILING = """FORM 6-K

                          For the month of May 2003

                           BRAMBLE PUBLISHING plc

12 May 2003

                        Regional analysis

<TABLE>
<CAPTION>
                                       Region A        Region B
                                       GBP'000         GBP'000
<S>                                    <C>             <C>
Turnover                               48,612          45,230
Costs                                 (29,870)        (28,114)
Operating profit                        18,742          17,116
</TABLE>
"""




async def test_column_without_period_is_marked_and_explained(tmp_path):
    (tmp_path / "regions.txt").write_text(NO_PERIOD_FILING, encoding="utf-8")
    app = build_app([str(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        screen = app.screen
        screen.outline.focus()
        await pilot.press("G", "enter")
        await pilot.pause()
        grid = screen.content.statement.grid
        assert grid.get_cell("0", "0").plain == f"48,612{DOUBT_MARK}"
        assert f"48,612{DOUBT_MARK}" in rendered(grid)
        assert "6 in doubt (marked ?)" in " ".join(rendered(screen.query_one("#statement-title")).split())
        grid.move_cursor(row=0, column=1, animate=False)
        await pilot.pause()
        detail = " ".join(rendered(screen.query_one("#statement-detail")).split())
        assert "period not read" in detail


async def test_guessed_label_named_in_detail_line():
    app = build_app([str(FILINGS)])
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "enter")
        await pilot.pause()
        content = app.screen.content
        for _ in range(12):
            if content.table_index == 6:
                break
            await pilot.press("right_square_bracket")
            await pilot.pause()
        assert content.table_index == 6
        row = content.table.find_row("(Decrease)/increase in cash")
        grid = content.statement.grid
        assert grid.get_cell(str(row.index), "0").plain.endswith(DOUBT_MARK)
        grid.highlight_row(row.index)
        await pilot.pause()
        detail = " ".join(rendered(app.screen.query_one("#statement-detail")).split())
        assert "label read from the lines after its numbers" in detail



BALANCE_ROW_FILING = """FORM 10-K

                          NORTHWIND TRADING CORP.

                    CONSOLIDATED STATEMENTS OF CASH FLOWS
                    (In millions)

<TABLE>
<CAPTION>
                                              Year ended December 31,
                                              1996              1995
<S>                                           <C>               <C>
Net income                                    $ 120             $  95
Depreciation                                     40                38
Net increase in cash                             60                11
Cash at beginning of year                       150               139
Cash at end of year                           $ 210             $ 150
</TABLE>
"""


async def test_detail_line_says_where_period_and_unit_were_read(tmp_path):
    """A balance row under a year column is read at the year's end, and the detail line says it
    was the row label that made it a point in time, and the caption that gave the unit."""
    (tmp_path / "northwind.txt").write_text(BALANCE_ROW_FILING, encoding="utf-8")
    app = build_app([str(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        screen = app.screen
        screen.outline.focus()
        await pilot.press("G", "enter")
        await pilot.pause()
        grid = screen.content.statement.grid
        grid.move_cursor(row=4, column=1, animate=False)
        await pilot.pause()
        detail = " ".join(rendered(screen.query_one("#statement-detail")).split())
        assert "Cash at end of year" in detail
        assert "read as at 1996-12-31 from the row label" in detail
        assert "USD m from the caption" in detail
        grid.move_cursor(row=0, column=2, animate=False)
        await pilot.pause()
        detail = " ".join(rendered(screen.query_one("#statement-detail")).split())
        assert "read as 12M to 1995-12-31 from the spanning header" in detail
