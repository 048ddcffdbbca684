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


async def test_f9_hides_the_side_panes_and_f10_fills_the_screen_with_the_focused_pane():
    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        main = app.screen
        main.show_table(FILING_001, 5)
        await pilot.pause()
        sidebar = main.query_one("#sidebar")
        main.filing_list.focus()
        await pilot.press("f9")
        assert not sidebar.display and main.focused is main.content.statement.grid  # focus leaves the hidden pane
        assert main.content.size.width > 100
        await pilot.press("f9")
        assert sidebar.display
        await pilot.press("f10")
        assert main.maximized is main.content
        await pilot.press("f10")
        assert main.maximized is None


async def test_copy_a_cell_and_a_table_as_markdown():
    """Total assets at 30 June 2004: 2,284,872 (GBP'000), balance sheet of filing 001."""
    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        main = app.screen
        main.show_table(FILING_001, 5)
        await pilot.pause()
        table = main.content.table
        column = next(c.index for c in table.columns if c.period and c.period.end.isoformat() == "2004-06-30"
                      and c.currency == "GBP")
        grid = main.content.statement.grid
        grid.focus()
        grid.move_cursor(row=table.find_row("Total assets").index, column=column + 1, animate=False)
        await pilot.press("x")
        assert app.last_copied == "2284872"
        await pilot.press("M")
        lines = app.last_copied.splitlines()
        assert lines[0].startswith("| group | line_item |") and lines[1].startswith("| --- | --- | ---: |")
        assert any(line.startswith("|  | Total assets | 2423038 | 2284872 |") for line in lines)


async def test_a_focused_filter_box_shows_only_the_keys_that_work_there():
    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        main = app.screen

        def actions() -> set[str]:
            return {active.binding.action for active in main.active_bindings.values() if active.enabled}

        main.filing_list.focus()
        await pilot.pause()
        assert {"search", "find"} <= actions()
        main.query_one("#filter", Input).focus()
        await pilot.pause()
        assert not {"search", "find", "statement('income')"} & actions() and "toggle_sidebar" in actions()


async def test_escape_closes_the_search_and_q_is_typed_into_it():
    from tui.screens.search import SearchScreen

    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        main = app.screen
        await pilot.press("slash", "q")
        search = app.screen
        assert isinstance(search, SearchScreen) and search.query_one(Input).value == "q"  # a query, not a command
        await pilot.press("escape")
        assert app.screen is main and app.is_running
