"""The browser opens a folder at once, lists filings newest first, shows tables, errors and text literally."""

from __future__ import annotations

from pathlib import Path

from tests_support import ready, rendered
from tui.app import build_app
from tui.screens.help import HelpScreen
from tui.widgets.filing_list import ERROR_MARK

REPO = Path(__file__).resolve().parents[1]
FILINGS = REPO / "filings"
SIZE = (120, 40)

MARKUP_FILING = """FORM 6-K

                          For the month of May 2003

                           BRAMBLE PUBLISHING plc
                 (Translation of Registrant's Name into English)

12 May 2003

        BRAMBLE PUBLISHING PLC [Axis] RESULTS FOR THE YEAR ENDED 31 MARCH 2003

Turnover rose [bold]sharply[/bold] to 48.6 million. \x1b[31mRed\x1b[0m here.

                        Segment analysis [Axis]

<TABLE>
<CAPTION>
                                         Year ended 31 March
                                        2003            2002
                                       GBP'000         GBP'000
<S>                                    <C>             <C>
Costs
Segments [Axis]                        48,612          45,230
[red]x[/red]                          (29,870)        (28,114)
Total \x1b[31mcosts                     {gross}          17,116
</TABLE>
"""




async def test_folder_lists_three_filings_newest_first():
    app = build_app([str(FILINGS)])
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        screen = app.screen
        assert [Path(p).name[:3] for p in screen.filing_list.paths] == ["000", "001", "002"]
        text = " ".join(rendered(screen.filing_list).split())
        assert "2004-11-10" in text and "2004-07-21" in text and "2004-07-01" in text
        assert "COLT TELECOM GROUP PLC ANNOUNCES RESULTS" in text
        assert "TRADING UPDATE FROM COLT TELECOM GROUP PLC" in text
        assert screen.content.current == "text" and screen.content.filing.name.startswith("000")
        status = screen.query_one("#status")
        assert not status.parsing and rendered(status).strip() == "3 files"


async def test_first_screen_paints_before_parsing_finishes():
    app = build_app([str(FILINGS)])
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.query_one("#filings") is not None
        await ready(app, pilot)
        assert app.library.progress == (3, 3)


async def test_balance_sheet_total_assets_by_keys():
    app = build_app([str(FILINGS)])
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "enter")
        await pilot.pause()
        assert app.screen.focused is app.screen.outline
        for _ in range(6):
            await pilot.press("right_square_bracket")
        await pilot.pause()
        content = app.screen.content
        assert content.table.title == "Consolidated Balance Sheet"
        grid = content.statement.grid
        column = next(c for c in content.table.columns if c.period.describe() == "at 2004-06-30" and c.unit_text == "GBP'000")
        row = content.table.find_row("Total assets")
        assert grid.get_cell(str(row.index), str(column.index)).plain == "2,284,872"
        header = grid.ordered_columns[grid.get_column_index(str(column.index))].label.plain
        assert "at 2004-06-30" in header and "GBP'000" in header
        await pilot.press("left_square_bracket")
        assert content.table_index == 4


async def test_bad_files_stay_in_list_with_error_mark(tmp_path):
    (tmp_path / "002_good.txt").write_bytes((FILINGS / "002_3c3cc2a74b250ec0.txt").read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    app = build_app([str(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        screen = app.screen
        names = [Path(p).name for p in screen.filing_list.paths]
        assert names[0] == "002_good.txt" and set(names[1:]) == {"empty.txt", "binary.txt"}
        listed = rendered(screen.filing_list)
        assert f"{ERROR_MARK} empty.txt" in listed and f"{ERROR_MARK} binary.txt" in listed
        assert "2 unreadable" in rendered(screen.query_one("#status"))
        screen.filing_list.highlighted = names.index("empty.txt")
        await pilot.pause()
        message = rendered(screen.content.query_one("#message"))
        assert screen.content.current == "message"
        assert app.library.get(str(tmp_path / "empty.txt")).error in " ".join(message.split())
        screen.filing_list.highlighted = 0
        await pilot.pause()
        assert screen.content.current == "text"


async def test_markup_and_escape_codes_shown_literally(tmp_path):
    (tmp_path / "markup.txt").write_text(MARKUP_FILING.format(gross="18,742"), encoding="utf-8")
    app = build_app([str(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        screen = app.screen
        assert "PLC [Axis] RESULTS" in " ".join(rendered(screen.filing_list).split())
        assert "Segment analysis [Axis]" in rendered(screen.outline)
        screen.outline.focus()
        await pilot.press("G", "enter")
        table_text = rendered(screen.content.statement.grid)
        assert "Segments [Axis]" in table_text
        assert "[red]x[/red]" in table_text
        assert "Total \\x1b[31mcosts" in table_text
        assert "Segment analysis [Axis]" in rendered(screen.query_one("#statement-title"))
        await pilot.press("j", "j")
        assert "[red]x[/red]" in rendered(screen.query_one("#statement-detail"))
        screen.outline.focus()
        await pilot.press("g", "j", "enter")
        text = rendered(screen.content.text_view)
        assert "[bold]sharply[/bold]" in text and "\\x1b[31mRed\\x1b[0m" in text
        assert "\x1b" not in text


async def test_cell_that_does_not_foot_is_marked_with_difference(tmp_path):
    (tmp_path / "bad_total.txt").write_text(MARKUP_FILING.format(gross="18,750"), encoding="utf-8")
    app = build_app([str(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        screen = app.screen
        filing = screen.content.filing
        screen.show_table(filing.path, 0, 3)
        await pilot.pause()
        grid = screen.content.statement.grid
        assert grid.get_cell("3", "0").plain == "≠18,750"
        assert grid.get_cell("3", "1").plain == "17,116"
        detail = " ".join(rendered(screen.query_one("#statement-detail")).split())
        assert "does not foot" in detail and "difference +8" in detail
        assert "do not foot" in " ".join(rendered(screen.query_one("#statement-title")).split())


async def test_find_in_text_with_n_and_shift_n():
    app = build_app([str(FILINGS / "001_e47b350a37731711.txt")])
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("f", *"EBITDA", "enter")
        screen = app.screen
        assert len(screen.find_matches) >= 2
        first = screen.find_current
        view = screen.content.text_view
        assert view.first_line <= first[0] <= view.last_line
        await pilot.press("n")
        assert screen.find_current > first
        await pilot.press("N")
        assert screen.find_current == first
        assert "match 1 of" in rendered(screen.query_one("#status"))
        await pilot.press("escape")
        assert not screen.query_one("#find").display


async def test_filter_help_and_palette():
    app = build_app([str(FILINGS)])
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("shift+tab", *"trading")
        assert [Path(p).name[:3] for p in app.screen.filing_list.paths] == ["002"]
        await pilot.press("escape")
        assert len(app.screen.filing_list.paths) == 3
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert type(app.screen).__name__ == "CommandPalette"
        await pilot.press(*"balance sheet")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.content.table.title == "Consolidated Balance Sheet"


async def test_palette_lists_the_screen_actions():
    app = build_app([str(FILINGS / "001_e47b350a37731711.txt")])
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        app.screen.show_table(str(FILINGS / "001_e47b350a37731711.txt"), 1)
        await pilot.pause()
        names = [command.title for command in app.get_system_commands(app.screen)]
        for wanted in ("Search", "Find", "Compare", "Series", "Export", "Copy", "Quit", "Help"):
            assert wanted in names
        assert "Cursor down" not in names
