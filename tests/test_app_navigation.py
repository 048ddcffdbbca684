"""Terminal-tool conventions: Escape and `q` close compare, series and help and return to the table;
`q` on the main screen quits; letters typed into the filter box are text, not commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests_support import ready
from tui.app import build_app
from tui.screens.compare import CompareScreen
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.series import SeriesScreen

FILINGS = Path(__file__).resolve().parents[1] / "filings"
FILING_001 = str(FILINGS / "001_e47b350a37731711.txt")


@pytest.mark.parametrize("close", ["escape", "q"])
@pytest.mark.parametrize("key, screen_type", [("c", CompareScreen), ("s", SeriesScreen), ("question_mark", HelpScreen)])
async def test_escape_and_q_close_a_sub_screen_and_return_to_the_table(key, screen_type, close):
    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        main = app.screen
        main.show_table(FILING_001, 5)
        await pilot.pause()
        main.content.statement.grid.highlight_row(main.content.table.find_row("Total assets").index)
        main.content.statement.grid.focus()
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, screen_type)
        await pilot.press(close)
        await pilot.pause()
        assert app.screen is main and app.is_running
        assert main.content.table_index == 5  # where you were


async def test_q_on_the_main_screen_quits():
    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        main = app.screen
        main.filing_list.focus()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_letters_typed_into_the_filter_are_text():
    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        main = app.screen
        box = main.query_one("#filter", Input)
        box.focus()
        await pilot.press(*"colt q1s")
        assert box.value == "colt q1s" and isinstance(app.screen, MainScreen) and app.is_running
        assert main.filing_list.filter_text == "colt q1s"
