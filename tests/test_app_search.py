"""Line-item search: hits update as you type; enter opens the hit's table on its row."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests_support import ready
from tui.app import build_app
from tui.screens.search import SearchScreen

FILINGS = Path(__file__).resolve().parents[1] / "filings"


async def test_search_ebitda_and_land_on_the_row():
    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", *"ebit")
        search = app.screen
        assert isinstance(search, SearchScreen)
        partial_hits = len(search.hits)
        await pilot.press(*"da")
        labels = [hit.item.label for hit in search.hits]
        assert labels[:2] == ["EBITDA (1)", "EBITDA"] and partial_hits >= 2
        shown = search.query_one("#search-hits").get_option_at_index(1).prompt.plain
        assert "EBITDA" in shown and "2004-07-21" in shown and "5b. EBITDA reconciliation" in shown
        assert "84,724" in shown and "COLT TELECOM GROUP" in shown.upper()  # the filer, on the hit
        chosen = search.hits[1].item
        await pilot.press("down", "enter")
        await pilot.pause()
        main = app.screen
        assert main.content.table_index == chosen.table_index == 13
        grid = main.content.statement.grid
        assert grid.cursor_row == chosen.row_index
        assert main.content.table.rows[grid.cursor_row].label == "EBITDA"
        assert main.focused is grid
        assert main.outline.cursor_node.data.table_index == 13


async def test_synonym_hit_shows_the_printed_label():
    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", *"revenue")
        prompt = app.screen.query_one("#search-hits").get_option_at_index(0).prompt.plain
        assert prompt.startswith("Turnover") and "≈ turnover" in prompt
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)


async def test_a_search_opened_while_indexing_searches_the_complete_index_when_it_ends(tmp_path):
    import asyncio

    from tests_support import LIFECYCLE_TIMEOUT

    folder = tmp_path / "filings"
    folder.mkdir()
    sample = (FILINGS / "001_e47b350a37731711.txt").read_bytes()
    (folder / "big.txt").write_bytes(sample * 100)  # 5 MB, seconds of parsing: the search opens before it ends
    app = build_app([str(folder)], str(tmp_path / "cache.sqlite3"))
    async with app.run_test(size=(120, 40)) as pilot:
        await asyncio.wait_for(app.index_opened.wait(), LIFECYCLE_TIMEOUT)
        await pilot.press("slash")
        search = app.screen
        assert isinstance(search, SearchScreen)
        search.query_one(Input).value = "ebitda"  # typed at once: Pilot's key presses wait for an idle process
        await pilot.pause()
        assert not app.index_finished.is_set(), "indexing ended before the search opened"
        assert not search.hits
        await ready(app, pilot)
        assert app.screen is search and search.hits
        assert search.hits[0].item.label.startswith("EBITDA")


async def test_letters_typed_in_the_same_instant_as_the_slash_reach_the_search_box():
    """As a fast typist or a pasted '/ebitda' sends them: every key queued before the screen opens."""
    from textual import events
    from textual.widgets import Input

    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        for character in "/ebitda":
            app.post_message(events.Key("slash" if character == "/" else character, character))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen) and app.screen.query_one(Input).value == "ebitda"
        await pilot.press("escape")
        box = app.screen.query_one("#filter", Input)
        box.focus()
        await pilot.press("slash", "a")  # in the filter box a slash is text
        assert box.value == "/a" and not isinstance(app.screen, SearchScreen)


async def test_letters_typed_in_the_same_instant_as_f_reach_the_find_box():
    from textual import events
    from textual.widgets import Input

    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(app, pilot)
        for character in "fturnover":
            app.post_message(events.Key(character, character))
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#find", Input).value == "turnover"
