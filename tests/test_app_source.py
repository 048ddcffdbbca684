"""The source, one key away: `v` shows the open table's own lines with the highlighted cell's number
marked, and back; `o` opens the filing in $PAGER at that line, the app suspended meanwhile."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from tests_support import ready
from tui.app import build_app

FILINGS = Path(__file__).resolve().parents[1] / "filings"
FILING_001 = str(FILINGS / "001_e47b350a37731711.txt")


async def open_total_assets(app, pilot):
    await ready(app, pilot)
    main = app.screen
    main.show_table(FILING_001, 5)
    await pilot.pause()
    table = main.content.table
    row = table.find_row("Total assets")
    column = next(c.index for c in table.columns if c.period and c.period.end.isoformat() == "2004-06-30"
                  and c.currency == "GBP")
    grid = main.content.statement.grid
    grid.focus()
    grid.move_cursor(row=row.index, column=column + 1, animate=False)
    await pilot.pause()
    return main, row.cell(column)


async def test_v_shows_the_tables_lines_with_the_cell_marked_and_v_goes_back():
    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        main, cell = await open_total_assets(app, pilot)
        await pilot.press("v")
        content = main.content
        assert content.current == "text"
        view = content.text_view
        line, start, end = view.current_match
        assert (line, start, end) == (cell.line, cell.start, cell.end)
        printed = Path(FILING_001).read_text(encoding="latin-1").splitlines()[line - 1]
        assert printed[start:end].strip() == "2,284,872"  # as the filing prints it
        assert view.first_line <= line <= view.last_line
        await pilot.press("v")
        assert content.current == "statement" and content.table.title == "Consolidated Balance Sheet"
        grid = content.statement.grid
        assert content.table.rows[grid.row_index].label == "Total assets" and grid.row_index is not None
        assert content.table.rows[grid.row_index].cell(grid.column_index) == cell


async def test_o_opens_the_pager_at_the_cells_line(tmp_path, monkeypatch):
    record = tmp_path / "args.txt"
    pager = tmp_path / "pager.py"
    pager.write_text(f"import sys\nopen({str(record)!r}, 'w').write('\\n'.join(sys.argv[1:]))\n")
    monkeypatch.setenv("PAGER", f"{sys.executable} {pager}")
    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)  # the headless driver cannot suspend
        _main, cell = await open_total_assets(app, pilot)
        await pilot.press("o")
    assert record.read_text().splitlines() == [f"+{cell.line}", FILING_001]


async def test_v_on_a_label_marks_the_rows_whole_line():
    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        main, cell = await open_total_assets(app, pilot)
        grid = main.content.statement.grid
        grid.move_cursor(row=grid.cursor_row, column=0, animate=False)  # the label column
        await pilot.pause()
        await pilot.press("v")
        line, start, end = main.content.text_view.current_match
        printed = Path(FILING_001).read_text(encoding="latin-1").splitlines()[line - 1]
        assert line == cell.line and start == 0 and end == len(printed) and "Total assets" in printed
