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
        # Named for what it holds: company, form and date (cover of filing 001), then the table's title.
        assert Path(path_input.value) == (tmp_path.resolve()
                                          / "COLT_TELECOM_GROUP_plc_6-K_2004-07-21_Consolidated_Balance_Sheet.csv")
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


async def export_as(app, pilot, target: Path) -> None:
    await pilot.press("e")
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    dialog.query_one(Input).value = str(target)
    await pilot.pause()
    assert target.suffix[1:].upper() in str(dialog.query_one("#export-format").render())
    await pilot.press("enter")
    await exported(app, pilot)


async def test_the_extension_picks_the_format_and_each_reads_back_to_the_same_numbers(tmp_path):
    """Total assets, printed 2,284,872 at 30 June 2004 and 2,423,038 at 31 December 2003 (GBP'000), in
    the balance sheet of filing 001, written as CSV, TSV, JSON, Parquet and Excel."""
    import json

    import openpyxl
    import pandas as pd

    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_balance_sheet(app, pilot)
        for suffix in ("csv", "tsv", "json", "parquet", "xlsx"):
            await export_as(app, pilot, tmp_path / f"balance.{suffix}")
    june = "at 2004-06-30 GBP'000"
    frames = {
        "csv": pd.read_csv(tmp_path / "balance.csv"),
        "tsv": pd.read_csv(tmp_path / "balance.tsv", sep="\t"),
        "json": pd.DataFrame(json.loads((tmp_path / "balance.json").read_text(encoding="utf-8"))),
        "parquet": pd.read_parquet(tmp_path / "balance.parquet"),
        "xlsx": pd.read_excel(tmp_path / "balance.xlsx", engine="openpyxl"),
    }
    for fmt, frame in frames.items():
        total = frame[frame["line_item"] == "Total assets"].iloc[0]
        column = next(name for name in frame.columns if name.startswith(june))
        december = next(name for name in frame.columns if name.startswith("at 2003-12-31 GBP'000"))
        assert (total[column], total[december]) == (2284872, 2423038), fmt
        assert frame[column].dtype.kind == "f", fmt  # numbers stay numbers, blanks are missing
    book = openpyxl.load_workbook(tmp_path / "balance.xlsx")
    sheet = book.active
    assert sheet.title == "Consolidated Balance Sheet" and sheet.freeze_panes == "C2"  # header row, label column
    row = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "Total assets")
    numbers = [cell for cell in row[2:] if cell.value is not None]
    assert numbers[0].number_format == "#,##0" and isinstance(numbers[0].value, (int, float))


async def test_an_unknown_extension_is_refused_with_the_formats_named(tmp_path):
    app = build_app([str(FILINGS)])
    async with app.run_test(size=(120, 40)) as pilot:
        await open_balance_sheet(app, pilot)
        await pilot.press("e")
        dialog = app.screen
        dialog.query_one(Input).value = str(tmp_path / "balance.docx")
        await pilot.press("enter")
        assert app.screen is dialog
        message = str(dialog.query_one("#export-message").render())
        assert "balance.docx" in message and ".xlsx" in message and ".parquet" in message
    assert list(tmp_path.iterdir()) == []
