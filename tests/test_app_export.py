"""Export a table to CSV at a confirmed path and read it back; copy rows and tables as TSV."""

from __future__ import annotations

import csv
from pathlib import Path

from textual.widgets import Input

from tests_support import exported, ready
from tui.app import build_app
from tui.screens.export import ExportDialog

FILINGS = Path(__file__).resolve().parents[1] / "filings"
FILING_001 = str(FILINGS / "001_e47b350a37731711.txt")


async def open_balance_sheet(app, pilot):
    await ready(app, pilot)
    app.screen.show_table(FILING_001, 5)
    await pilot.pause()


async def test_export_balance_sheet_and_read_back(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_balance_sheet(app, pilot)
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        path_input = dialog.query_one(Input)
        assert Path(path_input.value) == tmp_path.resolve() / "001_e47b350a37731711_table5.csv"
        path_input.value = str(FILINGS / "sneaky.csv")
        await pilot.press("enter")
        assert isinstance(app.screen, ExportDialog)
        assert "filings folder" in str(dialog.query_one("#export-message").render())
        assert not (FILINGS / "sneaky.csv").exists()
        path_input.value = str(tmp_path / "balance.csv")
        await pilot.press("enter")
        await exported(app, pilot)
        assert not isinstance(app.screen, ExportDialog)
    with open(tmp_path / "balance.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    total = next(row for row in rows if row["line_item"] == "Total assets")
    column = next(name for name in rows[0] if name.startswith("at 2004-06-30 GBP'000"))
    assert total[column] == "2284872"
    assert "At 30 June 2004" in column


async def test_export_cancel_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_balance_sheet(app, pilot)
        await pilot.press("e", "escape")
        await pilot.pause()
    assert list(tmp_path.iterdir()) == []


async def test_copy_row_and_table_as_tsv():
    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_balance_sheet(app, pilot)
        table = app.screen.content.table
        app.screen.content.statement.grid.highlight_row(table.find_row("Total assets").index)
        await pilot.press("y")
        lines = app.last_copied.splitlines()
        assert lines[1].split("\t")[1:] == ["Total assets", "2423038", "2284872", "4141559"]
        assert app.clipboard == app.last_copied
        await pilot.press("Y")
        assert len(app.last_copied.splitlines()) == len(table.rows) + 1
